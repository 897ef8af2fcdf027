"""The figures pages show: one SQL aggregate per table, then `compute` on the sums."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from baocao.cycle.models import Period
from baocao.cycle.periods import last_month
from baocao.indicators import compute
from baocao.indicators.models import Indicator, Rollup, Target, Value
from baocao.org.models import Body

STEP = {"month": 1, "quarter": 3, "six_months": 6, "nine_months": 9, "year": 12}


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    progress: compute.Progress
    problems: list[compute.Problem]


def series_for(
    body: Body, years: list[int], indicator: Indicator | None = None
) -> dict[int, dict[compute.Key, Decimal]]:
    """Per indicator, its body-wide value per (year, month), from the monthly rollup."""
    out: dict[int, dict[compute.Key, Decimal]] = defaultdict(dict)
    rows = Rollup.objects.filter(indicator__body=body, year__in=years)
    if indicator is not None:
        rows = rows.filter(indicator=indicator)
    for ind, y, m, total in rows.values_list("indicator_id", "year", "month", "total"):
        out[ind][(y, m)] = total
    return out


def targets_for(body: Body, year: int) -> dict[int, Decimal]:
    return dict(
        Target.objects.filter(indicator__body=body, year=year, unit__isnull=True).values_list(
            "indicator_id", "value"
        )
    )


def progress_table(period: Period) -> list[Row]:
    """Year-to-date, % of target and changes of every indicator of the period's body."""
    body, year = period.body, period.year
    month = last_month(period.kind, period.number)
    indicators = list(
        Indicator.objects.filter(body=body).select_related("reporter").prefetch_related("parts")
    )
    series = series_for(body, [year - 1, year])
    targets = targets_for(body, year)
    rows = []
    for ind in indicators:
        values = series.get(ind.pk, {})
        p = compute.progress(
            values, year, month, ind.time_agg, targets.get(ind.pk), step=STEP[period.kind]
        )
        problems = []
        if ind.ceiling is not None:
            problem = compute.check_ceiling(p.ytd, p.target, ind.ceiling)
            if problem:
                problems.append(problem)
        rows.append(Row(ind, p, problems))
    by_id = {r.indicator.pk: r for r in rows}
    for r in rows:
        parts = [by_id[c.pk].progress.value for c in r.indicator.parts.all() if c.pk in by_id]
        if parts:
            problem = compute.check_sum(r.progress.value, parts, r.indicator.decimals)
            if problem:
                r.problems.append(problem)
    return rows


@dataclass(frozen=True)
class UnitLine:
    unit: str
    value: Decimal | None
    ytd: Decimal | None
    target: Decimal | None  # the unit's own annual target, where the body sets one
    percent: Decimal | None


def unit_table(period: Period, indicator: Indicator) -> list[UnitLine]:
    """One indicator for each unit (the table per commune): the period's value, the unit's
    year-to-date and, where the body set one, the unit's target and how far it has got."""
    month = last_month(period.kind, period.number)
    by_unit: dict[int, dict[compute.Key, Decimal]] = defaultdict(dict)
    rows = Value.objects.filter(indicator=indicator, year=period.year, month__lte=month)
    for unit_id, m, value in rows.values_list("unit_id", "month", "value"):
        by_unit[unit_id][(period.year, m)] = value
    targets = dict(
        Target.objects.filter(
            indicator=indicator, year=period.year, unit__isnull=False
        ).values_list("unit_id", "value")
    )
    out = []
    for u in period.body.units.filter(active=True):
        values = by_unit.get(u.pk, {})
        ytd = compute.year_to_date(values, period.year, month, indicator.time_agg)
        target = targets.get(u.pk)
        out.append(
            UnitLine(
                u.name,
                values.get((period.year, month)),
                ytd,
                target,
                compute.percent_of(ytd, target),
            )
        )
    return out


def history(
    indicator: Indicator, unit_id: int, before: tuple[int, int], n: int = 24
) -> list[Decimal]:
    """The unit's last `n` values of the indicator before (year, month), newest first."""
    y, m = before
    qs = Value.objects.filter(indicator=indicator, unit_id=unit_id).exclude(year__gt=y)
    qs = qs.exclude(year=y, month__gte=m).order_by("-year", "-month")
    return list(qs.values_list("value", flat=True)[:n])
