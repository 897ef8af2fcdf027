"""Arithmetic rules: totals against their breakdowns, ratios against their percentages.

Only what the text asserts is checked: a breakdown needs a word that announces it ("gồm",
"bao gồm", "trong đó") or a parenthesised list in the total's own unit, or an "đã …; chưa …"
split of a "tổng số". Every comparison allows for the rounding the writer may have done at the
precision written (half of the last digit of each number).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from baocao.checks.findings import Finding
from baocao.checks.quantities import Quantity, quantities, sentences
from baocao.checks.registry import Context, rule
from baocao.text.normalize import fold

# The lookaheads on first letters let the regex engine skip to them (a case-blind pattern that
# starts with a look behind is otherwise tried at every character).
_MARKER = re.compile(r"(?=[bgtc])(?<!\w)(bao gồm|gồm có|gồm|trong đó|cụ thể)(?!\w)\s*:?", re.I)
_TOTAL_WORD = re.compile(r"(?=t)(?<!\w)tổng(?!\w)", re.I)
_DONE = re.compile(r"(?<!\w)(đã)(?!\w)[^;,()]{0,25}$", re.I)
_NOT_DONE = re.compile(r"(?<!\w)(chưa|còn)(?!\w)[^;,()]{0,25}$", re.I)


@dataclass(frozen=True)
class Span:
    """Where a piece of text sits in the canonical text."""

    offset: int  # canonical offset of the text the quantities were read from
    text: str


@rule(
    "arith.breakdown",
    severity="error",
    area="arithmetic",
    summary_en="A total does not match its parts",
    summary="Tổng không khớp với các thành phần",
)
def breakdowns(ctx: Context) -> Iterator[Finding]:
    for span in _texts(ctx):
        qs = quantities(span.text)
        yield from _marked_breakdowns(ctx, span, qs)
        yield from _parenthesised(ctx, span, qs)
        yield from _done_not_done(ctx, span, qs)
    yield from _footnote_breakdowns(ctx)
    yield from _list_breakdowns(ctx)


@rule(
    "arith.ratio-percent",
    severity="error",
    area="arithmetic",
    summary_en="A percentage does not follow from its figures a/b",
    summary="Tỷ lệ phần trăm không khớp với số liệu a/b",
)
def ratio_percent(ctx: Context) -> Iterator[Finding]:
    for span in _texts(ctx):
        qs = quantities(span.text)
        for ratio, pct in itertools.pairwise(qs):
            if ratio.total is None or not pct.percent or pct.depth != ratio.depth:
                continue
            if pct.start - ratio.end > 40 or not ratio.total:
                continue
            yield from _judge_percent(ctx, span, ratio, pct)


@rule(
    "arith.target",
    severity="error",
    area="arithmetic",
    summary_en="A percentage of plan does not match the target (stated in the text, or --targets)",
    summary="Phần trăm kế hoạch không khớp với chỉ tiêu (nêu trong văn bản, hoặc --targets)",
)
def target_percent(ctx: Context) -> Iterator[Finding]:
    """ "Trồng cây nhân dân đã trồng 88.000 cây, đạt 80% KH" against the year's target, stated
    earlier in the paragraph ("Kế hoạch năm 2023 trồng 110.000 cây") or given by the run."""
    for span in _texts(ctx):
        for ratio, pct, target in _stated_targets(span, quantities(span.text)):
            written = span.text[target.start : target.end]
            yield from _of_target(ctx, _judge_percent(ctx, span, ratio, pct), written, written)
    targets: dict[str, float] = ctx.options.get("targets") or {}
    if not targets:
        return
    keys = {fold(name): value for name, value in targets.items() if value}
    for span in _texts(ctx):
        folded = fold(span.text)  # same length: marks are dropped, letters kept one for one
        for key, target in keys.items():
            for m in re.finditer(re.escape(key), folded):
                sentence_end = span.text.find(". ", m.end())
                end = len(span.text) if sentence_end < 0 else sentence_end
                qs = [q for q in quantities(span.text[m.end() : end]) if q.depth == 0]
                value = next((q for q in qs if not q.percent and q.total is None), None)
                pct = next((q for q in qs if q.percent and value and q.start > value.start), None)
                if value is None or pct is None:
                    continue
                shift = m.end()
                ratio = Quantity(
                    value.value,
                    value.decimals,
                    value.unit,
                    value.start + shift,
                    value.end + shift,
                    0,
                    target,
                    6,
                )
                pct = Quantity(
                    pct.value,
                    pct.decimals,
                    "%",
                    pct.start + shift,
                    pct.end + shift,
                    0,
                    percent=True,
                )
                found = _judge_percent(ctx, span, ratio, pct)
                yield from _of_target(ctx, found, _fmt(target, 0), f"{target:g}")


def _of_target(
    ctx: Context, found: Iterator[Finding], target_vi: str, target_en: str
) -> Iterator[Finding]:
    """Findings of the percentage judge, told as a percentage of a target."""
    for f in found:
        yield ctx.finding(
            "arith.target",
            f.start,
            f.end,
            f.message + f" (chỉ tiêu {target_vi})",
            f.message_en + f" (target {target_en})",
            f.suggestion,
            severity=f.severity,
        )


# "Kế hoạch năm 2023 trồng 110.000 cây", "Chỉ tiêu thu ngân sách năm 2023 là 715,9 tỷ đồng"
_PLAN_WORD = re.compile(r"(?:(?i:kế hoạch|chỉ tiêu|dự toán|mục tiêu)|KH)(?!\w)")
_OF_PLAN = re.compile(r"\s*" + _PLAN_WORD.pattern)  # "đạt 80% KH", "bằng 2,3% dự toán"
_REACHED_WORD = re.compile(r"(?<!\w)(?:đạt|bằng)(?!\w)", re.I)
_REACHED = re.compile(r"\s*,?\s*(?:đạt|bằng)\s*", re.I)


def _stated_targets(
    span: Span, qs: list[Quantity]
) -> Iterator[tuple[Quantity, Quantity, Quantity]]:
    """(value as a ratio of the target, its percentage, the target) for every "…, đạt x% kế
    hoạch" whose target the same paragraph states before it: the nearest earlier figure of the
    same kind of unit, introduced by a plan word with no other figure in between."""
    plain = [q for q in qs if not q.percent and q.total is None and not q.paired and q.unit]
    for pct in qs:
        if not pct.percent or not _OF_PLAN.match(span.text, pct.end):
            continue
        value = next((q for q in reversed(plain) if q.end <= pct.start), None)
        if value is None or not _REACHED.fullmatch(span.text, value.end, pct.start):
            continue
        same = [t for t in plain if t.end <= value.start and t.kind == value.kind]
        # the nearest figure of that kind before the value, and only if a plan word introduces
        # it: with another one in between ("HĐND giao 800 tỷ, tỉnh giao 715,9 tỷ; thu 16,7
        # tỷ") the percentage may be of either
        if not same or not _introduced_as_plan(span.text, same[-1], qs) or not value.base:
            continue
        target = same[-1]
        per = value.base / value.value if value.value else 1.0  # đồng per unit of the value
        shift = round(math.log10(target.base / target.value / per)) if target.value else 0
        ratio = Quantity(
            value.value,
            value.decimals,
            value.unit,
            value.start,
            value.end,
            value.depth,
            target.base / per,
            target.decimals - shift,
        )
        yield ratio, pct, target


def _introduced_as_plan(text: str, q: Quantity, qs: list[Quantity]) -> bool:
    """A plan word at most 40 characters before `q`, no other figure or "đạt" in between."""
    before = text[max(0, q.start - 40) : q.start]
    words = list(_PLAN_WORD.finditer(before))
    if not words:
        return False
    between_start = q.start - len(before) + words[-1].end()
    if any(between_start <= o.start < q.start for o in qs):
        return False
    return not _REACHED_WORD.search(text, between_start, q.start)


def _texts(ctx: Context) -> Iterator[Span]:
    for line in ctx.lines:
        if line.kind in ("paragraph", "footnote") and re.search(r"\d", line.text):
            yield Span(line.start, line.text)


def _marked_breakdowns(ctx: Context, span: Span, qs: list[Quantity]) -> Iterator[Finding]:
    sents = sentences(span.text)
    for m in _MARKER.finditer(span.text):
        word = m.group(1).lower()
        total = _total_for(span.text, sents, qs, m.start())
        if total is None:
            continue
        parts = _parts_after(span.text, qs, m.end(), total)
        if len(parts) < 2:
            continue
        yield from _judge_sum(ctx, span, total, parts, partial=word == "trong đó")


def _total_for(
    text: str, sents: list[tuple[int, str]], qs: list[Quantity], at: int
) -> Quantity | None:
    """The total a breakdown marker refers to."""
    start = next((p for p, s in reversed(sents) if p <= at), 0)
    before = [q for q in qs if start <= q.end <= at and not q.percent]
    if not text[start:at].strip(" *:("):
        # The marker opens its sentence: the total is in the sentence before, after "Tổng" if
        # it has one ("…là 103,7 tỷ đồng …; trong đó: … . Bao gồm: …"), else its last figure
        # ("Tổng số cán bộ: 57 người. Trong đó:").
        prev = next((p for p, s in reversed(sents) if p < start), None)
        if prev is None:
            return None
        words = list(_TOTAL_WORD.finditer(text, prev, start))
        m = words[-1] if words else None
        after = [q for q in qs if q.start >= (m.end() if m else prev) and q.end <= start]
        after = [q for q in after if not q.percent and q.depth == 0]
        if not after:
            return None
        return after[0] if m else after[-1]
    depth = _depth_at(text, at)
    same = [q for q in before if q.depth <= depth]
    return same[-1] if same else None


def _depth_at(text: str, at: int) -> int:
    return text[:at].count("(") - text[:at].count(")")


def _parts_after(text: str, qs: list[Quantity], at: int, total: Quantity) -> list[Quantity]:
    """Quantities listed after a marker, at the list's own depth, up to the sentence end."""
    rest = text[at:]
    depth = _depth_at(text, at)
    if rest.lstrip(" *").startswith("("):
        depth += 1
    end = _list_end(text, at, depth)
    parts = [q for q in qs if at <= q.start < end and q.depth == depth and not q.percent]
    return [q for q in parts if _compatible(total, q)]


