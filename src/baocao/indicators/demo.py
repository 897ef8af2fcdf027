"""The demo's indicators: the sample's figures with January and February 2023 values."""

from __future__ import annotations

from decimal import Decimal
from importlib import resources

import yaml

from baocao.indicators.models import Indicator, Target, Value
from baocao.org.models import Body


def load_demo_indicators(body: Body) -> int:
    spec = yaml.safe_load(
        resources.files("baocao.indicators").joinpath("demo.yaml").read_text("utf-8")
    )
    units = {u.code: u for u in body.units.all()}
    periods = {(p.year, p.number): p for p in body.periods.filter(kind="month")}
    made: dict[str, Indicator] = {}
    for order, s in enumerate(spec["indicators"], 1):
        ind = Indicator.objects.create(
            body=body,
            code=s["code"],
            name=s["name"],
            aliases="\n".join(s.get("aliases", [])),
            unit_name=s["unit"],
            decimals=s.get("decimals", 0),
            time_agg=s.get("time_agg", "sum"),
            target_kind=s.get("target_kind", "plan"),
            parent=made.get(s.get("parent", "")),
            reporter=units[s["reporter"]],
            ceiling=Decimal("3"),
            order=order,
        )
        made[ind.code] = ind
        if "target" in s:
            Target.objects.create(indicator=ind, year=2023, value=Decimal(str(s["target"])))
            Target.objects.create(indicator=ind, year=2022, value=_last_year(s["target"]))
        for month, value in s.get("values", {}).items():
            Value.objects.create(
                indicator=ind,
                unit=ind.reporter,
                year=2023,
                month=month,
                value=Decimal(str(value)),
                period=periods.get((2023, month)),
            )
        values = {int(m): Decimal(str(v)) for m, v in s.get("values", {}).items()}
        if not values:
            continue
        average = sum(values.values()) / len(values)
        for month in range(1, 13):
            # a plausible 2022, about 90 % of 2023: the months 2023 has, and the rest of the year
            base = values.get(month, average if month > max(values) else None)
            if base is None:
                continue
            factor = Decimal("0.86") + Decimal(month % 5) / 50
            Value.objects.create(
                indicator=ind,
                unit=ind.reporter,
                year=2022,
                month=month,
                value=(base * factor).quantize(Decimal(1).scaleb(-ind.decimals)),
            )
    from baocao.indicators.rollup import rebuild

    rebuild(made.values())
    return len(made)


def _last_year(target: float) -> Decimal:
    return (Decimal(str(target)) * Decimal("0.92")).quantize(Decimal("0.1"))
