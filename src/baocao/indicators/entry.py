"""Saving a unit's values for a period: all or nothing, with a message per bad field."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from baocao.cycle.models import Period
from baocao.cycle.periods import last_month
from baocao.indicators import compute
from baocao.indicators.models import Indicator, Value
from baocao.indicators.rollup import refresh
from baocao.org.models import Unit
from baocao.text.numbers import parse_number


@dataclass
class EntryResult:
    errors: dict[str, str] = field(default_factory=dict)  # indicator code → message
    warnings: dict[str, str] = field(default_factory=dict)
    saved: int = 0


def parse_value(text: str) -> Decimal:
    """A figure typed the Vietnamese way ("10.430", "88,8"); plain "88.8" is refused as it
    would silently mean 888 to a Vietnamese reader."""
    cleaned = text.strip().replace(" ", "")
    number = parse_number(cleaned)  # ValueError on anything else
    return Decimal(str(number))


def indicators_for(unit: Unit) -> list[Indicator]:
    return list(Indicator.objects.filter(body=unit.body, reporter=unit).order_by("order", "code"))


def save_values(period: Period, unit: Unit, typed: dict[str, str], user) -> EntryResult:
    """Store the typed values (code → text; empty text clears the value). Nothing is stored
    when any field is wrong; values far from the unit's own history come back as warnings."""
    from baocao.indicators.tables import history

    result = EntryResult()
    if period.kind != "month":
        # values are monthly; a quarter's or a year's figures are computed from them, so that
        # a quarter's entry never overwrites its last month's
        result.errors[""] = "số liệu chỉ tiêu được nhập theo tháng, trong kỳ báo cáo tháng"
        return result
    by_code = {i.code: i for i in indicators_for(unit)}
    parsed: dict[str, Decimal | None] = {}
    for code, text in typed.items():
        if code not in by_code:
            result.errors[code] = "không phải chỉ tiêu của đơn vị"
            continue
        if not text.strip():
            parsed[code] = None
            continue
        try:
            parsed[code] = parse_value(text)
        except ValueError:
            result.errors[code] = f"“{text}” không phải số (viết 10.430 hoặc 88,8)"
            continue
        if parsed[code] < 0:
            result.errors[code] = "giá trị không được âm"
    if result.errors:
        return result
    month = last_month(period.kind, period.number)
    with transaction.atomic():
        for code, value in parsed.items():
            ind = by_code[code]
            if value is None:
                Value.objects.filter(
                    indicator=ind, unit=unit, year=period.year, month=month
                ).delete()
                continue
            Value.objects.update_or_create(
                indicator=ind,
                unit=unit,
                year=period.year,
                month=month,
                defaults={"value": value, "period": period, "updated_by": user},
            )
            result.saved += 1
            problem = compute.outlier(value, history(ind, unit.pk, (period.year, month)))
            if problem:
                result.warnings[code] = problem.message
        refresh([by_code[c].pk for c in parsed], [(period.year, month)])
    return result