def _list_end(text: str, at: int, depth: int) -> int:
    """Where a list that starts at `at` at `depth` ends: its closing parenthesis or the sentence."""
    d = _depth_at(text, at)
    for i in range(at, len(text)):
        c = text[i]
        if c == "(":
            d += 1
        elif c == ")":
            d -= 1
            if d < depth:
                return i
        elif c == "." and d == depth and (i + 1 == len(text) or text[i + 1] == " "):
            return i
    return len(text)


def _compatible(total: Quantity, part: Quantity) -> bool:
    if part.paired:  # "143 trẻ/04 lớp" counts classes only against a total of classes
        return total.kind == part.kind
    return total.kind is None or part.kind is None or total.kind == part.kind


def _parenthesised(ctx: Context, span: Span, qs: list[Quantity]) -> Iterator[Finding]:
    """ "950 ha … (cây lạc 650 ha, rau các loại 300 ha)": a list in the total's own unit."""
    for m in re.finditer(r"\(", span.text):
        depth = _depth_at(span.text, m.start()) + 1
        end = _list_end(span.text, m.end(), depth)
        inside = span.text[m.end() : end]
        if _MARKER.search(inside[:20]) or _MARKER.search(
            span.text[max(0, m.start() - 12) : m.start()]
        ):
            continue
        parts = [q for q in qs if m.end() <= q.start < end and q.depth == depth and not q.percent]
        owner = _owner(span.text, qs, m.start(), depth)
        if owner is not None and _labelled_counts(inside, parts):
            # "37 người (biên chế 32; hợp đồng: 5)": labelled counts right after their total
            yield from _judge_sum(ctx, span, owner, parts, partial=False, severity="warning")
            continue
        if len(parts) < 2 or parts[0].kind is None or any(q.kind != parts[0].kind for q in parts):
            continue
        sentence_start = max((p for p, _ in sentences(span.text) if p <= m.start()), default=0)
        before = [q for q in qs if sentence_start <= q.start and q.end <= m.start()]
        total = next(
            (q for q in reversed(before) if q.kind == parts[0].kind and q.depth < depth), None
        )
        if total is not None:
            yield from _judge_sum(ctx, span, total, parts, partial=False, severity="warning")


