"""Run the registered rules over a document."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from baocao.checks.findings import SEVERITY_ORDER, Finding
from baocao.checks.registry import RULES, Context
from baocao.document.model import Document


def check_document(
    doc: Document,
    *,
    disabled: Iterable[str] = (),
    options: dict[str, Any] | None = None,
) -> list[Finding]:
    """Every finding of every enabled rule, ordered by position then severity.

    `disabled` holds rule ids or id prefixes ("lang." switches off every language rule).
    """
    import baocao.checks.rules  # noqa: F401 - registers the rules

    off = tuple(disabled)
    ctx = Context(doc, options or {})
    found: list[Finding] = []
    for rule_id, r in RULES.items():
        if any(rule_id == d or rule_id.startswith(d.rstrip(".") + ".") for d in off):
            continue
        found.extend(r.fn(ctx))
    starts = [line.start for line in ctx.lines]
    kept = [f for f in set(found) if not _silenced(ctx, starts, f)]
    return sorted(kept, key=lambda f: (f.start, SEVERITY_ORDER[f.severity], f.rule))


def _silenced(ctx: Context, starts: list[int], f: Finding) -> bool:
    """True when the paragraph holding the finding carries an ignore marker for its rule."""
    line = ctx.lines[max(0, bisect.bisect_right(starts, f.start) - 1)]
    if line.paragraph is None or not line.paragraph.ignore:
        return False
    return any(
        i in ("*", f.rule) or f.rule.startswith(i.rstrip(".") + ".") for i in line.paragraph.ignore
    )
