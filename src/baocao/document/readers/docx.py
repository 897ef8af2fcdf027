"""Reader for .docx reports written by Word, LibreOffice, Google Docs, pandoc or baocao.

The body is walked in order (paragraphs and tables). Runs give the text with its bold and
italic spans (inheritance resolved), footnote references with their positions, and labels of
auto-numbered paragraphs. Real Word footnotes come from the footnotes part. A two-column table
before the text is the header block; the table that holds "Nơi nhận" or the signature after
the text is the closing block. Text typed in the old .VnTime/VNI fonts is transcoded.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from baocao.document._spans import merge_spans
from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.errors import DocumentError
from baocao.document.issuer import parse_issuer_lines
from baocao.document.model import Document, Emphasis, Issuer, Signature
from baocao.document.readers._wordml import Numbering, Styles, W, on
from baocao.text.legacy import font_encoding, tcvn3_to_unicode, vni_to_unicode
from baocao.text.normalize import nfc

MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a zip bomb guard: no real report inflates past this
MAX_RATIO = 200
_RULE = re.compile(r"^[\s\-_–—=*.…]*$")
_RECIPIENTS = re.compile(r"^\W*N[ơo]i\s+nh[ậa]n", re.I)
_SIGN = re.compile(r"^(T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.)\s")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def read_docx(path: str | Path, *, max_size: int = MAX_UNCOMPRESSED) -> Document:
    """Read a .docx report into the model."""
    blocks, hints = read_docx_blocks(path, max_size=max_size)
    from baocao.document.structure import build_document

    return build_document(blocks, hints)


def read_docx_blocks(
    path: str | Path, *, max_size: int = MAX_UNCOMPRESSED
) -> tuple[list[RawBlock], ReaderHints]:
    """The blocks and what the file states outright (footnotes, header, closing block)."""
    parts = _open(Path(path), max_size)
    styles = Styles.parse(parts.get("styles"))
    legacy = any(
        mark in (parts["document"] + parts.get("styles", b""))
        for mark in (b'".Vn', b'"VNI', b'".VN')
    )
    walker = _Walker(styles, Numbering.parse(parts.get("numbering")), legacy)
    hints = ReaderHints(repair_page_breaks=False)
    hints.footnotes = _footnotes(parts.get("footnotes"), walker)
    body = etree.fromstring(parts["document"]).find(W + "body")
    if body is None:
        raise DocumentError(path, "tệp .docx không có phần thân văn bản", "no document body")
    children = [c for c in body if c.tag in (W + "p", W + "tbl")]
    blocks: list[RawBlock] = []
    seen_text = False
    tables = [i for i, c in enumerate(children) if c.tag == W + "tbl"]
    tail_at = _tail_table(children, tables, walker)
    for i, child in enumerate(children):
        if child.tag == W + "p":
            block = walker.paragraph(child)
            if block.text.strip() and not _RULE.match(block.text):
                blocks.append(block)
                seen_text = True
        elif not seen_text and hints.issuer is None and _columns(child) == 2:
            hints.issuer, hints.style = _header(child, walker)
        elif i == tail_at:
            hints.recipients, hints.signature = _closing(child, walker)
        else:
            blocks += _table_rows(child, walker)
    return blocks, hints


def _open(path: Path, max_size: int) -> dict[str, bytes]:
    """The XML parts we read, after checking the archive is a sane .docx."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise DocumentError(
            path, "tệp .docx bị hỏng hoặc không phải .docx", "corrupt or not a .docx file"
        ) from None
    with z:
        infos = z.infolist()
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos) or 1
        if total > max_size or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
            raise DocumentError(
                path,
                f"tệp .docx giải nén ra {total // (1024 * 1024)} MB, vượt giới hạn an toàn "
                f"{max_size // (1024 * 1024)} MB",
                f"the .docx inflates to {total} bytes, over the {max_size}-byte limit",
            )
        names = set(z.namelist())
        if "word/document.xml" not in names:
            raise DocumentError(path, "tệp .docx thiếu word/document.xml", "no word/document.xml")
        targets = _targets(
            z.read("word/_rels/document.xml.rels")
            if "word/_rels/document.xml.rels" in names
            else b""
        )
        parts = {"document": z.read("word/document.xml")}
        for key, target in targets.items():
            name = "word/" + target.lstrip("/").removeprefix("word/")
            if name in names:
                parts[key] = z.read(name)
        return parts


def _targets(rels: bytes) -> dict[str, str]:
    if not rels:
        return {}
    out = {}
    for rel in etree.fromstring(rels).iterfind(_REL_NS + "Relationship"):
        kind = rel.get("Type", "").removeprefix(_RT)
        if kind in ("styles", "numbering", "footnotes", "endnotes"):
            out[kind] = rel.get("Target", "")
    return out