def _owner(text: str, qs: list[Quantity], paren: int, depth: int) -> Quantity | None:
    """The quantity standing just before "(" (only spaces or "*" between them)."""
    before = [q for q in qs if q.end <= paren and q.depth < depth and not q.percent]
    if before and not text[before[-1].end : paren].strip(" *"):
        return before[-1]
    return None


def _labelled_counts(inside: str, parts: list[Quantity]) -> bool:
    """Two or more "label: N" items separated by ";" or ",", and nothing else with a number."""
    # a comma between digits is a decimal mark ("biên chế 3,2"), not a separator
    items = [i.strip(" *") for i in re.split(r";|(?<!\d),|,(?!\d)", inside) if i.strip(" *")]
    labelled = [i for i in items if re.fullmatch(r"[^\W\d_][^\d:]*:?\s*\d+(?:[.,]\d+)?", i)]
    return len(parts) >= 2 and len(labelled) == len(items) == len(parts)


def _done_not_done(ctx: Context, span: Span, qs: list[Quantity]) -> Iterator[Finding]:
    """ "Tổng số 35 đ/c, đã xử lý 34 …; chưa xử lý 01": done + not done = total."""
    for start, sentence in sentences(span.text):
        if not _TOTAL_WORD.search(sentence):
            continue
        low = sentence.lower()
        if "đã" not in low or ("chưa" not in low and "còn" not in low):
            continue  # both halves are needed; most sentences with a total have neither
        local = [q for q in qs if start <= q.start < start + len(sentence) and not q.percent]
        total_at = _TOTAL_WORD.search(sentence).end() + start
        total = next((q for q in local if q.start >= total_at), None)
        if total is None:
            continue
        done = [
            q
            for q in local
            if q.depth == total.depth
            and _DONE.search(span.text[max(start, q.start - 30) : q.start])
        ]
        left = [
            q
            for q in local
            if q.depth == total.depth
            and _NOT_DONE.search(span.text[max(start, q.start - 30) : q.start])
        ]
        if len(done) == 1 and len(left) == 1 and done[0].start > total.start:
            yield from _judge_sum(ctx, span, total, [done[0], left[0]], partial=False)


