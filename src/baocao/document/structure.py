"""From a reader's flat block stream to a `Document`: the same rules for every format.

Steps, each a function below: split footnote texts from the body; repair page breaks; find the
header block, the title and the summary line; find the closing, recipients and signature at the
end; build the section tree from the typed labels; renumber footnotes; read the period; extract
figures, references and places from the canonical text.
"""

from __future__ import annotations

import re

from baocao.document import _labels, _tail
from baocao.document._spans import Marked, merge_spans
from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.model import Document, Footnote, Paragraph
from baocao.document.pagebreaks import repair_page_breaks
from baocao.document.period import parse_period
from baocao.text.normalize import nfc

_NOT_SUMMARY = ("Căn cứ", "Thực hiện", "Kính gửi", "Theo ")
_TITLE = re.compile(
    r"^(BÁO CÁO|TỜ TRÌNH|KẾ HOẠCH|THÔNG BÁO|CHƯƠNG TRÌNH|ĐỀ ÁN|BIÊN BẢN)\b", re.IGNORECASE
)


def build_document(blocks: list[RawBlock], hints: ReaderHints) -> Document:
    """Build the report model from a reader's blocks and the facts its format stated."""
    body, footnotes = _split_footnotes(blocks, hints)
    if hints.repair_page_breaks:
        body = repair_page_breaks(body)
    doc = Document(style=hints.style, issuer=hints.issuer, notices=list(hints.notices))
    body = _read_head(body, doc)
    if hints.title is not None:
        doc.title = hints.title
    if hints.subtitle is not None:
        doc.subtitle = hints.subtitle
    body = _tail.read_tail(body, doc, hints)
    paragraphs = [_paragraph(b) for b in body]
    doc.preamble, doc.sections = _labels.build_tree(body, paragraphs)
    _tail.split_closing(doc)
    _renumber_footnotes(doc, footnotes)
    doc.period = parse_period(f"{doc.title} {doc.subtitle}", doc.issuer)
    extract_all(doc)
    return doc


def extract_all(doc: Document) -> None:
    """Fill figures, references and places from the document's canonical text."""
    from baocao.document.canonical import canonical_text
    from baocao.text.figures import extract_figures
    from baocao.text.places import extract_places
    from baocao.text.references import extract_references

    text = canonical_text(doc)
    doc.figures = extract_figures(text)
    doc.references = extract_references(text)
    doc.places = extract_places(text)


def _split_footnotes(
    blocks: list[RawBlock], hints: ReaderHints
) -> tuple[list[RawBlock], dict[str, str]]:
    """Footnote texts printed in the flow go to the footnote table; the flow keeps a marker.

    The marker (an empty block with `footnote_id` set) stays so that page-break repair knows a
    footnote stood between two halves of a paragraph.
    """
    notes = dict(hints.footnotes)
    body: list[RawBlock] = []
    for b in blocks:
        if b.footnote_id is not None:
            notes[b.footnote_id] = nfc(" ".join(b.text.split()))
            body.append(RawBlock("", footnote_id=b.footnote_id, page=b.page))
        else:
            body.append(b)
    return body, notes


def _read_head(body: list[RawBlock], doc: Document) -> list[RawBlock]:
    """Issuer lines, title and summary line at the top; returns the blocks after them."""
    real = [i for i, b in enumerate(body) if b.footnote_id is None and b.text.strip()]
    title_at = next(
        (i for i in real[:12] if _TITLE.match(body[i].text.strip()) and _is_title(body[i])), None
    )
    if title_at is None:
        return _summary_as_title(body, real, doc)
    head = [body[i] for i in real if i < title_at]
    if head and doc.issuer is None:
        from baocao.document.issuer import parse_issuer_lines

        doc.issuer, style = parse_issuer_lines([ln for b in head for ln in b.text.split("\n")])
        doc.style = doc.style or style
    title = " ".join(body[title_at].text.split())
    doc.title = title
    rest = body[title_at + 1 :]
    sub: list[str] = []
    # "BÁO CÁO TỔNG KẾT NĂM HỌC …" already holds its summary: no separate line follows it.
    has_summary = len(title.split()) > 3
    while rest and (not rest[0].text.strip() or _is_subtitle(rest[0], sub)):
        if has_summary and not rest[0].text.isupper():
            break  # only a title wrapped onto a line in capitals continues it
        if rest[0].text.strip():
            sub.append("\n".join(" ".join(ln.split()) for ln in rest[0].text.strip().split("\n")))
        rest = rest[1:]
    doc.subtitle = "\n".join(sub)
    return rest


