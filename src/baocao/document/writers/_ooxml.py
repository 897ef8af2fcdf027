"""The only module of the writers that builds WordprocessingML by hand.

python-docx has no API for footnotes, fields, table grids or paragraph borders, and its
per-run proxies are slow; the body is therefore built here as lxml elements. Sizes are in
half-points (`w:sz`), lengths in twentieths of a point (twips): 1 mm = 56.7 twips.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """A `w:` element with `w:`-prefixed attributes and children."""
    e = etree.Element(W + tag, {W + k: v for k, v in (attrs or {}).items()}, nsmap={"w": W_NS})
    e.extend(children)
    return e


@dataclass(frozen=True)
class RunStyle:
    """Direct run formatting; None keeps what the paragraph style gives."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None  # points
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
    border_bottom: bool = False
    indent_mm: tuple[float, float] = (0.0, 0.0)  # left, right
    style_id: str | None = None


def rpr(style: RunStyle) -> etree._Element | None:
    children = []
    if style.bold:
        children += [el("b"), el("bCs")]
    if style.italic:
        children += [el("i"), el("iCs")]
    if style.underline:
        children.append(el("u", {"val": "single"}))
    if style.size:
        half = str(round(style.size * 2))
        children += [el("sz", {"val": half}), el("szCs", {"val": half})]
    if style.superscript:
        children.append(el("vertAlign", {"val": "superscript"}))
    return el("rPr", None, *children) if children else None


def run(text: str, style: RunStyle = RunStyle()) -> etree._Element:
    """A run of text; "\n" in the text becomes a line break."""
    r = el("r")
    props = rpr(style)
    if props is not None:
        r.append(props)
    for i, piece in enumerate(text.split("\n")):
        if i:
            r.append(el("br"))
        if piece:
            t = el("t")
            t.text = piece
            t.set(XML_SPACE, "preserve")
            r.append(t)
    return r


def ppr(style: ParaStyle) -> etree._Element:
    p = el("pPr")
    if style.style_id:
        p.append(el("pStyle", {"val": style.style_id}))
    if style.keep_next:
        p.append(el("keepNext"))
    if style.border_bottom:
        p.append(
            el(
                "pBdr",
                None,
                el("bottom", {"val": "single", "sz": "6", "space": "1", "color": "000000"}),
            )
        )
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


def paragraph(style: ParaStyle, runs: list[etree._Element]) -> etree._Element:
    p = el("p", None, ppr(style))
    p.extend(runs)
    return p


def footnote_reference(note_id: str) -> etree._Element:
    return el(
        "r",
        None,
        el("rPr", None, el("rStyle", {"val": "FootnoteReference"})),
        el("footnoteReference", {"id": note_id}),
    )


def footnote(note_id: str, text: str, size_pt: float = 12) -> etree._Element:
    """A `w:footnote` with its own mark, then the text (FootnoteText style, 12 pt)."""
    mark = el(
        "r", None, el("rPr", None, el("rStyle", {"val": "FootnoteReference"})), el("footnoteRef")
    )
    body = run(" " + text)
    style = ParaStyle(align="both", style_id="FootnoteText")
    return el("footnote", {"id": note_id}, paragraph(style, [mark, body]))


def footnotes_root() -> etree._Element:
    """An empty footnotes part: the separator (-1) and continuation separator (0) Word needs."""
    root = el("footnotes")
    for fid, kind, tag in (
        ("-1", "separator", "separator"),
        ("0", "continuationSeparator", "continuationSeparator"),
    ):
        root.append(
            el(
                "footnote",
                {"type": kind, "id": fid},
                el(
                    "p",
                    None,
                    el(
                        "pPr",
                        None,
                        el("spacing", {"after": "0", "line": "240", "lineRule": "auto"}),
                    ),
                    el("r", None, el(tag)),
                ),
            )
        )
    return root


def table(
    widths_mm: list[float], rows: list[list[list[etree._Element]]], *, cant_split: bool = False
) -> etree._Element:
    """A borderless fixed-layout table: LibreOffice reads widths from `w:tblGrid`, so set both."""
    widths = [twips(w) for w in widths_mm]
    borders = el(
        "tblBorders",
        None,
        *(
            el(side, {"val": "nil"})
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        ),
    )
    margins = el(
        "tblCellMar",
        None,
        *(el(side, {"w": "0", "type": "dxa"}) for side in ("top", "left", "bottom", "right")),
    )
    tbl = el(
        "tbl",
        None,
        el(
            "tblPr",
            None,
            el("tblW", {"w": str(sum(widths)), "type": "dxa"}),
            el("jc", {"val": "center"}),
            borders,
            el("tblLayout", {"type": "fixed"}),
            margins,
        ),
        el("tblGrid", None, *(el("gridCol", {"w": str(w)}) for w in widths)),
    )
    for cells in rows:
        tr = el("tr")
        if cant_split:
            tr.append(el("trPr", None, el("cantSplit")))
        for width, content in zip(widths, cells, strict=True):
            tc = el("tc", None, el("tcPr", None, el("tcW", {"w": str(width), "type": "dxa"})))
            tc.extend(content or [el("p")])
            tr.append(tc)
        tbl.append(tr)
    return tbl


def page_field(size_pt: float) -> list[etree._Element]:
    """Runs of a PAGE field (begin, instruction, separate, cached "1", end)."""
    style = RunStyle(size=size_pt)
    begin = run("", style)
    begin.append(el("fldChar", {"fldCharType": "begin"}))
    instr = run("", style)
    code = el("instrText")
    code.text = " PAGE "
    code.set(XML_SPACE, "preserve")
    instr.append(code)
    sep = run("", style)
    sep.append(el("fldChar", {"fldCharType": "separate"}))
    cached = run("1", style)
    end = run("", style)
    end.append(el("fldChar", {"fldCharType": "end"}))
    return [begin, instr, sep, cached, end]