def _footnote_breakdowns(ctx: Context) -> Iterator[Finding]:
    """A footnote "Bao gồm: 41 hồ sơ …; 10 hồ sơ …" adds up to the figure its mark follows."""
    notes = {f.id: f.text for f in ctx.doc.footnotes}
    note_lines = {ln.text: ln.start for ln in ctx.lines if ln.kind == "footnote"}
    for line in ctx.lines:
        p = line.paragraph
        if p is None or not p.footnotes:
            continue
        for fid, anchor in zip(p.footnotes, p.anchors, strict=True):
            text = notes.get(fid, "")
            m = re.match(r"\s*(bao gồm|gồm|trong đó)\s*:?", text, re.I)
            if not m or text not in note_lines:
                continue
            parts = [q for q in quantities(text) if q.depth == 0 and not q.percent]
            body = quantities(p.text[:anchor])
            total = next(
                (q for q in reversed(body) if q.kind and parts and q.kind == parts[0].kind), None
            )
            parts = [q for q in parts if total and _compatible(total, q)]
            if total is None or len(parts) < 2:
                continue
            yield from _judge_sum(
                ctx,
                Span(line.text_start, p.text),
                total,
                [],
                partial=m.group(1).lower() == "trong đó",
                extra=(sum(q.base for q in parts), sum(q.half_unit() for q in parts)),
            )


_TRAILING_MARKER = re.compile(r"(bao gồm|gồm có|gồm|trong đó|cụ thể)\s*:?\s*$", re.I)
_ITEM = re.compile(r"^[.+•]\s")


