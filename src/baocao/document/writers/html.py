"""HTML preview: the official layout imitated in CSS, with a structure `readers.html` reads back.

A standalone HTML5 page, no script, every text escaped. Besides what is printed, the markup says
what each piece is, so that render -> `read_html` gives the same document:
- `<main data-baocao="1">` holds the page; `data-period` the period as JSON; `<html data-style>`;
- header cells carry `data-field` (parent, name, number, date with `data-place`/`data-date`);
  a missing field is printed as a visible blank "……" with class `blank`;
- preamble, sections (nested `<section>`, heading `<h2>`…`<h6>` by depth, with `data-number`
  and `data-delim`; the typed label in `<span class="label">`) and closing;
- a paragraph is `<p class="para">` with `data-bullet` (its dash in `<span class="dash">`),
  `data-ignore`; emphasis as `<strong>`/`<em>`; a footnote mark as
  `<sup class="fnref"><a href="#fn-N" id="fnref-N" data-footnote-id="N">N</a></sup>`;
- footnotes numbered 1..n in order of first reference, in `<section class="footnotes">`.
"""

from __future__ import annotations

import json
from html import escape
from importlib import resources
from itertools import pairwise
from pathlib import Path

from baocao.document import style as _style
from baocao.document.atomic import write_text_atomic
from baocao.document.issuer import PARTY_MOTTO, STATE_MOTTO, STATE_SLOGAN
from baocao.document.model import Document, Paragraph, Section
from baocao.document.structure import renumbered_footnotes
from baocao.text.dates import format_place_date

BLANK = "……"
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")


def write_html(doc: Document, path: str | Path, *, style: str | None = None) -> None:
    """Write the HTML preview of `doc` at `path` (atomically)."""
    write_text_atomic(path, render_html(doc, style=style))


def render_html(doc: Document, *, style: str | None = None) -> str:
    """The document as a standalone HTML5 page in the Party or State layout."""
    kind = _style.infer_style(doc, style)
    notes = _Notes(renumbered_footnotes(doc))
    parts = [_header(doc, kind), *_title(doc, kind)]
    parts.append(_block("preamble", [_paragraph(p, notes) for p in doc.preamble]))
    parts += _sections(doc.sections, notes, 1)
    parts.append(_block("closing", [_paragraph(p, notes) for p in doc.closing]))
    parts += [_tail(doc), _footnotes(doc, notes)]
    period = ""
    if doc.period:
        data = {k: v for k, v in vars(doc.period).items() if v is not None}
        period = f' data-period="{escape(json.dumps(data, ensure_ascii=False))}"'
    title = escape(" ".join(f"{doc.title} {doc.subtitle}".split()))
    css = resources.files("baocao.document.writers").joinpath("preview.css").read_text("utf-8")
    return (
        f'<!DOCTYPE html>\n<html lang="vi" data-style="{kind}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="generator" content="baocao">\n'
        f"<title>{title}</title>\n<style>\n{css}</style>\n</head>\n<body>\n"
        f'<main class="page {kind}" data-baocao="1"{period}>\n'
        + "\n".join(p for p in parts if p)
        + "\n</main>\n</body>\n</html>\n"
    )


class _Notes:
    """Footnote numbers, and the reference marks already written (each needs its own id)."""

    def __init__(self, numbers: dict[str, str]) -> None:
        self.numbers = numbers
        self.seen: set[str] = set()

    def mark(self, fid: str) -> str:
        num = escape(self.numbers.get(fid, fid))
        ref_id = f"fnref-{num}" if num not in self.seen else f"fnref-{num}-{len(self.seen)}"
        self.seen.update((num, ref_id))
        return (
            f'<sup class="fnref"><a href="#fn-{num}" id="{ref_id}" data-footnote-id="{num}">'
            f"{num}</a></sup>"
        )


def _inline(text: str) -> str:
    """Escaped text; its line breaks as <br>."""
    return "<br>".join(escape(line) for line in text.split("\n"))


def _field(name: str, value: str, cls: str = "", shown: str | None = None) -> str:
    """A header or signature line; an empty value prints as a visible blank."""
    classes = " ".join(c for c in (cls, "" if value else "blank") if c)
    body = _inline(value) if value else escape(shown or BLANK)
    return f'<p class="{classes}" data-field="{name}">{body}</p>'


def _header(doc: Document, kind: str) -> str:
    """Row 1: parent and issuing body | motto; row 2: number | place and date."""
    iss = doc.issuer
    parent = iss.parent if iss else ""
    left = [_field("parent", parent, "parent")] if parent else []
    left.append(_field("name", iss.name if iss else "", "name b"))
    code = _style.TYPE_CODES.get(" ".join(doc.title.split()).upper(), BLANK)
    number = iss.number if iss else ""
    if kind == "party":
        left.append('<p class="star">*</p>')
        right = [f'<p class="party-motto b u">{PARTY_MOTTO}</p>']
        blank_number = f"Số {BLANK}-{code}/{BLANK}"
    else:
        left.append('<div class="short-rule"></div>')
        right = [
            f'<p class="quoc-hieu b">{STATE_MOTTO}</p>',
            f'<p class="tieu-ngu b u">{STATE_SLOGAN}</p>',
        ]
        blank_number = f"Số: {BLANK}/{code}-{BLANK}"
    place, date = (iss.place, iss.date) if iss else ("", "")
    try:
        shown_date = format_place_date(place, date)
    except ValueError:
        shown_date = f"{place or BLANK}, {date}"
    date_line = (
        f'<p class="i" data-field="date" data-place="{escape(place)}" data-date="{escape(date)}">'
        f"{escape(shown_date)}</p>"
    )
    return (
        f'<table class="head" data-issuer="{1 if iss else 0}">\n'
        f'<tr><td class="issuer">{"".join(left)}</td><td class="motto">{"".join(right)}</td></tr>\n'
        f'<tr><td class="number">{_field("number", number, "", blank_number)}</td>'
        f'<td class="date">{date_line}</td></tr>\n</table>'
    )


