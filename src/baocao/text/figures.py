"""Figures in report text: quantities with units, money, percentages, ratios and dates.

Each figure keeps its exact text and its offsets, so a checker or an editor can point at it.
Numbers that are not figures are left alone: years ("năm 2023"), terms ("2020 - 2025"),
ordinals ("lần thứ X", "số 1", "lớp 8"), routes ("Quốc lộ 10") and document codes ("31-KH/HU").
"""

from __future__ import annotations

import datetime as dt
import re

from baocao.document.model import Figure
from baocao.text.numbers import parse_number

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
MONEY_UNITS = ("tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "tỷ", "triệu")
QUANTITY_UNITS = (
    "ha",
    "cây",
    "hộ",
    "lô",
    "hồ sơ",
    "vụ việc",
    "vụ",
    "đối tượng",
    "đ/c",
    "đảng viên",
    "đơn",
    "lượt người",
    "lượt",
    "người",
    "trường hợp",
    "dự án",
    "căn cước công dân",
    "căn cước",
    "mã định danh",
    "công trình",
    "hạng mục",
    "thanh niên",
    "nhà",
    "bản kê khai",
    "bản",
    "km",
    "m2",
    "m²",
    "tấn",
    "con",
    "xã",
    "học sinh",
    "trường",
    "cơ sở",
    "doanh nghiệp",
    "lao động",
    "hội viên",
    "đoàn viên",
    "chi bộ",
    "tổ chức",
    "cuộc",
    "lớp",
    "buổi",
    "tin",
    "bài",
    "điểm",
    "năm học",
    "giáo viên",
    "trẻ",
    "nhóm",
    "phòng học",
)
_UNITS = sorted(MONEY_UNITS + QUANTITY_UNITS, key=len, reverse=True)
_FIGURE = re.compile(
    rf"(?<![\w/.,-])(?P<a>{_NUMBER})"
    rf"(?:\s*/\s*(?P<b>{_NUMBER}))?"
    rf"(?:(?P<pct>\s?%)|\s+(?P<unit>{'|'.join(re.escape(u) for u in _UNITS)})(?!\w))?"
    r"(?![\w/]|[.,]\d)"
)
_DATE = re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{1,2})/(\d{4})(?![\w/])")
_NOT_FIGURE_BEFORE = re.compile(
    r"(năm|tháng|ngày|quý|lần thứ|thứ|(?<!tổng )số|khóa|khoá|lớp|Quốc lộ|QL|Tỉnh lộ|đợt|cụm|"
    r"kỳ|giai đoạn|nhiệm kỳ|Chỉ thị|Nghị quyết|Nghị định|Kết luận|Kế hoạch|Quyết định|"
    r"Thông tư|Điều|khoản|điểm|mức|K)\s*$",
    re.I,
)


def extract_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order, with `text[start:end] == figure.text`."""
    out = [f for f in (_date(m) for m in _DATE.finditer(text)) if f]
    taken = {i for f in out for i in range(f.start, f.end)}
    for m in _FIGURE.finditer(text):
        if m.start() in taken:
            continue
        figure = _figure(text, m)
        if figure:
            out.append(figure)
    return sorted(out, key=lambda f: f.start)


def _date(m: re.Match[str]) -> Figure | None:
    d, mo, y = (int(x) for x in m.groups())
    try:
        when = dt.date(y, mo, d)
    except ValueError:
        return None  # an impossible date is the checker's business, not a figure
    return Figure(m.group(0), float(when.toordinal()), "", "date", m.start(), m.end())


def _figure(text: str, m: re.Match[str]) -> Figure | None:
    if _NOT_FIGURE_BEFORE.search(text[max(0, m.start() - 14) : m.start()]):
        return None
    a, b, unit = m.group("a"), m.group("b"), m.group("unit") or ""
    if b and re.fullmatch(r"(19|20)\d\d", b) and a.isdigit() and int(a) <= 12:
        return None  # "02/2023"
    value = parse_number(a)
    if m.group("pct"):
        return Figure(m.group(0), value, "%", "percent", m.start(), m.end())
    if b and not unit and a.isdigit() and b.isdigit() and int(a) <= 31 and 1 <= int(b) <= 12:
        # "ngày thầy thuốc Việt Nam 27/2": a day and month without a year
        return Figure(m.group(0), 0.0, "", "date", m.start(), m.end())
    if b:
        return Figure(m.group(0), value, unit, "ratio", m.start(), m.end(), total=parse_number(b))
    if not unit:
        return None
    kind = "money" if unit in MONEY_UNITS else "quantity"
    if unit in ("tỷ", "triệu"):
        unit += " đồng"
    return Figure(m.group(0), value, unit, kind, m.start(), m.end())
