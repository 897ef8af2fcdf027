"""Consistency rules: the period, dates, names spelled two ways, document references."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from baocao.checks.findings import Finding
from baocao.checks.registry import Context, rule
from baocao.document.model import Period, Section
from baocao.text.normalize import LOWER, UPPER, fold, unify_tones

# The first digit before the look behind it: the engine skips straight to digits.
_DATE = re.compile(r"(\d(?<![\d/,.]\d)\d?)/(\d{1,2})/(\d{4})(?![\d/])")
_CUTOFF = re.compile(r"(?:đến|tính đến|tới)\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})", re.I)
_MONTH = re.compile(r"\btháng\s+(\d{1,2})(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?", re.I)
_FOCUS = re.compile(r"nhiệm vụ trọng tâm[^.;]{0,40}?tháng\s+(\d{1,2})", re.I)


@rule(
    "date.invalid",
    severity="error",
    area="consistency",
    summary_en="A date that does not exist",
    summary="Ngày không tồn tại",
)
def invalid_dates(ctx: Context) -> Iterator[Finding]:
    for m in _DATE.finditer(ctx.text):
        d, mo, y = (int(x) for x in m.groups())
        try:
            dt.date(y, mo, d)
        except ValueError:
            yield ctx.finding(
                "date.invalid",
                m.start(),
                m.end(),
                f"Ngày {m.group(0)} không tồn tại",
                f"date {m.group(0)} does not exist",
            )


@rule(
    "date.after-report",
    severity="warning",
    area="consistency",
    summary_en="A data cut-off date after the report's date",
    summary="Ngày chốt số liệu sau ngày ban hành báo cáo",
)
def cutoff_after_report(ctx: Context) -> Iterator[Finding]:
    issued = ctx.doc.issuer.date if ctx.doc.issuer else ""
    if not issued:
        return
    report_date = dt.date.fromisoformat(issued)
    for m in _CUTOFF.finditer(ctx.text):
        try:
            cutoff = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        if cutoff > report_date:
            yield ctx.finding(
                "date.after-report",
                m.start(1),
                m.end(3),
                f"Số liệu chốt đến {m.group(1)}/{m.group(2)}/{m.group(3)}, sau ngày ban hành "
                f"báo cáo ({report_date:%d/%m/%Y})",
                f"cut-off date is after the report date ({report_date:%d/%m/%Y})",
            )


def _months_in(text: str) -> list[tuple[int, int, int]]:
    """(month, start, end) of every "tháng N" in `text` (N a real month)."""
    return [
        (int(m.group(1)), m.start(1), m.end(1))
        for m in _MONTH.finditer(text)
        if 1 <= int(m.group(1)) <= 12
    ]


def _next_month(p: Period) -> int:
    return 1 if p.month == 12 else (p.month or 0) + 1


def _part_heading(ctx: Context, section: Section) -> int | None:
    for line in ctx.lines:
        if line.kind == "heading" and line.section is section:
            return line.start
    return None


@rule(
    "period.mismatch",
    severity="warning",
    area="consistency",
    summary_en="A heading or the closing names another month than the period",
    summary="Tháng nêu trong đề mục hoặc câu kết khác kỳ báo cáo",
)
def period_mismatch(ctx: Context) -> Iterator[Finding]:
    period = ctx.doc.period
    if not period or period.type != "month" or not period.month:
        return
    for section in ctx.doc.sections:
        key = fold(section.heading)
        expected = period.month
        if "nhiem vu trong tam" in key or "phuong huong" in key:
            expected = _next_month(period)
        elif "ket qua" not in key:
            continue
        start = _part_heading(ctx, section)
        if start is None:
            continue
        for month, a, b in _months_in(section.heading_line):
            if month != expected:
                yield _month_finding(ctx, start + a, start + b, month, expected)
    yield from _closing_month(ctx, period)


def _closing_month(ctx: Context, period: Period) -> Iterator[Finding]:
    """The closing sentence about next period's focus tasks must name the next month."""
    for line in ctx.lines:
        if line.kind != "paragraph" or line.paragraph not in ctx.doc.closing:
            continue
        for m in _FOCUS.finditer(line.text):
            month = int(m.group(1))
            if month != _next_month(period):
                yield _month_finding(
                    ctx,
                    line.start + m.start(1),
                    line.start + m.end(1),
                    month,
                    _next_month(period),
                )


def _month_finding(ctx: Context, start: int, end: int, month: int, expected: int) -> Finding:
    return ctx.finding(
        "period.mismatch",
        start,
        end,
        f"Ghi tháng {month} nhưng theo kỳ báo cáo phải là tháng {expected}",
        f"says month {month} but the report period implies month {expected}",
        suggestion=f"{expected:02d}" if ctx.text[start:end].startswith("0") else str(expected),
    )


