"""Parts of a report written apart and put together: the web application's document steps.

A unit writes the text of one outline item in the Markdown conventions of `readers.text`
(`- ` bullets, `*italic*`, `**bold**`, `[^1]` footnotes). `compose` puts the parts under the
outline's headings in outline order, renumbering footnotes across parts; `parts_of` does the
reverse for a whole report (to seed an archive's periods or build an outline from it), and
`focus_tasks` lists the commitments of part B that next period must report on.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from baocao.document.model import Document, Footnote, Paragraph, Section
from baocao.text.normalize import fold


@dataclass
class OutlineNode:
    """One heading of a report outline; `key` ties it to the parts written for it."""

    key: str
    number: str | None
    heading: str
    delim: str = "."
    children: list[OutlineNode] = field(default_factory=list)


def parse_markdown(text: str) -> Document:
    """A document from text in the Markdown conventions baocao reads and writes."""
    from baocao.document.readers.text import parse_text
    from baocao.document.structure import build_document

    blocks, hints = parse_text(text, markdown=True)
    return build_document(blocks, hints)


def fragment_markdown(paragraphs: list[Paragraph], sections: list[Section], notes: dict) -> str:
    """Markdown of a piece of a report (no title, header or signature)."""
    from baocao.document.writers.md import render_md

    used = {f for p in _all_paragraphs(paragraphs, sections) for f in p.footnotes}
    doc = Document(
        title="",
        preamble=copy.deepcopy(paragraphs),
        sections=copy.deepcopy(sections),
        footnotes=[Footnote(i, t) for i, t in notes.items() if i in used],
    )
    return render_md(doc).strip()


def compose(
    outline: list[OutlineNode],
    parts: dict[str, list[str]],
    *,
    title: str = "BÁO CÁO",
    subtitle: str = "",
) -> Document:
    """The report: each outline node's heading, then the parts written for it, in order."""
    doc = Document(title=title, subtitle=subtitle)
    counter = _Counter(doc)
    doc.sections = [_section(n, parts, counter) for n in outline]
    from baocao.document.structure import extract_all

    extract_all(doc)
    return doc


class _Counter:
    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def adopt(self, part: Document) -> tuple[list[Paragraph], list[Section]]:
        """The part's paragraphs and sections, its footnotes renumbered into the document."""
        mapping: dict[str, str] = {}
        for note in part.footnotes:
            new = str(len(self.doc.footnotes) + 1)
            mapping[note.id] = new
            self.doc.footnotes.append(Footnote(new, note.text))
        paragraphs = list(part.preamble)
        sections = list(part.sections)
        paragraphs_tail = list(part.closing)
        for p in _all_paragraphs(paragraphs + paragraphs_tail, sections):
            p.footnotes = [mapping.get(f, f) for f in p.footnotes]
        if paragraphs_tail and sections:
            sections[-1].paragraphs.extend(paragraphs_tail)
        else:
            paragraphs += paragraphs_tail
        return paragraphs, sections


def _section(node: OutlineNode, parts: dict[str, list[str]], counter: _Counter) -> Section:
    s = Section(number=node.number, heading=node.heading, delim=node.delim)
    for text in parts.get(node.key, []):
        if not text.strip():
            continue
        paragraphs, sections = counter.adopt(parse_markdown(text))
        s.paragraphs.extend(paragraphs)
        s.sections.extend(sections)
    s.sections.extend(_section(c, parts, counter) for c in node.children)
    return s


def _all_paragraphs(paragraphs: list[Paragraph], sections: list[Section]) -> list[Paragraph]:
    out = list(paragraphs)
    for s in sections:
        out.extend(_all_paragraphs(s.paragraphs, s.sections))
    return out


def outline_of(doc: Document) -> list[OutlineNode]:
    """The outline of a report: its headings down to the level that carries text."""

    def walk(sections: list[Section], prefix: str) -> list[OutlineNode]:
        out = []
        for i, s in enumerate(sections, 1):
            key = f"{prefix}{i}"
            # a subsection labelled a), b) inside a part is the writer's own structure
            children = [] if _is_point(s) else walk(_outline_children(s), key + ".")
            out.append(OutlineNode(key, s.number, s.heading, s.delim, children))
        return out

    return walk(doc.sections, "")


def _is_point(s: Section) -> bool:
    return s.delim == ")"


def _outline_children(s: Section) -> list[Section]:
    return [c for c in s.sections if not _is_point(c)]


def parts_of(doc: Document) -> dict[str, str]:
    """For each outline key of `outline_of(doc)`, the Markdown text written directly under it."""
    notes = {f.id: f.text for f in doc.footnotes}
    out: dict[str, str] = {}

    def walk(sections: list[Section], prefix: str) -> None:
        for i, s in enumerate(sections, 1):
            key = f"{prefix}{i}"
            points = [c for c in s.sections if _is_point(c)]
            text = fragment_markdown(s.paragraphs, points, notes)
            if text:
                out[key] = text
            walk(_outline_children(s), key + ".")

    walk(doc.sections, "")
    return out


_FOCUS = re.compile(r"^(nhiem vu|phuong huong)")


@dataclass(frozen=True)
class FocusTask:
    """A commitment of part B: its text and the heading it stands under."""

    text: str
    heading: str
    key: str


def focus_tasks(doc: Document) -> list[FocusTask]:
    """Every paragraph of the part that sets next period's tasks ("B. NHIỆM VỤ TRỌNG TÂM …")."""
    out: list[FocusTask] = []
    for i, part in enumerate(doc.sections, 1):
        if not _FOCUS.match(fold(part.heading).lower()):
            continue
        for p in part.paragraphs:
            out.append(FocusTask(p.text, part.heading_line, str(i)))
        for j, s in enumerate(part.sections, 1):
            for p in _all_paragraphs(s.paragraphs, s.sections):
                out.append(FocusTask(p.text, s.heading_line, f"{i}.{j}"))
    return out
