"""The rule registry: every check registers itself here under a stable id.

A rule is a function from a `Context` to findings. Rules are grouped in modules by area
(`arithmetic`, `consistency`, `form`, `language`, `style`); importing `baocao.checks.rules`
registers them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from baocao.checks.findings import Finding, Severity
from baocao.document.canonical import Line, canonical_text, layout
from baocao.document.model import Document


@dataclass
class Context:
    """What every rule sees: the document, its canonical text and lines, and the run's options."""

    doc: Document
    options: dict[str, Any] = field(default_factory=dict)
    # What several rules derive from the same lines (the syllables of each), kept for this
    # run only: a report that repeats a paragraph pays for it twice, as a new report would.
    shared: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def lines(self) -> list[Line]:
        return layout(self.doc)

    @cached_property
    def text(self) -> str:
        return canonical_text(self.doc)

    def finding(
        self,
        rule: str,
        start: int,
        end: int,
        message: str,
        message_en: str,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of `rule` at [start, end), at the rule's default severity unless given."""
        return Finding(
            rule,
            severity or RULES[rule].severity,
            message,
            message_en,
            start,
            end,
            suggestion,
        )


RuleFn = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    area: str
    summary: str  # one line in Vietnamese, shown by `baocao check --list`
    summary_en: str
    fn: RuleFn


RULES: dict[str, Rule] = {}


def rule(
    id: str, *, severity: Severity, area: str, summary: str, summary_en: str
) -> Callable[[RuleFn], RuleFn]:
    """Register the decorated function as rule `id`."""

    def register(fn: RuleFn) -> RuleFn:
        if id in RULES:
            raise ValueError(f"rule {id} registered twice")
        RULES[id] = Rule(id, severity, area, summary, summary_en, fn)
        return fn

    return register
