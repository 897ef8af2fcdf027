"""Reader for HTML reports: baocao's own preview exactly, other pages by the shared rules.

A page written by `writers.html` (`<main data-baocao="1">`) states its structure in markup and
data attributes, so it is read back as is: render -> import gives the same document. Any other
HTML page is flattened into blocks (headings, paragraphs, list items, table cells) and goes
through `structure.build_document` like a text file.
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
from lxml import etree

from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.errors import DocumentError
from baocao.document.model import (
    Document,
    Emphasis,
    EmphasisKind,
    Footnote,
    Issuer,
    Paragraph,
    Period,
    Section,
    Signature,
)
from baocao.text.normalize import nfc

_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_EMPHASIS: dict[str, EmphasisKind] = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic"}


def read_html(path: str | Path) -> Document:
    """Read an HTML report: a baocao preview exactly, any other page by the shared rules."""
    data = Path(path).read_bytes()
    try:
        if b"charset" in data[:4096].lower():
            root = lxml.html.document_fromstring(data)
        else:  # lxml would read undeclared bytes as Latin-1; decode them as a text file is
            from baocao.text.encoding import decode_text_file

            root = lxml.html.document_fromstring(decode_text_file(data, path)[0])
    except (etree.ParserError, ValueError):
        raise DocumentError(path, "tệp HTML rỗng hoặc hỏng", "empty or broken HTML") from None
    page = root.find(".//main[@data-baocao]")
    if page is None:
        return _read_foreign(root, path)
    from baocao.document.structure import extract_all

    doc = Document(style=root.get("data-style") or None)  # type: ignore[arg-type]
    for el in page:
        _read_part(el, doc)
    period = page.get("data-period")
    if period:
        doc.period = Period(**json.loads(period))
    extract_all(doc)
    return doc


def _classes(el: etree._Element) -> list[str]:
    return (el.get("class") or "").split()


def _plain(el: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """The text of `el` as written: <br> is a line break, elements of class `skip` are left out."""
    out = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            pass  # a comment or processing instruction: only its tail is text
        elif child.tag == "br":
            out.append("\n")
        elif not set(_classes(child)) & set(skip):
            out.append(_plain(child, skip))
        out.append(child.tail or "")
    return nfc("".join(out))


def _read_part(el: etree._Element, doc: Document) -> None:
    cls = _classes(el)
    if el.tag == "table" and "head" in cls:
        doc.issuer = _issuer(el)
    elif el.tag == "h1":
        doc.title = _plain(el)
    elif "summary" in cls:
        doc.subtitle = "" if "blank" in cls else _plain(el)
    elif el.tag == "section" and "preamble" in cls:
        doc.preamble = [_paragraph(p) for p in el.findall("p")]
    elif el.tag == "section" and "closing" in cls:
        doc.closing = [_paragraph(p) for p in el.findall("p")]
    elif el.tag == "section" and "footnotes" in cls:
        doc.footnotes = [
            Footnote(li.get("data-footnote-id", ""), _plain(li, ("back",))) for li in el.iter("li")
        ]
    elif el.tag == "section":
        doc.sections.append(_section(el))
    elif el.tag == "table" and "tail" in cls:
        _tail(el, doc)


def _fields(el: etree._Element) -> dict[str, etree._Element]:
    return {p.get("data-field"): p for p in el.iter("p") if p.get("data-field")}


def _value(fields: dict[str, etree._Element], name: str) -> str:
    p = fields.get(name)
    return "" if p is None or "blank" in _classes(p) else _plain(p)


def _issuer(table: etree._Element) -> Issuer | None:
    if table.get("data-issuer") == "0":
        return None
    fields = _fields(table)
    date = fields.get("date")
    return Issuer(
        name=_value(fields, "name"),
        parent=_value(fields, "parent"),
        number=_value(fields, "number"),
        place=nfc(date.get("data-place", "")) if date is not None else "",
        date=date.get("data-date", "") if date is not None else "",
    )


def _section(el: etree._Element) -> Section:
    heading = next((h for h in el if h.tag in _HEADINGS), None)
    number = heading.get("data-number") if heading is not None else None
    text = _plain(heading, ("label",)) if heading is not None else ""
    section = Section(
        number=nfc(number) if number is not None else None,
        heading=text.removeprefix(" ") if number is not None else text,
        delim=heading.get("data-delim", ".") if heading is not None else ".",
    )
    for child in el:
        if child.tag == "p":
            section.paragraphs.append(_paragraph(child))
        elif child.tag == "section":
            section.sections.append(_section(child))
    return section


def _paragraph(p: etree._Element) -> Paragraph:
    """Text, emphasis spans and footnote anchors of one `<p class="para">`."""
    text: list[str] = []
    spans: dict[EmphasisKind, list[list[int]]] = {"bold": [], "italic": []}
    para = Paragraph("", bullet=p.get("data-bullet") is not None)
    para.ignore = (p.get("data-ignore") or "").split()

    def add(piece: str, kinds: frozenset[EmphasisKind]) -> None:
        start = sum(map(len, text))
        text.append(piece)
        for kind in kinds:
            runs = spans[kind]
            if runs and runs[-1][1] == start:
                runs[-1][1] = start + len(piece)  # touching pieces of one span
            elif piece:
                runs.append([start, start + len(piece)])

    def walk(el: etree._Element, kinds: frozenset[EmphasisKind]) -> None:
        add(el.text or "", kinds)
        for child in el:
            if not isinstance(child.tag, str):
                pass  # a comment: only its tail is text
            elif child.tag == "sup" and "fnref" in _classes(child):
                link = child.find(".//a")
                fid = link.get("data-footnote-id") if link is not None else None
                para.footnotes.append(fid or _plain(child).strip())
                para.anchors.append(sum(map(len, text)))
            elif child.tag == "br":
                add("\n", kinds)
            elif "dash" not in _classes(child):
                kind = _EMPHASIS.get(child.tag)
                walk(child, kinds | {kind} if kind else kinds)
            add(child.tail or "", kinds)

    walk(p, frozenset())
    para.text = nfc("".join(text))
    para.emphasis = sorted(
        (Emphasis(a, b, kind) for kind, runs in spans.items() for a, b in runs),
        key=lambda e: (e.start, e.end, e.kind),
    )
    return para


def _tail(table: etree._Element, doc: Document) -> None:
    doc.recipients = [_plain(p, ("dash",)) for p in table.iter("p") if "recipient" in _classes(p)]
    if table.get("data-signature") == "0":
        doc.signature = None
        return
    fields = _fields(table)
    doc.signature = Signature(
        _value(fields, "authority"), _value(fields, "title"), _value(fields, "name")
    )


def _read_foreign(root: etree._Element, path: str | Path) -> Document:
    """Any other HTML page: one block per heading, paragraph, list item or table cell."""
    from baocao.document.structure import build_document

    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    blocks = []
    tags = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "div"}
    for el in root.iter(*tags):
        if any(child.tag in tags for child in el.iter() if child is not el):
            continue  # a container: its inner blocks are read instead
        text = " ".join(_plain(el).split())
        if text:
            strong = "".join(b.text_content() for b in el.iter("b", "strong"))
            heading = el.tag in ("h1", *_HEADINGS) or " ".join(strong.split()) == text
            centered = (el.get("align") or "").lower() == "center" or "center" in (
                el.get("style") or ""
            )
            blocks.append(RawBlock(text, bold=heading or None, centered=centered or None))
    if not blocks:
        raise DocumentError(path, "tệp HTML không có nội dung", "the HTML file has no text")
    return build_document(blocks, ReaderHints(repair_page_breaks=False))
