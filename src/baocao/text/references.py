"""Citations of documents: "Kế hoạch số 31-KH/HU, ngày 09/02/2023", "Thông tư 04/2023/TT-BTC"."""

from __future__ import annotations

import datetime as dt
import re

from baocao.document.model import Reference
from baocao.text.find import word_starts

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
    "Pháp lệnh",
    "Quy chế",
)
_TYPE = "|".join(TYPES)
_LOWER_TYPES = tuple(t.lower() for t in TYPES)
_CODE = r"\d+(?:/\d{4})?[-/][A-ZĐa-zđ&]+(?:[/-][A-ZĐa-zđ&]+|- [A-ZĐ&]+)*"
_REF = re.compile(
    rf"(?<!\w)(?P<type>(?i:{_TYPE}))(?!\w)"
    rf"(?:\s+(?:(?:[^\W\d_]+\s+){{0,3}}?số\s*:?\s*)?(?P<code>{_CODE})"
    r"|\s+(?:[^\W\d_]+\s+){0,3}?số\s*:?\s*(?P<num>\d+))"
    r"(?P<date>,?\s+ngày\s+(?P<d>\d{1,2})(?:/|\s+tháng\s+)(?P<m>\d{1,2})"
    r"(?:/|\s+năm\s+)(?P<y>\d{4}))?"
)


def extract_references(text: str) -> list[Reference]:
    """Every cited document with its type, number, code and date (ISO) when given."""
    out = []
    matches = (_REF.match(text, at) for at in word_starts(text, _LOWER_TYPES))
    for m in (m for m in matches if m):
        code = m.group("code") or ""
        number = m.group("num") or re.match(r"\d+", code).group(0)  # type: ignore[union-attr]
        kind = m.group("type")
        out.append(
            Reference(
                m.group(0),
                kind[0].upper() + kind[1:],
                number,
                code,
                _iso(m),
                m.start(),
                m.end(),
            )
        )
    return out


def _iso(m: re.Match[str]) -> str:
    if not m.group("date"):
        return ""
    try:
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return ""
