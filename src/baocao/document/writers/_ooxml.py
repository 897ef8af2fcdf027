"""The only module of the writers that builds WordprocessingML by hand.

python-docx has no API for footnotes, fields, table grids, paragraph borders or the East-Asian
and complex-script font slots, and its per-run proxies are slow; the body is therefore built
here as lxml elements and inserted in one go. Sizes are in half-points (`w:sz`), lengths in
twentieths of a point (twips): 1 mm = 56.69 twips. All text goes through NFC on its way in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from baocao.text.normalize import nfc

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TIMES = "Times New Roman"
_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEMES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
_NSMAP = {"w": W_NS}


def twips(mm: float) -> int:
    """Millimetres to twentieths of a point."""
    return round(mm * 1440 / 25.4)


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """A `w:` element with `w:`-prefixed attributes and children."""
    e = etree.Element(W + tag, {W + k: v for k, v in (attrs or {}).items()}, nsmap=_NSMAP)
    e.extend(children)
    return e


@dataclass(frozen=True)
class RunStyle:
    """Direct run formatting (every run states its size: a letterhead's Normal may differ)."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float = 14  # points
    superscript: bool = False


@dataclass(frozen=True)
class ParaStyle:
    """Direct paragraph formatting, in points and millimetres."""

    align: str = "both"  # both | center | left
    first_line_mm: float = 0.0
    before_pt: float = 0.0
    after_pt: float = 0.0
    line_exact_pt: float | None = None  # None = single
    keep_next: bool = False
    border_bottom: bool = False  # the short rules of the State layout
    indent_mm: tuple[float, float] = (0.0, 0.0)  # left, right
    style_id: str | None = None


def rpr(style: RunStyle) -> etree._Element:
    """`w:rPr` of a run style; the font comes from docDefaults (Times New Roman, four slots)."""
    props = el("rPr")
    if style.bold:
        props.extend((el("b"), el("bCs")))
    if style.italic:
        props.extend((el("i"), el("iCs")))
    half = str(round(style.size * 2))
    props.extend((el("sz", {"val": half}), el("szCs", {"val": half})))
    if style.underline:
        props.append(el("u", {"val": "single"}))  # after the size: schema order
    if style.superscript:
        props.append(el("vertAlign", {"val": "superscript"}))
    return props


def run(text: str, style: RunStyle) -> etree._Element:
    """A run of text; "\n" in the text becomes a line break (`w:br`)."""
    r = el("r", None, rpr(style))
    for i, piece in enumerate(nfc(text).split("\n")):
        if i:
            r.append(el("br"))
        if piece:
            t = etree.SubElement(r, W + "t")
            t.text = piece
            t.set(XML_SPACE, "preserve")
    return r


def ppr(style: ParaStyle) -> etree._Element:
    """`w:pPr` in schema order: style, keepNext, border, spacing, indent, alignment."""
    p = el("pPr")
    if style.style_id:
        p.append(el("pStyle", {"val": style.style_id}))
    if style.keep_next:
        p.append(el("keepNext"))
    if style.border_bottom:
        bottom = el("bottom", {"val": "single", "sz": "6", "space": "1", "color": "auto"})
        p.append(el("pBdr", None, bottom))
    spacing = {"before": str(round(style.before_pt * 20)), "after": str(round(style.after_pt * 20))}
    if style.line_exact_pt:
        spacing.update(line=str(round(style.line_exact_pt * 20)), lineRule="exact")
    else:
        spacing.update(line="240", lineRule="auto")
    p.append(el("spacing", spacing))
    left, right = style.indent_mm
    ind = {"left": str(twips(left)), "right": str(twips(right))}
    ind["firstLine"] = str(twips(style.first_line_mm))
    p.append(el("ind", ind))
    p.append(el("jc", {"val": style.align}))
    return p


def paragraph(style: ParaStyle, runs: Iterable[etree._Element]) -> etree._Element:
    """A `w:p` with direct paragraph formatting and the given runs."""
    p = el("p", None, ppr(style))
    p.extend(runs)
    return p


def keep_with_next(p: etree._Element) -> None:
    """Set `w:keepNext` on a paragraph built by `paragraph` (the signature never starts a page)."""
    props = p.find(W + "pPr")
    if props is not None and props.find(W + "keepNext") is None:
        props.insert(1 if props.find(W + "pStyle") is not None else 0, el("keepNext"))


def is_paragraph(e: etree._Element) -> bool:
    """Whether a body element is a `w:p` (not a table)."""
    return e.tag == W + "p"


def insert_blocks(
    body: etree._Element, blocks: list[etree._Element], *, replacing: etree._Element | None = None
) -> None:
    """Put the blocks in place of `replacing`, else at the end of the body (before `w:sectPr`)."""
    if replacing is not None:
        for b in blocks:
            replacing.addprevious(b)
        replacing.getparent().remove(replacing)
        return
    end = body.find(W + "sectPr")
    if end is None:
        body.extend(blocks)
    else:
        for b in blocks:
            end.addprevious(b)


def footnote_reference(note_id: str) -> etree._Element:
    """The body's reference mark: a FootnoteReference-styled run holding `w:footnoteReference`."""
    return el(
        "r",
        None,
        el("rPr", None, el("rStyle", {"val": "FootnoteReference"})),
        el("footnoteReference", {"id": note_id}),
    )


def footnote(note_id: str, text: str, size_pt: float = 12) -> etree._Element:
    """A `w:footnote`: its own mark, then the text (FootnoteText style, 12 pt, justified)."""
    mark = el(
        "r", None, el("rPr", None, el("rStyle", {"val": "FootnoteReference"})), el("footnoteRef")
    )
    body = run(" " + text, RunStyle(size=size_pt))
    style = ParaStyle(align="both", style_id="FootnoteText")
    return el("footnote", {"id": note_id}, paragraph(style, [mark, body]))


def _footnotes_root() -> etree._Element:
    """An empty footnotes part: the separator (-1) and continuation separator (0) Word needs."""
    root = el("footnotes")
    for fid, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        spacing = el("spacing", {"after": "0", "line": "240", "lineRule": "auto"})
        p = el("p", None, el("pPr", None, spacing), el("r", None, el(kind)))
        root.append(el("footnote", {"type": kind, "id": fid}, p))
    return root


def footnotes_part(main_part: Part) -> Part:
    """The footnotes part of a document, created (with its separators) when missing."""
    for rel in main_part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part
    blob = etree.tostring(_footnotes_root(), xml_declaration=True, encoding="UTF-8")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, blob, main_part.package)
    main_part.relate_to(part, RT.FOOTNOTES)
    return part


