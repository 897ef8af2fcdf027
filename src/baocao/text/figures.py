"""Figures in report text: quantities with units, money, percentages, ratios and dates.

Each figure keeps its exact text and its offsets, so a checker or an editor can point at it.
Numbers that are not figures are left alone: years ("năm 2023"), terms ("2020 - 2025"),
ordinals ("lần thứ 2", "số 1", "lớp 8, 9", "đợt 7"), routes ("Quốc lộ 10", "QL21B") and
document codes ("31-KH/HU", "04/2023/TT-BTC", "Nghị định số 02").

Dates: `value` is the day's ordinal (`datetime.date.toordinal`) and `unit` the ISO form,
"2023-02-20". A date without its year ("ngày 27/2") has unit "--02-27" (ISO 8601's recurring
day) and a month with its year ("tháng 02/2023") unit "2023-02"; both have value 0.
"""

from __future__ import annotations

import datetime as dt
import re

from baocao.document.model import Figure
from baocao.text.normalize import LOWER
from baocao.text.numbers import parse_number
from baocao.text.wordlist import words

MONEY_UNITS = ("tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "tỷ", "triệu")
# Extend here: a number followed by one of these is a quantity in that unit. A number
# followed by another noun of the word list is a quantity too (see `_noun_after`).
QUANTITY_UNITS = (
    *("ha", "km", "m2", "m²", "tấn", "cây", "con", "hộ", "lô", "nhà", "hồ sơ", "đơn", "vụ việc"),
    *("vụ", "đối tượng", "đ/c", "đảng viên", "lượt người", "lượt", "người", "trường hợp", "dự án"),
    *("căn cước công dân", "căn cước", "mã định danh", "công trình", "đồng chí", "hạng mục"),
    *("thanh niên", "bản kê khai", "bản", "xã", "học sinh", "trường", "cơ sở", "doanh nghiệp"),
    *("lao động", "hội viên", "đoàn viên", "chi bộ", "tổ chức", "cuộc", "lớp", "buổi", "tin"),
    *("bài", "điểm", "năm học", "giáo viên", "trẻ", "nhóm", "phòng học"),
)
# Durations: quantities for figures, kept out of QUANTITY_UNITS, which the arithmetic
# rules (baocao.checks.quantities) add up.
TIME_UNITS = ("năm", "tháng", "tuần", "ngày", "giờ", "phút")
_SCALES = ("tỷ", "triệu", "nghìn", "ngàn")
_ATTACHED = ("ha", "km", "kg", "m²", "m2", "m3", "m")  # may follow the digits without a space

_NUM = r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]+(?:,[0-9]+)?"
_SP = r"[ \t\xa0]"
# The first digit comes first and the look-behind after it: a pattern that opens with a
# character class lets `re` skip ahead to the next digit instead of trying every position.
_TOKEN = re.compile(
    r"[0-9](?<![\w/.,:–-][0-9])(?:"
    r"(?P<d>[0-9]?)(?P<sep>[/.-])(?P<mo>[0-9]{1,2})(?P=sep)(?P<y>[0-9]{4})"
    r"|(?P<a>[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]*(?:,[0-9]+)?)"
    rf"(?:{_SP}?/{_SP}?(?P<b>{_NUM}))?"
    rf"(?P<att>{'|'.join(_ATTACHED)})?"
    r")(?![\w/]|[.,-]?[0-9])"
)


def _alternation(units: tuple[str, ...]) -> str:
    ordered = sorted(set(units), key=len, reverse=True)
    return "|".join(re.escape(u).replace(r"\ ", rf"{_SP}+") for u in ordered)


_UNIT = re.compile(
    rf"{_SP}+(?P<u>{_alternation(MONEY_UNITS + QUANTITY_UNITS + TIME_UNITS + _SCALES)})(?![\w/])"
)
_PERCENT = re.compile(rf"{_SP}?%")
_WRITTEN_DATE = re.compile(rf"{_SP}+tháng{_SP}+([0-9]{{1,2}}){_SP}+năm{_SP}+([0-9]{{4}})(?!\w)")
_NEXT_WORDS = re.compile(rf"{_SP}+([{LOWER}]+)(?:{_SP}+([{LOWER}]+))?(?:{_SP}+([{LOWER}]+))?")
_ABBREVIATION = re.compile(rf"{_SP}+([A-ZĐ]{{2,6}})(?!\w)")


def _words(text: str, sep: str | None = None) -> frozenset[str]:
    return frozenset(text.split(sep))


