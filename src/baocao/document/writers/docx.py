"""The .docx writer: a report in the official Party (36-HD/VPTW) or State (NĐ 30/2020) layout.

Layout numbers come from shared/FORMAT.md (§1 Party, §2 State); its checklist (§5) is what the
tests check. The page and the header go through python-docx; the header block, the body with
its footnote references and the signature block are built as XML by `_ooxml` and inserted in
one go, which keeps rendering well within twice the time python-docx takes to write the same
paragraphs bare. Structure the .docx reader relies on: the first 2-column table is the header
block, the last table after the body is the "Nơi nhận"/signature block.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import string
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from lxml import etree

from baocao.document import style as _style
from baocao.document.atomic import write_bytes_atomic
from baocao.document.errors import DocumentError
from baocao.document.model import Document, Paragraph, Section, Style
from baocao.document.writers import _ooxml as x
from baocao.document.writers.template import BASE
from baocao.text.dates import format_place_date

BLANK = "……"
PARTY_MOTTO = "ĐẢNG CỘNG SẢN VIỆT NAM"
STATE_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
STATE_SLOGAN = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Layout:
    """The numbers that differ between the Party and the State layout (FORMAT.md §1, §2)."""

    style: Style
    header_widths: tuple[float, float]
    header_size: float  # parent and issuing body, number
    title_size: float
    first_line_mm: float
    recipients_label: x.RunStyle
    recipients_size: float
    signer_title_bold: bool


PARTY = Layout("party", (80, 85), 14, 16, 10.0, x.RunStyle(underline=True), 12, False)
STATE = Layout(
    "state", (62, 103), 13, 14, 12.7, x.RunStyle(bold=True, italic=True, size=12), 11, True
)
SIGNATURE_WIDTHS = (80.0, 85.0)
BODY_PT = 14
_CENTER = x.ParaStyle(align="center")
_LEFT = x.ParaStyle(align="left")


def infer_style(doc: Document) -> Style:
    """The layout a document takes when no style is asked for.

    The document's own `style`, else its signature or number: "T/M", "K/T", "T/L" or
    "Số 45-BC/HU" mean Party; "TM.", "KT.", "TL.", "Số: 45/BC-UBND" mean State; Party when
    nothing says.
    """
    return _style.infer_style(doc)


def write_docx(
    doc: Document,
    path: str | Path,
    *,
    style: Literal["party", "state"] | None = None,
    template: Path | None = None,
) -> None:
    """Write `doc` as an official .docx at `path`, atomically (temporary file, then rename)."""
    write_bytes_atomic(path, render_docx_bytes(doc, style=style, template=template))


def render_docx_bytes(
    doc: Document,
    *,
    style: Literal["party", "state"] | None = None,
    template: Path | None = None,
) -> bytes:
    """The .docx bytes of `doc` in the Party or State layout.

    `style` overrides `doc.style` and the inference of `infer_style`. `template` is a body's own
    letterhead (a Word file with Jinja placeholders, see `letterhead`): it replaces our header
    block, and the title and signature block when it prints them itself.
    """
    if style not in (None, "party", "state"):
        raise DocumentError(
            None,
            f"kiểu trình bày không hợp lệ: {style} (party|state)",
            f"invalid style: {style} (party|state)",
        )
    layout = PARTY if (style or infer_style(doc)) == "party" else STATE
    notes = _numbered_notes(doc)
    anchor = None
    own_title = own_closing = True
    if template is None:
        word = docx.Document(io.BytesIO(_base_bytes()))
        blocks = [_header_table(doc, layout)]
    else:
        from baocao.document.writers.letterhead import open_letterhead

        letter = open_letterhead(doc, template, style=layout.style)
        word, anchor = letter.word, letter.anchor
        own_title, own_closing = not letter.has_title, not letter.has_closing
        blocks = []
    _page(word)
    blocks += _title(doc, layout) if own_title else []
    blocks += _body(doc, layout, notes)
    if own_closing:
        if blocks and x.is_paragraph(blocks[-1]):
            x.keep_with_next(blocks[-1])  # with the table's cantSplit: no lone signature page
        blocks.append(_signature_table(doc, layout))
    x.insert_blocks(word.element.body, blocks, replacing=anchor)
    x.add_footnotes(x.footnotes_part(word.part), _footnote_texts(doc, notes))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


@functools.cache
def _base_bytes() -> bytes:
    return BASE.read_bytes()


def _page(word: docx.document.Document) -> None:
    """A4, margins 20/20/30/15 mm, page number centred at the top from page 2 (14 pt)."""
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    if x.has_page_field(header._element):
        return
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p._p.extend(x.page_field(BODY_PT))


# --- header block -------------------------------------------------------------------------


def place_date(doc: Document) -> str:
    """The header's "Vụ Bản, ngày 28 tháng 02 năm 2023", with visible blanks for what is missing.

    Raises DocumentError when the issuer's date is not an ISO date (yyyy-mm-dd).
    """
    iss = doc.issuer
    try:
        return format_place_date(iss.place if iss else "", iss.date if iss else "")
    except ValueError:
        bad = iss.date if iss else ""
        raise DocumentError(
            None,
            f"ngày ban hành không hợp lệ: {bad!r} (cần dạng yyyy-mm-dd)",
            f"invalid issue date: {bad!r} (expected yyyy-mm-dd)",
        ) from None


def _lines(text: str, style: x.RunStyle, para: x.ParaStyle = _CENTER) -> list[etree._Element]:
    """One paragraph per line of `text` (names like "ỦY BAN NHÂN DÂN\nHUYỆN VỤ BẢN")."""
    return [x.paragraph(para, [x.run(line, style)]) for line in text.split("\n")]


def _header_table(doc: Document, layout: Layout) -> etree._Element:
    """Row 1: bodies | motto; row 2: number | place and date (they share a baseline)."""
    iss = doc.issuer
    size = layout.header_size
    name = (iss.name if iss else "") or BLANK
    parent = iss.parent if iss else BLANK
    date = place_date(doc)
    left = _lines(parent, x.RunStyle(size=size)) if parent else []
    left += _lines(name, x.RunStyle(bold=True, size=size))
    code = _style.TYPE_CODES.get(" ".join(doc.title.split()).upper(), BLANK)
    if layout.style == "party":
        number = (iss.number if iss else "") or f"Số {BLANK}-{code}/{BLANK}"
        left += _lines("*", x.RunStyle(size=size))
        right = _lines(PARTY_MOTTO, x.RunStyle(bold=True, underline=True, size=15))
    else:
        number = (iss.number if iss else "") or f"Số: {BLANK}/{code}-{BLANK}"
        left.append(_short_rule(name, layout.header_widths[0], size))
        right = _lines(STATE_MOTTO, x.RunStyle(bold=True, size=13))
        right += _lines(STATE_SLOGAN, x.RunStyle(bold=True, underline=True, size=14))
    row2 = [_lines(number, x.RunStyle(size=size)), _lines(date, x.RunStyle(italic=True))]
    return x.table(list(layout.header_widths), [[left, right], row2])


# Advance widths (1/1000 em) of Times New Roman = Liberation Serif, regular and bold; a
# Vietnamese letter is as wide as its base letter.
_METRIC_CHARS = string.ascii_uppercase + string.ascii_lowercase + string.digits + " .,:;-/()*"
_REGULAR = (
    "722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 556 722 667 556 611 722 722 944 "
    "722 722 611 444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 "
    "500 500 722 500 500 444 500 500 500 500 500 500 500 500 500 500 250 250 250 278 278 333 278 "
    "333 333 500"
)
_BOLD = (
    "722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 722 1000 "
    "722 722 667 500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 "
    "556 500 722 500 500 444 500 500 500 500 500 500 500 500 500 500 250 250 250 333 333 333 278 "
    "333 333 500"
)
_WIDTHS = {
    bold: dict(zip(_METRIC_CHARS, map(int, table.split()), strict=True))
    for bold, table in ((False, _REGULAR), (True, _BOLD))
}


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Printed width of one line of Times New Roman text, in millimetres."""
    widths = _WIDTHS[bold]
    em = 0
    for c in text:
        base = unicodedata.normalize("NFD", c)[0].replace("Đ", "D").replace("đ", "d")
        em += widths.get(base, 500)
    return em / 1000 * size_pt * 25.4 / 72


