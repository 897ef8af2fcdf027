"""The canonical plain text of a document, and where each part of the model sits in it.

One line per element, in this order: issuer lines (parent, body, number, place-and-date) when
present; title; the summary line(s); preamble paragraphs; each section's heading line followed by
its paragraphs and subsections; closing paragraphs; "Nơi nhận:" and the recipients; signature
lines; footnote texts. Bullets read "- text"; footnote marks and emphasis markup are left out.
Every offset anywhere in baocao (figures, references, places, findings) indexes into this text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from baocao.document.model import Document, Paragraph, Section

LineKind = Literal[
    "issuer", "title", "subtitle", "heading", "paragraph", "recipients", "signature", "footnote"
]

BULLET_PREFIX = "- "
RECIPIENTS_LABEL = "Nơi nhận:"


@dataclass(frozen=True)
class Line:
    """One line of the canonical text: where it starts, its text, and what it is in the model.

    For paragraph lines `text_start` is where the paragraph's own text begins (after "- ").
    """

    start: int
    text: str
    kind: LineKind
    paragraph: Paragraph | None = None
    section: Section | None = None

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def text_start(self) -> int:
        if self.paragraph is not None and self.paragraph.bullet:
            return self.start + len(BULLET_PREFIX)
        return self.start


def _issuer_lines(doc: Document) -> list[str]:
    iss = doc.issuer
    if iss is None:
        return []
    lines = [iss.parent, iss.name, iss.number]
    if iss.place or iss.date:
        from baocao.text.dates import format_place_date

        lines.append(format_place_date(iss.place, iss.date))
    return [ln for ln in lines if ln]


def layout(doc: Document) -> list[Line]:
    """The canonical text as a list of lines, each knowing its offset and model object."""
    lines: list[Line] = []
    pos = 0

    def add(text: str, kind: LineKind, p: Paragraph | None = None, s: Section | None = None):
        nonlocal pos
        lines.append(Line(pos, text, kind, p, s))
        pos += len(text) + 1

    def add_par(p: Paragraph, s: Section | None = None) -> None:
        add((BULLET_PREFIX if p.bullet else "") + p.text, "paragraph", p, s)

    def walk(sections: list[Section]) -> None:
        for s in sections:
            add(s.heading_line, "heading", s=s)
            for p in s.paragraphs:
                add_par(p, s)
            walk(s.sections)

    for text in _issuer_lines(doc):
        add(text, "issuer")
    if doc.title:
        add(doc.title, "title")
    for text in doc.subtitle.split("\n") if doc.subtitle else []:
        add(text, "subtitle")
    for p in doc.preamble:
        add_par(p)
    walk(doc.sections)
    for p in doc.closing:
        add_par(p)
    if doc.recipients:
        add(RECIPIENTS_LABEL, "recipients")
        for r in doc.recipients:
            add(r, "recipients")
    if doc.signature:
        for text in (doc.signature.authority, doc.signature.title, doc.signature.name):
            if text:
                add(text, "signature")
    for f in doc.footnotes:
        add(f.text, "footnote")
    return lines


def canonical_text(doc: Document) -> str:
    """The document's canonical plain text (see the module docstring)."""
    return "\n".join(line.text for line in layout(doc))