def _title(doc: Document, kind: str) -> list[str]:
    """Type name, summary line and the rule under them."""
    summary = _inline(doc.subtitle) if doc.subtitle else BLANK
    blank = "" if doc.subtitle else " blank"
    rule = '<p class="rule">-----</p>' if kind == "party" else '<hr class="short-rule">'
    return [
        f'<h1 class="title">{_inline(doc.title)}</h1>',
        f'<p class="summary{blank}">{summary}</p>',
        rule,
    ]


def _block(name: str, paragraphs: list[str]) -> str:
    if not paragraphs:
        return ""
    return f'<section class="{name}">\n' + "\n".join(paragraphs) + "\n</section>"


def _heading_class(s: Section) -> str:
    """Bold for parts and sections; bold-italic for "*" and "1.1."; italic for points "a)"."""
    number = s.number or ""
    if number == "*" or (number.count(".") and number.replace(".", "").isdigit()):
        return "bold-italic"
    if s.delim == ")" and len(number) == 1 and (number.islower() or number == "đ"):
        return "italic"
    return "bold"


def _sections(sections: list[Section], notes: _Notes, depth: int) -> list[str]:
    out = []
    for s in sections:
        tag = _HEADING_TAGS[min(depth, len(_HEADING_TAGS)) - 1]
        attrs = f' data-delim="{escape(s.delim)}"'
        if s.number is not None:
            attrs = f' data-number="{escape(s.number)}"' + attrs
        label = f'<span class="label">{escape(s.label)}</span> ' if s.number is not None else ""
        cls = f"heading level-{depth} {_heading_class(s)}"
        out.append(f'<section class="level-{depth}">')
        out.append(f'<{tag} class="{cls}"{attrs}>{label}{_inline(s.heading)}</{tag}>')
        out += [_paragraph(p, notes) for p in s.paragraphs]
        out += _sections(s.sections, notes, depth + 1)
        out.append("</section>")
    return out


def _paragraph(p: Paragraph, notes: _Notes) -> str:
    """Text cut at emphasis bounds and footnote anchors; each piece wrapped in its emphasis."""
    cuts = {0, len(p.text), *p.anchors}
    for e in p.emphasis:
        cuts.update((e.start, e.end))
    marks: dict[int, list[str]] = {}
    for fid, at in zip(p.footnotes, p.anchors, strict=True):
        marks.setdefault(at, []).append(notes.mark(fid))
    bounds = sorted(c for c in cuts if 0 <= c <= len(p.text))
    out = []
    for start, end in pairwise(bounds):
        out += marks.pop(start, [])
        piece = escape(p.text[start:end])
        kinds = {e.kind for e in p.emphasis if e.start <= start and end <= e.end}
        if "italic" in kinds:
            piece = f"<em>{piece}</em>"
        if "bold" in kinds:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    out += [m for at in sorted(marks) for m in marks[at]]
    attrs = ' data-bullet="1"' if p.bullet else ""
    if p.ignore:
        attrs += f' data-ignore="{escape(" ".join(p.ignore))}"'
    dash = '<span class="dash">- </span>' if p.bullet else ""
    return f'<p class="para"{attrs}>{dash}{"".join(out)}</p>'


def _tail(doc: Document) -> str:
    """Nơi nhận (left) and the signature (right), side by side."""
    recipients = "".join(
        f'<p class="recipient"><span class="dash">- </span>{_inline(r)}</p>' for r in doc.recipients
    )
    sig = doc.signature
    lines = []
    if sig and sig.authority:
        lines.append(_field("authority", sig.authority, "authority"))
    if sig and sig.title:
        lines.append(_field("title", sig.title, "sign-title"))
    lines.append('<div class="sign-space"></div>')
    lines.append(_field("name", sig.name if sig else "", "sign-name"))
    return (
        f'<table class="tail" data-signature="{1 if sig else 0}"><tr>'
        f'<td class="recipients"><p class="label">Nơi nhận:</p>{recipients}</td>'
        f'<td class="signature">{"".join(lines)}</td></tr></table>'
    )


def _footnotes(doc: Document, notes: _Notes) -> str:
    """The notes 1..n at the end; a note with marks in the text links back to its first one."""
    if not doc.footnotes:
        return ""
    items = []
    for f in sorted(doc.footnotes, key=lambda f: int(notes.numbers[f.id])):
        num = escape(notes.numbers[f.id])
        back = f'<a class="back" href="#fnref-{num}"> ↩</a>' if num in notes.seen else ""
        items.append(f'<li id="fn-{num}" data-footnote-id="{num}">{_inline(f.text)}{back}</li>')
    return '<section class="footnotes"><hr>\n<ol>\n' + "\n".join(items) + "\n</ol>\n</section>"
