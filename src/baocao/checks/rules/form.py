"""Form rules of FORMAT.md §2.3: number and symbol, place and date, signature prefixes, first
use of abbreviations.

Each applies only where the document carries the part it governs (a header block, a signature).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from baocao.checks.findings import Finding
from baocao.checks.registry import Context, rule
from baocao.document.style import TYPE_CODES, infer_style
from baocao.text.dates import format_place_date
from baocao.text.wordlist import syllables

_PARTY_NUMBER = re.compile(r"^Số \d{2,}-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-ZĐa-zđ-]*$")
_STATE_NUMBER = re.compile(r"^Số: \d{2,}(/\d{4})?/[A-ZĐ][A-Za-zĐđ]*-[A-ZĐ][A-ZĐa-zđ-]*$")
_PARTY_PREFIX = re.compile(r"^(T/M|K/T|T/L|Q\.)\s")
_STATE_PREFIX = re.compile(r"^(TM\.|KT\.|TL\.|TUQ\.|Q\.)\s")
_COLLECTIVE = re.compile(r"BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ĐẢNG ỦY|CẤP ỦY|HUYỆN ỦY|TỈNH ỦY")
# The first capital before the look behind it: the engine skips straight to capitals.
_ABBR = re.compile(r"([A-ZĐ](?<![\w/&-][A-ZĐ])[A-ZĐ&]{1,6}(?:-[A-ZĐ&]{1,6})*)(?![\w/&-])")
# Abbreviations every reader knows; NĐ 30 does not ask to spell these out.
_ROMAN = re.compile(r"^[IVXLC]+$")
_KNOWN_ABBR = frozenset(
    [
        "UBND",
        "HĐND",
        "TW",
        "TU",
        "HU",
        "ĐU",
        "BCH",
        "BTV",
        "VT",
        "KH",
        "NQ",
        "CT",
        "QĐ",
        "HD",
        "TB",
        "BC",
        "CV",
        "KL",
        "TTr",
        "CTr",
        "ĐA",
        "TT",
        "BHYT",
        "THCS",
        "THPT",
        "XHCN",
        "CNXH",
        "COVID",
        "UBTVQH",
        "QH",
    ]
)


def _line(ctx: Context, kind: str, predicate) -> tuple[int, str] | None:
    for line in ctx.lines:
        if line.kind == kind and predicate(line.text):
            return line.start, line.text
    return None


@rule(
    "form.number",
    severity="error",
    area="form",
    summary_en="Number and symbol not in the official form",
    summary="Số, ký hiệu sai thể thức",
)
def number_format(ctx: Context) -> Iterator[Finding]:
    issuer = ctx.doc.issuer
    if not issuer or not issuer.number or not re.search(r"\d", issuer.number):
        return
    found = _line(ctx, "issuer", lambda t: t == issuer.number)
    if not found:
        return
    start, text = found
    style = infer_style(ctx.doc)
    pattern = _PARTY_NUMBER if style == "party" else _STATE_NUMBER
    if not pattern.match(text):
        example = "Số 45-BC/HU" if style == "party" else "Số: 45/BC-UBND"
        yield ctx.finding(
            "form.number",
            start,
            start + len(text),
            f"Số, ký hiệu không đúng thể thức văn bản {_style_vi(style)} (ví dụ: {example})",
            f"number and symbol do not follow the {style} format (e.g. {example})",
        )
        return
    code = TYPE_CODES.get(" ".join(ctx.doc.title.split()[:2]).upper())
    given = _type_code(text, style)
    if code and given and given != code:
        at = start + text.index(given)
        yield ctx.finding(
            "form.number",
            at,
            at + len(given),
            f"Ký hiệu loại văn bản là {given} nhưng văn bản là {ctx.doc.title}: phải là {code}",
            f"type code {given} does not match {ctx.doc.title}: expected {code}",
            suggestion=code,
        )


_TYPED_DATE = re.compile(r"ngày\s*(\d{1,2})\s+tháng\s*(\d{1,2})\s+năm")


@rule(
    "form.date-line",
    severity="error",
    area="form",
    summary_en="Place and date not in the official form",
    summary="Địa danh, ngày tháng sai thể thức",
)
def date_line(ctx: Context) -> Iterator[Finding]:
    """ "Vụ Bản, ngày 28 tháng 02 năm 2023": a leading 0 for days below 10 and months 1-2 only.

    Judged on the line as typed (the model keeps it; the canonical text holds the formatted
    one, which is also what every writer of baocao prints). Extra spaces are only information:
    offices leave room in the line to write the day by hand when the document is signed.
    """
    issuer = ctx.doc.issuer
    if not issuer or not issuer.date_line or not issuer.date:
        return
    expected = format_place_date(issuer.place, issuer.date)
    found = _line(ctx, "issuer", lambda t: t == expected)
    typed = issuer.date_line
    if not found or typed == expected:
        return
    start, text = found
    m, want = _TYPED_DATE.search(typed), _TYPED_DATE.search(expected)
    if m and want and m.groups() != want.groups():
        # A missing 0 breaks the rule as written; an extra one ("tháng 05") is common usage.
        missing = any(len(a) < len(b) for a, b in zip(m.groups(), want.groups(), strict=True))
        shown = f"ngày {want.group(1)} tháng {want.group(2)}"
        written = f"ngày {m.group(1)} tháng {m.group(2)}"
        yield ctx.finding(
            "form.date-line",
            start,
            start + len(text),
            f"Viết \u201c{shown}\u201d, không phải \u201c{written}\u201d: chỉ ngày dưới 10 và "
            "tháng 1, 2 có số 0 đứng trước",
            f"write \u201c{shown}\u201d, not \u201c{written}\u201d: only days below 10 and "
            "months 1-2 take a leading 0",
            suggestion=expected,
            severity="error" if missing else "warning",
        )
    elif " ".join(typed.replace(",", ", ").split()) == expected:
        yield ctx.finding(
            "form.date-line",
            start,
            start + len(text),
            f"Dòng địa danh, ngày tháng có khoảng trắng thừa hoặc thiếu: \u201c{typed}\u201d",
            f"uneven spacing in the place-and-date line: \u201c{typed}\u201d",
            suggestion=expected,
            severity="info",
        )


def _type_code(number: str, style: str) -> str | None:
    m = re.search(r"-([^/]+)/" if style == "party" else r"/([^/-]+)-", number)
    return m.group(1) if m else None


def _style_vi(style: str) -> str:
    return "của Đảng" if style == "party" else "hành chính nhà nước"


@rule(
    "form.sign-prefix",
    severity="error",
    area="form",
    summary_en="Signing authority prefix of the other style",
    summary="Quyền hạn ký sai kiểu",
)
def sign_prefix(ctx: Context) -> Iterator[Finding]:
    sig = ctx.doc.signature
    if not sig or not sig.authority:
        return
    found = _line(ctx, "signature", lambda t: t == sig.authority)
    if not found:
        return
    start, text = found
    style = infer_style(ctx.doc)
    wrong = _STATE_PREFIX if style == "party" else _PARTY_PREFIX
    m = wrong.match(text + " ")
    if m and m.group(1) != "Q.":
        right = {
            "TM.": "T/M",
            "KT.": "K/T",
            "TL.": "T/L",
            "TUQ.": "T/L",
            "T/M": "TM.",
            "K/T": "KT.",
            "T/L": "TL.",
        }[m.group(1)]
        yield ctx.finding(
            "form.sign-prefix",
            start,
            start + len(m.group(1)),
            f"Văn bản {_style_vi(style)} ghi quyền hạn ký là {right}, không phải {m.group(1)}",
            f"a {style} document writes {right}, not {m.group(1)}",
            suggestion=right,
        )
    elif style == "party" and text.startswith("K/T") and _COLLECTIVE.search(text):
        yield ctx.finding(
            "form.sign-prefix",
            start,
            start + 3,
            "Tập thể cấp ủy ký thay mặt (T/M), không ký thay (K/T)",
            "a Party collective body signs T/M (on behalf of), not K/T",
            suggestion="T/M",
            severity="warning",
        )


@rule(
    "form.abbr-first-use",
    severity="warning",
    area="form",
    summary_en="An abbreviation used before it is spelled out",
    summary="Chữ viết tắt chưa được viết đầy đủ ở lần dùng đầu",
)
def abbreviation_first_use(ctx: Context) -> Iterator[Finding]:
    # NĐ 30 asks State documents to spell an abbreviation out first; Party internal reports
    # customarily do not, so there it is only information.
    severity = "info" if infer_style(ctx.doc) == "party" else "warning"
    declared = set(re.findall(r"\(([A-ZĐ][A-ZĐ&-]{1,12})\)", ctx.text))
    seen: set[str] = set()
    for line in ctx.lines:
        if line.kind not in ("paragraph", "heading", "footnote"):
            continue
        for m in _ABBR.finditer(line.text):
            abbr = m.group(1)
            if abbr in seen or abbr in _KNOWN_ABBR or abbr in declared or _ROMAN.match(abbr):
                continue
            if abbr.lower() in syllables():
                continue  # a word of a heading in capitals ("KINH TẾ"), not an abbreviation
            seen.add(abbr)
            start = line.start + m.start(1)
            yield ctx.finding(
                "form.abbr-first-use",
                start,
                start + len(abbr),
                f"Chữ viết tắt {abbr} dùng lần đầu mà chưa viết đầy đủ kèm ({abbr})",
                f"abbreviation {abbr} used before it is spelled out with ({abbr})",
                severity=severity,  # type: ignore[arg-type]
            )
