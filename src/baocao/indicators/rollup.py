"""Keeping `Rollup` in step with `Value`: every path that writes values calls `refresh`."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Sum

from baocao.indicators.models import Indicator, Rollup, Value


def refresh(indicator_ids: Iterable[int], months: Iterable[tuple[int, int]]) -> None:
    """Recompute the body-wide figures of these indicators for these (year, month)s."""
    ids, keys = set(indicator_ids), set(months)
    if not ids or not keys:
        return
    with transaction.atomic():
        for year, month in keys:
            Rollup.objects.filter(indicator_id__in=ids, year=year, month=month).delete()
            Rollup.objects.bulk_create(
                Rollup(indicator_id=ind, year=year, month=month, total=total)
                for ind, total in _totals(ids, year, month)
            )


def _totals(ids: set[int], year: int, month: int):
    values = Value.objects.filter(indicator_id__in=ids, year=year, month=month)
    summed = (
        values.filter(indicator__unit_agg="sum")
        .values_list("indicator_id")
        .annotate(total=Sum("value"))
    )
    single = values.filter(indicator__unit_agg="none", unit_id=F("indicator__reporter_id"))
    yield from summed
    yield from single.values_list("indicator_id", "value")


def rebuild(indicators: Iterable[Indicator]) -> int:
    """Every month of these indicators again (after a bulk load or an import of history)."""
    ids = [i.pk for i in indicators]
    months = set(Value.objects.filter(indicator_id__in=ids).values_list("year", "month"))
    refresh(ids, months)
    return len(months)
