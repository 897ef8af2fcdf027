"""Raw WordprocessingML for the .docx reader: the package guard, block and run walking, runs.

Everything here is plain lxml over the part bytes: python-docx's per-run proxies cost several
times more than the reader's whole budget, and it has no API for footnotes or field codes.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from baocao.document.errors import DocumentError
from baocao.document.readers._wordml import W

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PARTS = ("styles", "numbering", "footnotes", "endnotes")
# No entity expansion and no network: a .docx is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

P, TBL, TR, TC, R, T = (W + t for t in ("p", "tbl", "tr", "tc", "r", "t"))
PPR, RPR = W + "pPr", W + "rPr"
# Containers whose children are read as if they stood in their parent (content controls,
# custom XML, tracked insertions and moves, hyperlinks, smart tags, simple fields).
_BLOCK_WRAPPERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"}
_INLINE_WRAPPERS = _BLOCK_WRAPPERS | {
    W + "hyperlink",
    W + "smartTag",
    W + "fldSimple",
    W + "dir",
    W + "bdo",
}
_SPACE = {W + "tab", W + "ptab"}
_BREAK = {W + "br", W + "cr"}
_NOTE_REF = {W + "footnoteReference": "", W + "endnoteReference": "e"}
_FLDCHAR, _INSTR, _BR_TYPE = W + "fldChar", W + "instrText", W + "type"
_NB_HYPHEN, _SYM = W + "noBreakHyphen", W + "sym"


def _corrupt(path: Path) -> DocumentError:
    return DocumentError(
        path, "tệp .docx bị hỏng hoặc không phải .docx", "corrupt or not a .docx file"
    )


def open_parts(path: Path, max_size: int, max_ratio: int) -> dict[str, bytes]:
    """The XML parts the reader needs, after checking the file is a sane, unencrypted .docx."""
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError as e:
        raise DocumentError(path, f"không mở được tệp: {e.strerror}", str(e)) from None
    if head.startswith(OLE_MAGIC):
        raise _ole_error(path, max_size)
    try:
        with zipfile.ZipFile(path) as z:
            _check_size(path, z.infolist(), max_size, max_ratio)
            return _read_parts(path, z)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise _corrupt(path) from None
    except OSError:
        raise _corrupt(path) from None


def _ole_error(path: Path, max_size: int) -> DocumentError:
    """A password-protected .docx is an OLE file holding an EncryptedPackage stream."""
    with path.open("rb") as f:
        data = f.read(max_size)
    if _ENCRYPTED in data:
        return DocumentError(
            path,
            "tệp .docx được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nhập lại",
            "the .docx is password-protected; remove the password and import again",
        )
    return DocumentError(
        path,
        "tệp .docx bị hỏng hoặc không phải .docx (đây là tệp Word 97–2003 .doc)",
        "corrupt or not a .docx file (it is a Word 97–2003 .doc file)",
    )


def _check_size(path: Path, infos: list[zipfile.ZipInfo], max_size: int, max_ratio: int) -> None:
    """Refuse a zip bomb from the directory alone, before anything is inflated."""
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    # Small parts compress very well (an empty styles part is 100:1): the ratio only counts
    # once the archive inflates to something sizeable.
    if total > max_size or (total > 10 * 1024 * 1024 and total / packed > max_ratio):
        raise DocumentError(
            path,
            f"tệp .docx giải nén ra {total // (1024 * 1024)} MB (nén {total // packed}:1), "
            f"vượt giới hạn an toàn {max_size // (1024 * 1024)} MB",
            f"the .docx inflates to {total} bytes (ratio {total // packed}:1), "
            f"over the {max_size}-byte limit",
        )


def _read_parts(path: Path, z: zipfile.ZipFile) -> dict[str, bytes]:
    names = set(z.namelist())
    if "word/document.xml" not in names:
        raise DocumentError(
            path,
            "tệp .docx bị hỏng hoặc không phải .docx (thiếu word/document.xml)",
            "corrupt or not a .docx file (no word/document.xml)",
        )
    rels = "word/_rels/document.xml.rels"
    targets = part_targets(z.read(rels)) if rels in names else {}
    parts = {"document": z.read("word/document.xml")}
    for key, target in targets.items():
        name = "word/" + target.lstrip("/").removeprefix("word/")
        if name in names:
            parts[key] = z.read(name)
    return parts


def part_targets(rels: bytes) -> dict[str, str]:
    """Target of the styles, numbering, footnotes and endnotes relationships."""
    out = {}
    for rel in parse_xml(rels).iterfind(_REL_NS + "Relationship"):
        kind = rel.get("Type", "").removeprefix(_RT)
        if kind in _PARTS:
            out[kind] = rel.get("Target", "")
    return out


def parse_xml(data: bytes) -> etree._Element:
    """A part's root element (raises etree.XMLSyntaxError on broken XML)."""
    return etree.fromstring(data, _PARSER)


