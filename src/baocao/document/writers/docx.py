"""The .docx writer: a report in the official Party (36-HD/VPTW) or State (NĐ 30/2020) layout.

Layout numbers come from shared/FORMAT.md (§1 Party, §2 State); its checklist (§5) is the test
suite of this module. The page and the header's page number go through python-docx; the body
is built as XML by `_ooxml` and inserted in one go, which keeps rendering close to the speed
of python-docx writing bare paragraphs.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm
from lxml import etree

from baocao.document import _labels
from baocao.document.atomic import write_bytes_atomic
from baocao.document.model import Document, Paragraph, Section
from baocao.document.structure import renumbered_footnotes
from baocao.document.style import infer_style
from baocao.document.writers import _ooxml as x
from baocao.document.writers.template import BASE
from baocao.text.dates import format_place_date

BLANK = "……"
PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_SLOGAN = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Layout:
    """The numbers that differ between the Party and the State layout."""

    style: str
    header_widths: tuple[float, float]
    body_size: float
    header_size: float  # issuing body, number
    title_size: float
    first_line_mm: float
    recipients_label: x.RunStyle
    recipients_size: float
    title_bold: bool  # the signer's title line


PARTY = Layout("party", (80, 85), 14, 14, 16, 10.0, x.RunStyle(underline=True, size=14), 12, False)
STATE = Layout(
    "state", (62, 103), 14, 13, 14, 12.7, x.RunStyle(bold=True, italic=True, size=12), 11, True
)
SIGNATURE_WIDTHS = (80, 85)
_CENTER = x.ParaStyle(align="center")


def write_docx(
    doc: Document, path: str | Path, *, style: str | None = None, template: Path | None = None
) -> None:
    """Write `doc` as an official .docx at `path` (atomically)."""
    write_bytes_atomic(path, render_docx_bytes(doc, style=style, template=template))


def render_docx_bytes(
    doc: Document, *, style: str | None = None, template: Path | None = None
) -> bytes:
    """The .docx bytes of `doc`; `template` is a body's own letterhead (docxtpl)."""
    layout = PARTY if infer_style(doc, style) == "party" else STATE
    if template is not None:
        from baocao.document.writers.letterhead import open_letterhead

        word = open_letterhead(doc, template)
        elements = []
    else:
        word = docx.Document(str(BASE))
        elements = [_header_table(doc, layout)]
    _page(word, layout)
    notes = renumbered_footnotes(doc)
    elements += _title(doc, layout)
    elements += _body(doc, layout, notes)
    last = elements[-1] if elements else None
    if last is not None and last.tag == x.W + "p" and last.find(f"{x.W}pPr/{x.W}keepNext") is None:
        last.find(x.W + "pPr").insert(0, x.el("keepNext"))  # the signature never starts a page
    elements.append(_signature_table(doc, layout))
    body = word.element.body
    anchor = body.find(x.W + "sectPr")
    for e in elements:
        anchor.addprevious(e)
    _write_footnotes(word, doc, notes)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _page(word: docx.document.Document, layout: Layout) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for r in x.page_field(layout.body_size):
        p._p.append(r)


def _lines(text: str, style: x.RunStyle, para: x.ParaStyle = _CENTER) -> list[etree._Element]:
    return [x.paragraph(para, [x.run(line, style)]) for line in text.split("\n")]


def _header_table(doc: Document, layout: Layout) -> etree._Element:
    iss = doc.issuer
    name = (iss.name if iss else "") or BLANK
    parent = iss.parent if iss else ""
    date = format_place_date(iss.place if iss else "", iss.date if iss else "")
    size = layout.header_size
    left: list[etree._Element] = []
    if parent:
        left += _lines(parent, x.RunStyle(size=size))
    left += _lines(name, x.RunStyle(bold=True, size=size))
    date_cell = _lines(date, x.RunStyle(italic=True, size=14))
    if layout.style == "party":
        number = (iss.number if iss else "") or f"Số {BLANK}-BC/{BLANK}"
        left += _lines("*", x.RunStyle(size=size))
        right = _lines(PARTY_MOTTO, x.RunStyle(bold=True, underline=True, size=15))
    else:
        number = (iss.number if iss else "") or f"Số: {BLANK}/BC-{BLANK}"
        left.append(_short_rule(name, layout.header_widths[0], size))
        right = _lines(STATE_MOTTO, x.RunStyle(bold=True, size=13))
        right += _lines(STATE_SLOGAN, x.RunStyle(bold=True, underline=True, size=14))
    rows = [[left, right], [_lines(number, x.RunStyle(size=size)), date_cell]]
    return x.table(list(layout.header_widths), rows)


def _short_rule(text: str, column_mm: float, size_pt: float) -> etree._Element:
    """An empty paragraph whose bottom border is about 40 % of the longest line above it."""
    longest = max(len(line) for line in text.split("\n"))
    # Average width of a Times capital is about 0.68 em; 1 pt = 0.3528 mm.
    width = min(column_mm * 0.9, longest * 0.68 * size_pt * 0.3528)
    rule = max(12.0, width * 0.4)
    side = (column_mm - rule) / 2
    style = x.ParaStyle(align="center", border_bottom=True, indent_mm=(side, side), after_pt=8)
    return x.paragraph(style, [])


