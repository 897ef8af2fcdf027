"""A body's own letterhead: a Word file with Jinja placeholders, rendered with docxtpl.

The template holds what the body prints at the top of every report (its header block, logo,
fixed lines) with placeholders such as {{ issuer.name }}, {{ issuer.parent }},
{{ issuer.number }}, {{ place_date }}, {{ title }}, {{ subtitle }}, {{ signature.name }}.
baocao renders it, then appends the title, the body with real footnotes and the signature
block. docxtpl cannot create footnotes, so those always come from our writer.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from baocao.document.errors import DocumentError
from baocao.document.model import Document
from baocao.document.writers import _ooxml as x
from baocao.text.dates import format_place_date


def template_context(doc: Document) -> dict[str, object]:
    iss = doc.issuer
    return {
        "issuer": {
            k: getattr(iss, k) if iss else "" for k in ("name", "parent", "number", "place", "date")
        },
        "place_date": format_place_date(iss.place if iss else "", iss.date if iss else ""),
        "title": doc.title,
        "subtitle": doc.subtitle,
        "signature": {
            k: getattr(doc.signature, k) if doc.signature else ""
            for k in ("authority", "title", "name")
        },
    }


def open_letterhead(doc: Document, template: Path) -> docx.document.Document:
    """The rendered letterhead as a python-docx document, ready for the body to be appended."""
    from docxtpl import DocxTemplate

    try:
        tpl = DocxTemplate(str(template))
        tpl.render(template_context(doc), autoescape=True)
        buf = io.BytesIO()
        tpl.save(buf)
    except Exception as exc:  # docxtpl raises Jinja, zip and XML errors alike
        raise DocumentError(
            template, f"không dùng được mẫu tiêu đề: {exc}", f"unusable letterhead: {exc}"
        ) from None
    buf.seek(0)
    word = docx.Document(buf)
    _ensure_footnote_styles(word)
    return word


def add_footnotes_part(word: docx.document.Document) -> Part:
    """A footnotes part with Word's two separators, related to the main document."""
    blob = etree.tostring(
        x.footnotes_root(), xml_declaration=True, encoding="UTF-8", standalone=True
    )
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)
    return part


def _ensure_footnote_styles(word: docx.document.Document) -> None:
    styles = word.styles.element
    ids = {s.get(x.W + "styleId") for s in styles.iterfind(x.W + "style")}
    if "FootnoteText" not in ids:
        styles.append(
            etree.fromstring(
                f'<w:style xmlns:w="{x.W_NS}" w:type="paragraph" w:styleId="FootnoteText">'
                '<w:name w:val="footnote text"/><w:pPr><w:jc w:val="both"/></w:pPr>'
                '<w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>'
            )
        )
    if "FootnoteReference" not in ids:
        styles.append(
            etree.fromstring(
                f'<w:style xmlns:w="{x.W_NS}" w:type="character" w:styleId="FootnoteReference">'
                '<w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/>'
                "</w:rPr></w:style>"
            )
        )
