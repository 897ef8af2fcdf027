"""What a check reports: a `Finding` with its rule, severity, message and span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One problem found in a document.

    `start`/`end` index the canonical text (`baocao.document.canonical`). `message` is
    Vietnamese, `message_en` English; `suggestion` is the replacement text when there is one.
    """

    rule: str
    severity: Severity
    message: str
    message_en: str
    start: int
    end: int
    suggestion: str | None = None

    def text_in(self, canonical: str) -> str:
        return canonical[self.start : self.end]
