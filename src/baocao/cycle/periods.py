"""Period arithmetic without Django: labels, next period, default cut-off and deadline dates.

Defaults follow Nghị định 09/2019/NĐ-CP, Điều 12: a period's figures run to the 14th of its last
month (the body may set another day), and units send their parts a couple of days later.
"""

from __future__ import annotations

import calendar
import datetime as dt

KINDS = ("month", "quarter", "six_months", "nine_months", "year")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def last_month(kind: str, number: int) -> int:
    """The calendar month a period ends in."""
    if kind == "month":
        return number
    if kind == "quarter":
        return 3 * number
    return {"six_months": 6, "nine_months": 9, "year": 12}[kind]


def first_month(kind: str, number: int) -> int:
    if kind == "month":
        return number
    if kind == "quarter":
        return 3 * number - 2
    return 1


def bounds(kind: str, year: int, number: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, first_month(kind, number), 1)
    end_month = last_month(kind, number)
    return start, dt.date(year, end_month, calendar.monthrange(year, end_month)[1])


def day_in(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def default_dates(
    kind: str, year: int, number: int, cutoff_day: int, deadline_day: int
) -> tuple[dt.date, dt.date]:
    """(cut-off, unit deadline) for the period."""
    month = last_month(kind, number)
    return day_in(year, month, cutoff_day), day_in(year, month, deadline_day)


def next_period(kind: str, year: int, number: int) -> tuple[int, int]:
    """(year, number) of the period after this one, of the same kind."""
    if kind == "month":
        return (year + 1, 1) if number == 12 else (year, number + 1)
    if kind == "quarter":
        return (year + 1, 1) if number == 4 else (year, number + 1)
    return year + 1, number


def label(kind: str, year: int, number: int) -> str:
    """ "tháng 2 năm 2023", "quý I năm 2024", "6 tháng đầu năm 2025", "năm 2025"."""
    if kind == "month":
        return f"tháng {number} năm {year}"
    if kind == "quarter":
        return f"quý {_ROMAN[number]} năm {year}"
    if kind == "six_months":
        return f"6 tháng đầu năm {year}"
    if kind == "nine_months":
        return f"9 tháng năm {year}"
    return f"năm {year}"


def short_label(kind: str, number: int) -> str:
    """The period's name without its year, as headings write it: "THÁNG 2", "QUÝ I"."""
    if kind == "month":
        return f"tháng {number}"
    if kind == "quarter":
        return f"quý {_ROMAN[number]}"
    if kind == "six_months":
        return "6 tháng đầu năm"
    if kind == "nine_months":
        return "9 tháng"
    return "năm"


def default_subtitle(kind: str, year: int, number: int) -> str:
    """The summary line of a periodic report, as the sample writes it."""
    ny, nn = next_period(kind, year, number)
    if kind == "month":
        if ny == year:
            return (
                f"Kết quả thực hiện công tác tháng {number},\n"
                f"nhiệm vụ trọng tâm tháng {nn} năm {year}"
            )
        return (
            f"Kết quả thực hiện công tác tháng {number} năm {year},\n"
            f"nhiệm vụ trọng tâm tháng {nn} năm {ny}"
        )
    return f"Kết quả thực hiện công tác {label(kind, year, number)},\nnhiệm vụ trọng tâm kỳ tới"
