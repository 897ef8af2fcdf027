"""Reader for PDF reports with a text layer (pdfplumber; never PyMuPDF, which is AGPL).

Characters are grouped into lines by their baselines, lines into paragraphs by first-line
indent, vertical gaps, short last lines and centring. Bold and italic come from the font names.
Small raised digits in the body are footnote marks when the page has that footnote (else text:
"m²"); the footnote zone is what stands below the short separator rule at the page foot (or,
without a rule, the smaller text there), numbers restarting per page kept apart. A lone
centred number in the top or bottom margin is the page number and is dropped. The two-column
header block and the "Nơi nhận"/signature block are split into their columns by the gap between
them. A paragraph running over a page break is joined here, from the geometry (see
`_continues_on_next_page`), so the structurer's text-only repair is switched off.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from baocao.document._spans import merge_spans
from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.errors import DocumentError
from baocao.document.model import Document, Emphasis

if TYPE_CHECKING:
    from pdfplumber.page import Page as PlumberPage

_TITLE = re.compile(r"^(BÁO CÁO|TỜ TRÌNH|KẾ HOẠCH|THÔNG BÁO|CHƯƠNG TRÌNH|ĐỀ ÁN)\b")
_RECIPIENTS = re.compile(r"^\W*N[ơo]i\s+nh[ậa]n", re.I)
_RULE = re.compile(r"^[\s\-_–—=*.…]*$")
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(\d{1,4})[-–—\s]*$")
_PLAIN_NOTE = re.compile(r"^\s*(\d{1,3})[.)]?\s+(?=\S)")  # "1. Gồm …": a note number, not raised
_ENDS_SENTENCE = (".", "!", "?", ":", ";", "…", '"', "”", ")")
_LABEL = re.compile(r"^([IVXLC]+|[A-ZĐ]|\d+(\.\d+)*|[a-zđ])[.)]\s|^[-–—+•*]\s")
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_ITALIC = re.compile(r"italic|oblique|ital\b|kursiv", re.I)
# Short style suffixes: "Times-BI", "Arial,BI", "VNTime-B", "Foo-It", "Foo-BdIt".
_SUFFIX = re.compile(r"[-,](BI|IB|B|I|Bd|It|BdIt|BoldIt)$")


Segment = tuple[float, float, str, bool]  # a table cell's piece of a line: x0, x1, text, bold


@dataclass
class Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    spans: list[Emphasis] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (offset, footnote id)
    segments: list[Segment] = field(default_factory=list)
    bold: bool = False


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    rule: float | None = None  # top of the footnote separator, when the page has one


def read_pdf(path: str | Path) -> Document:
    """Read a PDF report into the model."""
    blocks, hints = read_pdf_blocks(path)
    from baocao.document.structure import build_document

    return build_document(blocks, hints)


def read_pdf_blocks(path: str | Path) -> tuple[list[RawBlock], ReaderHints]:
    """Blocks (paragraphs, then footnote texts) and the header/closing facts of a PDF.

    Raises DocumentError for a file that is not a PDF, is encrypted or has no text layer.
    """
    pages = _pages(Path(path))
    body_size = _body_size(pages)
    # Paragraphs cut by a page break are joined from the geometry in `_paragraphs`.
    hints = ReaderHints(repair_page_breaks=False)
    body_lines: list[Line] = []
    notes: list[Line] = []
    seen: set[str] = set()
    for page in pages:
        lines = [ln for ln in page.lines if not _page_number(ln, page)]
        main, foot = _split_footnote_zone(lines, body_size, page.rule)
        _plain_notes(foot)
        _restore_marks(main, {fid for ln in foot if (fid := _note_id(ln)) is not None})
        _unique_note_ids(main, foot, seen)
        body_lines += main
        notes += foot
    body_lines = _header(body_lines, hints)
    body_lines = _closing(body_lines, hints)
    blocks = _paragraphs(body_lines, body_size)
    blocks += _footnote_blocks(notes)
    return blocks, hints


def _pages(path: Path) -> list[Page]:
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            pages = [_page(page, i + 1) for i, page in enumerate(pdf.pages)]
    except Exception as exc:  # pdfminer raises many kinds; the user needs one clear line
        raise _open_error(path, exc) from None
    if not any(p.lines for p in pages):
        raise DocumentError(
            path,
            "tệp PDF không có lớp chữ (bản quét); cần OCR trước khi nhập",
            "the PDF has no text layer (a scan); run OCR before importing",
        )
    return pages


def _open_error(path: Path, exc: Exception) -> DocumentError:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    if isinstance(exc, PdfminerException) and exc.args and isinstance(exc.args[0], Exception):
        exc = exc.args[0]  # pdfplumber wraps what pdfminer raised
    if isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
        return DocumentError(
            path,
            "tệp PDF được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi nhập lại",
            "the PDF is password-protected; remove the password and import again",
        )
    if isinstance(exc, (PDFSyntaxError, PSException, ValueError, KeyError, TypeError)):
        return DocumentError(
            path, "tệp không phải PDF hợp lệ (bị hỏng?)", "not a valid PDF (damaged?)"
        )
    detail = str(exc) or type(exc).__name__
    return DocumentError(path, f"không đọc được PDF: {detail}", f"unreadable PDF: {detail}")


def _page(page: PlumberPage, number: int) -> Page:
    width, height = float(page.width), float(page.height)
    lines = _lines(page.chars, number)
    rules = [
        r
        for r in (*page.lines, *page.rects)
        if abs(r["bottom"] - r["top"]) <= 1.5 and 20 < r["x1"] - r["x0"] < 0.5 * width
    ]
    page.flush_cache()  # keep memory flat on long reports
    margin = min((ln.x0 for ln in lines), default=0.0)
    # The separator starts at the left margin and stands alone at its height (a table's
    # borders do not).
    low = [
        r["top"]
        for r in rules
        if r["top"] > 0.5 * height
        and abs(r["x0"] - margin) < 4
        and sum(abs(o["top"] - r["top"]) < 1 for o in rules) == 1
    ]
    return Page(number, width, height, lines, max(low) if low else None)


def _lines(chars: list[dict], page: int) -> list[Line]:
    chars = [c for c in chars if c["text"].strip() or c["text"] == " "]
    chars.sort(key=lambda c: c["bottom"])
    groups: list[list[dict]] = []
    for c in chars:
        if groups and c["bottom"] - groups[-1][0]["bottom"] <= 6:
            groups[-1].append(c)
        else:
            groups.append([c])
    return [_line(sorted(g, key=lambda c: c["x0"]), page) for g in groups if g]


def font_style(fontname: str) -> tuple[bool, bool]:
    """(bold, italic) from a PDF font name such as "ABCDEF+TimesNewRomanPS-BoldItalicMT"."""
    name = fontname.split("+", 1)[-1]
    suffix = _SUFFIX.search(name)
    short = suffix.group(1).lower() if suffix else ""
    bold = bool(_BOLD.search(name)) or short.startswith("b") or short == "ib"
    italic = bool(_ITALIC.search(name)) or "i" in short.replace("bd", "")
    return bold, italic


def _line(chars: list[dict], page: int) -> Line:
    size = statistics.mode(round(c["size"], 1) for c in chars)
    baseline = statistics.median(c["bottom"] for c in chars if abs(c["size"] - size) < 0.6)
    raw = _RawLine()
    for c in chars:
        if c["size"] < 0.75 * size and c["text"].isdigit() and c["bottom"] < baseline - 0.1 * size:
            raw.mark(c)  # a raised small digit: a footnote reference
        else:
            raw.add(c, size)
    raw.close()
    text, index = _nfc_map("".join(raw.out))
    spans = [Emphasis(index[e.start], index[e.end], e.kind) for e in merge_spans(raw.spans)]
    line = Line(
        page,
        min(c["top"] for c in chars),
        max(c["bottom"] for c in chars),
        chars[0]["x0"],
        max(c["x1"] for c in chars),
        size,
        text,
        [e for e in spans if e.end > e.start],
        [(index[at], fid) for at, fid in raw.notes],
        [(a, b, unicodedata.normalize("NFC", t), bold) for a, b, t, bold in raw.segments],
    )
    line.bold = bool(text.strip()) and all(s[3] for s in line.segments if s[2])
    return line


class _RawLine:
    """The characters of one line as text, with styles, footnote marks and table cells."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pos = 0
        self.spans: list[Emphasis] = []
        self.notes: list[tuple[int, str]] = []
        self.segments: list[Segment] = []
        self.seg: list[str] = []
        self.seg_x0: float | None = None
        self.seg_bold = True
        self.x1: float | None = None  # rightmost edge so far (a combining mark sits back)

    def _put(self, text: str) -> None:
        self.out.append(text)
        self.pos += len(text)

    def add(self, c: dict, size: float) -> None:
        """Append a printed character, with a space or a cell break before it if its gap says so."""
        gap = c["x0"] - self.x1 if self.x1 is not None else 0.0
        if self.x1 is not None and gap > 10:
            # A gap wider than any space: the two cells of a header or signature table.
            self.close()
            if self.out and not self.out[-1].endswith(" "):
                self._put(" ")
        elif gap > 0.2 * size and c["text"] != " " and self.out and not self.out[-1].endswith(" "):
            # pdfplumber gives no space characters for LibreOffice PDFs: a gap is a space.
            self._put(" ")
            self.seg.append(" ")
        if self.seg_x0 is None:
            self.seg_x0 = c["x0"]
        bold, italic = font_style(c.get("fontname", ""))
        start = self.pos
        self._put(c["text"])
        self.seg.append(c["text"])
        if bold:
            self.spans.append(Emphasis(start, self.pos, "bold"))
        elif c["text"].strip():
            self.seg_bold = False
        if italic:
            self.spans.append(Emphasis(start, self.pos, "italic"))
        self.x1 = max(self.x1 or c["x1"], c["x1"])

    def mark(self, c: dict) -> None:
        """Record a raised footnote digit at the current offset (consecutive digits: one id)."""
        if self.notes and self.notes[-1][0] == self.pos:
            self.notes[-1] = (self.pos, self.notes[-1][1] + c["text"])
        else:
            self.notes.append((self.pos, c["text"]))
        self.x1 = max(self.x1 or c["x1"], c["x1"])

    def close(self) -> None:
        """End the current table cell (segment)."""
        if self.seg_x0 is not None:
            self.segments.append(
                (self.seg_x0, self.x1 or self.seg_x0, "".join(self.seg).strip(), self.seg_bold)
            )
        self.seg, self.seg_x0, self.seg_bold = [], None, True


