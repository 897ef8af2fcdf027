"""What follows from an indicator's values: year-to-date, % of target, change on last year and
on the previous period, validation. Plain Python on Decimals, no Django: the views, the Excel
sheets, the sentence generator and the checker all call these.

Values are keyed by (year, month) of the period they belong to; a quarter, six or nine months
or a year is keyed by its last month.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from baocao.text.numbers import format_number

Key = tuple[int, int]  # (year, month)

TIME_AGGREGATIONS = ("sum", "last", "average")


def to_decimal(value: float | int | str | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def round_at(value: Decimal, decimals: int) -> Decimal:
    """Rounded half up at the precision written, as a reader rounds by hand (8,35 → 8,4)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def year_to_date(values: Mapping[Key, Decimal], year: int, month: int, how: str) -> Decimal | None:
    """Lũy kế: the year's values up to and including `month`, aggregated as the indicator says
    (sum of monthly flows, last value of a stock, average of a rate)."""
    if how not in TIME_AGGREGATIONS:
        raise ValueError(f"unknown time aggregation {how!r}")
    months = sorted(m for (y, m) in values if y == year and m <= month)
    if not months:
        return None
    series = [values[(year, m)] for m in months]
    if how == "sum":
        return sum(series, Decimal(0))
    if how == "last":
        return series[-1]
    return sum(series, Decimal(0)) / len(series)


def percent_of(value: Decimal | None, target: Decimal | None) -> Decimal | None:
    """value / target × 100, or None when either is missing or the target is zero."""
    if value is None or target is None or target == 0:
        return None
    return value * 100 / target


def change(value: Decimal | None, before: Decimal | None) -> Decimal | None:
    """Percent change on an earlier value (tăng/giảm x% so với cùng kỳ)."""
    if value is None or before is None or before == 0:
        return None
    return (value - before) * 100 / before


def previous_key(year: int, month: int, step: int = 1) -> Key:
    """The period `step` months earlier (a quarter is step 3)."""
    index = year * 12 + (month - 1) - step
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class Progress:
    value: Decimal | None
    ytd: Decimal | None
    target: Decimal | None
    percent_target: Decimal | None
    change_year: Decimal | None
    change_previous: Decimal | None


def progress(
    values: Mapping[Key, Decimal],
    year: int,
    month: int,
    how: str,
    target: Decimal | None,
    *,
    step: int = 1,
) -> Progress:
    """Every computed figure of one indicator for one period."""
    value = values.get((year, month))
    ytd = year_to_date(values, year, month, how)
    last_year = year_to_date(values, year - 1, month, how)
    return Progress(
        value=value,
        ytd=ytd,
        target=target,
        percent_target=percent_of(ytd, target),
        change_year=change(ytd, last_year),
        change_previous=change(value, values.get(previous_key(year, month, step))),
    )


def aggregate_units(values: Iterable[Decimal | None], how: str) -> Decimal | None:
    """Over units: the sum, or None when the indicator does not add up across units."""
    present = [v for v in values if v is not None]
    if how != "sum" or not present:
        return None
    return sum(present, Decimal(0))


@dataclass(frozen=True)
class Problem:
    """A validation finding: `kind` "relation" (blocks nothing, must be explained) or
    "outlier" (flagged for review)."""

    kind: str
    message: str


def check_sum(
    total: Decimal | None, parts: Iterable[Decimal | None], decimals: int
) -> Problem | None:
    """total = sum of parts, at the precision of the indicator."""
    present = [p for p in parts if p is not None]
    if total is None or not present:
        return None
    summed = sum(present, Decimal(0))
    if round_at(summed, decimals) == round_at(total, decimals):
        return None
    shown, parts_sum = figure_text(total, decimals), figure_text(summed, decimals)
    return Problem("relation", f"tổng {shown} khác tổng các thành phần {parts_sum}")


def check_ceiling(value: Decimal | None, target: Decimal | None, ratio: Decimal) -> Problem | None:
    """value ≤ target × k (a figure far above its plan is more likely a typo)."""
    if value is None or target is None or target <= 0:
        return None
    if value <= target * ratio:
        return None
    shown, k, plan = figure_text(value), figure_text(ratio), figure_text(target)
    return Problem("relation", f"giá trị {shown} vượt {k} lần chỉ tiêu {plan}")


def outlier(
    value: Decimal | None, history: Iterable[Decimal], k: Decimal = Decimal(5)
) -> Problem | None:
    """Far outside its own history: more than k median absolute deviations from the median
    (robust to the one odd month that a mean and standard deviation would follow)."""
    past = [float(h) for h in history]
    if value is None or len(past) < 6:
        return None
    median = statistics.median(past)
    mad = statistics.median(abs(x - median) for x in past)
    # at least a tenth of the median: a very steady history must not make every move an outlier
    spread = max(mad, abs(median) * 0.1) or 1.0
    if abs(float(value) - median) <= float(k) * spread:
        return None
    shown, usual = figure_text(value), figure_text(Decimal(median))
    return Problem("outlier", f"giá trị {shown} khác xa các kỳ trước (trung vị {usual})")


def figure_text(value: Decimal, decimals: int | None = None) -> str:
    """A figure the Vietnamese way ("88,8", "10.430"), never "88.8000"; with `decimals`,
    rounded half up at that precision first, as a reader rounds by hand."""
    if decimals is None:
        return format_number(float(value), None)
    return format_number(float(round_at(value, decimals)), decimals)
