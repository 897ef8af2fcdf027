"""The period a report covers, read from its summary line (trích yếu) or title."""

from __future__ import annotations

import re

from baocao.document.model import Issuer, Period
from baocao.text.normalize import fold

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = re.compile(r"\bnam\s+(\d{4})\b")
_SIX = re.compile(r"\b(6|sau)\s+thang\b")
_NINE = re.compile(r"\b(9|chin)\s+thang\b")
_QUARTER = re.compile(r"\bquy\s+(iv|iii|ii|i|[1-4])\b")
_MONTH = re.compile(r"\bthang\s+(\d{1,2})\b")
_YEARLY = re.compile(r"\b(nam|ca nam|tong ket nam)\s+(\d{4})\b")
_TERM = re.compile(r"\bhoc ky\s+(ii|i|1|2)\b")
_SCHOOL_YEAR = re.compile(r"\bnam hoc\s+(\d{4})\s*[-–]\s*(\d{4})\b")


def parse_period(text: str, issuer: Issuer | None = None) -> Period | None:
    """'Kết quả thực hiện công tác tháng 2, nhiệm vụ trọng tâm tháng 3 năm 2023' -> month 2/2023.

    The first period named is the one reported on (the next one is the focus-task period).
    Without a year in the text the issuer's date gives it; without either, None.
    """
    key = fold(" ".join(text.split()))
    if not key:
        return None
    fallback = int(issuer.date[:4]) if issuer and issuer.date[:4].isdigit() else None
    school = _school_period(key)
    if school:
        return school
    for pattern, kind in ((_SIX, "six_months"), (_NINE, "nine_months")):
        m = pattern.search(key)
        if m:
            year = _year_after(key, m.end(), fallback)
            return Period(kind, year) if year else None
    m = _QUARTER.search(key)
    if m:
        year = _year_after(key, m.end(), fallback)
        q = _ROMAN.get(m.group(1)) or int(m.group(1))
        return Period("quarter", year, quarter=q) if year else None
    m = _MONTH.search(key)
    if m and 1 <= int(m.group(1)) <= 12:
        year = _year_after(key, m.end(), fallback)
        return Period("month", year, month=int(m.group(1))) if year else None
    m = _YEARLY.search(key)
    if m:
        return Period("year", int(m.group(2)))
    return None


def _school_period(key: str) -> Period | None:
    """A school year "năm học 2021-2022" (year 2022); its term "học kỳ I" (6 months, 2021)."""
    m = _SCHOOL_YEAR.search(key)
    if not m:
        return None
    first, second = int(m.group(1)), int(m.group(2))
    term = _TERM.search(key)
    if term:
        return Period("six_months", first if term.group(1) in ("i", "1") else second)
    return Period("year", second)


def _year_after(key: str, pos: int, fallback: int | None) -> int | None:
    m = _YEAR.search(key, pos) or _YEAR.search(key)
    return int(m.group(1)) if m else fallback
