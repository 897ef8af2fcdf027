"""The end of a report: closing sentence, "Nơi nhận" list and signature block.

In text and PDF sources the two columns of the signature table arrive as lines, sometimes side
by side on one line separated by a tab or a run of spaces ("- Lưu VT.        Bùi Ánh Nguyệt"):
each line is split into its left (recipients) and right (signature) parts.
"""

from __future__ import annotations

import re

from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.model import Document, Paragraph, Section, Signature

_RECIPIENTS = re.compile(r"^\W*N[ơo]i\s+nh[ậa]n\s*:?", re.IGNORECASE)
_PREFIX = re.compile(r"^(T/M|TM\.|K/T|KT\.|T/L|TL\.|TUQ\.|Q\.)\s*\S")
_SIDE_BY_SIDE = re.compile(r"\t+|\s{3,}")
_NOT_SIGNATURE = re.compile(r"^\(?\s*(đã ký|ký tên|ký,|chữ ký)", re.IGNORECASE)


def read_tail(body: list[RawBlock], doc: Document, hints: ReaderHints) -> list[RawBlock]:
    """Take recipients and signature off the end of the block list into `doc`."""
    if hints.recipients is not None or hints.signature is not None:
        doc.recipients = list(hints.recipients or [])
        doc.signature = hints.signature
        return body
    real = [i for i, b in enumerate(body) if b.text.strip() and b.footnote_id is None]
    start = next((i for i in reversed(real) if _RECIPIENTS.match(body[i].text.strip())), None)
    if start is None:
        start = _signature_start(body, real[-4:])
        if start is None:
            return body
    lines = [ln for b in body[start:] if b.footnote_id is None for ln in b.text.split("\n")]
    doc.recipients, sig_lines = _split_columns(lines)
    doc.signature = parse_signature(sig_lines)
    return body[:start]


def _signature_start(body: list[RawBlock], last: list[int]) -> int | None:
    """Index of a signature block typed as plain paragraphs at the very end, if there is one."""
    for i in last:
        first = body[i].text.strip().split("\n")[0].strip()
        if _PREFIX.match(first):
            return i
    return None


def _split_columns(lines: list[str]) -> tuple[list[str], list[str]]:
    """Recipient lines (left column) and signature lines (right column)."""
    recipients: list[str] = []
    signature: list[str] = []
    in_list = True
    for raw in lines:
        parts = [p.strip() for p in _SIDE_BY_SIDE.split(raw.strip()) if p.strip()]
        if not parts:
            continue
        left, right = parts[0], parts[1:]
        m = _RECIPIENTS.match(left)
        if m:
            rest = left[m.end() :].strip()
            left = ""
            if rest:
                right = [rest, *right]
        if left and in_list and left[0] in "-+•":
            recipients.append(left.lstrip("-+• ").strip())
        elif left:
            in_list = in_list and not (signature or _PREFIX.match(left) or left.isupper())
            (recipients if in_list and recipients else signature).append(left)
        signature.extend(right)
    return recipients, signature


def parse_signature(lines: list[str]) -> Signature | None:
    """Authority (T/M …, TM. …), title lines and the signer's name from the right column."""
    lines = [" ".join(ln.split()) for ln in lines if ln.strip()]
    lines = [ln for ln in lines if not _NOT_SIGNATURE.match(ln)]
    if not lines:
        return None
    name = lines[-1] if len(lines) > 1 and not lines[-1].isupper() else ""
    upper = lines[:-1] if name else lines
    authority = upper[0] if upper and _PREFIX.match(upper[0]) else ""
    title = "\n".join(upper[1:] if authority else upper)
    return Signature(authority=authority, title=title, name=name)


def _last_section(sections: list[Section]) -> Section | None:
    while sections:
        last = sections[-1]
        if not last.sections:
            return last
        sections = last.sections
    return None


def _is_closing(p: Paragraph) -> bool:
    text = p.text.rstrip()
    return not p.bullet and (
        text.endswith("/.") or text.startswith(("Trên đây", "Trên cơ sở", "Trên đây là"))
    )


def split_closing(doc: Document) -> None:
    """Move the closing paragraph(s) ("Trên đây là …", "… ./.") out of the last section."""
    last = _last_section(doc.sections)
    paragraphs = last.paragraphs if last else doc.preamble
    if not paragraphs or not _is_closing(paragraphs[-1]):
        return
    k = len(paragraphs) - 1
    while k > 0 and _is_closing(paragraphs[k - 1]):
        k -= 1
    doc.closing = paragraphs[k:] + doc.closing
    del paragraphs[k:]