def _title(doc: Document, layout: Layout) -> list[etree._Element]:
    out = [
        x.paragraph(
            x.ParaStyle(align="center", before_pt=12),
            [x.run(doc.title or "BÁO CÁO", x.RunStyle(bold=True, size=layout.title_size))],
        )
    ]
    subtitle = doc.subtitle or BLANK
    out.append(x.paragraph(_CENTER, [x.run(subtitle, x.RunStyle(bold=True, size=14))]))
    if layout.style == "party":
        out.append(x.paragraph(x.ParaStyle(align="center", after_pt=6), [x.run("-----")]))
    else:
        out.append(_short_rule(subtitle, 165, 14))
    return out


def _body_para(layout: Layout, keep_next: bool = False) -> x.ParaStyle:
    return x.ParaStyle(
        align="both",
        first_line_mm=layout.first_line_mm,
        before_pt=6,
        line_exact_pt=18,
        keep_next=keep_next,
    )


def _body(doc: Document, layout: Layout, notes: dict[str, str]) -> list[etree._Element]:
    out = [_paragraph(p, layout, notes) for p in doc.preamble]
    out += _sections(doc.sections, layout, notes)
    out += [_paragraph(p, layout, notes) for p in doc.closing]
    return out


def _sections(
    sections: list[Section], layout: Layout, notes: dict[str, str]
) -> list[etree._Element]:
    out = []
    for s in sections:
        out.append(
            x.paragraph(
                _body_para(layout, keep_next=True), [x.run(s.heading_line, _heading_style(s))]
            )
        )
        out += [_paragraph(p, layout, notes) for p in s.paragraphs]
        out += _sections(s.sections, layout, notes)
    return out


def _heading_style(s: Section) -> x.RunStyle:
    """Bold for parts, sections and subsections; italic for "a)" points; bold-italic "*"."""
    label = _labels.label_of(s.heading_line)
    rank = label.rank if label else 1
    if s.number == "*":
        return x.RunStyle(bold=True, italic=True)
    if rank == 5:
        return x.RunStyle(italic=True)
    return x.RunStyle(bold=True, italic=rank == 4)


def _paragraph(p: Paragraph, layout: Layout, notes: dict[str, str]) -> etree._Element:
    runs: list[etree._Element] = []
    if p.bullet:
        runs.append(x.run("- "))
    cuts = {0, len(p.text), *p.anchors}
    for e in p.emphasis:
        cuts.update((e.start, e.end))
    refs: dict[int, list[str]] = {}
    for fid, at in zip(p.footnotes, p.anchors, strict=True):
        refs.setdefault(at, []).append(notes.get(fid, fid))
    points = sorted(c for c in cuts if 0 <= c <= len(p.text))
    for a, b in itertools.pairwise(points):
        for note in refs.pop(a, []):
            runs.append(x.footnote_reference(note))
        bold = any(e.kind == "bold" and e.start <= a and b <= e.end for e in p.emphasis)
        italic = any(e.kind == "italic" and e.start <= a and b <= e.end for e in p.emphasis)
        runs.append(x.run(p.text[a:b], x.RunStyle(bold=bold, italic=italic)))
    for at in sorted(refs):
        runs += [x.footnote_reference(n) for n in refs[at]]
    return x.paragraph(_body_para(layout), runs)


def _signature_table(doc: Document, layout: Layout) -> etree._Element:
    left_style = x.ParaStyle(align="left")
    left = [x.paragraph(left_style, [x.run("Nơi nhận:", layout.recipients_label)])]
    for r in doc.recipients:
        left.append(
            x.paragraph(left_style, [x.run(f"- {r}", x.RunStyle(size=layout.recipients_size))])
        )
    sig = doc.signature
    authority = (sig.authority if sig else "") or (BLANK if not sig else "")
    title = (sig.title if sig else "") or BLANK
    name = (sig.name if sig else "") or BLANK
    right: list[etree._Element] = []
    if authority:
        right += _lines(authority, x.RunStyle(bold=True, size=14))
    right += _lines(title, x.RunStyle(bold=layout.title_bold, size=14))
    right += [x.paragraph(_CENTER, [x.run("", x.RunStyle(size=14))]) for _ in range(4)]
    right += _lines(name, x.RunStyle(bold=True, size=14))
    for cell, align in ((left, "left"), (right, "center")):
        cell[0].replace(cell[0].find(x.W + "pPr"), x.ppr(x.ParaStyle(align=align, before_pt=6)))
    return x.table(list(SIGNATURE_WIDTHS), [[left, right]], cant_split=True)


def _write_footnotes(word: docx.document.Document, doc: Document, notes: dict[str, str]) -> None:
    """Fill the footnotes part (python-docx loads it as an opaque part: we edit its blob)."""
    part = next(
        (rel.target_part for rel in word.part.rels.values() if rel.reltype == RT.FOOTNOTES), None
    )
    if part is None:
        from baocao.document.writers.letterhead import add_footnotes_part

        part = add_footnotes_part(word)
    root = etree.fromstring(part.blob)
    for f in sorted(doc.footnotes, key=lambda f: int(notes.get(f.id, "0"))):
        root.append(x.footnote(notes.get(f.id, f.id), f.text))
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
