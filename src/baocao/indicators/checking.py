"""What the checker needs to know of a period's indicators (rule data.indicator, arith.target)."""

from __future__ import annotations

from typing import Any

from baocao.cycle.models import Period
from baocao.indicators.tables import progress_table


def checker_options(period: Period) -> dict[str, Any]:
    """What the rules may know beyond a report's text: the period's entered values and annual
    targets, and the phrases the body's archive has taught (`archive.lexicon`)."""
    from baocao.archive.lexicon import known_words

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
    words = known_words(period.body)
    if words:
        options["known_words"] = words
    if indicators:
        options["indicators"] = indicators
    if targets:
        options["targets"] = targets
    return options
