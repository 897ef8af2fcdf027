"""Reader for PDF reports with a text layer (pdfplumber; never PyMuPDF, which is AGPL).

Characters are grouped into lines by their baselines, lines into paragraphs by first-line
indent, vertical gaps, short last lines and centring. Small raised digits in the body are
footnote marks; the smaller text at the page foot is the footnote zone. The page number in the
top margin is dropped. The two-column header block and the "Nơi nhận"/signature block are
split into their columns by the gap between them. A paragraph running over a page break is
joined when the next page's first line is not indented.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from baocao.document._spans import merge_spans
from baocao.document.blocks import RawBlock, ReaderHints
from baocao.document.errors import DocumentError
from baocao.document.model import Document, Emphasis
from baocao.text.normalize import nfc

_TITLE = re.compile(r"^(BÁO CÁO|TỜ TRÌNH|KẾ HOẠCH|THÔNG BÁO|CHƯƠNG TRÌNH|ĐỀ ÁN)\b")
_RECIPIENTS = re.compile(r"^\W*N[ơo]i\s+nh[ậa]n", re.I)
_RULE = re.compile(r"^[\s\-_–—=*.…]*$")


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
    segments: list[tuple[float, float, str, bool]] = field(
        default_factory=list
    )  # x0, x1, text, bold
    bold: bool = False


def read_pdf(path: str | Path) -> Document:
    """Read a PDF report into the model."""
    blocks, hints = read_pdf_blocks(path)
    from baocao.document.structure import build_document

    return build_document(blocks, hints)


def read_pdf_blocks(path: str | Path) -> tuple[list[RawBlock], ReaderHints]:
    """Blocks (paragraphs, footnote texts) and the header/closing facts of a PDF."""
    pages = _pages(Path(path))
    body_size = _body_size(pages)
    hints = ReaderHints(repair_page_breaks=False)
    body_lines: list[Line] = []
    notes: list[Line] = []
    for lines in pages:
        main, foot = _split_footnote_zone(lines, body_size)
        body_lines += [ln for ln in main if not _page_number(ln)]
        notes += foot
    body_lines = _header(body_lines, hints)
    body_lines = _closing(body_lines, hints)
    blocks = _paragraphs(body_lines, body_size)
    blocks += _footnote_blocks(notes)
    return blocks, hints


def _pages(path: Path) -> list[list[Line]]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(path)
    except PDFSyntaxError:
        raise DocumentError(path, "tệp .pdf bị hỏng hoặc không phải PDF", "corrupt PDF") from None
    except Exception as exc:  # pdfminer signals encryption with several exception types
        if "password" in repr(exc).lower() or "encrypt" in repr(exc).lower():
            raise DocumentError(
                path, "tệp PDF được bảo vệ bằng mật khẩu", "the PDF is password-protected"
            ) from None
        raise DocumentError(path, f"không đọc được PDF: {exc}", f"unreadable PDF: {exc}") from None
    with pdf:
        pages = [_lines(page.chars, i + 1) for i, page in enumerate(pdf.pages)]
    if not any(pages):
        raise DocumentError(
            path,
            "tệp PDF không có lớp chữ (bản quét); cần OCR trước khi nhập",
            "the PDF has no text layer (a scan); run OCR first",
        )
    return pages


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


def _line(chars: list[dict], page: int) -> Line:
    size = statistics.mode(round(c["size"], 1) for c in chars)
    out: list[str] = []
    spans: list[Emphasis] = []
    notes: list[tuple[int, str]] = []
    segments: list[tuple[float, float, str, bool]] = []
    seg_start, prev = chars[0]["x0"], None
    seg_text: list[str] = []
    seg_bold = True
    for c in chars:
        if prev is not None and c["x0"] - prev["x1"] > 10:
            # A gap wider than any space: the two cells of a header or signature table.
            segments.append((seg_start, prev["x1"], "".join(seg_text).strip(), seg_bold))
            seg_start, seg_text, seg_bold = c["x0"], [], True
            if out and not out[-1].endswith(" "):
                out.append(" ")
        elif _word_gap(prev, c, size) and out and not out[-1].endswith(" "):
            out.append(" ")
            seg_text.append(" ")
        if c["size"] < 0.75 * size and c["text"].isdigit():
            if notes and notes[-1][0] == len("".join(out)):
                notes[-1] = (notes[-1][0], notes[-1][1] + c["text"])
            else:
                notes.append((len("".join(out)), c["text"]))
            prev = c
            continue
        pos = len("".join(out))
        font = c.get("fontname", "")
        if "Bold" in font:
            spans.append(Emphasis(pos, pos + len(c["text"]), "bold"))
        else:
            seg_bold = False
        if "Italic" in font or "Oblique" in font:
            spans.append(Emphasis(pos, pos + len(c["text"]), "italic"))
        out.append(c["text"])
        seg_text.append(c["text"])
        prev = c
    segments.append(
        (seg_start, prev["x1"] if prev else seg_start, "".join(seg_text).strip(), seg_bold)
    )
    text = "".join(out)
    stripped = text.strip()
    line = Line(
        page,
        min(c["top"] for c in chars),
        max(c["bottom"] for c in chars),
        chars[0]["x0"],
        chars[-1]["x1"],
        size,
        text,
        merge_spans(spans),
        notes,
        segments,
    )
    line.bold = bool(stripped) and all(s[3] for s in segments)
    return _nfc_line(line)


def _word_gap(prev: dict | None, c: dict, size: float) -> bool:
    """pdfplumber gives no space characters for LibreOffice PDFs: a gap is a space."""
    return prev is not None and c["x0"] - prev["x1"] > 0.2 * size and c["text"] != " "


def _nfc_line(line: Line) -> Line:
    """pdfplumber may give decomposed marks; recompose when it does not move offsets."""
    composed = nfc(line.text)
    if len(composed) == len(line.text):
        line.text = composed
    return line


def _body_size(pages: list[list[Line]]) -> float:
    sizes = [ln.size for lines in pages for ln in lines for _ in range(len(ln.text))]
    return statistics.mode(sizes) if sizes else 14.0


def _page_number(line: Line) -> bool:
    return line.top < 60 and line.text.strip().isdigit()


def _split_footnote_zone(lines: list[Line], body: float) -> tuple[list[Line], list[Line]]:
    """Lines of the page's footnote zone (smaller text below the body) split off."""
    cut = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].size <= body - 1.5 and lines[i].top > 300:
            cut = i
        else:
            break
    zone = lines[cut:]
    if zone and not re.match(r"^\d", zone[0].text.strip()) and not zone[0].notes:
        return lines, []
    return lines[:cut], zone


