"""Reader for .docx reports written by Word, LibreOffice, Google Docs, pandoc or baocao.

The body is walked in order (paragraphs and tables) with lxml. Runs give the text with its bold
and italic spans (inheritance resolved), footnote references with their positions, and labels
of auto-numbered paragraphs. Real footnotes and endnotes come from their parts. A table before
the text is the header block; the last table after the text that holds "Nơi nhận" or a
signature is the closing block. Text typed in the old .VnTime/VNI fonts is transcoded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from baocao.document._spans import merge_spans, trim_spans
from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.errors import DocumentError
from baocao.document.issuer import parse_issuer_lines
from baocao.document.model import Document, Emphasis, Issuer, Signature
from baocao.document.readers import _ooxml as x
from baocao.document.readers._wordml import Numbering, Styles, W, on
from baocao.text.legacy import font_encoding, tcvn3_to_unicode, vni_to_unicode
from baocao.text.normalize import nfc

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a zip bomb guard: no real report inflates past this
MAX_RATIO = 200
_RULE = re.compile(r"^[\s\-_–—=*.…]*$")
_RECIPIENTS = re.compile(r"^\W*N[ơo]i\s+nh[ậa]n\s*:?", re.I)
_SIGN = re.compile(r"^(T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.)\s*\S")
_NUMBER_LINE = re.compile(r"^S[ốỐ]\b", re.I)
_CODE = re.compile(r"^[\d.…]*\s*/\s*\S+$")
_BULLET_LINE = re.compile(r"[-+•]\s")
# the style of the annex baocao appends to an issued report (indicators.annex): it and what
# follows it are left out
ANNEX_STYLE = "BaocaoAnnex"


def read_docx(path: str | Path, *, max_size: int = MAX_UNCOMPRESSED) -> Document:
    """Read a .docx report into the model."""
    blocks, hints = read_docx_blocks(path, max_size=max_size)
    from baocao.document.structure import build_document

    return build_document(blocks, hints)


def read_docx_blocks(
    path: str | Path, *, max_size: int = MAX_UNCOMPRESSED, max_ratio: int = MAX_RATIO
) -> tuple[list[RawBlock], ReaderHints]:
    """The blocks and what the file states outright (notes, header block, closing block).

    Raises DocumentError for a file that is not a readable .docx (corrupt, encrypted, a zip
    bomb), before any XML is parsed.
    """
    p = Path(path)
    parts = x.open_parts(p, max_size, max_ratio)
    try:
        return _read(parts)
    except etree.XMLSyntaxError:
        raise DocumentError(
            p, "tệp .docx bị hỏng hoặc không phải .docx (XML hỏng)", "corrupt .docx (bad XML)"
        ) from None


def _read(parts: dict[str, bytes]) -> tuple[list[RawBlock], ReaderHints]:
    styles = Styles.parse(parts.get("styles"))
    legacy = any(
        mark in (parts["document"] + parts.get("styles", b""))
        for mark in (b'".Vn', b'"VNI', b'".VN')
    )
    walker = _Walker(styles, Numbering.parse(parts.get("numbering")), legacy)
    hints = ReaderHints(repair_page_breaks=False)
    hints.footnotes = walker.notes(parts.get("footnotes"), "footnote", "")
    hints.footnotes.update(walker.notes(parts.get("endnotes"), "endnote", "e"))
    body = x.parse_xml(parts["document"]).find(W + "body")
    items: list[RawBlock | _Table] = []
    for child in x.block_children(body if body is not None else etree.Element("body")):
        if child.tag == x.P and x.val(child.find(x.PPR), "pStyle") == ANNEX_STYLE:
            break  # the annex baocao appends (charts) is not the report's text
        items.append(walker.paragraph(child) if child.tag == x.P else walker.table(child))
    return _assemble(items, hints), hints


@dataclass
class _Table:
    """A table as lines: rows of cells, each cell the lines of its paragraphs."""

    rows: list[list[list[RawBlock]]] = field(default_factory=list)

    def column(self, which: int) -> list[RawBlock]:
        """Lines of the first (0) or last (-1) cell of each row; one-cell rows are left."""
        return [
            ln for row in self.rows if row and (which == 0 or len(row) > 1) for ln in row[which]
        ]

    def lines(self) -> list[str]:
        return [ln.text for row in self.rows for cell in row for ln in cell]

    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def _has_text(item: RawBlock | _Table) -> bool:
    return isinstance(item, RawBlock) and bool(_keep(item))


def _keep(b: RawBlock) -> bool:
    return bool(b.text.strip()) and not _RULE.match(b.text)


def _assemble(items: list[RawBlock | _Table], hints: ReaderHints) -> list[RawBlock]:
    """Body blocks in order; the header and closing tables go into `hints`."""
    texts = [i for i, item in enumerate(items) if _has_text(item)]
    first = texts[0] if texts else len(items)
    closing_at = _closing_index(items, first, texts[-1] if texts else -1)
    blocks: list[RawBlock] = []
    for i, item in enumerate(items):
        if isinstance(item, RawBlock):
            if _keep(item):
                blocks += _body_blocks(item)
        elif i < first and hints.issuer is None and hints.style is None:
            header = _header(item)
            if header is None:
                blocks += _table_rows(item)
            else:
                hints.issuer, hints.style, extra = header
                blocks += extra
        elif i == closing_at:
            hints.recipients, hints.signature = _closing(item)
        else:
            blocks += _table_rows(item)
    return blocks


def _body_blocks(b: RawBlock) -> list[RawBlock]:
    """A paragraph as printed blocks: soft line breaks kept in centred (title-like) blocks.

    Elsewhere a break inside running text reads as a space, except before a "- " line: a list
    typed with Shift+Enter is one item a line.
    """
    if "\n" not in b.text:
        return [b]
    first = b.text.lstrip().split("\n")[0]
    if b.centered or _RECIPIENTS.match(first) or _SIGN.match(first) or b.text.isupper():
        b.line_breaks = True
        return [b]
    cuts = [0]
    cuts += [i + 1 for i, c in enumerate(b.text) if c == "\n" and _BULLET_LINE.match(b.text, i + 1)]
    pieces = [_piece(b, s, e) for s, e in zip(cuts, [*cuts[1:], len(b.text)], strict=True)]
    return [p for p in pieces if _keep(p)]


def _piece(b: RawBlock, start: int, end: int) -> RawBlock:
    """b.text[start:end] with its spans and anchors, breaks read as spaces."""
    text = b.text[start:end].replace("\n", " ")
    spans = [
        Emphasis(max(e.start, start) - start, min(e.end, end) - start, e.kind)
        for e in b.emphasis
        if min(e.end, end) > max(e.start, start)
    ]
    notes = [
        (f, a - start)
        for f, a in zip(b.footnotes, b.anchors, strict=True)
        if start < a <= end or (a == 0 == start)
    ]
    return RawBlock(
        text,
        trim_spans(text, spans),
        [f for f, _ in notes],
        [a for _, a in notes],
        bold=b.bold if start == 0 and end == len(b.text) else _all_bold(text, spans),
        centered=b.centered,
    )


def _all_bold(text: str, spans: list[Emphasis]) -> bool:
    stripped = text.strip()
    return bool(stripped) and any(
        e.kind == "bold" and text[e.start : e.end].strip() == stripped for e in spans
    )


class _Walker:
    """Turns `w:p` elements into RawBlocks; keeps the numbering counters across the body."""

    def __init__(self, styles: Styles, numbering: Numbering, legacy_fonts: bool = True) -> None:
        self.styles = styles
        self.numbering = numbering
        # Only files that name a .VnTime/VNI font anywhere need the per-run font lookup.
        self.legacy_fonts = legacy_fonts
        self.default_pstyle = _default_style(styles)
        self._format_cache: dict[tuple[str | bool | None, ...], tuple[bool, ...]] = {}

    def paragraph(self, p: etree._Element, numbered: bool = True) -> RawBlock:
        """The paragraph's text as printed, with emphasis, note anchors and its list label."""
        ppr = p.find(x.PPR)
        pstyle = x.val(ppr, "pStyle") or self.default_pstyle
        pieces: list[str] = []
        spans: list[Emphasis] = []
        notes: list[str] = []
        anchors: list[int] = []
        pos = 0
        fields: list[str] = []  # open fields: "begin" while in the instructions
        for r in x.runs(p):
            text, note, fld, rpr = x.scan_run(r)
            if fld is not None:
                _field_step(fields, fld)
                continue
            if "begin" in fields:
                continue
            if note is not None:
                notes.append(note)
                anchors.append(pos)
            if not text:
                continue
            bold, italic, caps, hidden = self._format(rpr, pstyle)
            if hidden:
                continue
            if self.legacy_fonts:
                text = self._transcode(text, r, pstyle)
            if caps and len(text.upper()) == len(text):
                text = text.upper()
            end = pos + len(text)
            for flag, kind in ((bold, "bold"), (italic, "italic")):
                if flag:
                    _extend(spans, pos, end, kind)
            pieces.append(text)
            pos = end
        return self._block(nfc("".join(pieces)), spans, notes, anchors, ppr, pstyle, numbered)

    def _block(
        self,
        text: str,
        spans: list[Emphasis],
        notes: list[str],
        anchors: list[int],
        ppr: etree._Element | None,
        pstyle: str | None,
        numbered: bool,
    ) -> RawBlock:
        if spans:
            spans = trim_spans(text, merge_spans(spans))
        bold = bool(spans) and _all_bold(text, spans)
        label = self._label(ppr, pstyle) if numbered else ""
        if label:
            shift = len(label) + 1
            text = f"{label} {text}"
            spans = [Emphasis(e.start + shift, e.end + shift, e.kind) for e in spans]
            anchors = [a + shift for a in anchors]
        align = x.val(ppr, "jc") or self.styles.para_prop(pstyle, "jc")
        return RawBlock(text, spans, notes, anchors, bold=bold, centered=align == "center")

    def table(self, tbl: etree._Element) -> _Table:
        """A table's cells as lines (a paragraph with line breaks gives several lines)."""
        return _Table([[self.cell_lines(tc) for tc in row] for row in x.table_rows(tbl)])

    def cell_lines(self, tc: etree._Element) -> list[RawBlock]:
        out = []
        for p in x.block_paragraphs(tc):
            b = self.paragraph(p)
            for line in b.text.split("\n"):
                if line.strip():
                    out.append(RawBlock(line.strip(), bold=b.bold, centered=b.centered))
        return out

    def notes(self, xml: bytes | None, tag: str, prefix: str) -> dict[str, str]:
        """Footnote (or endnote) id -> text, separators skipped, the note's own mark dropped."""
        if not xml:
            return {}
        out = {}
        for note in x.parse_xml(xml).iterfind(W + tag):
            if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = " ".join(self.paragraph(p, False).text for p in x.block_paragraphs(note))
            out[prefix + note.get(W + "id", "")] = " ".join(text.split())
        return out

    def _transcode(self, text: str, r: etree._Element, pstyle: str | None) -> str:
        encoding = font_encoding(self._font(r, pstyle) or "")
        if encoding == "tcvn3":
            return tcvn3_to_unicode(text)
        if encoding == "vni":
            return vni_to_unicode(text)
        return text

    def _font(self, r: etree._Element, pstyle: str | None) -> str | None:
        fonts = r.find(f"{W}rPr/{W}rFonts")
        if fonts is not None and fonts.get(W + "ascii"):
            return fonts.get(W + "ascii")
        return self.styles.font(x.val(r.find(x.RPR), "rStyle")) or self.styles.font(pstyle)

    def _format(self, rpr: etree._Element | None, pstyle: str | None) -> tuple[bool, ...]:
        """(bold, italic, caps, hidden) of a run: direct, then character style, paragraph
        style and document defaults; cached per distinct combination."""
        rstyle = None
        direct: list[bool | None] = [None, None, None, None]
        if rpr is not None:
            for c in rpr:
                k = _TOGGLES.get(c.tag)
                if k is not None:
                    direct[k] = on(c)
                elif c.tag == _RSTYLE:
                    rstyle = c.get(W + "val")
        key = (rstyle, pstyle, *direct)
        cached = self._format_cache.get(key)
        if cached is None:
            cached = self._format_cache[key] = self._resolve(rstyle, pstyle, direct)
        return cached

    def _resolve(
        self, rstyle: str | None, pstyle: str | None, direct: list[bool | None]
    ) -> tuple[bool, ...]:
        out = []
        for prop, value in zip(_PROPS, direct, strict=True):
            for source in (rstyle, pstyle):
                if value is None:
                    value = self.styles.run_prop(source, prop)
            if value is None:
                value = self.styles.defaults.get(prop)
            out.append(bool(value))
        return tuple(out)

    def _label(self, ppr: etree._Element | None, pstyle: str | None) -> str:
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is None:
            num = self.styles.para_prop(pstyle, "numPr")  # type: ignore[assignment]
        if num is None:
            return ""
        num_id = x.val(num, "numId") or ""
        ilvl = int(x.val(num, "ilvl") or 0)
        return self.numbering.label(num_id, ilvl)


