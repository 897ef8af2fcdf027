"""Numbers of a sentence as the arithmetic rules see them: value, unit, precision, nesting.

Unlike `baocao.text.figures` (which keeps only numbers that carry a unit or a %), the rules need
every count, bare ones too ("đã xử lý 34 trong đó (không kỷ luật 02; …)"), and where each stands
in the parenthesis structure of its sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from baocao.text.figures import MONEY_UNITS, QUANTITY_UNITS
from baocao.text.numbers import decimals_of, parse_number

# The first digit is matched before the look behind it (as in `baocao.text.figures`), so the
# regex engine skips straight to digits instead of trying the pattern at every character.
_NUM = re.compile(
    r"(\d(?<![\w/.,-]\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?))"
    r"(?:\s*/\s*(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?))?"
    r"(?![\w/]|[.,]\d|\s*-\s*[A-ZĐ])"
)
# The unit vocabulary is the figure extractor's; "tỷ" alone is "tỷ đồng" ("14,9/65,9 tỷ").
_UNITS = [*MONEY_UNITS, *QUANTITY_UNITS]
_UNIT_RE = re.compile(
    r"\s*(" + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True)) + r")(?!\w)"
)
_MONEY = {
    "tỷ đồng": 1e9,
    "tỷ": 1e9,
    "triệu đồng": 1e6,
    "triệu": 1e6,
    "nghìn đồng": 1e3,
    "ngàn đồng": 1e3,
    "đồng": 1.0,
}
_MEASURES = {"ha", "km", "m2", "m²", "tấn"}
# Numbers that are not quantities: years, dates, ordinals, codes, grades, routes. A number is
# a name when one of these ends the text before it, a space or more in between ("tổng số 35"
# is a count). Matched with `str.endswith`: this runs for every number of every report.
_NAMING_WORDS = tuple(
    w.lower()
    for w in (
        *("năm", "tháng", "ngày", "quý", "thứ", "lần thứ", "số", "khóa", "khoá", "lớp", "đợt"),
        *("cụm", "kỳ", "nhiệm kỳ", "mức", "giai đoạn", "Quốc lộ", "QL", "Tỉnh lộ", "K", "tuổi"),
        *("Chỉ thị", "Nghị quyết", "Nghị định", "Kết luận", "Kế hoạch", "Quyết định"),
        *("Thông tư", "Điều", "khoản", "điểm"),
    )
)


def _names_number(before: str) -> bool:
    """Whether the words right before a number make it a name or a date ("năm 2023")."""
    tail = before.rstrip()
    if not tail or len(tail) == len(before):
        return False  # the number's own text ("(", ":") stands between: not these words
    low = tail.lower()
    if low.endswith("tổng số"):
        return False
    return low.endswith(_NAMING_WORDS)


# "trong 6 tháng 955 tỷ đồng": after a duration the number is a quantity, not a month's name.
_DURATION_BEFORE = re.compile(r"\d\s+(năm|tháng|quý|ngày|tuần)\s+$", re.I)


@dataclass(frozen=True)
class Quantity:
    """A number in a sentence. `start`/`end` are offsets in the sentence's text."""

    value: float
    decimals: int  # digits written after the decimal comma: the precision of the writer
    unit: str | None
    start: int
    end: int
    depth: int  # parenthesis depth
    total: float | None = None  # the b of a ratio a/b
    total_decimals: int = 0
    percent: bool = False
    paired: bool = False  # the "08 lớp" of "255 trẻ/08 lớp": a second count of the same things

    @property
    def base(self) -> float:
        """The value in the unit's base (money in đồng)."""
        return self.value * _MONEY.get(self.unit or "", 1.0)

    @property
    def kind(self) -> str | None:
        """Which units can be added together: all money is one kind."""
        if self.unit in _MONEY:
            return "money"
        return self.unit

    def half_unit(self) -> float:
        """Half of the last written digit, in base units: the rounding the writer may have done.

        A whole count of things (hộ, hồ sơ, đ/c, or a bare number) is exact: nobody rounds 35
        Party members.
        """
        if self.decimals == 0 and self.unit not in _MONEY and self.unit not in _MEASURES:
            return 0.0
        return 0.5 * 10 ** (-self.decimals) * _MONEY.get(self.unit or "", 1.0)