def _nfc_map(raw: str) -> tuple[str, list[int]]:
    """NFC of `raw` and, for every offset of `raw` (and its end), the offset in the NFC text.

    pdfplumber may give a base letter and its combining marks as separate characters.
    """
    if unicodedata.is_normalized("NFC", raw):
        return raw, list(range(len(raw) + 1))
    out: list[str] = []
    index = [0] * (len(raw) + 1)
    i = n = 0
    while i < len(raw):
        j = i + 1
        while j < len(raw) and unicodedata.combining(raw[j]):
            j += 1
        piece = unicodedata.normalize("NFC", raw[i:j])
        index[i] = n
        n += len(piece)
        for k in range(i + 1, j):
            index[k] = n  # inside a cluster: an edge falls after the whole letter
        out.append(piece)
        i = j
    index[len(raw)] = n
    return "".join(out), index


def _body_size(pages: list[Page]) -> float:
    sizes = [ln.size for p in pages for ln in p.lines for _ in range(len(ln.text))]
    return statistics.mode(sizes) if sizes else 14.0


def _page_number(line: Line, page: Page) -> bool:
    """A lone number, centred, in the top or bottom margin zone."""
    if not _PAGE_NUMBER.match(line.text) or line.notes:
        return False
    in_margin = line.bottom < 0.1 * page.height or line.top > 0.9 * page.height
    return in_margin and abs((line.x0 + line.x1) / 2 - page.width / 2) < 0.12 * page.width