_PROPS = ("b", "i", "caps", "vanish")
_TOGGLES = {W + p: k for k, p in enumerate(_PROPS)}
_RSTYLE = W + "rStyle"


def _default_style(styles: Styles) -> str | None:
    """The paragraph style Word applies to paragraphs that name none (usually "Normal")."""
    for sid, s in styles.by_id.items():
        if s.get(W + "type") == "paragraph" and s.get(W + "default") in ("1", "true", "on"):
            return sid
    return None


def _field_step(fields: list[str], kind: str) -> None:
    """Track nested complex fields: instructions run from "begin" to "separate"."""
    if kind == "begin":
        fields.append("begin")
    elif kind == "separate" and fields:
        fields[-1] = "separate"
    elif kind == "end" and fields:
        fields.pop()


def _extend(spans: list[Emphasis], start: int, end: int, kind: str) -> None:
    """Add [start, end) of `kind`, growing the last span of that kind when they touch."""
    for k in range(len(spans) - 1, max(-1, len(spans) - 3), -1):
        if spans[k].kind == kind and spans[k].end == start:
            spans[k] = Emphasis(spans[k].start, end, kind)  # type: ignore[arg-type]
            return
    spans.append(Emphasis(start, end, kind))  # type: ignore[arg-type]


def _header(table: _Table) -> tuple[Issuer | None, str | None, list[RawBlock]] | None:
    """Issuer, style and the lines typed under the number (trích yếu, "V/v …"), or None
    when the table is not a header block. Bold upper-case lines on the left are the body."""
    left, right = table.column(0), table.column(-1)
    left, extra = _split_after_number(left)
    issuer, style = parse_issuer_lines([b.text for b in left + right])
    if issuer is None and style is None:
        return None
    bold = [b.text for b in left if b.bold and b.text.isupper() and "…" not in b.text]
    regular = [b.text for b in left if not b.bold and b.text.isupper() and b.text != "*"]
    if issuer is not None and bold:
        issuer.name = "\n".join(bold)
        issuer.parent = "\n".join(t for t in regular if not _NUMBER_LINE.match(t))
    return issuer, style, extra


