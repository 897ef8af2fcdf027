"""Findings as a linter prints them (text) or as DESIGN.md's JSON, with source line and column.

For a text source (.txt, .md) line and column point into the file itself: the canonical text
drops markup and joins page-broken paragraphs, so each finding is looked up in the source near
where its paragraph starts. For other formats they point into the canonical text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from baocao.checks.findings import Finding

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_RESET = "\x1b[0m"
_SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo", "info": "gợi ý"}


@dataclass(frozen=True)
class Located:
    finding: Finding
    line: int  # 1-based
    column: int  # 1-based
    source_line: str
    span_len: int
    text: str  # the finding's text, from the canonical text


def locate(findings: list[Finding], canonical: str, source: str | None) -> list[Located]:
    """Line and column of every finding, in `source` when given (and found), else in `canonical`."""
    starts = _line_starts(canonical)
    out = []
    for f in findings:
        pos, text = _in_source(f, canonical, source) if source else (None, canonical)
        if pos is None:
            pos, text = f.start, canonical
        lines = starts if text is canonical else _line_starts(text)
        line_no = _bisect(lines, pos)
        line_start = lines[line_no]
        line_end = text.find("\n", line_start)
        source_line = text[line_start : line_end if line_end >= 0 else len(text)]
        span = f.end - f.start
        located = Located(
            f, line_no + 1, pos - line_start + 1, source_line, span, canonical[f.start : f.end]
        )
        out.append(located)
    return out


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts


def _bisect(starts: list[int], pos: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, pos) - 1)


def _in_source(f: Finding, canonical: str, source: str) -> tuple[int | None, str]:
    """Where the finding's text stands in the source, searched from its paragraph's start."""
    line_start = canonical.rfind("\n", 0, f.start) + 1
    head = canonical[line_start : line_start + 24].removeprefix("- ")
    para = source.find(head) if head else -1
    needle = canonical[f.start : f.end]
    if not needle:
        return None, source
    if para < 0:
        hit = source.find(needle)
        return (hit if hit >= 0 else None), source
    # Markup before the finding shifts it a little right of its canonical offset.
    hint = para + max(0, f.start - line_start - 4)
    hit = source.find(needle, min(hint, len(source)))
    if hit < 0:
        hit = source.find(needle, para)
    return (hit if hit >= 0 else None), source


def format_text(path: str, located: list[Located], *, lang: str = "vi", colour: bool) -> str:
    """Linter-style lines: path:line:col: severity rule message (→ suggestion), then the excerpt."""
    out = []
    for loc in located:
        f = loc.finding
        sev = f.severity if lang == "en" else _SEVERITY_VI[f.severity]
        if colour:
            sev = f"{_COLOURS[f.severity]}{sev}{_RESET}"
        msg = f.message_en if lang == "en" else f.message
        arrow = f" → {f.suggestion}" if f.suggestion else ""
        out.append(f"{path}:{loc.line}:{loc.column}: {sev} [{f.rule}] {msg}{arrow}")
        out.extend(_excerpt(loc, colour))
    return "\n".join(out)


def _excerpt(loc: Located, colour: bool) -> list[str]:
    """The source line around the span (at most 100 characters) with the span underlined."""
    col = loc.column - 1
    left = max(0, col - 40)
    right = min(len(loc.source_line), col + max(loc.span_len, 1) + 40)
    shown = loc.source_line[left:right].replace("\t", " ")
    pad = " " * (col - left)
    mark = "^" * max(1, min(loc.span_len, right - col))
    if colour:
        mark = f"{_COLOURS[loc.finding.severity]}{mark}{_RESET}"
    prefix = "…" if left else ""
    return [f"    {prefix}{shown}", f"    {' ' * len(prefix)}{pad}{mark}"]


def to_json(files: list[tuple[str, list[Located]]], *, lang: str = "vi") -> str:
    """DESIGN.md's JSON: {"files": [{"path", "findings": [...]}]}."""
    data: dict[str, Any] = {"files": []}
    for path, located in files:
        data["files"].append(
            {
                "path": path,
                "findings": [_finding_dict(loc, lang) for loc in located],
            }
        )
    return json.dumps(data, ensure_ascii=False, indent=2)


def _finding_dict(loc: Located, lang: str) -> dict[str, Any]:
    f = loc.finding
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message_en if lang == "en" else f.message,
        "start": f.start,
        "end": f.end,
        "line": loc.line,
        "column": loc.column,
        "text": loc.text,
        "suggestion": f.suggestion,
    }


def rule_table(*, lang: str = "vi") -> str:
    """Every rule: id, default severity, what it finds (the ids `--disable` and configs take)."""
    import baocao.checks.rules  # noqa: F401 - registers the rules
    from baocao.checks.registry import RULES

    width = max(len(r) for r in RULES)
    rows = []
    for r in RULES.values():
        severity = _SEVERITY_VI[r.severity] if lang == "vi" else r.severity
        summary = r.summary if lang == "vi" else r.summary_en
        rows.append(f"{r.id:<{width}}  {severity:<9}  {summary}")
    return "\n".join(rows)