def _split_footnote_zone(
    lines: list[Line], body: float, rule: float | None
) -> tuple[list[Line], list[Line]]:
    """The page's body lines and its footnote-zone lines (below the rule, else smaller text)."""
    if rule is not None:
        cut = next((i for i, ln in enumerate(lines) if ln.top >= rule), len(lines))
        if cut < len(lines) and _starts_note(lines[cut]):
            return lines[:cut], lines[cut:]
    cut = len(lines)
    while cut and lines[cut - 1].size <= body - 1.5 and lines[cut - 1].top > 300:
        cut -= 1
    zone = lines[cut:]
    if zone and not _starts_note(zone[0]):
        return lines, []
    return lines[:cut], zone


def _starts_note(line: Line) -> bool:
    lead = len(line.text) - len(line.text.lstrip())
    return bool(line.notes and line.notes[0][0] <= lead) or bool(_PLAIN_NOTE.match(line.text))


def _plain_notes(foot: list[Line]) -> None:
    """Footnote numbers printed plain ("1. Gồm …") become marks like raised ones.

    Only in a zone without raised numbers, and only in sequence, so that a wrapped line that
    happens to start with a figure stays part of its note.
    """
    if any(ln.notes for ln in foot):
        return
    expected: int | None = None
    for ln in foot:
        m = _PLAIN_NOTE.match(ln.text)
        if m and (expected is None or int(m.group(1)) == expected):
            ln.text, ln.spans, ln.notes = ln.text[m.end() :], [], [(0, m.group(1))]
            expected = int(m.group(1)) + 1