def _short_rule(text: str, column_mm: float, size_pt: float) -> etree._Element:
    """An empty paragraph whose bottom border is 40 % of the longest bold line above it."""
    longest = max(text_width_mm(line, size_pt, bold=True) for line in text.split("\n"))
    rule = min(column_mm * 0.9, max(12.0, longest * 0.4))
    side = (column_mm - rule) / 2
    # A 5 pt high paragraph, so that the rule sits right under the text, not a blank line lower.
    style = x.ParaStyle(
        align="center", border_bottom=True, indent_mm=(side, side), after_pt=6, line_exact_pt=5
    )
    return x.paragraph(style, [])


def _title(doc: Document, layout: Layout) -> list[etree._Element]:
    """Type name, summary line (its line breaks kept) and the rule under them."""
    title_style = x.RunStyle(bold=True, size=layout.title_size)
    out = [
        x.paragraph(
            x.ParaStyle(align="center", before_pt=12), [x.run(doc.title or BLANK, title_style)]
        )
    ]
    subtitle = doc.subtitle or BLANK
    out.append(x.paragraph(_CENTER, [x.run(subtitle, x.RunStyle(bold=True))]))
    if layout.style == "party":
        out.append(
            x.paragraph(x.ParaStyle(align="center", after_pt=6), [x.run("-----", x.RunStyle())])
        )
    else:
        out.append(_short_rule(subtitle, 165, BODY_PT))
    return out


# --- body -----------------------------------------------------------------------------------


