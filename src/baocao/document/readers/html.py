"""Reader for the HTML preview baocao writes (`writers.html`), so render → import round-trips."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.errors import DocumentError
from baocao.document.issuer import parse_issuer_lines
from baocao.document.model import Document, Emphasis, Signature
from baocao.text.normalize import nfc


def read_html(path: str | Path) -> Document:
    """Read an HTML report written by baocao."""
    from baocao.document.structure import build_document

    try:
        root = lxml.html.fromstring(Path(path).read_bytes())
    except (etree.ParserError, ValueError):
        raise DocumentError(path, "tệp HTML rỗng hoặc hỏng", "empty or broken HTML") from None
    page = root.find(".//main")
    if page is None:
        raise DocumentError(path, "không phải tệp HTML do baocao xuất", "not a baocao HTML file")
    hints = ReaderHints(repair_page_breaks=False, style=root.get("data-style"))
    blocks = _blocks(page, hints)
    return build_document(blocks, hints)


def _text(el: etree._Element) -> str:
    return nfc(" ".join(el.text_content().split()))


def _blocks(page: etree._Element, hints: ReaderHints) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    for el in page:
        cls = el.get("class", "")
        if el.tag == "table" and "head" in cls:
            _head(el, hints)
        elif el.tag == "table" and "tail" in cls:
            _tail(el, hints)
        elif el.tag == "section":
            for i, li in enumerate(el.iter("li")):
                fid = li.get("id", f"fn-{i + 1}").removeprefix("fn-")
                blocks.append(RawBlock(_text(li), footnote_id=fid))
        elif el.tag == "h1":
            blocks.append(RawBlock(_text(el), centered=True, bold=True))
        elif "subtitle" in cls:
            lines = [" ".join(t.split()) for t in el.itertext()]
            text = "\n".join(t for t in lines if t)
            if text != "……":
                blocks.append(RawBlock(text, centered=True, bold=True))
        elif el.tag in ("h2", "h3", "h4", "h5", "h6"):
            blocks.append(RawBlock(_text(el), bold=True))
        elif "body" in cls:
            blocks.append(_paragraph(el))
    return blocks


def _paragraph(p: etree._Element) -> RawBlock:
    text: list[str] = []
    spans: list[Emphasis] = []
    notes: list[str] = []
    anchors: list[int] = []

    def walk(el: etree._Element, kinds: tuple[str, ...]) -> None:
        if el.text:
            _add(el.text, kinds)
        for child in el:
            if child.tag == "sup":
                notes.append(_text(child))
                anchors.append(len("".join(text)))
            else:
                kind = {"strong": "bold", "em": "italic"}.get(child.tag)
                walk(child, (*kinds, kind) if kind else kinds)
            if child.tail:
                _add(child.tail, kinds)

    def _add(piece: str, kinds: tuple[str, ...]) -> None:
        start = len("".join(text))
        text.append(piece)
        for k in kinds:
            spans.append(Emphasis(start, start + len(piece), k))  # type: ignore[arg-type]

    walk(p, ())
    joined = nfc("".join(text))
    return RawBlock(joined, spans, notes, anchors, plain=p.get("data-bullet") is None)


def _head(table: etree._Element, hints: ReaderHints) -> None:
    cells = table.findall(".//td")
    lines = [_text(p) for td in cells for p in td.iter("p")]
    issuer, style = parse_issuer_lines(lines)
    issuer_cell = table.find(".//td[@class='issuer']")
    if issuer and issuer_cell is not None:
        issuer.name = "\n".join(
            _text(p) for p in issuer_cell.iter("p") if "name" in p.get("class", "")
        )
        issuer.parent = "\n".join(
            _text(p) for p in issuer_cell.iter("p") if "parent" in p.get("class", "")
        )
    hints.issuer, hints.style = issuer, hints.style or style


def _tail(table: etree._Element, hints: ReaderHints) -> None:
    hints.recipients = [
        _text(p).removeprefix("- ") for p in table.iter("p") if p.get("class") == "recipient"
    ]
    sig = table.find(".//td[@class='signature']")
    if sig is None:
        return

    def pick(cls: str) -> str:
        return "\n".join(_text(p) for p in sig.iter("p") if cls in p.get("class", "").split())

    name = pick("name")
    authority, title = pick("authority"), pick("title")
    hints.signature = (
        Signature(authority, title, "" if name == "……" else name)
        if authority or title or name != "……"
        else None
    )