def _list_breakdowns(ctx: Context) -> Iterator[Finding]:
    """ "Tổng số …: 57 người. Trong đó:" and the bullet items below it, one part each."""
    starts = {id(ln.paragraph): ln.text_start for ln in ctx.lines if ln.paragraph is not None}
    containers = [ctx.doc.preamble, *(s.paragraphs for s in ctx.doc.iter_sections())]
    for paragraphs in containers:
        for i, p in enumerate(paragraphs):
            # only the paragraph's end can hold it: searching from there spares the scan
            m = _TRAILING_MARKER.search(p.text, max(0, len(p.text) - 40))
            if not m:
                continue
            qs = quantities(p.text)
            sents = sentences(p.text)
            total = _total_for(p.text, sents, qs, m.start())
            items = []
            for item in paragraphs[i + 1 :]:
                # Under a "- " total the parts are the next level down (". ", "+ "); the next
                # "- " is a sibling of the total and ends the list.
                sub = bool(_ITEM.match(item.text))
                if not (sub or (item.bullet and not p.bullet)):
                    break
                items.append(item)
            if total is None:
                continue
            span = Span(starts.get(id(p), 0), p.text)
            partial = m.group(1).lower() == "trong đó"
            # "255 trẻ/08 lớp. Trong đó:": each item then gives children and classes
            pair = next((q for q in qs if q.paired and 0 <= q.start - total.end <= 3), None)
            for whole in filter(None, (total, pair)):
                parts = [_first_like(item.text, whole) for item in items]
                if len(parts) < 2 or any(q is None for q in parts):
                    continue
                yield from _judge_sum(ctx, span, whole, parts, partial=partial)  # type: ignore[arg-type]


def _first_like(text: str, total: Quantity) -> Quantity | None:
    """The item's first quantity of the total's kind (at the item's own level)."""
    for q in quantities(text):
        if q.depth == 0 and not q.percent and (q.kind == total.kind or total.kind is None):
            return q
    return None


def _judge_sum(
    ctx: Context,
    span: Span,
    total: Quantity,
    parts: list[Quantity],
    *,
    partial: bool,
    severity: str | None = None,
    extra: tuple[float, float] = (0.0, 0.0),
) -> Iterator[Finding]:
    got = sum(q.base for q in parts) + extra[0]
    tol = total.half_unit() + sum(q.half_unit() for q in parts) + extra[1]
    scale = total.base / total.value if total.value else 1.0
    shown = _fmt(got / scale, max([total.decimals, *(q.decimals for q in parts)]))
    if partial and got < total.base - tol and len(parts) >= 2:
        yield _short_of_total(ctx, span, total, got / scale, parts)
        return
    exact = abs(got - total.base) <= 1e-9 * max(1.0, abs(total.base))
    if (partial and got <= total.base + tol) or (not partial and abs(got - total.base) <= tol):
        if not exact:
            yield _rounding(ctx, span, total, shown, got / scale)
        return
    written = span.text[total.start : total.end]
    if partial:
        vi = f"Các số \u201ctrong đó\u201d cộng lại là {shown}, lớn hơn tổng {written}"
        en = f"the parts add up to {shown}, more than the total {written}"
    else:
        vi = f"Các thành phần cộng lại là {shown}, không khớp với tổng {written}"
        en = f"the parts add up to {shown}, not the total {written}"
    start = span.offset + total.start
    yield ctx.finding(
        "arith.breakdown",
        start,
        start + len(_number_text(written)),
        vi,
        en,
        suggestion=None if partial else shown,
        severity=severity,  # type: ignore[arg-type]
    )


def _rounding(ctx: Context, span: Span, total: Quantity, shown: str, got: float) -> Finding:
    """A difference the writer's rounding can explain.

    When the parts, added and rounded to the total's own precision, give the total, this is
    only precision (info). When they give another number, a reader adding them up sees a total
    that does not match (8.901 ha against 7.950 + 950): rounding may explain it, but it is
    worth a look (warning), and the usual fix is to round so that the published figures agree.
    """
    written = _number_text(span.text[total.start : total.end])
    start = span.offset + total.start
    # half a unit of the total's last digit, with room for the float error of the sum
    if abs(got - total.value) <= 0.5 * 10 ** (-total.decimals) * (1 + 1e-9):
        return ctx.finding(
            "arith.breakdown",
            start,
            start + len(written),
            f"Các thành phần cộng lại là {shown}, lệch với tổng {written} trong phạm vi làm tròn",
            f"the parts add up to {shown}; {written} differs within rounding",
            severity="info",
        )
    return ctx.finding(
        "arith.breakdown",
        start,
        start + len(written),
        f"Các thành phần cộng lại là {shown}, không phải {written}: có thể do làm tròn, "
        "nên làm tròn để các số công bố khớp nhau",
        f"the parts add up to {shown}, not {written}: rounding may explain it; round so that "
        "the published figures agree",
        suggestion=_fmt(got, total.decimals),
        severity="warning",
    )


