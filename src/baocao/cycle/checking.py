"""The checker on an editor's text, as rows the page shows next to the text."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from baocao.checks.run import check_document
from baocao.document.canonical import canonical_text
from baocao.document.compose import parse_markdown
from baocao.document.errors import DocumentError

# Rules about the header and the signature mean nothing for one unit's part.
PART_DISABLED = ("form.", "period.mismatch")


@dataclass(frozen=True)
class Row:
    rule: str
    severity: str
    message: str
    excerpt: str
    text: str
    suggestion: str


def check_text(
    text: str,
    *,
    whole: bool = False,
    known_words: list[str] | None = None,
    options: dict | None = None,
) -> list[Row]:
    """Findings on Markdown text; a part (not `whole`) skips the whole-report rules.
    `options` carries what the rules may know beyond the text (the period's indicators)."""
    try:
        doc = parse_markdown(text)
    except DocumentError as err:
        return [Row("read", "error", err.format("vi"), "", "", "")]
    options = dict(options or {})
    if known_words:
        options["known_words"] = set(known_words)
    findings = check_document(doc, disabled=() if whole else PART_DISABLED, options=options)
    canon = canonical_text(doc)
    rows = []
    for f in findings:
        line_start = canon.rfind("\n", 0, f.start) + 1
        line_end = canon.find("\n", f.end)
        line = canon[line_start : line_end if line_end >= 0 else len(canon)]
        lo = max(0, f.start - line_start - 60)
        rows.append(
            Row(
                f.rule,
                f.severity,
                f.message,
                line[lo : f.end - line_start + 60],
                f.text_in(canon),
                f.suggestion or "",
            )
        )
    return rows


def draft_findings(draft, options: dict | None = None) -> list[Row]:
    """The whole-document findings of the draft's current version, computed once per version
    (and per state of the indicator data) and kept on the row."""
    from baocao.cycle.models import Draft

    digest = hashlib.sha1(
        json.dumps(options or {}, sort_keys=True, default=str).encode(), usedforsecurity=False
    ).hexdigest()[:16]
    key = f"{draft.version}:{digest}"
    if draft.findings_key == key:
        return [Row(**r) for r in draft.findings]
    rows = check_text(draft.text, whole=True, options=options)
    # only if nobody saved meanwhile: a newer version computes its own
    Draft.objects.filter(pk=draft.pk, version=draft.version).update(
        findings=[asdict(r) for r in rows], findings_key=key
    )
    return rows


def findings_html(rows: list[Row]) -> str:
    """The findings list as the pages show it. Joined in Python: a long draft has a hundred
    findings, and the template loop cost more than the rest of the page."""
    from django.utils.html import format_html, format_html_join
    from django.utils.translation import gettext as _

    if not rows:
        return format_html(
            '<p class="muted findings">{}</p>', _("Không thấy lỗi số liệu hay chính tả.")
        )
    names = {"error": _("Lỗi"), "warning": _("Cảnh báo"), "info": _("Lưu ý")}
    items = format_html_join(
        "\n",
        '<li class="{}"><strong>{}</strong> · {}{}\n'
        '<span class="excerpt">“…{}…” <code>{}</code></span></li>',
        (
            (
                r.severity,
                names.get(r.severity, r.severity),
                r.message,
                format_html(" → <em>{}</em>", r.suggestion) if r.suggestion else "",
                r.excerpt,
                r.rule,
            )
            for r in rows
        ),
    )
    return format_html('<ul class="findings" aria-label="{}">{}</ul>', _("Kết quả kiểm tra"), items)