def _summary_as_title(body: list[RawBlock], real: list[int], doc: Document) -> list[RawBlock]:
    """A report copied from a web page may open with "Báo cáo <summary>" as one line."""
    if not real:
        return body
    first = body[real[0]]
    text = " ".join(first.text.split())
    if re.match(r"^Báo cáo\s", text) and len(text) <= 300 and not text.endswith("."):
        doc.subtitle = text
        return body[real[0] + 1 :]
    return body


def _is_title(b: RawBlock) -> bool:
    text = " ".join(b.text.split())
    # "BÁO CÁO" alone, or a one-line upper-case title such as "BÁO CÁO SƠ KẾT 6 THÁNG".
    return text.upper() == text and len(text) <= 120


def _is_subtitle(b: RawBlock, taken: list[str]) -> bool:
    text = b.text.strip()
    label = _labels.label_of(text)
    if (label and label.number is not None) or text.startswith(("-", "+", "•")):
        return False
    if len(text) > 300 or len(taken) >= 2 or text.startswith(_NOT_SUMMARY):
        return False
    if taken:
        # A second summary block only when the layout says so (bold or centred, like the first).
        return bool(b.bold or b.centered) and not text.endswith(".")
    return b.bold is not False or bool(b.centered) or not text.endswith(".")


def _paragraph(b: RawBlock) -> Paragraph:
    m = Marked(b.text.replace("\n", " "), list(b.emphasis), list(b.footnotes), list(b.anchors))
    m = m.strip().collapse_spaces()
    bullet = False
    bm = None if b.plain else re.match(r"^[-–—•]\s+", m.text)
    if bm:
        bullet = True
        m = m.cut(bm.end())
    return Paragraph(
        m.text, bullet, m.footnotes, m.anchors, merge_spans(m.emphasis), list(b.ignore)
    )


def _renumber_footnotes(doc: Document, notes: dict[str, str]) -> None:
    """Footnote ids become 1..n in order of first reference; unreferenced ones follow."""
    mapping: dict[str, str] = {}
    paragraphs = doc.iter_paragraphs()
    for p in paragraphs:
        for fid in p.footnotes:
            if fid in notes and fid not in mapping:
                mapping[fid] = str(len(mapping) + 1)
    for fid in notes:
        if fid not in mapping:
            mapping[fid] = str(len(mapping) + 1)
    for p in paragraphs:
        kept = [
            (mapping[f], a) for f, a in zip(p.footnotes, p.anchors, strict=True) if f in mapping
        ]
        p.footnotes = [f for f, _ in kept]
        p.anchors = [a for _, a in kept]
    order = sorted(notes, key=lambda f: int(mapping[f]))
    doc.footnotes = [Footnote(mapping[f], notes[f]) for f in order]


def renumbered_footnotes(doc: Document) -> dict[str, str]:
    """Footnote id -> number 1..n in order of first reference (writers number them so)."""
    ids: dict[str, str] = {}
    for p in doc.iter_paragraphs():
        for fid in p.footnotes:
            if fid not in ids:
                ids[fid] = str(len(ids) + 1)
    for f in doc.footnotes:
        if f.id not in ids:
            ids[f.id] = str(len(ids) + 1)
    return ids