class _Walker:
    """Turns `w:p` elements into RawBlocks; keeps the numbering counters across the body."""

    def __init__(self, styles: Styles, numbering: Numbering, legacy_fonts: bool = True) -> None:
        self.styles = styles
        self.numbering = numbering
        # Only files that name a .VnTime/VNI font anywhere need the per-run font lookup.
        self.legacy_fonts = legacy_fonts
        self._emphasis_cache: dict[tuple[str | None, ...], tuple[bool, bool]] = {}

    def paragraph(self, p: etree._Element) -> RawBlock:
        ppr = p.find(_PPR)
        pstyle = _val(ppr, "pStyle")
        pieces: list[str] = []
        spans: list[Emphasis] = []
        notes: list[str] = []
        anchors: list[int] = []
        pos = 0
        in_field = False
        for r in p.iter(_R):
            if r.getparent().tag in _DELETED:
                continue
            text, note, field, rpr = _scan_run(r)
            if field is not None:
                in_field = field == "begin"  # instructions run from begin to separate
                continue
            if in_field:
                continue
            if note is not None:
                notes.append(note)
                anchors.append(pos)
            if not text:
                continue
            if self.legacy_fonts:
                text = self._transcode(text, r, pstyle)
            bold, italic = self._emphasis(rpr, pstyle)
            end = pos + len(text)
            for flag, kind in ((bold, "bold"), (italic, "italic")):
                if flag:
                    _extend(spans, pos, end, kind)
            pieces.append(text)
            pos = end
        joined = nfc("".join(pieces))
        label = self._label(ppr, pstyle)
        if label:
            shift = len(label) + 1
            joined = f"{label} {joined}"
            spans = [Emphasis(e.start + shift, e.end + shift, e.kind) for e in spans]
            anchors = [a + shift for a in anchors]
        align = _val(ppr, "jc") or self.styles.para_prop(pstyle, "jc")
        spans = merge_spans(spans)
        stripped = joined.strip()
        whole_bold = bool(stripped) and any(
            e.kind == "bold" and joined[e.start : e.end].strip() == stripped for e in spans
        )
        return RawBlock(joined, spans, notes, anchors, bold=whole_bold, centered=align == "center")

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
        return self.styles.font(_val(r.find(W + "rPr"), "rStyle")) or self.styles.font(pstyle)

    def _emphasis(self, rpr: etree._Element | None, pstyle: str | None) -> tuple[bool, bool]:
        direct = (None, None) if rpr is None else (on(rpr.find(_B)), on(rpr.find(_I)))
        key = (_val(rpr, "rStyle"), pstyle, *direct)
        cached = self._emphasis_cache.get(key)
        if cached is None:
            cached = self._resolve_emphasis(key[0], pstyle, direct)
            self._emphasis_cache[key] = cached
        return cached

    def _resolve_emphasis(
        self, rstyle: str | None, pstyle: str | None, direct: tuple[bool | None, ...]
    ) -> tuple[bool, bool]:
        out = []
        for prop, value in zip(("b", "i"), direct, strict=True):
            for source in (rstyle, pstyle):
                if value is None:
                    value = self.styles.run_prop(source, prop)
            if value is None:
                value = self.styles.defaults.get(prop)
            out.append(bool(value))
        return out[0], out[1]

    def _label(self, ppr: etree._Element | None, pstyle: str | None) -> str:
        num = ppr.find(W + "numPr") if ppr is not None else None
        if num is None:
            num = self.styles.para_prop(pstyle, "numPr")  # type: ignore[assignment]
        if num is None:
            return ""
        num_id = _val(num, "numId") or ""
        ilvl = int(_val(num, "ilvl") or 0)
        return self.numbering.label(num_id, ilvl)

    def cell_lines(self, tc: etree._Element) -> list[RawBlock]:
        blocks = [self.paragraph(p) for p in tc.iter(W + "p")]
        out = []
        for b in blocks:
            for line in b.text.split("\n"):
                if line.strip():
                    out.append(RawBlock(line.strip(), bold=b.bold, centered=b.centered))
        return out


_R, _T, _PPR, _RPR = W + "r", W + "t", W + "pPr", W + "rPr"
_B, _I = W + "b", W + "i"
_DELETED = {W + "del", W + "moveFrom"}
_SPACE = {W + "tab", W + "ptab"}
_BREAK = {W + "br", W + "cr"}
_NOTE_REF = {W + "footnoteReference": "", W + "endnoteReference": "e"}