def add_footnotes(part: Part, notes: Iterable[tuple[str, str]]) -> None:
    """Append (id, text) footnotes to the part.

    python-docx loads a footnotes part as an opaque `Part` (bytes), so the blob is parsed,
    extended and stored back; it has no setter, hence the private attribute.
    """
    root = etree.fromstring(part.blob)
    root.extend(footnote(fid, text) for fid, text in notes)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def table(
    widths_mm: list[float], rows: list[list[list[etree._Element]]], *, cant_split: bool = False
) -> etree._Element:
    """A borderless fixed-layout table: LibreOffice reads widths from `w:tblGrid`, so set both."""
    widths = [twips(w) for w in widths_mm]
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    borders = el("tblBorders", None, *(el(side, {"val": "nil"}) for side in sides))
    margins = el(
        "tblCellMar",
        None,
        *(el(side, {"w": "0", "type": "dxa"}) for side in ("top", "left", "bottom", "right")),
    )
    props = el(
        "tblPr",
        None,
        el("tblW", {"w": str(sum(widths)), "type": "dxa"}),
        el("jc", {"val": "center"}),
        borders,
        el("tblLayout", {"type": "fixed"}),
        margins,
        el("tblLook", {"val": "0000"}),
    )
    grid = el("tblGrid", None, *(el("gridCol", {"w": str(w)}) for w in widths))
    tbl = el("tbl", None, props, grid)
    for cells in rows:
        tr = etree.SubElement(tbl, W + "tr")
        if cant_split:
            tr.append(el("trPr", None, el("cantSplit")))
        for width, content in zip(widths, cells, strict=True):
            tc = el("tc", None, el("tcPr", None, el("tcW", {"w": str(width), "type": "dxa"})))
            tc.extend(content or [el("p")])  # a cell must hold a paragraph
            tr.append(tc)
    return tbl


def page_field(size_pt: float) -> list[etree._Element]:
    """Runs of a PAGE field: begin, instruction, separate, cached "1", end."""
    style = RunStyle(size=size_pt)
    begin, instr, sep, end = (el("r", None, rpr(style)) for _ in range(4))
    begin.append(el("fldChar", {"fldCharType": "begin"}))
    code = etree.SubElement(instr, W + "instrText")
    code.text = " PAGE "
    code.set(XML_SPACE, "preserve")
    sep.append(el("fldChar", {"fldCharType": "separate"}))
    end.append(el("fldChar", {"fldCharType": "end"}))
    return [begin, instr, sep, run("1", style), end]


def has_page_field(part_element: etree._Element) -> bool:
    """Whether a header already shows the page number (a letterhead may bring its own)."""
    return any("PAGE" in (t.text or "") for t in part_element.iter(W + "instrText"))


def times_everywhere(styles: etree._Element) -> None:
    """Times New Roman in the four slots of docDefaults and of every style, no theme fonts.

    Used on a body's own letterhead template, whose defaults are often Calibri theme fonts;
    official documents are set in Times New Roman throughout (NĐ 30, 36-HD).
    """
    defaults = styles.find(W + "docDefaults")
    if defaults is None:
        defaults = el("docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(W + "rPrDefault")
    if rpr_default is None:
        rpr_default = el("rPrDefault")
        defaults.insert(0, rpr_default)
    props = rpr_default.find(W + "rPr")
    if props is None:
        props = etree.SubElement(rpr_default, W + "rPr")
    if props.find(W + "rFonts") is None:
        props.insert(0, el("rFonts"))
    if props.find(W + "lang") is None:
        props.append(el("lang", {"val": "vi-VN"}))
    for fonts in styles.iter(W + "rFonts"):
        for theme in _THEMES:
            fonts.attrib.pop(W + theme, None)
        for slot in _SLOTS:
            fonts.set(W + slot, TIMES)


def style_ids(styles: etree._Element) -> set[str]:
    """The styleId of every style in a styles part."""
    return {s.get(W + "styleId", "") for s in styles.iterfind(W + "style")}


def footnote_styles() -> list[etree._Element]:
    """FootnoteText (12 pt, justified) and FootnoteReference (superscript), for a letterhead."""
    fonts = el("rFonts", {slot: TIMES for slot in _SLOTS})
    text = el(
        "style",
        {"type": "paragraph", "styleId": "FootnoteText"},
        el("name", {"val": "footnote text"}),
        el("pPr", None, el("jc", {"val": "both"})),
        el("rPr", None, fonts, el("sz", {"val": "24"}), el("szCs", {"val": "24"})),
    )
    ref = el(
        "style",
        {"type": "character", "styleId": "FootnoteReference"},
        el("name", {"val": "footnote reference"}),
        el("rPr", None, el("vertAlign", {"val": "superscript"})),
    )
    return [text, ref]
