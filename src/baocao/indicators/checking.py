"""What the checker needs to know of a period's indicators (rule data.indicator, arith.target)."""

from __future__ import annotations

from typing import Any

from baocao.cycle.models import Period
from baocao.indicators.tables import progress_table


def checker_options(period: Period) -> dict[str, Any]:
    """Entered values and annual targets of the period's body, keyed as the rules read them."""
    indicators, targets = [], {}
    for row in progress_table(period):
        ind, p = row.indicator, row.progress
        values = [float(v) for v in (p.ytd, p.value) if v is not None]
        if values:
            indicators.append(
                {
                    "names": ind.names(),
                    "unit": ind.unit_name,
                    "values": values,
                    "decimals": ind.decimals,
                }
            )
        if p.target:
            for name in ind.names():
                targets[name] = float(p.target)
    options: dict[str, Any] = {}
    if indicators:
        options["indicators"] = indicators
    if targets:
        options["targets"] = targets
    return options
