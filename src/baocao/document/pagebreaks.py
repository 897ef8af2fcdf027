"""Page-break repair: join a paragraph that a page break (and maybe a footnote) cut in two.

Text converted from a printed report keeps one artefact of each page break: the paragraph
running over it arrives as two paragraphs, often with the page's footnote text between them
("… các xã Tân" / "¹ Điều động …" / "Khánh, Liên Bảo …"). Two halves are joined when the first
does not end a sentence and the second is not a heading, bullet or footnote, and

- the second starts in lower case ("danh" / "mục công trình"), or
- the first ends with a comma or a capitalised word and the second starts with a capital
  (a name cut in two: "xã Tân" / "Khánh"), or
- a footnote or a new page stands between them.

When the cut fell inside a syllable ("Ng" / "hị quyết"), the halves are glued without a space
if the glued syllable is Vietnamese and the pieces are not both syllables.
"""

from __future__ import annotations

from baocao.document import _labels
from baocao.document._spans import Marked
from baocao.document.blocks import RawBlock

_ENDS_SENTENCE = (".", "!", "?", ":", ";", "…", "./.", '"', "”", ")")


def repair_page_breaks(blocks: list[RawBlock]) -> list[RawBlock]:
    """The blocks with every cut paragraph joined back; footnote markers are kept in place."""
    out: list[RawBlock] = []
    for b in blocks:
        if b.footnote_id is not None or not b.text.strip():
            out.append(b)
            continue
        k = _previous_text_block(out)
        if k is not None and _continues(out[k], b, between=out[k + 1 :]):
            out[k] = _join(out[k], b)
        else:
            out.append(b)
    return out


def _previous_text_block(out: list[RawBlock]) -> int | None:
    for i in range(len(out) - 1, -1, -1):
        if out[i].footnote_id is None and out[i].text.strip():
            return i
    return None


def _continues(first: RawBlock, second: RawBlock, between: list[RawBlock]) -> bool:
    a, b = first.text.rstrip(), second.text.lstrip()
    if a.endswith(_ENDS_SENTENCE) or a.isupper():
        return False
    if _labels.label_of(a) is not None or _labels.label_of(b) is not None:
        return False
    if b[:1] in "-+•–—*" or (not b[:1].isalnum() and b[:1] not in '(“"'):
        return False
    if first.centered or second.centered:
        return False
    if b[:1].islower():
        return True
    page_break = bool(between) or (
        first.page is not None and second.page is not None and first.page != second.page
    )
    last_word = a.split()[-1] if a.split() else ""
    name_cut = a.endswith(",") or (last_word[:1].isupper() and b[:1].isupper())
    return page_break or name_cut


def _join(first: RawBlock, second: RawBlock) -> RawBlock:
    a = Marked(first.text.rstrip(), first.emphasis, first.footnotes, first.anchors)
    b = Marked(second.text.lstrip(), second.emphasis, second.footnotes, second.anchors)
    head = a.text.split()[-1] if a.text.split() else ""
    tail = b.text.split()[0] if b.text.split() else ""
    sep = "" if _glue(head, tail) else " "
    m = a.join(b, sep)
    return RawBlock(
        m.text,
        m.emphasis,
        m.footnotes,
        m.anchors,
        page=first.page,
        bold=first.bold if first.bold == second.bold else None,
        centered=first.centered,
    )


def _glue(head: str, tail: str) -> bool:
    """True when a syllable was cut in two: the glued form is a syllable, the pieces are not."""
    from baocao.text.wordlist import syllables

    known = syllables()
    h, t = head.lower().strip(",;"), tail.lower().rstrip(",.;:")
    if not h.isalpha() or not t.isalpha():
        return False
    return (h + t) in known and not (h in known and t in known)
