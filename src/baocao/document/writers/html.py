"""HTML preview: the official layout imitated in CSS, with a structure `readers.html` reads back.

Every text is escaped; there is no script. Headings carry their typed label in `data-number`
and `data-delim`, bullet paragraphs `data-bullet`, footnote marks link to the notes at the end.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from baocao.document.atomic import write_text_atomic
from baocao.document.model import Document, Paragraph, Section
from baocao.document.structure import renumbered_footnotes
from baocao.document.style import infer_style
from baocao.text.dates import format_place_date

BLANK = "……"
_CSS = """
body{background:#eee;margin:0}
.page{background:#fff;width:210mm;min-height:297mm;margin:8mm auto;padding:20mm 15mm 20mm 30mm;
box-sizing:border-box;font:14pt/18pt "Times New Roman","Liberation Serif",serif;color:#000}
table.head,table.tail{width:100%;border-collapse:collapse;text-align:center}
table.head td,table.tail td{vertical-align:top;padding:0}
.u{text-decoration:underline}.b{font-weight:bold}.i{font-style:italic}
h1{font-size:16pt;margin:12pt 0 0;text-align:center}
p.subtitle{font-weight:bold;text-align:center;margin:0}
p.rule{text-align:center;margin:0 0 6pt}
h2,h3,h4,h5,h6{font-size:14pt;margin:6pt 0 0;text-indent:10mm;text-align:justify}
h6,.starred{font-style:italic}
p.body{text-indent:10mm;text-align:justify;margin:6pt 0 0}
td.recipients{text-align:left;font-size:12pt;line-height:normal}
td.recipients p{margin:0}td.signature p{margin:0}
section.footnotes{border-top:1px solid #000;width:40%;margin-top:12pt;font-size:12pt}
section.footnotes li{text-align:justify}
"""


def write_html(doc: Document, path: str | Path, *, style: str | None = None) -> None:
    """Write the HTML preview of `doc` at `path` (atomically)."""
    write_text_atomic(path, render_html(doc, style=style))


def render_html(doc: Document, *, style: str | None = None) -> str:
    """A standalone HTML5 page of the document."""
    kind = infer_style(doc, style)
    notes = renumbered_footnotes(doc)
    parts = [_header(doc, kind), f"<h1>{escape(doc.title or 'BÁO CÁO')}</h1>"]
    subtitle = "<br>".join(escape(ln) for ln in (doc.subtitle or BLANK).split("\n"))
    parts += [f'<p class="subtitle">{subtitle}</p>', '<p class="rule">-----</p>']
    parts += [_paragraph(p, notes, "preamble") for p in doc.preamble]
    parts += _sections(doc.sections, notes, 2)
    parts += [_paragraph(p, notes, "closing") for p in doc.closing]
    parts.append(_tail(doc))
    parts.append(_footnotes(doc, notes))
    title = escape(" ".join((doc.title + " " + doc.subtitle).split()))
    return (
        f'<!DOCTYPE html>\n<html lang="vi" data-style="{kind}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head>\n"
        f'<body><main class="page">\n' + "\n".join(parts) + "\n</main></body></html>\n"
    )


def _lines(text: str, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return "".join(f"<p{attr}>{escape(line)}</p>" for line in text.split("\n") if line)


def _header(doc: Document, kind: str) -> str:
    iss = doc.issuer
    date = format_place_date(iss.place if iss else "", iss.date if iss else "")
    parent = _lines(iss.parent, "parent") if iss and iss.parent else ""
    name = _lines((iss.name if iss else "") or BLANK, "b name")
    if kind == "party":
        number = (iss.number if iss else "") or f"Số {BLANK}-BC/{BLANK}"
        left = parent + name + "<p>*</p>"
        right = '<p class="b u">ĐẢNG CỘNG SẢN VIỆT NAM</p>'
    else:
        number = (iss.number if iss else "") or f"Số: {BLANK}/BC-{BLANK}"
        left = parent + name
        right = (
            '<p class="b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>'
            '<p class="b u">Độc lập - Tự do - Hạnh phúc</p>'
        )
    return (
        '<table class="head"><tr><td class="issuer">'
        + left
        + '</td><td class="motto">'
        + right
        + '</td></tr><tr><td class="number">'
        + _lines(number)
        + '</td><td class="date i">'
        + _lines(date)
        + "</td></tr></table>"
    )


def _sections(sections: list[Section], notes: dict[str, str], depth: int) -> list[str]:
    out = []
    for s in sections:
        tag = f"h{min(depth, 6)}"
        cls = ' class="starred"' if s.number == "*" else ""
        number = escape(s.number) if s.number is not None else ""
        attrs = f' data-number="{number}" data-delim="{escape(s.delim)}"' if s.number else ""
        out.append(f"<{tag}{cls}{attrs}>{escape(s.heading_line)}</{tag}>")
        out += [_paragraph(p, notes) for p in s.paragraphs]
        out += _sections(s.sections, notes, depth + 1)
    return out


def _paragraph(p: Paragraph, notes: dict[str, str], where: str = "") -> str:
    inserts: list[tuple[int, int, str]] = []
    for e in p.emphasis:
        tag = "strong" if e.kind == "bold" else "em"
        inserts += [(e.start, 1, f"<{tag}>"), (e.end, 0, f"</{tag}>")]
    for fid, at in zip(p.footnotes, p.anchors, strict=True):
        n = notes.get(fid, fid)
        inserts.append((at, -1, f'<sup><a href="#fn-{n}" id="fnref-{n}">{n}</a></sup>'))
    out, pos = [], 0
    for at, _order, mark in sorted(inserts, key=lambda m: (m[0], m[1])):
        out += [escape(p.text[pos:at]), mark]
        pos = at
    out.append(escape(p.text[pos:]))
    bullet = ' data-bullet="1"' if p.bullet else ""
    part = f' data-part="{where}"' if where else ""
    dash = "- " if p.bullet else ""
    return f'<p class="body"{bullet}{part}>{dash}{"".join(out)}</p>'


def _tail(doc: Document) -> str:
    recipients = "".join(f'<p class="recipient">- {escape(r)}</p>' for r in doc.recipients)
    sig = doc.signature
    lines = []
    if sig is None:
        lines = [f'<p class="b">{BLANK}</p>']
    elif sig.authority:
        lines.append(f'<p class="b authority">{escape(sig.authority)}</p>')
    if sig and sig.title:
        lines += [f'<p class="title">{escape(t)}</p>' for t in sig.title.split("\n")]
    lines.append("<p>&nbsp;</p>" * 4)
    name = sig.name if sig and sig.name else BLANK
    lines.append(f'<p class="b name">{escape(name)}</p>')
    return (
        '<table class="tail"><tr><td class="recipients"><p class="u">Nơi nhận:</p>'
        + recipients
        + '</td><td class="signature">'
        + "".join(lines)
        + "</td></tr></table>"
    )


def _footnotes(doc: Document, notes: dict[str, str]) -> str:
    if not doc.footnotes:
        return ""
    items = sorted(doc.footnotes, key=lambda f: int(notes.get(f.id, "0")))
    lis = "".join(f'<li id="fn-{notes.get(f.id, f.id)}">{escape(f.text)}</li>' for f in items)
    return f'<section class="footnotes"><ol>{lis}</ol></section>'