# The word just before a number that makes it a name, a rank or a date part, not a count.
_BEFORE_1 = _words(
    "năm tháng quý ngày tuần thứ số khóa khoá lớp lộ đợt cụm kỳ điều khoản điểm mức k vòng "
    "thôn xóm tổ đội khu ấp phường quận chương mục phần trang tập lần hạng bậc tầng luật ql "
    "tl đt km"
)
_BEFORE_2 = _words(
    "giai đoạn|nghị quyết|chỉ thị|kết luận|kế hoạch|quyết định|quy định|hướng dẫn|thông báo|"
    "thông tư|nghị định|báo cáo|công văn|chương trình|đề án|tờ trình|thông tri|pháp lệnh|"
    "phụ lục",
    "|",
)
_DURATION_UNITS = frozenset(("năm", "tháng", "quý", "ngày", "tuần"))
# What may stand between two numbers of one list or range ("lớp 8, 9", "2020 - 2025").
_LIST_GLUE = frozenset((",", "và", ", và", "-", "–", "đến", "tới", "hoặc", ";"))
# Words of the word list that follow a number without being what it counts ("5 có 3 sạch").
_NOT_COUNTED = _words(
    "có và là của trong tại với cho đã được không chưa đạt tăng giảm so bằng trên dưới từ "
    "đến tới hoặc hay thì mà các những này đó ấy nào đều cũng vẫn còn sẽ đang vào ra lên "
    "xuống theo về do bị nên nếu khi sau trước gồm như hơn nhất lại thêm nữa mới rồi ở để "
    "vì qua bởi phải cần nhằm hết sạch đẹp tốt khá giỏi xanh trở chiếm đồng triệu tỷ nghìn "
    "ngàn trăm mươi chục lẻ rưỡi nhưng song cùng thuộc"
)


