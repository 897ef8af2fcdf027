"""A body's own letterhead: a Word file with Jinja placeholders, rendered with docxtpl.

The template holds what the body prints on every report (its header block, a logo, fixed
lines). Placeholders: {{ issuer.name }}, {{ issuer.parent }}, {{ issuer.number }},
{{ issuer.place }}, {{ issuer.date }}, {{ place_date }}, {{ title }}, {{ subtitle }},
{{ signature.authority }}, {{ signature.title }}, {{ signature.name }}, {{ recipients }} (a
list, for `{%p for r in recipients %}`) and {{ style }}. Tags must sit inside one run (type them
in Word without changing the formatting half-way).

Where our part goes:
- `{{ body }}` alone in a paragraph marks the place of the title and the body; without it they
  follow the template's content;
- a template that uses `title` or `subtitle` prints the title itself, and one that uses
  `signature` or `recipients` prints its own closing block (below `{{ body }}`): ours is then
  left out.
docxtpl cannot create footnotes, so those always come from our writer, as real Word footnotes.
The template's fonts are set to Times New Roman in every slot (official documents use it
throughout), and the page to the official A4 layout.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx
from lxml import etree

from baocao.document.errors import DocumentError
from baocao.document.model import Document, Style
from baocao.document.writers import _ooxml as x
from baocao.document.writers.docx import place_date
from baocao.text.normalize import nfc

# What {{ body }} renders to, so that its paragraph can be found and replaced.
BODY_MARK = "[[baocao:body]]"


@dataclass
class Letterhead:
    """The rendered template, where the body goes, and which parts the template prints."""

    word: docx.document.Document
    anchor: etree._Element | None  # the {{ body }} paragraph, replaced by the body
    has_title: bool
    has_closing: bool


def template_context(doc: Document, style: Style) -> dict[str, object]:
    """The variables a letterhead template can use (all text in NFC)."""
    iss = doc.issuer
    sig = doc.signature
    return {
        "issuer": {
            k: nfc(getattr(iss, k)) if iss else ""
            for k in ("name", "parent", "number", "place", "date")
        },
        "place_date": nfc(place_date(doc)),
        "title": nfc(doc.title),
        "subtitle": nfc(doc.subtitle),
        "signature": {
            k: nfc(getattr(sig, k)) if sig else "" for k in ("authority", "title", "name")
        },
        "recipients": [nfc(r) for r in doc.recipients],
        "style": style,
        "body": BODY_MARK,
    }


def open_letterhead(doc: Document, template: Path, *, style: Style) -> Letterhead:
    """Render `template` for `doc`, ready for the body to be inserted.

    Raises DocumentError (one line, Vietnamese first) when the file is not a usable template.
    """
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(str(template))
        used = tpl.get_undeclared_template_variables()
        tpl.render(template_context(doc, style), autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
    except Exception as exc:  # docxtpl raises Jinja, zip and XML errors alike
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DocumentError(
            template, f"không dùng được mẫu tiêu đề: {reason}", f"unusable letterhead: {reason}"
        ) from None
    buf.seek(0)
    word = docx.Document(buf)
    styles = word.styles.element
    x.times_everywhere(styles)
    missing = [s for s in x.footnote_styles() if s.get(x.W + "styleId") not in x.style_ids(styles)]
    styles.extend(missing)
    anchor = next((p._p for p in word.paragraphs if p.text.strip() == BODY_MARK), None)
    return Letterhead(
        word,
        anchor,
        has_title=bool(used & {"title", "subtitle"}),
        has_closing=bool(used & {"signature", "recipients"}),
    )