def block_children(container: etree._Element) -> Iterator[etree._Element]:
    """The w:p and w:tbl of a body, cell or note, in order, through content controls."""
    for child in container:
        tag = child.tag
        if tag in (P, TBL):
            yield child
        elif tag in _BLOCK_WRAPPERS:
            yield from block_children(child)


def block_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """Every paragraph of a cell or note, nested tables included, text boxes excluded."""
    for child in block_children(container):
        if child.tag == P:
            yield child
        else:
            for row in table_rows(child):
                for tc in row:
                    yield from block_paragraphs(tc)


def runs(p: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph in reading order; deleted text and text boxes are not read.

    Descending into `w:r` children would reach text boxes, which Word writes twice (DrawingML
    and a VML fallback) and which float outside the paragraph's text.
    """
    for child in p:
        tag = child.tag
        if tag == R:
            yield child
        elif tag in _INLINE_WRAPPERS:
            yield from runs(child)


def scan_run(r: etree._Element) -> tuple[str, str | None, str | None, etree._Element | None]:
    """(text, note id, field-character kind, rPr) of a run, in one pass over its children.

    Tabs read as a space, line breaks as "\\n" (the caller decides what a break means), page
    and column breaks as a space; field instructions give no text.
    """
    out: list[str] = []
    note = field = None
    rpr = None
    for c in r:
        tag = c.tag
        if tag == T:
            out.append(c.text or "")
        elif tag == RPR:
            rpr = c
        elif tag in _SPACE:
            out.append(" ")
        elif tag in _BREAK:
            out.append("\n" if c.get(_BR_TYPE, "textWrapping") == "textWrapping" else " ")
        elif tag == _NB_HYPHEN:
            out.append("-")
        elif tag in _NOTE_REF:
            note = _NOTE_REF[tag] + c.get(W + "id", "")
        elif tag == _FLDCHAR:
            field = c.get(W + "fldCharType") or ""
        elif tag == _INSTR:
            return "", None, None, rpr
        elif tag == _SYM:
            out.append(_symbol(c))
    return "".join(out), note, field, rpr


def _symbol(sym: etree._Element) -> str:
    """A w:sym character: Symbol/Wingdings codes F0xx are bullets or dashes, kept as "-"."""
    code = sym.get(W + "char", "")
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    return "-" if 0xF000 <= value <= 0xF0FF else chr(value)


def val(el: etree._Element | None, tag: str) -> str | None:
    """The w:val of child `tag` of `el`, or None."""
    if el is None:
        return None
    child = el.find(W + tag)
    return child.get(W + "val") if child is not None else None


def table_rows(tbl: etree._Element) -> Iterator[list[etree._Element]]:
    """The cells of each row of a table, rows and cells inside content controls included."""
    for child in tbl:
        if child.tag == TR:
            yield list(_row_cells(child))
        elif child.tag in _BLOCK_WRAPPERS:
            yield from table_rows(child)


def _row_cells(row: etree._Element) -> Iterator[etree._Element]:
    for child in row:
        if child.tag == TC:
            yield child
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _row_cells(child)