# Two or more capitalised words. The first capital is matched before the look behind it, so
# the regex engine skips straight to capitals instead of trying the pattern at every character.
_NAME = re.compile(rf"([{UPPER}](?<![\w][{UPPER}])\w*(?:\s+[{UPPER}]\w*)+)")
# The lookahead on first letters keeps a case-blind alternation from being tried everywhere.
_SINGLE_NAME = re.compile(
    rf"(?=[xXcCtTđĐ])(?i:xã|chợ|thôn|đền)\s+([{UPPER}]\w*)(?=\s+[{LOWER}]|[,.;])"
)
_PLACE_WORDS = (
    *("xã", "phường", "thị trấn", "thôn", "xóm", "chợ", "huyện", "tỉnh", "đền", "chùa"),
    *("núi", "sông"),
)


@rule(
    "name.variant",
    severity="warning",
    area="consistency",
    summary_en="The same proper name spelled two ways",
    summary="Cùng một tên riêng viết hai cách",
)
def name_variants(ctx: Context) -> Iterator[Finding]:
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for line in ctx.lines:
        if line.kind not in ("paragraph", "heading", "footnote"):
            continue
        for place in _names_in(line.text):
            name, a, b = place
            key = fold(name)
            spellings[key][unify_tones(name)] += 1
            where[unify_tones(name)].append((line.start + a, line.start + b))
    for forms in spellings.values():
        if len(forms) < 2:
            continue
        (major, _), *minors = forms.most_common()
        for minor, _count in minors:
            for a, b in where[minor]:
                yield ctx.finding(
                    "name.variant",
                    a,
                    b,
                    f"Tên riêng \u201c{minor}\u201d viết khác với \u201c{major}\u201d ở chỗ khác",
                    f"the name \u201c{minor}\u201d is spelled \u201c{major}\u201d elsewhere",
                    suggestion=major,
                )


def _names_in(text: str) -> Iterator[tuple[str, int, int]]:
    """Capitalised names after a place word ("chợ Viềng", "xã Tam Thanh")."""
    for m in _NAME.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        # a place word, then spaces: "chợ Viềng", "xã  Tam Thanh"
        if before[-1:].isspace() and before.rstrip().lower().endswith(_PLACE_WORDS):
            yield m.group(1), m.start(1), m.end(1)
    for m in _SINGLE_NAME.finditer(text):
        yield m.group(1), m.start(1), m.end(1)


@rule(
    "ref.date-order",
    severity="warning",
    area="consistency",
    summary_en="A cited document dated after the report, or before the one it implements",
    summary="Văn bản được dẫn có ngày sau ngày báo cáo, hoặc trước văn bản nó thực hiện",
)
def reference_dates(ctx: Context) -> Iterator[Finding]:
    issued = ctx.doc.issuer.date if ctx.doc.issuer else ""
    refs = [r for r in ctx.doc.references if r.date]
    for r in refs:
        if issued and r.date > issued:
            yield ctx.finding(
                "ref.date-order",
                r.start,
                r.end,
                f"{r.type} được dẫn mang ngày {_vi_date(r.date)}, sau ngày ban hành báo cáo "
                f"({_vi_date(issued)})",
                f"the cited document is dated after the report ({r.date} > {issued})",
            )
    for a, b in itertools.pairwise(refs):
        between = ctx.text[a.end : b.start]
        if len(between) < 60 and _IMPLEMENTS.search(between) and a.date < b.date:
            yield ctx.finding(
                "ref.date-order",
                a.start,
                a.end,
                f"{a.type} ngày {_vi_date(a.date)} thực hiện một văn bản ban hành sau nó "
                f"({_vi_date(b.date)})",
                f"dated {a.date}, it implements a document of {b.date}",
            )


_IMPLEMENTS = re.compile(r"(thực hiện|triển khai|hướng dẫn thi hành|cụ thể hóa)", re.I)


def _vi_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


_PARTY_CODE = re.compile(r"^\d+-[A-ZĐ][A-Za-zĐđ]*/[A-ZĐ][A-ZĐa-zđ&]*(?:-[A-ZĐ][A-ZĐa-zđ&]*)*$")
_STATE_CODE = re.compile(r"^\d+(?:/\d{4})?/[A-ZĐ][A-Za-zĐđ&]*(?:-[A-ZĐ][A-ZĐa-zđ&]*)*$")


@rule(
    "ref.code",
    severity="warning",
    area="consistency",
    summary_en="A malformed number and symbol of a cited document",
    summary="Số, ký hiệu của văn bản được dẫn viết sai dạng",
)
def reference_codes(ctx: Context) -> Iterator[Finding]:
    for r in ctx.doc.references:
        if not r.code or _PARTY_CODE.match(r.code) or _STATE_CODE.match(r.code):
            continue
        at = r.start + r.text.index(r.code)
        yield ctx.finding(
            "ref.code",
            at,
            at + len(r.code),
            f"Ký hiệu \u201c{r.code}\u201d không đúng dạng (Đảng: 31-KH/HU; Nhà nước: "
            "04/2023/TT-BTC, 45/BC-UBND)",
            f"the symbol \u201c{r.code}\u201d is malformed",
        )