def _note_id(line: Line) -> str | None:
    """The id of the footnote this zone line starts, if it starts one."""
    if line.notes and line.notes[0][0] <= len(line.text) - len(line.text.lstrip()):
        return line.notes[0][1]
    return None


def _restore_marks(lines: list[Line], ids: set[str]) -> None:
    """Raised digits with no footnote of that number on the page are text ("m²"): put back."""
    for ln in lines:
        stray = [(at, fid) for at, fid in ln.notes if fid not in ids]
        ln.notes = [(at, fid) for at, fid in ln.notes if fid in ids]
        for at, digits in sorted(stray, reverse=True):
            k = len(digits)
            ln.text = ln.text[:at] + digits + ln.text[at:]
            ln.spans = [
                Emphasis(e.start + k * (e.start >= at), e.end + k * (e.end > at), e.kind)
                for e in ln.spans
            ]
            ln.notes = [(n + k * (n >= at), fid) for n, fid in ln.notes]


def _unique_note_ids(main: list[Line], foot: list[Line], seen: set[str]) -> None:
    """Footnote numbers restarting on each page get ids unique to the document ("1", "1@3")."""
    ids = {fid for ln in foot if (fid := _note_id(ln)) is not None}
    clash = ids & seen
    for ln in [*main, *foot]:
        ln.notes = [(at, f"{fid}@{ln.page}" if fid in clash else fid) for at, fid in ln.notes]
    seen |= {fid for ln in foot if (fid := _note_id(ln)) is not None}


def _footnote_blocks(lines: list[Line]) -> list[RawBlock]:
    """One block per footnote: its text without the number, continuation lines joined."""
    blocks: list[RawBlock] = []
    for ln in lines:
        fid = _note_id(ln)
        if fid is not None:
            blocks.append(RawBlock(ln.text.strip(), footnote_id=fid, page=ln.page))
        elif blocks:
            blocks[-1].text += " " + ln.text.strip()
    return blocks


def _header(lines: list[Line], hints: ReaderHints) -> list[Line]:
    """The two-column block above the title on page 1 becomes the issuer."""
    title = next((i for i, ln in enumerate(lines[:15]) if _TITLE.match(ln.text.strip())), None)
    if not title:
        return lines
    head = lines[:title]
    if not any(len(ln.segments) > 1 for ln in head):
        return lines
    from baocao.document.issuer import parse_issuer_lines

    mid = _middle(lines)
    left = [s for ln in head for s in ln.segments if (s[0] + s[1]) / 2 < mid]
    right = [s for ln in head for s in ln.segments if (s[0] + s[1]) / 2 >= mid]
    texts = [s[2] for s in left + right if s[2]]
    issuer, style = parse_issuer_lines(texts)
    # Cell widths of FORMAT.md: a long name wraps inside its 62 mm (State) or 80 mm cell.
    left = _merge_wrapped(left, (62 if style == "state" else 80) * 72 / 25.4)
    if issuer is not None:
        issuer, style = parse_issuer_lines([s[2] for s in left + right if s[2]])
    bold = [s[2] for s in left if s[3] and s[2].isupper()]
    regular = [s[2] for s in left if not s[3] and s[2].isupper() and s[2] != "*"]
    if issuer and bold:
        issuer.name, issuer.parent = "\n".join(bold), "\n".join(regular)
    hints.issuer, hints.style = issuer, style
    return lines[title:]