def _short_of_total(
    ctx: Context, span: Span, total: Quantity, got: float, parts: list[Quantity]
) -> Finding:
    """ "trong đó" may list only some parts; when it lists several and falls short, say so."""
    shown = _fmt(got, max([total.decimals, *(q.decimals for q in parts)]))
    written = _number_text(span.text[total.start : total.end])
    start = span.offset + total.start
    return ctx.finding(
        "arith.breakdown",
        start,
        start + len(written),
        f"Các số \u201ctrong đó\u201d cộng lại là {shown}, ít hơn tổng {written}: "
        "kiểm tra nếu đây là đủ các thành phần",
        f"the listed parts add up to {shown}, less than {written}: check if the list is complete",
        severity="warning" if _looks_whole(span.text, parts) else "info",
    )


# Attributes a "trong đó" picks out of a group without dividing it ("trong đó nữ 12, dân tộc 3").
_ATTRIBUTE = re.compile(
    r"(?<!\w)(nữ|dân tộc|thiểu số|đảng viên|đoàn viên|hội viên|tôn giáo|khuyết tật|cao tuổi|"
    r"trẻ em|thanh niên|hộ nghèo|cận nghèo|trở lên)(?!\w)",
    re.I,
)


def _looks_whole(text: str, parts: list[Quantity]) -> bool:
    """Whether a "trong đó" list that falls short of its total reads as a whole breakdown.

    Two items are often a selection; three or more categories that are not attributes of the
    group ("không kỷ luật 02; khiển trách 21, cảnh cáo 09 …") are more likely a complete
    breakdown with a wrong number.
    """
    if len(parts) < 3:
        return False
    labels = [text[max(0, q.start - 25) : q.start] for q in parts]
    return not any(_ATTRIBUTE.search(label.split(",")[-1].split(";")[-1]) for label in labels)


def _judge_percent(ctx: Context, span: Span, ratio: Quantity, pct: Quantity) -> Iterator[Finding]:
    a, b = ratio.value, ratio.total or 0.0
    exact_counts = ratio.half_unit() == 0.0  # whole counts of things are not rounded
    ha = 0.0 if exact_counts else 0.5 * 10 ** (-ratio.decimals)
    hb = 0.0 if exact_counts and ratio.total_decimals == 0 else 0.5 * 10 ** (-ratio.total_decimals)
    lo = (a - ha) / (b + hb) * 100
    hi = (a + ha) / (b - hb) * 100 if b > hb else math.inf
    step = 10 ** (-pct.decimals)
    p = pct.value
    if p - step / 2 <= hi and p + step / 2 >= lo:
        return
    exact = a / b * 100
    shown = _fmt(exact, pct.decimals) + "%"
    start = span.offset + pct.start
    written = span.text[pct.start : pct.end]
    if p <= hi and p + step >= lo:
        yield ctx.finding(
            "arith.ratio-percent",
            start,
            start + len(written),
            f"{written} là số bị cắt bớt; làm tròn đúng là {shown}",
            f"{written} is truncated; rounded it is {shown}",
            suggestion=shown,
            severity="info",
        )
        return
    yield ctx.finding(
        "arith.ratio-percent",
        start,
        start + len(written),
        f"{_number_text(span.text[ratio.start : ratio.end])} cho {shown}, không phải {written}",
        f"the ratio gives {shown}, not {written}",
        suggestion=shown,
    )


def _number_text(written: str) -> str:
    m = re.match(r"[\d.,/\s]*\d", written)
    return m.group(0) if m else written


def _fmt(value: float, decimals: int) -> str:
    """Vietnamese writing of a number: '.' groups thousands, ',' marks decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
