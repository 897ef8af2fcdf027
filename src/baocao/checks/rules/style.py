"""Style rules: capitals of official names and admin units, range spacing, number grouping.

All are warning or info, never error (FORMAT.md §2.3 tags them so).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from baocao.checks.findings import Finding
from baocao.checks.registry import Context, rule
from baocao.text.normalize import LOWER, UPPER, unify_tones

# Names whose capitals Nghị định 30/2020 Phụ lục II fixes (the name of a body capitalises the
# words of its type and function). Longest first, so "Hội Liên hiệp Phụ nữ" wins over shorter.
OFFICIAL_NAMES = sorted(
    [
        "Bộ Chính trị",
        "Ban Bí thư",
        "Ban Chấp hành Trung ương",
        "Ban Chấp hành",
        "Ban Thường vụ",
        "Mặt trận Tổ quốc Việt Nam",
        "Mặt trận Tổ quốc",
        "Hội Nông dân",
        "Hội Cựu chiến binh",
        "Hội Liên hiệp Phụ nữ",
        "Liên đoàn Lao động",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Ủy ban Kiểm tra",
        "Thanh tra Chính phủ",
        "Văn phòng Chính phủ",
        "Ủy ban nhân dân",
        "Hội đồng nhân dân",
        "Quốc hội",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        "Hội Chữ thập đỏ",
        "Ban Tổ chức",
        "Ban Tuyên giáo",
        "Ban Dân vận",
        "Ban Nội chính",
    ],
    key=len,
    reverse=True,
)
_BY_KEY = {unify_tones(name).lower(): name for name in OFFICIAL_NAMES}


def _names_by_first_letter(keys: list[str]) -> re.Pattern[str]:
    """One pass over lower-cased text for every name, longest first among those that share a
    first letter. Each branch matches its first letter before the look behind it, so the regex
    engine skips straight to those letters instead of trying every name at every character."""
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(k[0], []).append(k[1:])
    branches = [
        rf"{re.escape(c)}(?<!\w{re.escape(c)})(?:{'|'.join(map(re.escape, rests))})"
        for c, rests in groups.items()
    ]
    return re.compile(rf"(?:{'|'.join(branches)})(?!\w)")


_ANY_NAME = _names_by_first_letter(list(_BY_KEY))
_ADMIN = re.compile(
    rf"(?=[XPTH])(?<=[{LOWER},;:] )(Xã|Phường|Thị trấn|Huyện|Tỉnh|Thôn) (?=[{UPPER}])(?!Ủy|Uỷ)"
)
# The first digit is matched before the look behind it, so the regex engine skips straight to
# digits instead of trying the pattern at every character.
_RANGE = re.compile(
    r"((?:1(?<![\d/.,]1)9|2(?<![\d/.,]2)0)\d\d)(\s*[-–]\s*)((?:19|20)\d\d)(?![\d/])"
)
_NUMBER = re.compile(r"(\d(?<![\d/.,\w-]\d)(?:\d{0,2}(?:\.\d{3})+|\d{3,}))(?![\d/\w-]|[.,]\d)")


def _body_lines(ctx: Context):
    return [ln for ln in ctx.lines if ln.kind in ("paragraph", "footnote", "heading")]


@rule(
    "cap.org",
    severity="warning",
    area="style",
    summary_en="A body's name not capitalised as Phụ lục II of NĐ 30 writes it",
    summary="Tên cơ quan, tổ chức viết hoa chưa đúng (Phụ lục II NĐ 30)",
)
def official_name_capitals(ctx: Context) -> Iterator[Finding]:
    for line in _body_lines(ctx):
        # same length as the text: only the place of the tone mark moves, and case
        key = _lower_same_length(unify_tones(line.text))
        for m in _ANY_NAME.finditer(key):
            written = line.text[m.start() : m.end()]
            name = _BY_KEY[m.group(0)]
            # Only the letters' case is judged; "ủy"/"uỷ" tone placement is another rule.
            if unify_tones(written) == unify_tones(name) or written.isupper():
                continue
            if _generic_use(line.text, m.start(), written):
                continue
            yield ctx.finding(
                "cap.org",
                line.start + m.start(),
                line.start + m.end(),
                f"Tên \u201c{written}\u201d viết hoa chưa đúng Phụ lục II Nghị định 30/2020",
                "not the official capitalisation of the name",
                suggestion=name,
            )


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # "İ" -> "i̇"


def _generic_use(text: str, at: int, written: str) -> bool:
    """ "các ủy ban nhân dân" and similar plural or generic uses are not names."""
    before = text[max(0, at - 6) : at].lower()
    after = text[at + len(written) : at + len(written) + 5].lower()
    plural = before.endswith(("các ", "những ", "mọi ")) or after.startswith(" các ")
    return written[:1].islower() and plural


@rule(
    "cap.admin-unit",
    severity="warning",
    area="style",
    summary_en="A generic administrative noun capitalised mid-sentence",
    summary="Danh từ chung chỉ đơn vị hành chính viết hoa giữa câu",
)
def admin_unit_capitals(ctx: Context) -> Iterator[Finding]:
    for line in _body_lines(ctx):
        for m in _ADMIN.finditer(line.text):
            word = m.group(1)
            yield ctx.finding(
                "cap.admin-unit",
                line.start + m.start(1),
                line.start + m.end(1),
                "Giữa câu, danh từ chung chỉ đơn vị hành chính viết thường",
                "the generic noun of an administrative unit is lower case mid-sentence",
                suggestion=word.lower(),
            )


@rule(
    "style.range-spacing",
    severity="info",
    area="style",
    summary_en="Year ranges spaced one way here and another there",
    summary="Khoảng năm viết lúc có, lúc không có dấu cách quanh gạch nối",
)
def range_spacing(ctx: Context) -> Iterator[Finding]:
    ranges = [
        (line.start + m.start(), line.start + m.end(), m)
        for line in _body_lines(ctx)
        for m in _RANGE.finditer(line.text)
    ]
    spaced = sum(
        1 for *_, m in ranges if m.group(2).strip() and m.group(2)[0] == " " == m.group(2)[-1]
    )
    tight = sum(1 for *_, m in ranges if m.group(2).strip() == m.group(2))
    if not ranges or (spaced == len(ranges)) or (tight == len(ranges)):
        return
    for start, end, m in ranges:
        # the majority style; a one-sided space ("2020- 2025") is always out of line
        fix = f"{m.group(1)} - {m.group(3)}" if spaced >= tight else f"{m.group(1)}-{m.group(3)}"
        if m.group(0) == fix:
            continue
        yield ctx.finding(
            "style.range-spacing",
            start,
            end,
            "Khoảng năm viết không thống nhất với phần còn lại của báo cáo",
            "year range spacing differs from the rest of the report",
            suggestion=fix,
        )


@rule(
    "style.number-grouping",
    severity="info",
    area="style",
    summary_en="Numbers from 1,000 grouped in one place and not in another",
    summary="Số từ 1.000 trở lên lúc có, lúc không có dấu chấm phân nhóm",
)
def number_grouping(ctx: Context) -> Iterator[Finding]:
    numbers = []
    for line in _body_lines(ctx):
        for m in _NUMBER.finditer(line.text):
            digits = m.group(1)
            if "." not in digits and (len(digits) == 4 and 1900 <= int(digits) <= 2100):
                continue  # a year
            numbers.append((line.start + m.start(1), line.start + m.end(1), "." in digits, digits))
    grouped = sum(1 for n in numbers if n[2])
    if not grouped or grouped == len(numbers):
        return
    for start, end, is_grouped, digits in numbers:
        if is_grouped:
            continue
        fix = f"{int(digits):,}".replace(",", ".")
        yield ctx.finding(
            "style.number-grouping",
            start,
            end,
            f"Số {digits} chưa phân nhóm hàng nghìn như các số khác",
            f"{digits} is not grouped like the other numbers",
            suggestion=fix,
        )