def _numbered_notes(doc: Document) -> dict[str, str]:
    """Footnote id -> "1".."n" in order of first reference (unreferenced notes cannot print)."""
    ids: dict[str, str] = {}
    for p in doc.iter_paragraphs():
        for fid in p.footnotes:
            ids.setdefault(fid, str(len(ids) + 1))
    return ids


def _footnote_texts(doc: Document, notes: dict[str, str]) -> list[tuple[str, str]]:
    """(number, text) in order; a reference without a text gets a visible blank."""
    texts = {f.id: f.text for f in doc.footnotes}
    return [(num, texts.get(fid) or BLANK) for fid, num in notes.items()]


def _body_para(layout: Layout, *, keep_next: bool = False) -> x.ParaStyle:
    return x.ParaStyle(
        align="both",
        first_line_mm=layout.first_line_mm,
        before_pt=6,
        line_exact_pt=18,
        keep_next=keep_next,
    )


def _body(doc: Document, layout: Layout, notes: dict[str, str]) -> list[etree._Element]:
    para = _body_para(layout)
    out = [_paragraph(p, para, notes) for p in doc.preamble]
    _sections(doc.sections, layout, notes, out)
    out += [_paragraph(p, para, notes) for p in doc.closing]
    return out


def _sections(
    sections: list[Section], layout: Layout, notes: dict[str, str], out: list[etree._Element]
) -> None:
    heading_para = _body_para(layout, keep_next=True)
    para = _body_para(layout)
    for s in sections:
        out.append(x.paragraph(heading_para, [x.run(s.heading_line, _heading_style(s))]))
        out.extend(_paragraph(p, para, notes) for p in s.paragraphs)
        _sections(s.sections, layout, notes, out)


_POINT = re.compile(r"[a-zđ]")
_NESTED = re.compile(r"\d+(?:\.\d+)+")


def _heading_style(s: Section) -> x.RunStyle:
    """Bold for parts, sections, subsections; bold-italic for "*" and "1.1."; italic for "a)"."""
    number = s.number or ""
    if number == "*" or _NESTED.fullmatch(number):
        return x.RunStyle(bold=True, italic=True)
    if s.delim == ")" and _POINT.fullmatch(number):
        return x.RunStyle(italic=True)
    return x.RunStyle(bold=True)


def _paragraph(p: Paragraph, para: x.ParaStyle, notes: dict[str, str]) -> etree._Element:
    """Runs cut at emphasis bounds and footnote anchors; a bullet's dash is typed text."""
    text = p.text
    runs: list[etree._Element] = [x.run("- ", x.RunStyle())] if p.bullet else []
    refs: dict[int, list[str]] = {}
    anchors = [*p.anchors, *[len(text)] * (len(p.footnotes) - len(p.anchors))]
    for fid, at in zip(p.footnotes, anchors, strict=False):
        refs.setdefault(min(max(at, 0), len(text)), []).append(notes[fid])
    cuts = {0, len(text), *refs}
    for e in p.emphasis:
        cuts.update((min(max(e.start, 0), len(text)), min(max(e.end, 0), len(text))))
    for a, b in itertools.pairwise(sorted(cuts)):
        runs += [x.footnote_reference(n) for n in refs.pop(a, [])]
        bold = any(e.kind == "bold" and e.start <= a and b <= e.end for e in p.emphasis)
        italic = any(e.kind == "italic" and e.start <= a and b <= e.end for e in p.emphasis)
        runs.append(x.run(text[a:b], x.RunStyle(bold=bold, italic=italic)))
    runs += [x.footnote_reference(n) for at in sorted(refs) for n in refs[at]]
    return x.paragraph(para, runs)


# --- signature block --------------------------------------------------------------------------


def _signature_table(doc: Document, layout: Layout) -> etree._Element:
    """Left: "Nơi nhận:" and the recipients; right: authority, title, room to sign, name."""
    first_left = x.ParaStyle(align="left", before_pt=6)
    left = [x.paragraph(first_left, [x.run("Nơi nhận:", layout.recipients_label)])]
    recipient = x.RunStyle(size=layout.recipients_size)
    left += [x.paragraph(_LEFT, [x.run(f"- {r}", recipient)]) for r in doc.recipients]
    sig = doc.signature
    authority = sig.authority if sig else BLANK
    title = (sig.title if sig else "") or BLANK
    name = (sig.name if sig else "") or BLANK
    bold = x.RunStyle(bold=True)
    lines = [(line, bold) for line in authority.split("\n")] if authority else []
    lines += [(line, x.RunStyle(bold=layout.signer_title_bold)) for line in title.split("\n")]
    lines += [("", x.RunStyle())] * 4  # room for the signature and the seal
    lines += [(line, bold) for line in name.split("\n")]
    first_right = x.ParaStyle(align="center", before_pt=6)
    right = [
        x.paragraph(first_right if i == 0 else _CENTER, [x.run(text, style)])
        for i, (text, style) in enumerate(lines)
    ]
    return x.table(list(SIGNATURE_WIDTHS), [[left, right]], cant_split=True)