def quantities(sentence: str) -> list[Quantity]:
    """Every quantity, ratio and percentage in `sentence`, in order."""
    return list(_quantities(sentence))


def clear_cache() -> None:
    """Forget the quantities read so far (benchmarks measure a text read for the first time)."""
    _quantities.cache_clear()
    _sentences.cache_clear()


@lru_cache(maxsize=4096)
def _quantities(sentence: str) -> tuple[Quantity, ...]:
    # Cached: several arithmetic rules read the same paragraph, and the web editor checks a
    # draft again on every pause in typing with most paragraphs unchanged.
    out: list[Quantity] = []
    depths = _depths(sentence)
    for m in _NUM.finditer(sentence):
        before = sentence[max(0, m.start() - 14) : m.start()]
        if _names_number(before) and not _DURATION_BEFORE.search(before):
            continue
        month, year = m.group(1), m.group(2) or ""
        if _YEAR.fullmatch(year) and month.isdigit() and int(month) <= 12:
            continue  # "02/2023": a month and its year
        value, decimals = parse_number(m.group(1)), decimals_of(m.group(1))
        if sentence.startswith("%", m.end()):
            out.append(
                Quantity(
                    value, decimals, "%", m.start(), m.end() + 1, depths(m.start()), percent=True
                )
            )
            continue
        unit_m = _UNIT_RE.match(sentence, m.end())
        unit = unit_m.group(1) if unit_m else None
        end = unit_m.end() if unit_m else m.end()
        total, total_dec = (None, 0)
        if m.group(2):
            total, total_dec = parse_number(m.group(2)), decimals_of(m.group(2))
        out.append(
            Quantity(value, decimals, unit, m.start(), end, depths(m.start()), total, total_dec)
        )
        pair = _PAIRED.match(sentence, end) if unit and total is None else None
        if (
            pair
            and (pair_unit := _UNIT_RE.match(sentence, pair.end()))
            and pair_unit.group(1) != unit
        ):
            number = pair.group(1)
            out.append(
                Quantity(
                    parse_number(number),
                    decimals_of(number),
                    pair_unit.group(1),
                    pair.start(1),
                    pair_unit.end(),
                    depths(pair.start(1)),
                    paired=True,
                )
            )
    return tuple(out)


# "255 trẻ/08 lớp", "143 trẻ/04 lớp": two counts of one group in two units (children, classes).
_PAIRED = re.compile(r"\s*/\s*(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/]|[.,]\d)")


def _depths(text: str) -> Callable[[int], int]:
    """The parenthesis depth at any position of `text` ("(" counts from itself, ")" after itself).

    Only the parentheses are walked, not every character: numbers are few, text is long.
    """
    if "(" not in text:
        return lambda _: 0  # most sentences have no parentheses
    marks: list[int] = []  # positions of the parentheses
    at: list[int] = []  # depth at that position
    after: list[int] = []  # depth just after it
    depth = 0
    for m in _PAREN.finditer(text):
        if m.group(0) == "(":
            depth += 1
            marks.append(m.start())
            at.append(depth)
        else:
            marks.append(m.start())
            at.append(depth)
            depth = max(0, depth - 1)
        after.append(depth)

    def depth_at(i: int) -> int:
        k = bisect.bisect_right(marks, i) - 1
        if k < 0:
            return 0
        return at[k] if marks[k] == i else after[k]

    return depth_at


_PAREN = re.compile(r"[()]")
_YEAR = re.compile(r"(19|20)\d\d")
_SENTENCE_BREAK = re.compile(r"\.\s+(?=\S)")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pieces of a paragraph, split after ". " before a capital."""
    return list(_sentences(text))


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[int, str], ...]:
    out, pos = [], 0
    for m in _SENTENCE_BREAK.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if nxt.isupper() or nxt in '(“"-':
            out.append((pos, text[pos : m.start() + 1]))
            pos = m.end()
    out.append((pos, text[pos:]))
    return tuple((p, s) for p, s in out if s.strip())
