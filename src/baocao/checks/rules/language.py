"""Language rules: doubled words, tone and diacritic typos, mixed tone placement, sentence case.

The diacritic rule looks for the commonest real typo: a syllable with the wrong tone or mark
that is still a valid syllable ("chuyên biến" for "chuyển biến"). Every syllable is valid, so
a syllable list cannot see it; the pair is checked against the multi-syllable word list that
ships in the underthesea wheel, and flagged only when it is not a word and changing the marks
of one syllable makes it one. Words and names the body has used before (option `known_words`)
are never flagged.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache

from baocao.checks.findings import Finding
from baocao.checks.registry import Context, rule
from baocao.text.normalize import fold, unify_tone
from baocao.text.wordlist import syllables, words

_TOKEN = re.compile(r"[^\W\d_]+")
# Reduplications that are words although the list may lack them.
_REDUPLICATION = frozenset(
    [
        "từ",
        "từ",
        "ngày",
        "ngày",
        "người",
        "người",
        "nhà",
        "nhà",
        "đâu",
        "đâu",
        "lâu",
        "lâu",
        "dần",
        "dần",
        "đời",
        "đời",
        "mãi",
        "mãi",
        "vừa",
        "vừa",
        "thường",
        "thường",
        "xa",
        "xa",
        "cao",
        "cao",
        "rất",
        "rất",
        "mỗi",
        "mỗi",
    ]
)
# Function words are left alone: changing their marks makes too many accidental words.
_STABLE = frozenset(
    [
        "các",
        "và",
        "của",
        "được",
        "đã",
        "có",
        "trong",
        "cho",
        "với",
        "là",
        "những",
        "này",
        "theo",
        "tại",
        "về",
        "để",
        "từ",
        "đến",
        "trên",
        "một",
        "hai",
        "ba",
        "không",
        "chưa",
        "còn",
        "thì",
        "mà",
        "nên",
        "do",
        "vì",
        "khi",
        "đó",
        "đây",
        "như",
        "cũng",
        "đều",
        "sẽ",
        "đang",
        "bị",
        "hoặc",
        "hay",
        "nhưng",
        "tháng",
        "năm",
        "ngày",
        "số",
        "tổng",
        "xã",
        "huyện",
        "tỉnh",
    ]
)


@cache
def _variants() -> dict[str, frozenset[str]]:
    """Syllables grouped by their letters without marks ("chuyen" -> chuyên, chuyến, chuyển …)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for s in syllables():
        groups[fold(s)].add(s)
    return {k: frozenset(v) for k, v in groups.items()}


def _body(ctx: Context) -> list:
    return [ln for ln in ctx.lines if ln.kind in ("paragraph", "heading", "footnote", "subtitle")]


@rule("lang.doubled-word", severity="warning", area="language", summary="Từ bị lặp")
def doubled_words(ctx: Context) -> Iterator[Finding]:
    known = words()
    for line in _body(ctx):
        tokens = list(_TOKEN.finditer(line.text))
        for a, b in itertools.pairwise(tokens):
            w1, w2 = a.group(0).lower(), b.group(0).lower()
            if w1 != w2 or line.text[a.end() : b.start()].strip():
                continue
            if b.group(0)[0].isupper():
                continue  # "đại hội Hội Nông dân": the second starts a name
            pair = f"{w1} {w2}"
            if pair in known or pair in _REDUPLICATION_SET:
                continue
            start = line.start + a.start()
            yield ctx.finding(
                "lang.doubled-word",
                start,
                line.start + b.end(),
                f"Từ \u201c{a.group(0)}\u201d bị lặp",
                f"the word \u201c{a.group(0)}\u201d is doubled",
                suggestion=b.group(0) if a.group(0)[0].islower() else a.group(0),
            )


_REDUPLICATION_SET = frozenset(f"{w} {w}" for w in _REDUPLICATION)


@rule(
    "lang.diacritic",
    severity="info",
    area="language",
    summary="Sai dấu thanh hoặc dấu chữ (vẫn là âm tiết đúng)",
)
def diacritic_typos(ctx: Context) -> Iterator[Finding]:
    known = words()
    extra = {w.lower() for w in ctx.options.get("known_words", ())}
    for line in _body(ctx):
        tokens = list(_TOKEN.finditer(line.text))
        for i in range(len(tokens) - 1):
            found = _typo_at(line.text, tokens, i, known, extra)
            if found:
                k, suggestion = found
                tok = tokens[k]
                start = line.start + tok.start()
                yield ctx.finding(
                    "lang.diacritic",
                    start,
                    line.start + tok.end(),
                    f"Có thể gõ sai dấu thanh hoặc dấu chữ ở \u201c{tok.group(0)}\u201d",
                    f"possible wrong tone or mark in \u201c{tok.group(0)}\u201d",
                    suggestion=suggestion,
                )