def _merge_wrapped(segments: list[Segment], width: float) -> list[Segment]:
    """Lines of one cell joined where the next line's first word could not have fitted."""
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1][3] == seg[3] and seg[2] and out[-1][2]:
            x0, x1, text, bold = out[-1]
            first = seg[2].split()[0]
            first_width = (seg[1] - seg[0]) * len(first) / max(1, len(seg[2]))
            if x1 - x0 + first_width + 4 > width - 6:
                out[-1] = (min(x0, seg[0]), max(x1, seg[1]), f"{text} {seg[2]}", bold)
                continue
        out.append(seg)
    return out


def _middle(lines: list[Line]) -> float:
    return (min(ln.x0 for ln in lines) + max(ln.x1 for ln in lines)) / 2


def _closing(lines: list[Line], hints: ReaderHints) -> list[Line]:
    """From the "Nơi nhận" line on: recipients on the left, the signature on the right."""
    at = next(
        (i for i in range(len(lines) - 1, -1, -1) if _RECIPIENTS.match(lines[i].text.strip())), None
    )
    if at is None:
        return lines
    from baocao.document._tail import parse_signature

    mid = _middle(lines)
    tail = lines[at:]
    left = [s[2] for ln in tail for s in ln.segments if (s[0] + s[1]) / 2 < mid and s[2]]
    right = [s[2] for ln in tail for s in ln.segments if (s[0] + s[1]) / 2 >= mid and s[2]]
    hints.recipients = _recipients(left)
    hints.signature = parse_signature([t for t in right if "…" not in t])
    return lines[:at]


def _recipients(left: list[str]) -> list[str]:
    out: list[str] = []
    for text in left:
        if _RECIPIENTS.match(text):
            continue
        if text[:1] in "-+•" or not out:
            out.append(text.lstrip("-+• ").strip())
        else:
            out[-1] += " " + text  # a recipient wrapped onto a second line
    return out


