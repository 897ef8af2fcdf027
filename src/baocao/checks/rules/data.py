"""Figures of the narrative against the figures entered as data (issue 5).

`ctx.options["indicators"]` lists what the indicators module knows for the report's period:
`{"names": [...], "unit": "tỷ đồng", "values": [88.8, 43.6], "decimals": 1}` (values: the
year-to-date and the period's own value; a sentence may state either). A sentence that names an
indicator and gives a number in its unit must give one of them, at the precision written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from baocao.checks.findings import Finding
from baocao.checks.quantities import quantities
from baocao.checks.registry import Context, rule
from baocao.text.normalize import fold
from baocao.text.numbers import format_number

_SAME_UNIT = {"tỷ": "tỷ đồng", "triệu": "triệu đồng"}


def _unit_key(unit: str | None) -> str:
    u = (unit or "").strip().lower()
    return fold(_SAME_UNIT.get(u, u))


@rule(
    "data.indicator",
    severity="error",
    area="arithmetic",
    summary_en="A figure in the text differs from the entered indicator value",
    summary="Số liệu trong lời văn khác với số liệu chỉ tiêu đã nhập",
)
def indicator_values(ctx: Context) -> Iterator[Finding]:
    """ "Tổng thu NSNN … là 88,8 tỷ đồng" when the entered year-to-date is 90,1 tỷ đồng."""
    indicators = ctx.options.get("indicators") or []
    if not indicators:
        return
    for line in ctx.lines:
        if line.kind not in ("paragraph", "footnote") or not re.search(r"\d", line.text):
            continue
        folded = fold(line.text).lower()  # same length as the text: marks dropped one for one
        for ind in indicators:
            yield from _judge(ctx, line.start, line.text, folded, ind)


def _judge(ctx: Context, offset: int, text: str, folded: str, ind: dict) -> Iterator[Finding]:
    unit = _unit_key(ind["unit"])
    values = [float(v) for v in ind["values"] if v is not None]
    if not values:
        return
    for name in ind["names"]:
        key = fold(name).lower()
        for m in re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", folded):
            stop = text.find(". ", m.end())
            end = len(text) if stop < 0 else stop
            found = next(
                (
                    q
                    for q in quantities(text[m.end() : end])
                    if q.depth == 0 and not q.percent and _unit_key(q.unit) == unit
                ),
                None,
            )
            if found is None:
                continue
            half = 0.5 * 10 ** (-found.decimals)
            if any(abs(found.value - v) <= half + 1e-9 for v in values):
                continue
            start = offset + m.end() + found.start
            written = text[m.end() + found.start : m.end() + found.end]
            shown = format_number(values[0], ind.get("decimals", found.decimals))
            label = ind["names"][0]
            yield ctx.finding(
                "data.indicator",
                start,
                offset + m.end() + found.end,
                f"{written} khác số liệu đã nhập của chỉ tiêu “{label}”: {shown} {ind['unit']}",
                f"{written} differs from the entered value of “{label}”: {shown}",
                suggestion=f"{shown} {ind['unit']}",
            )
            break