def _split_after_number(left: list[RawBlock]) -> tuple[list[RawBlock], list[RawBlock]]:
    """The left cell's header lines, and what stands under the number (a summary, "V/v")."""
    at = next((i for i, b in enumerate(left) if _NUMBER_LINE.match(b.text)), None)
    if at is None:
        return left, []
    end = at + 1
    if end < len(left) and _CODE.match(left[end].text):
        end += 1  # "Số:" on one line, "95/BC-UBND" on the next
    extra = [RawBlock(b.text, bold=b.bold, centered=b.centered) for b in left[end:]]
    return left[:end], [b for b in extra if _keep(b)]


def _closing_index(items: list[RawBlock | _Table], first: int, last: int) -> int | None:
    """Index of the closing table: the last table after the text that holds "Nơi nhận" or a
    signature (an authority line, or nothing but an upper-case title and a name after it)."""
    for i in range(len(items) - 1, first, -1):
        item = items[i]
        if not isinstance(item, _Table):
            continue
        lines = item.lines()
        if any(_RECIPIENTS.match(t) or _SIGN.match(t) for t in lines):
            return i
        sig = [b.text for b in item.column(-1)]
        if i > last and item.width() == 2 and len(sig) >= 2 and sig[0].isupper():
            return i if not sig[-1].isupper() else None
    return None


def _closing(table: _Table) -> tuple[list[str], Signature | None]:
    from baocao.document._tail import parse_signature

    if table.width() < 2:
        lines = [b.text for b in table.column(0)]
        if any(_RECIPIENTS.match(t) for t in lines):
            return _recipients(lines), None
        return [], parse_signature(lines)
    left = [b.text for b in table.column(0)]
    right = [b.text for b in table.column(-1)]
    return _recipients(left), parse_signature([t for t in right if "…" not in t])


def _recipients(lines: list[str]) -> list[str]:
    """Lines after "Nơi nhận:", leading "- "/"+ " taken off, punctuation kept."""
    out: list[str] = []
    started = False
    for line in lines:
        m = _RECIPIENTS.match(line)
        if m:
            started, line = True, line[m.end() :]
        if started and line.strip():
            out.append(line.strip().lstrip("-+•").strip())
    return [r for r in out if r]


def _table_rows(table: _Table) -> list[RawBlock]:
    """A table inside the body: one block per row, cells joined by " | " (no table model yet)."""
    out = []
    for row in table.rows:
        cells = [" ".join(b.text for b in cell) for cell in row]
        text = " | ".join(c for c in cells if c)
        if text:
            out.append(RawBlock(text))
    return out