def _scan_run(r: etree._Element) -> tuple[str, str | None, str | None, etree._Element | None]:
    """(text, footnote id, field-character kind, rPr) of a run, in one pass over its children."""
    out: list[str] = []
    note = field = None
    rpr = None
    for c in r:
        tag = c.tag
        if tag == _T:
            out.append(c.text or "")
        elif tag == _RPR:
            rpr = c
        elif tag in _SPACE:
            out.append(" ")
        elif tag in _BREAK:
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag in _NOTE_REF:
            note = _NOTE_REF[tag] + c.get(W + "id", "")
        elif tag == W + "fldChar":
            field = c.get(W + "fldCharType") or ""
        elif tag == W + "instrText":
            return "", None, None, rpr
    return "".join(out), note, field, rpr


def _extend(spans: list[Emphasis], start: int, end: int, kind: str) -> None:
    """Add [start, end) of `kind`, growing the last span of that kind when they touch."""
    for k in range(len(spans) - 1, max(-1, len(spans) - 3), -1):
        if spans[k].kind == kind and spans[k].end == start:
            spans[k] = Emphasis(spans[k].start, end, kind)  # type: ignore[arg-type]
            return
    spans.append(Emphasis(start, end, kind))  # type: ignore[arg-type]


def _val(el: etree._Element | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(W + tag)
    return child.get(W + "val") if child is not None else None


def _footnotes(xml: bytes | None, walker: _Walker) -> dict[str, str]:
    if not xml:
        return {}
    notes = {}
    for f in etree.fromstring(xml).iterfind(W + "footnote"):
        if f.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join(walker.paragraph(p).text for p in f.iterfind(W + "p"))
        notes[f.get(W + "id", "")] = " ".join(text.split())
    return notes


def _columns(tbl: etree._Element) -> int:
    grid = tbl.find(W + "tblGrid")
    if grid is not None and len(grid):
        return len(grid)
    first = tbl.find(W + "tr")
    return len(first.findall(W + "tc")) if first is not None else 0


def _cells(tbl: etree._Element, column: int) -> list[etree._Element]:
    return [
        tr.findall(W + "tc")[column]
        for tr in tbl.iterfind(W + "tr")
        if len(tr.findall(W + "tc")) > column
    ]


def _header(tbl: etree._Element, walker: _Walker) -> tuple[Issuer | None, str | None]:
    """Issuer and style from the header table: bold upper-case lines on the left are the body."""
    left = [b for tc in _cells(tbl, 0) for b in walker.cell_lines(tc)]
    right = [b for tc in _cells(tbl, 1) for b in walker.cell_lines(tc)]
    lines = [b.text for b in left + right]
    issuer, style = parse_issuer_lines(lines)
    bold = [b.text for b in left if b.bold and b.text.isupper() and "…" not in b.text]
    regular = [b.text for b in left if not b.bold and b.text.isupper() and b.text != "*"]
    if issuer is not None and bold:
        issuer.name = "\n".join(bold)
        issuer.parent = "\n".join(t for t in regular if not t.startswith("SỐ"))
    return issuer, style


def _tail_table(children: list, tables: list[int], walker: _Walker) -> int | None:
    """Index of the closing table: the last table, if it holds "Nơi nhận" or a signature."""
    if not tables:
        return None
    last = tables[-1]
    text_after = any(
        c.tag == W + "p" and walker.paragraph(c).text.strip() for c in children[last + 1 :]
    )
    lines = [b.text for b in _all_lines(children[last], walker)]
    if text_after or not any(_RECIPIENTS.match(t) or _SIGN.match(t) for t in lines):
        return None
    return last


def _all_lines(tbl: etree._Element, walker: _Walker) -> list[RawBlock]:
    return [b for tc in tbl.iter(W + "tc") for b in walker.cell_lines(tc)]


def _closing(tbl: etree._Element, walker: _Walker) -> tuple[list[str], Signature | None]:
    from baocao.document._tail import parse_signature

    left = [b.text for tc in _cells(tbl, 0) for b in walker.cell_lines(tc)]
    right = [b.text for tc in _cells(tbl, 1) for b in walker.cell_lines(tc)]
    recipients = []
    for line in left:
        if _RECIPIENTS.match(line):
            continue
        recipients.append(line.lstrip("-+• ").strip())
    signature = parse_signature([t for t in right if "…" not in t])
    return recipients, signature


def _table_rows(tbl: etree._Element, walker: _Walker) -> list[RawBlock]:
    """A table inside the body: one block per row, cells joined by " | " (no table model yet)."""
    out = []
    for tr in tbl.iterfind(W + "tr"):
        cells = [" ".join(b.text for b in walker.cell_lines(tc)) for tc in tr.iterfind(W + "tc")]
        row = " | ".join(c for c in cells if c)
        if row:
            out.append(RawBlock(row))
    return out
