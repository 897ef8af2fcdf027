"""Typed heading labels ("A.", "I.", "1.", "1.1.", "a)", "*") and the section tree built from them.

Reports type their labels by hand, so a heading is recognised by its label and its shape (short,
not a finished sentence), and its depth by the label's family: parts (A, B / Phần), Roman
sections, Arabic subsections, nested Arabic, letter points. A starred block ("* Một số hạn chế")
sits one level under the current part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baocao.document.blocks import RawBlock
from baocao.document.model import Paragraph, Section

_ROMAN = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))"
_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(r"^((?:PHẦN|Phần)\s+(?:THỨ\s+\w+|thứ\s+\w+|[IVX]+|\d+))\s*([.:\-]?)\s*(.*)$")),
    (1, re.compile(r"^([A-H])([.)]|\s?-)\s+(\S.*)$")),
    (2, re.compile(rf"^({_ROMAN})([.)]|\s*-|/)\s+(\S.*)$")),
    (4, re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)(\.?)\s+(\S.*)$")),
    (3, re.compile(r"^(\d{1,2})([.)])\s+(\S.*)$")),
    (5, re.compile(r"^([a-zđ])(\))\s+(\S.*)$")),
    (2, re.compile(r"^(\*)()\s*(\S.*)$")),
]
_MAX_HEADING = 220


@dataclass(frozen=True)
class Label:
    rank: int
    number: str | None
    delim: str
    heading: str


def label_of(text: str) -> Label | None:
    """The heading label of a block's text, or None when the block is not a heading."""
    text = " ".join(text.split())
    if not text or len(text) > _MAX_HEADING:
        return None
    for rank, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m or (rank == 2 and not m.group(1)):
            continue
        heading = m.group(3)
        if m.group(1).startswith(("PHẦN", "Phần")):
            return Label(0, m.group(1), m.group(2), heading)  # a part holds the A/B parts
        if not _heading_shaped(heading):
            return None
        delim = m.group(2).strip() if rank != 2 or m.group(1) != "*" else ""
        return Label(rank, m.group(1), delim, heading)
    if _upper_heading(text):
        return Label(1, None, "", text)
    return None


def _heading_shaped(heading: str) -> bool:
    """A heading is short and does not close like a sentence."""
    letters = [c for c in heading if c.isalpha()]
    capitals = bool(letters) and all(c.isupper() for c in letters)
    if heading.endswith((";", ",")) or (heading.endswith(".") and not capitals):
        return heading.endswith("...")
    return len(heading) <= 180 and any(c.isalpha() for c in heading)


def _upper_heading(text: str) -> bool:
    """An unnumbered part title typed in capitals ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and all(c.isupper() for c in letters) and len(text.split()) >= 3


def build_tree(
    blocks: list[RawBlock], paragraphs: list[Paragraph]
) -> tuple[list[Paragraph], list[Section]]:
    """Preamble paragraphs (before the first heading) and the tree of sections."""
    preamble: list[Paragraph] = []
    roots: list[Section] = []
    stack: list[tuple[int, Section]] = []
    for b, p in zip(blocks, paragraphs, strict=True):
        if not p.text and not p.footnotes:
            continue
        label = label_of(b.text) if not (p.footnotes or b.plain) else None
        if label is None:
            (stack[-1][1].paragraphs if stack else preamble).append(p)
            continue
        rank = label.rank
        if label.number == "*":
            part = next((r for r, _ in stack if r == 1), None)
            rank = 2 if part is not None else 1
        section = Section(label.number, label.heading, delim=label.delim)
        while stack and stack[-1][0] >= rank:
            stack.pop()
        (stack[-1][1].sections if stack else roots).append(section)
        stack.append((rank, section))
    return preamble, roots
