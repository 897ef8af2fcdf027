"""Reader for .txt and .md reports: the sample's conventions, plus Markdown footnotes.

A paragraph is a block of lines between blank lines. `**…**` marks bold, `*…*` italic, a
backslash escapes a marker character. Footnote references are superscript digits ("quy định¹")
or `[^1]`; a footnote's text is a paragraph starting with the same mark ("¹ Điều động …" or
"[^1]: Điều động …"). A .md file may open with a YAML front-matter block (`---` … `---`)
giving what the text lacks: `style`, `issuer` (name, parent, number, place, date).
A marker comment `<!-- baocao-ignore RULE[, RULE] -->` in a paragraph silences those checker
rules there ("*" silences all); it is not part of the text.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from baocao.document import _labels
from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.errors import DocumentError
from baocao.document.model import Document, Emphasis, Issuer
from baocao.text.normalize import nfc

_SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP = str.maketrans(_SUP_DIGITS, "0123456789")
_NOTE_DEF = re.compile(r"^(?:\[\^([\w-]+)\]:|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=\s))\s*")
_REF = re.compile(r"\[\^([\w-]+)\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_UNIT_POWER = re.compile(r"(?:\d\s?|\b)(?:k|c|d)?m$")  # m², km², m³ are units, not footnotes
_BOLD = re.compile(r"(?<!\*)\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", re.S)
_ESCAPE = re.compile(r"\\([*\[\]\\_#^.)+•–—-])")
_IGNORE = re.compile(r"\s*<!--\s*baocao-ignore\s+([\w.,\s*-]+?)\s*-->")
_LAYOUT_ONLY = re.compile(r"^[\s|\-_=.…]*$")  # table pipes and rules of a copied layout
_TYPE_NAME = re.compile(r"^\**(BÁO CÁO|KẾ HOẠCH|TỜ TRÌNH|THÔNG BÁO|CHƯƠNG TRÌNH|ĐỀ ÁN)\**$")
_SPECIAL = re.compile(r"[*\\\[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_ISSUER_KEYS = ("name", "parent", "number", "place", "date")


def read_text(path: str | Path) -> Document:
    """Read a .txt or .md report into the model."""
    blocks, hints = read_text_blocks(path)
    from baocao.document.structure import build_document

    return build_document(blocks, hints)


def read_text_blocks(path: str | Path) -> tuple[list[RawBlock], ReaderHints]:
    """Decode the file (UTF-8, UTF-16, TCVN3, VNI …) and split it into blocks."""
    from baocao.text.encoding import decode_text_file

    data = Path(path).read_bytes()
    from baocao.text.encoding import ENCODING_NAMES

    text, encoding = decode_text_file(data, path)
    blocks, hints = parse_text(
        text, path, markdown=Path(path).suffix.lower() in (".md", ".markdown")
    )
    if encoding not in ("utf-8", "utf-8-sig"):
        hints.notices.append(f"đã nhận dạng bảng mã {ENCODING_NAMES[encoding]}")
    return blocks, hints


def parse_text(
    text: str, path: str | Path | None = None, *, markdown: bool = False
) -> tuple[list[RawBlock], ReaderHints]:
    """Blocks and hints from the text of a .txt/.md report.

    Page-break repair applies to .txt (text taken from printed reports); a .md file is authored
    as text, so its paragraphs are taken as they stand.
    """
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    hints = ReaderHints(repair_page_breaks=not markdown)
    m = _FRONT.match(text)
    if m:
        _front_matter(m.group(1), hints, path)
        text = text[m.end() :]
    chunks = _split_blocks(text)
    note_ids = {_note_id(c) for c in chunks} - {None}
    blocks = [_block(c, note_ids) for c in chunks]
    return [b for b in blocks if b.text.strip() or b.footnote_id], hints


def _front_matter(source: str, hints: ReaderHints, path: str | Path | None) -> None:
    import yaml

    try:
        data: Any = yaml.safe_load(source) or {}
    except yaml.YAMLError as exc:
        raise DocumentError(
            path, f"khối front-matter YAML không hợp lệ: {exc}", f"invalid YAML front matter: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise DocumentError(
            path,
            "khối front-matter phải là một bảng khóa: giá trị",
            "front matter must be a mapping",
        )
    if data.get("style") in ("party", "state"):
        hints.style = data["style"]
    issuer = data.get("issuer")
    if isinstance(issuer, dict):
        values = {k: str(issuer.get(k) or "") for k in _ISSUER_KEYS}
        hints.issuer = Issuer(**{k: nfc(v) for k, v in values.items()})


def _split_blocks(text: str) -> list[str]:
    """Paragraphs: blank lines always separate; within a run of lines, `_starts_new` decides.

    Text copied from Word or a web page often keeps the printed line breaks of each paragraph
    ("hard-wrapped"); those lines are joined back, while labels, bullets, capitals headings and
    sentence ends start new paragraphs.
    """
    out: list[str] = []
    for chunk in re.split(r"\n[ \t]*\n", text):
        raw = [ln.rstrip() for ln in chunk.split("\n") if ln.strip()]
        raw = [ln for ln in raw if not _LAYOUT_ONLY.match(ln)]
        current: list[str] = []
        indent = 0
        for line in raw:
            deeper = len(line) - len(line.lstrip()) > indent  # a first-line indent
            indent = len(line) - len(line.lstrip())
            line = line.strip()
            if current and (deeper or _starts_new(current[-1], line)):
                out.append("\n".join(current))
                current = []
            current.append(line)
        if current:
            out.append("\n".join(current))
    return out


def _starts_new(prev: str, line: str) -> bool:
    if _starts_item(line) or _TYPE_NAME.match(prev) or _TYPE_NAME.match(line):
        return True
    prev_caps, caps = _capitals(prev), _capitals(line)
    if prev_caps != caps:
        return True  # a heading in capitals next to running text
    if prev_caps:
        return False  # a capitals heading wrapped over two lines
    if _labels.label_of(prev.strip("*")) is not None:
        return True  # the line after a heading
    return prev.rstrip("*").endswith((".", ":", ";", "!", "?")) and line.lstrip("*")[:1].isupper()


def _capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _starts_item(line: str) -> bool:
    """A bullet, a footnote's text or a numbered heading starts its own paragraph."""
    s = line.strip()
    if s[:2] in ("- ", "+ ", "• ") or _NOTE_DEF.match(s):
        return True
    label = _labels.label_of(s)
    return label is not None and label.number not in (None, "*")