def _typo_at(
    text: str, tokens: list[re.Match[str]], i: int, known: frozenset[str], extra: set[str]
) -> tuple[int, str] | None:
    a, b = tokens[i], tokens[i + 1]
    if text[a.end() : b.start()] != " ":
        return None
    w1, w2 = a.group(0), b.group(0)
    if not (_plain(w1, text, a.start()) and _plain(w2, text, b.start())):
        return None
    l1, l2 = w1.lower(), w2.lower()
    if l1 in _STABLE or l2 in _STABLE or _is_word(l1, l2, known) or f"{l1} {l2}" in extra:
        return None
    prev = tokens[i - 1].group(0).lower() if i > 0 else ""
    nxt = tokens[i + 2].group(0).lower() if i + 2 < len(tokens) else ""
    if (prev and _is_word(prev, l1, known)) or (nxt and _is_word(l2, nxt, known)):
        return None  # each syllable already belongs to a word with its other neighbour
    candidates = []
    for k, (word, other, first) in enumerate(((l1, l2, True), (l2, l1, False))):
        if word in _STABLE or word in extra:
            continue
        for v in _variants().get(fold(word), ()):
            if v == word or unify_tone(v) == unify_tone(word):
                continue
            pair = (v, other) if first else (other, v)
            if _is_word(*pair, known) or (first and nxt and f"{v} {l2} {nxt}" in known):
                candidates.append((i + k, _like(v, (w1, w2)[k])))
    if len({c[1] for c in candidates}) != 1:
        return None  # nothing, or several readings: not sure enough to say
    return candidates[0]


def _is_word(a: str, b: str, known: frozenset[str]) -> bool:
    return f"{a} {b}" in known or f"{unify_tone(a)} {unify_tone(b)}" in _unified()


@cache
def _unified() -> frozenset[str]:
    """The word list with one tone placement ("văn hoá" and "văn hóa" both found)."""
    return frozenset(" ".join(unify_tone(s) for s in w.split()) for w in words())


def _plain(word: str, text: str, at: int) -> bool:
    """Lower-case, or capitalised only at the start of a sentence, a bullet or a quotation."""
    if word.islower():
        return True
    if not (word[0].isupper() and word[1:].islower()):
        return False
    before = text[:at].rstrip(" *")
    return not before or before.endswith((".", ":", "-", "\u201c", '"', "(", ";", "!", "?"))


def _like(variant: str, written: str) -> str:
    return variant.capitalize() if written[0].isupper() else variant


@rule(
    "lang.tone-style",
    severity="info",
    area="language",
    summary="Trộn kiểu đặt dấu cũ và mới (hoà/hòa, uỷ/ủy)",
)
def tone_style(ctx: Context) -> Iterator[Finding]:
    found = [
        (line.start + m.start(), m.group(0).lower())
        for line in _body(ctx)
        for m in _TOKEN.finditer(line.text)
    ]
    old_keys = {unify_tone(w) for _, w in found if unify_tone(w) != w}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for _, w in found:
        if unify_tone(w) in old_keys:
            forms[unify_tone(w)][w] += 1
    for counter in forms.values():
        if len(counter) < 2:
            continue
        major = counter.most_common(1)[0][0]
        for start, w in found:
            if w in counter and w != major:
                yield ctx.finding(
                    "lang.tone-style",
                    start,
                    start + len(w),
                    f"Báo cáo dùng cả \u201c{w}\u201d và \u201c{major}\u201d; nên thống nhất",
                    f"the report mixes \u201c{w}\u201d and \u201c{major}\u201d",
                    suggestion=major,
                )


_SENTENCE_START = re.compile(r"(?<![.\s][a-zđ])(?<!\bv\.v)(?<!\btr)(?<!\bTP)[.?!]\s+([^\W\d_])")


@rule(
    "cap.sentence",
    severity="warning",
    area="language",
    summary="Câu bắt đầu bằng chữ thường",
)
def sentence_case(ctx: Context) -> Iterator[Finding]:
    for line in ctx.lines:
        if line.kind != "paragraph" or line.paragraph is None:
            continue
        text = line.paragraph.text
        offset = line.text_start
        for m in _SENTENCE_START.finditer(text):
            if not m.group(1).islower() or text[max(0, m.start() - 2) : m.start() + 1] == "...":
                continue  # "…, v.v… và" or an ellipsis carries the sentence on
            yield _lower_start(ctx, offset + m.start(1), text, m.start(1), "warning")
        first = re.match(r"[\W\d_]*([^\W\d_])", text)
        if first and first.group(1).islower() and not line.paragraph.bullet:
            yield _lower_start(ctx, offset + first.start(1), text, first.start(1), "info")


def _lower_start(ctx: Context, at: int, text: str, local: int, severity: str) -> Finding:
    word = re.match(r"[^\W\d_]+", text[local:])
    written = word.group(0) if word else text[local]
    return ctx.finding(
        "cap.sentence",
        at,
        at + len(written),
        "Đầu câu phải viết hoa",
        "a sentence starts in lower case",
        suggestion=written.capitalize(),
        severity=severity,  # type: ignore[arg-type]
    )
