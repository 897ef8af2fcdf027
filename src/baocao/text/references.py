"""Citations of documents: "Kế hoạch số 31-KH/HU, ngày 09/02/2023", "Thông tư 04/2023/TT-BTC".

A citation is a document type (any capitalisation: "kết luận số …" too) followed by a number
and symbol ("31-KH/HU", "04/2023/TT-BTC", "1234/QĐ-UBND") or by "số" and a bare number ("Nghị
định số 02"), up to three words between them ("Kế hoạch liên tịch số …"), and an optional date
("ngày 18/5/2021", "ngày 09 tháng 02 năm 2023"). A type with neither ("các Nghị quyết của HĐND")
is no citation.

Laws are also cited by name: "Luật Đất đai", "Bộ luật Hình sự", "Pháp lệnh Dân số" give type
"Luật" (or "Bộ luật", "Pháp lệnh") with empty number and code, when the type word is capitalised
and a capitalised word follows ("dự thảo Luật đất đai" and "pháp luật" are not taken). The name
runs to the first punctuation or linking word ("năm", "của", "về" …); the comma of "Phòng,
chống" is the only one kept inside it.
"""

from __future__ import annotations

import datetime as dt
import re

from baocao.document.model import Reference
from baocao.text.find import word_starts
from baocao.text.normalize import LOWER, UPPER

TYPES = (
    "Nghị quyết",
    "Chỉ thị",
    "Kết luận",
    "Kế hoạch",
    "Quyết định",
    "Quy định",
    "Hướng dẫn",
    "Thông báo",
    "Thông tư",
    "Nghị định",
    "Báo cáo",
    "Công văn",
    "Chương trình",
    "Đề án",
    "Tờ trình",
    "Thông tri",
    "Luật",
    "Bộ luật",
    "Pháp lệnh",
    "Quy chế",
)
_CANONICAL = {t.lower(): t for t in TYPES}
_LAWS = ("Luật", "Bộ luật", "Pháp lệnh")
_SP = r"[ \xa0]"
_TYPE = "|".join(t.replace(" ", f"{_SP}+") for t in sorted(TYPES, key=len, reverse=True))
_SEGMENT = r"[^\W\d_][\w&]*"  # KH, HU, QĐ, TTg, QĐi, QH13
_CODE = rf"[0-9]+[a-z]?(?:/[0-9]{{4}})?[-/]{_SEGMENT}(?:[-/]{_SEGMENT}|-{_SP}[A-ZĐ][\w&]*)*"
_DATE = (
    rf",?{_SP}*ngày{_SP}+(?P<d>[0-9]{{1,2}})(?:[/.-]|{_SP}+tháng{_SP}+)(?P<m>[0-9]{{1,2}})"
    rf"(?:[/.-]|{_SP}+năm{_SP}+)(?P<y>[0-9]{{4}})(?![\w/])"
)
_REF = re.compile(
    rf"(?<![\w])(?P<type>(?i:{_TYPE}))(?!\w)"
    rf"(?:{_SP}+(?:(?:[^\W\d_]+{_SP}+){{0,3}}?số{_SP}*:?{_SP}*)?(?P<code>{_CODE})(?![\w/])"
    rf"|{_SP}+(?:[^\W\d_]+{_SP}+){{0,3}}?số{_SP}*:?{_SP}*(?P<num>[0-9]+)(?![\w/.,-]))"
    rf"(?P<date>{_DATE})?"
)
# words that end a law's name: "Luật Đất đai năm 2013", "Luật Đất đai của Quốc hội"
_STOP = (
    "năm|số|của|về|và|đã|được|có|do|cho|theo|tại|trong|với|để|này|đó|là|các|những|khi|sau|"
    "trước|nhằm|hiện|đang|sẽ|từ|đến|trên|đối|thì|mà|như"
)
_WORD = rf"(?!(?:{_STOP})(?!\w))[{UPPER}{LOWER}]+(?![\w'])"
_LAW = re.compile(
    rf"(?<!\w)(?P<type>Luật|Bộ{_SP}+luật|Pháp{_SP}+lệnh)"
    rf"{_SP}+(?P<name>[{UPPER}][{LOWER}]*(?![\w'])(?:(?:,{_SP}*(?=chống)|{_SP}+){_WORD}){{0,7}})"
)


def extract_references(text: str) -> list[Reference]:
    """Every cited document with its type, number, code and date (ISO) when given."""
    out: list[Reference] = []
    last_end = 0
    for at in word_starts(text, tuple(_CANONICAL)):
        if at < last_end:
            continue  # "kết luận" inside "Thông báo kết luận số …", "luật" of "Bộ luật"
        ref = _numbered(text, at) or _law(text, at)
        if ref:
            out.append(ref)
            last_end = ref.end
    return out


def _numbered(text: str, at: int) -> Reference | None:
    m = _REF.match(text, at)
    if not m:
        return None
    code = m["code"] or ""
    number = m["num"] or re.match(r"[0-9]+", code).group(0)  # type: ignore[union-attr]
    kind = _CANONICAL[" ".join(m["type"].lower().split())]
    return Reference(m[0], kind, number, code, _iso(m), m.start(), m.end())


def _law(text: str, at: int) -> Reference | None:
    m = _LAW.match(text, at)
    if not m:
        return None
    kind = _CANONICAL[" ".join(m["type"].lower().split())]
    return Reference(m[0], kind, "", "", "", m.start(), m.end())


def _iso(m: re.Match[str]) -> str:
    if not m["date"]:
        return ""
    try:
        return dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
    except ValueError:
        return ""
