"""Markdown writer: the conventions `readers.text` reads, so render -> import round-trips.

Front matter (YAML) carries the style and the issuer; emphasis is `*…*`/`**…**`; footnotes are
`[^n]` with their definitions at the end; a paragraph whose start would read as a label or a
bullet is written with a leading backslash.
"""

from __future__ import annotations

import re
from pathlib import Path

from baocao.document import _labels
from baocao.document.atomic import write_text_atomic
from baocao.document.model import Document, Paragraph, Section
from baocao.document.structure import renumbered_footnotes

_MARKUP = re.compile(r"([\\*\[\]])")
_SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def write_md(doc: Document, path: str | Path, *, style: str | None = None) -> None:
    """Write `doc` as Markdown to `path` (atomically)."""
    write_text_atomic(path, render_md(doc, style=style))


def render_md(doc: Document, *, style: str | None = None) -> str:
    """The document as Markdown text."""
    ids = renumbered_footnotes(doc)
    blocks = [_front_matter(doc, style)]
    if doc.title:
        blocks.append(_escape(doc.title))
    if doc.subtitle:
        blocks.append("**" + _escape(doc.subtitle) + "**")
    blocks += [_paragraph(p, ids) for p in doc.preamble]
    blocks += _sections(doc.sections, ids)
    blocks += [_paragraph(p, ids) for p in doc.closing]
    blocks += _tail(doc)
    texts = {f.id: f.text for f in doc.footnotes}
    blocks += [f"[^{new}]: {_escape(texts.get(old, ''))}" for old, new in ids.items()]
    return "\n\n".join(b for b in blocks if b) + "\n"


def _front_matter(doc: Document, style: str | None) -> str:
    import yaml

    data: dict[str, object] = {}
    if style or doc.style:
        data["style"] = style or doc.style
    if doc.issuer:
        data["issuer"] = {k: v for k, v in vars(doc.issuer).items() if v}
    if not data:
        return ""
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).strip()
    return f"---\n{dumped}\n---"


def _sections(sections: list[Section], ids: dict[str, str]) -> list[str]:
    out: list[str] = []
    for s in sections:
        # The label is written as typed (a starred block keeps its bare "*").
        out.append(f"{s.label} {_escape(s.heading)}".strip() if s.label else _escape(s.heading))
        out += [_paragraph(p, ids) for p in s.paragraphs]
        out += _sections(s.sections, ids)
    return out


def _paragraph(p: Paragraph, ids: dict[str, str]) -> str:
    inserts: list[tuple[int, int, str]] = []  # (offset, order, markup)
    for e in p.emphasis:
        mark = "**" if e.kind == "bold" else "*"
        inserts += [(e.start, 1, mark), (e.end, 0, mark)]
    for fid, at in zip(p.footnotes, p.anchors, strict=True):
        inserts.append((at, -1, f"[^{ids.get(fid, fid)}]"))
    out, pos = [], 0
    for at, _order, mark in sorted(inserts, key=lambda x: (x[0], x[1])):
        out += [_escape(p.text[pos:at]), mark]
        pos = at
    out.append(_escape(p.text[pos:]))
    text = "".join(out)
    if p.ignore:
        # md is a source format: the checker's silencing marker stays (official outputs drop it)
        text += f" <!-- baocao-ignore {', '.join(p.ignore)} -->"
    if p.bullet:
        return "- " + text
    if _misreads(p.text) and not text.startswith("\\"):
        return "\\" + text  # a leading backslash tells the reader: plain paragraph
    return text


def _misreads(text: str) -> bool:
    """True when a plain paragraph would be read back as a heading, bullet or footnote."""
    return (
        _labels.label_of(text) is not None
        or text[:1] in "-–—•+\\" + _SUP_DIGITS
        or text.startswith("[^")
    )


def _escape(text: str) -> str:
    return _MARKUP.sub(r"\\\1", text)


def _tail(doc: Document) -> list[str]:
    if not doc.recipients and not doc.signature:
        return []
    out = ["\n".join(["Nơi nhận:", *(f"- {_escape(r)}" for r in doc.recipients)])]
    sig = doc.signature
    if sig:
        out.append("\n".join(_escape(x) for x in (sig.authority, sig.title) if x))
        if sig.name:
            out.append(_escape(sig.name))
    return out
