"""Between the cycle's rows and the document core: draft text in, official files out."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from baocao.cycle import periods
from baocao.cycle.models import Period
from baocao.document.compose import parse_markdown
from baocao.document.model import Document, Issuer, Signature


def period_subtitle(period: Period) -> str:
    return periods.default_subtitle(period.kind, period.year, period.number)


def render_draft_text(doc: Document, period: Period) -> str:
    """The draft as the editor shows it: Markdown without front matter (the header comes
    from the body's settings when the report is issued)."""
    from baocao.document.writers.md import render_md

    doc.style = None
    doc.issuer = None
    return render_md(doc)


def draft_document(
    period: Period, *, number: str = "", date: dt.date | None = None, text: str | None = None
) -> Document:
    """The draft parsed, with the body's header, recipients and signature filled in."""
    body = period.body
    doc = parse_markdown(text if text is not None else period.draft.text)
    doc.style = body.style  # type: ignore[assignment]
    doc.issuer = Issuer(
        name=body.name,
        parent=body.parent_name,
        number=number,
        place=body.place,
        date=date.isoformat() if date else "",
    )
    if not doc.recipients:
        doc.recipients = [r.strip().lstrip("-").strip() for r in body.recipients.splitlines()]
        doc.recipients = [r for r in doc.recipients if r]
    if doc.signature is None and (body.signer_authority or body.signer_name):
        doc.signature = Signature(body.signer_authority, body.signer_title, body.signer_name)
    from baocao.document.structure import extract_all

    extract_all(doc)
    return doc


def render_files(
    doc: Document, style: str, *, with_pdf: bool = True, period: Period | None = None
) -> tuple[bytes, bytes | None]:
    """The official .docx and, through LibreOffice, its .pdf, as bytes.

    With `period`, the indicators' charts of the period go into an annex at the end of the
    .docx (none when the body has no figures for it); the .pdf is made from that .docx.
    """
    from baocao.document.io import write_document
    from baocao.document.writers.pdf import docx_to_pdf

    with tempfile.TemporaryDirectory(prefix="baocao-issue-") as tmp:
        docx = Path(tmp) / "bao-cao.docx"
        write_document(doc, docx, style=style)
        if period is not None:
            from baocao.indicators.annex import add_annex, annex_for, annex_title

            images = annex_for(period)
            if images:
                docx.write_bytes(add_annex(docx.read_bytes(), annex_title(period), images))
        pdf_bytes = None
        if with_pdf:
            pdf = Path(tmp) / "bao-cao.pdf"
            docx_to_pdf(docx, pdf)
            pdf_bytes = pdf.read_bytes()
        return docx.read_bytes(), pdf_bytes


def preview_html(doc: Document, style: str) -> str:
    from baocao.document.writers.html import render_html

    return render_html(doc, style=style)