def extract_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order, with `text[start:end] == figure.text`."""
    out: list[Figure] = []
    prev_end, prev_blocked = -1, False
    for m in _TOKEN.finditer(text):
        if m.start() < prev_end:
            continue  # "02" and "2023" of "28 tháng 02 năm 2023"
        figure, blocked = _token(text, m, prev_blocked and _glued(text, prev_end, m.start()))
        if figure:
            out.append(figure)
            prev_end = figure.end
        else:
            prev_end = m.end()
        prev_blocked = blocked
    return out


def _token(text: str, m: re.Match[str], listed: bool) -> tuple[Figure | None, bool]:
    """The figure a number token stands for, and whether it was a name/rank (for lists)."""
    if m["sep"]:
        day = int(text[m.start() : m.end("d")])
        return _date(text, m, int(m["y"]), int(m["mo"]), day), False
    a = _first(m)
    written = _WRITTEN_DATE.match(text, m.end())
    if written and a.isdigit() and not m["b"]:
        return _date(text, m, int(written[2]), int(written[1]), int(a), written.end()), False
    if m["b"]:
        return _ratio(text, m)
    percent = _PERCENT.match(text, m.end())
    if percent and not m["att"]:
        start, end = m.start(), percent.end()
        return Figure(text[start:end], parse_number(a), "%", "percent", start, end), False
    if _named(text, m.start()):
        return None, True
    return _quantity(text, m, listed), listed


def _first(m: re.Match[str]) -> str:
    """The first number of a token (its first digit stands outside group "a")."""
    return m.string[m.start() : m.end("a")]


def _quantity(text: str, m: re.Match[str], listed: bool) -> Figure | None:
    """A number with a unit: money, a measure, a count of things, a duration."""
    a, end = _first(m), m.end()
    if m["att"]:
        unit = m["att"]
    else:
        found = _unit_after(text, end, strict=listed or _year_like(a))
        if found is None:
            return None
        unit, end = found
    kind = "money" if _is_money(unit) else "quantity"
    return Figure(text[m.start() : end], parse_number(a), unit, kind, m.start(), end)


def _ratio(text: str, m: re.Match[str]) -> tuple[Figure | None, bool]:
    """a/b: a month of a year, a day and month, or a part of a total ("16,7/715,9 tỷ đồng")."""
    a, b = _first(m), m["b"]
    whole = a.isdigit() and b.isdigit()
    last = _previous_words(text, m.start())[0]
    if last not in ("tháng", "ngày") and _named(text, m.start()):
        return None, True  # "số 04/2023", "lớp 8/3"
    if whole and _year_like(b) and 1 <= int(a) <= 12:
        return _figure_date(text, m.start(), m.end(), f"{int(b)}-{int(a):02d}", 0.0), False
    day_month = whole and 1 <= int(a) <= 31 and 1 <= int(b) <= 12
    if day_month and last == "ngày":
        return _day_month(text, m), False
    found = None if m["att"] else _unit_after(text, m.end(), strict=False)
    if not found and not m["att"] and day_month:
        return _day_month(text, m), False  # "kỷ niệm ngày thầy thuốc Việt Nam 27/2"
    unit, end = found or (m["att"] or "", m.end())
    start, total = m.start(), parse_number(b)
    return Figure(text[start:end], parse_number(a), unit, "ratio", start, end, total), False


def _day_month(text: str, m: re.Match[str]) -> Figure | None:
    day, month = int(_first(m)), int(m["b"])
    try:
        dt.date(2000, month, day)  # a leap year: 29/2 is a day
    except ValueError:
        return None
    return _figure_date(text, m.start(), m.end(), f"--{month:02d}-{day:02d}", 0.0)


def _date(
    text: str, m: re.Match[str], year: int, month: int, day: int, end: int | None = None
) -> Figure | None:
    try:
        when = dt.date(year, month, day)
    except ValueError:
        return None  # an impossible date is the checker's business, not a figure
    end = m.end() if end is None else end
    return _figure_date(text, m.start(), end, when.isoformat(), float(when.toordinal()))


def _figure_date(text: str, start: int, end: int, iso: str, value: float) -> Figure:
    return Figure(text[start:end], value, iso, "date", start, end)


def _is_money(unit: str) -> bool:
    return unit in MONEY_UNITS or unit.rsplit(" ", 1)[-1] in ("đồng", "USD")


def _year_like(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100


def _unit_after(text: str, pos: int, *, strict: bool) -> tuple[str, int] | None:
    """The unit written after a number at `pos` and where it ends; None if there is none.

    `strict` keeps to the unit lists: a year-like number or one listed after a name ("lớp 8,
    9 cấp huyện") is not trusted with a free noun.
    """
    m = _UNIT.match(text, pos)
    if m:
        unit, end = " ".join(m["u"].split()), m.end()
        if unit in _SCALES:
            # "1,2 triệu lượt người" counts people; "14,9/65,9 tỷ" is money
            more = _unit_after(text, end, strict=strict)
            if more and more[0] not in _SCALES:
                return f"{unit} {more[0]}", more[1]
        return unit, end
    if strict:
        return None
    return _noun_after(text, pos)


def _noun_after(text: str, pos: int) -> tuple[str, int] | None:
    """The noun after a number ("5 huyện", "02 nghị quyết", "07 CCN"), the longest word of the
    underthesea word list; None when the next word is not a noun it could count."""
    m = _NEXT_WORDS.match(text, pos)
    if not m:
        abbreviation = _ABBREVIATION.match(text, pos)
        return (abbreviation[1], abbreviation.end()) if abbreviation else None
    if m[1] in _NOT_COUNTED:
        return None
    known = words()
    for n in (3, 2, 1):
        if not m[n]:
            continue
        candidate = " ".join(m[i] for i in range(1, n + 1))
        if candidate in known or (n == 1 and not known):
            return candidate, m.end(n)
    return None


def _previous_words(text: str, start: int) -> tuple[str, str]:
    """The two words before `start`, lower-case, if only spaces separate the number from them."""
    if start == 0 or text[start - 1] not in " \t\xa0":
        return "", ""
    parts = text[max(0, start - 24) : start].lower().split()
    last = parts[-1].lstrip("(“\"'[") if parts else ""
    before = parts[-2].lstrip("(“\"'[") if len(parts) > 1 else ""
    return last, before


def _named(text: str, start: int) -> bool:
    """Whether the words before a number make it a name or a rank ("năm 2023", "Quốc lộ 10")."""
    last, before = _previous_words(text, start)
    if last == "số":
        return before != "tổng"
    if last in _DURATION_UNITS and before.isdigit():
        return False  # "trong 6 tháng 955 tỷ đồng": "6 tháng" is a duration, 955 no month
    return last in _BEFORE_1 or f"{before} {last}" in _BEFORE_2


def _glued(text: str, prev_end: int, start: int) -> bool:
    """Whether only a list or range separator stands between two numbers."""
    between = text[prev_end:start]
    return len(between) <= 6 and " ".join(between.split()) in _LIST_GLUE