def _footnote_blocks(lines: list[Line]) -> list[RawBlock]:
    blocks: list[RawBlock] = []
    for ln in lines:
        text = ln.text.strip()
        if ln.notes and ln.notes[0][0] <= len(ln.text) - len(ln.text.lstrip()):
            blocks.append(RawBlock(text, footnote_id=ln.notes[0][1], page=ln.page))
        elif blocks:
            blocks[-1].text += " " + text
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


def _merge_wrapped(
    segments: list[tuple[float, float, str, bool]], width: float
) -> list[tuple[float, float, str, bool]]:
    """Lines of one cell joined where the next line's first word could not have fitted."""
    out: list[tuple[float, float, str, bool]] = []
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
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    return (left + right) / 2


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
    blocks: list[RawBlock] = []
    prev: Line | None = None
    for ln in lines:
        if _RULE.match(ln.text):
            prev = None
            continue
        centered = _centered(ln, left, right) or (
            bool(blocks and blocks[-1].centered) and _symmetric_wide(ln, left, right)
        )
        new = _starts_paragraph(prev, ln, centered, blocks, (left, right), body)
        if new and not (prev and _continues_on_next_page(prev, ln, left, right)):
            blocks.append(_block(ln, centered))
        else:
            # A centred line that fills the width was wrapped by the layout, not by the writer.
            wrapped = prev is not None and _would_not_fit(prev, ln, right - left)
            _append(blocks[-1], ln, "\n" if centered and not wrapped else " ")
        prev = ln
    return blocks


def _starts_paragraph(
    prev: Line | None,
    ln: Line,
    centered: bool,
    blocks: list[RawBlock],
    margins: tuple[float, float],
    body: float,
) -> bool:
    left, right = margins
    if prev is None or centered != bool(blocks and blocks[-1].centered):
        return True
    if prev.page == ln.page and ln.top - prev.bottom > 0.9 * body:
        return True
    if _TITLE.match(prev.text.strip()) and not _would_not_fit(prev, ln, right - left):
        return True  # the summary line below the title is its own block
    if centered:
        return False  # the next line of a centred block (summary line, heading)
    return ln.x0 > left + 8 or prev.x1 < right - 40


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


def _continues_on_next_page(prev: Line, ln: Line, left: float, right: float) -> bool:
    return ln.page != prev.page and ln.x0 <= left + 8 and prev.x1 >= right - 40


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