def _paragraphs(lines: list[Line], body: float) -> list[RawBlock]:
    """Lines joined into paragraphs; see the module docstring for where one ends."""
    body_lines = [ln for ln in lines if abs(ln.size - body) < 1.5]
    # The margin is where the continuation lines start: a low percentile, not the mode (a
    # report of short indented paragraphs has more lines at the indent than at the margin).
    starts = sorted(round(ln.x0) for ln in body_lines)
    left = starts[len(starts) // 20] if starts else 0
    right = max((ln.x1 for ln in body_lines), default=0)
    layout = _Layout(left, right, body, _uses_indents(body_lines, left, right))
    blocks: list[RawBlock] = []
    prev: Line | None = None
    for ln in lines:
        if _RULE.match(ln.text):
            prev = None
            continue
        centered = _centered(ln, left, right) or (
            bool(blocks and blocks[-1].centered) and _symmetric_wide(ln, left, right)
        )
        if _starts_paragraph(prev, ln, centered, blocks, layout):
            blocks.append(_block(ln, centered))
        else:
            # A centred line that fills the width was wrapped by the layout, not by the writer.
            wrapped = prev is not None and _would_not_fit(prev, ln, right - left)
            _append(blocks[-1], ln, "\n" if centered and not wrapped else " ")
        prev = ln
    return blocks


@dataclass
class _Layout:
    left: float  # the text block's margins
    right: float
    body: float  # body font size
    indents: bool  # paragraphs start with a first-line indent


def _uses_indents(lines: list[Line], left: float, right: float) -> bool:
    """True when paragraphs are marked by first-line indents (not only by spacing)."""
    indented = sum(left + 8 < ln.x0 < left + 72 and ln.x1 >= right - 40 for ln in lines)
    return indented >= max(2, 0.03 * len(lines))


def _starts_paragraph(
    prev: Line | None, ln: Line, centered: bool, blocks: list[RawBlock], lay: _Layout
) -> bool:
    if prev is None:
        return True
    if prev.page != ln.page and not centered and not blocks[-1].centered:
        return not _continues_on_next_page(prev, ln, lay)
    if centered != bool(blocks and blocks[-1].centered):
        return True
    if prev.page == ln.page and ln.top - prev.bottom > 0.9 * lay.body:
        return True
    if _TITLE.match(prev.text.strip()) and not _would_not_fit(prev, ln, lay.right - lay.left):
        return True  # the summary line below the title is its own block
    if centered:
        return False  # the next line of a centred block (summary line, heading)
    return ln.x0 > lay.left + 8 or prev.x1 < lay.right - 40


def _continues_on_next_page(prev: Line, ln: Line, lay: _Layout) -> bool:
    """The first line of a page carries on the paragraph the previous page ended with.

    It must start at the margin after a full last line, in the same weight. Where paragraphs
    have first-line indents that is enough unless a heading or bullet label opens the line;
    where only spacing marks them, the last line must also stop short of a sentence end (or
    the next start in lower case).
    """
    if ln.x0 > lay.left + 8 or prev.x1 < lay.right - 40 or ln.bold != prev.bold:
        return False
    text, before = ln.text.strip(), prev.text.rstrip()
    if text[:1].islower():
        return True
    if before.endswith(_ENDS_SENTENCE) or before.endswith("./."):
        return lay.indents and not _LABEL.match(text)
    return True


def _centered(ln: Line, left: float, right: float) -> bool:
    """Equal margins on both sides (a justified line has none, an indented one only one)."""
    before, after = ln.x0 - left, right - ln.x1
    return before > 8 and after > 8 and abs(before - after) < max(6.0, 0.1 * (before + after))


def _symmetric_wide(ln: Line, left: float, right: float) -> bool:
    """A centred line almost as wide as the page: off the left margin, margins equal."""
    before, after = ln.x0 - left, right - ln.x1
    return before > 0.5 and abs(before - after) < 6


def _would_not_fit(prev: Line, ln: Line, width: float) -> bool:
    """True when the next line's first word would not have fitted on the previous line."""
    text = ln.text.strip()
    first = text.split()[0] if text else ""
    # The word's width, pro rata of the line's measured width; a space is about 0.25 em.
    first_width = (ln.x1 - ln.x0) * len(first) / max(1, len(text))
    return prev.x1 - prev.x0 + 0.25 * ln.size + first_width > width - 0.9 * ln.size


def _block(ln: Line, centered: bool) -> RawBlock:
    text = ln.text.strip()
    shift = len(ln.text) - len(ln.text.lstrip())
    spans = [Emphasis(e.start - shift, e.end - shift, e.kind) for e in ln.spans]
    return RawBlock(
        text,
        [e for e in spans if e.end > 0 and e.start < len(text)],
        [fid for _, fid in ln.notes],
        [max(0, at - shift) for at, _ in ln.notes],
        page=ln.page,
        bold=ln.bold,
        centered=centered,
    )


def _append(block: RawBlock, ln: Line, sep: str) -> None:
    piece = _block(ln, bool(block.centered))
    if sep == " " and re.search(r"\w-$", block.text):
        sep = ""  # a line broken after the hyphen of "CN-TTCN" or "2020-2025"
    shift = len(block.text) + len(sep)
    block.text += sep + piece.text
    block.emphasis = merge_spans(
        block.emphasis + [Emphasis(e.start + shift, e.end + shift, e.kind) for e in piece.emphasis]
    )
    block.footnotes += piece.footnotes
    block.anchors += [a + shift for a in piece.anchors]
    block.bold = bool(block.bold and piece.bold)