def _note_id(chunk: str) -> str | None:
    m = _NOTE_DEF.match(chunk.strip())
    if not m:
        return None
    return m.group(1) or m.group(2).translate(_SUP)


def _block(chunk: str, note_ids: set[str]) -> RawBlock:
    chunk = chunk.strip()
    fid = _note_id(chunk)
    if fid is not None:
        body = _NOTE_DEF.sub("", chunk, count=1)
        text, _spans, _notes, _anchors = parse_inline(body, set())
        return RawBlock(" ".join(text.split()), footnote_id=fid)
    ignore = [r for m in _IGNORE.finditer(chunk) for r in re.split(r"[\s,]+", m.group(1)) if r]
    chunk = _IGNORE.sub("", chunk).strip()
    # A leading backslash marks a paragraph whose start would otherwise read as a label.
    plain = chunk.startswith("\\")
    if plain and not _ESCAPE.match(chunk):
        chunk = chunk[1:]
    text, spans, notes, anchors = parse_inline(chunk, note_ids)
    stripped = text.strip()
    bold = any(e.kind == "bold" and text[e.start : e.end].strip() == stripped for e in spans)
    return RawBlock(
        text,
        spans,
        notes,
        anchors,
        bold=bold or None,
        line_breaks="\n" in text,
        plain=plain,
        ignore=ignore,
    )


def parse_inline(
    source: str, note_ids: set[str]
) -> tuple[str, list[Emphasis], list[str], list[int]]:
    """Markup removed: (text, emphasis spans, footnote ids, anchors), offsets into the text."""
    if not _SPECIAL.search(source):
        return source, [], [], []  # most paragraphs carry no markup at all
    work = list(source)
    drop = [False] * len(source)
    for m in _ESCAPE.finditer(source):
        drop[m.start()] = True
        work[m.start() + 1] = "\x00"  # an escaped character is never a marker
    spans: list[tuple[int, int, str]] = []
    for pattern, kind, width in ((_BOLD, "bold", 2), (_ITALIC, "italic", 1)):
        current = "".join(work)
        for m in pattern.finditer(current):
            for i in (*range(m.start(), m.start() + width), *range(m.end() - width, m.end())):
                drop[i] = True
                work[i] = "\x01"
            spans.append((m.start(1), m.end(1), kind))
    refs: list[tuple[int, str]] = []
    current = "".join(work)
    for m in _REF.finditer(current):
        fid = m.group(1) or m.group(0).translate(_SUP)
        if m.group(1) is None and (fid not in note_ids or _UNIT_POWER.search(current[: m.start()])):
            continue
        refs.append((m.start(), fid))
        for i in range(m.start(), m.end()):
            drop[i] = True
    index = list(itertools.accumulate((0 if gone else 1 for gone in drop), initial=0))
    text = "".join(itertools.compress(source, (not gone for gone in drop)))
    emphasis = [Emphasis(index[a], index[b], k) for a, b, k in spans if index[b] > index[a]]  # type: ignore[arg-type]
    return text, emphasis, [f for _, f in refs], [index[p] for p, _ in refs]
