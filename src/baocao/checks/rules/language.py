"""Language rules: doubled words, tone and diacritic typos, mixed tone placement, sentence case.

`lang.diacritic` looks for the commonest real typo: a syllable with the wrong tone or mark that
is still a valid syllable ("chuyên biến" for "chuyển biến"), which no syllable list can see. It
uses the word lists and news-text evidence of `baocao.checks.lexicon`:

- a syllable is a suspect only when no listed word, no syllable pair attested in real text and
  no known phrase holds it with a neighbour ("trồng cây", "ra khỏi" are attested: never typos);
- the fix changes the marks of that one syllable only (tone, ^, ˘, ơ/ư, and d/đ, which a
  Telex or VNI slip swaps as easily), must complete a word of 2-4 syllables with its
  neighbours, and must not cut through an established word the text has;
- exactly one reading must win (longer word, then a word common in news text): "Đông hành
  cùng" -> "Đồng hành", not "hành cung";
- a fix into a word common in news text is a warning; into a rare word ("cây lạc" -> "cây
  lác") only information, as the writer more likely meant a phrase the lists lack;
- capitalised syllables are names and left alone, except the first word of a sentence, a
  bullet or a quotation ("“Cửu chiến binh vì dân”"); words with digits are no syllables;
- `ctx.options["known_words"]` (the body's own archive of words and names, from the config
  file's `known_words`) is never flagged: a known phrase covers its syllables, a known single
  word is skipped.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from baocao.checks.findings import Finding
from baocao.checks.lexicon import bare, key, lexicon, phrase_key
from baocao.checks.registry import Context, rule
from baocao.document.canonical import Line
from baocao.text.normalize import unify_tone

SYLLABLE = re.compile(r"[^\W\d_]+")  # a run of letters, as the rules cut text into syllables
_TOKEN_SPLIT = re.compile(f"({SYLLABLE.pattern})")
# Reduplications that are words although the lists may lack them.
_REDUPLICATION = frozenset(
    "từ ngày người nhà đâu lâu dần đời mãi vừa thường xa cao rất mỗi".split()  # noqa: SIM905
)
# Function words are left alone: changing their marks makes too many accidental words.
_STABLE = frozenset(
    """các và của được đã có trong cho với là những này theo tại về để từ đến trên một hai ba
    không chưa còn thì mà nên do vì khi đó đây như cũng đều sẽ đang bị hoặc hay nhưng tháng năm
    ngày số tổng xã huyện tỉnh""".split()  # noqa: SIM905
)
_Span = tuple[int, int, bool]  # [first, last) syllables of a word, and whether it is common
_SENTENCE_END = (".", ":", "-", "\u201c", '"', "(", ";", "!", "?", "\u2018", "'")


@dataclass(frozen=True)
class Fix:
    """A syllable whose marks look wrong: where it starts in the text, as written, the fix."""

    start: int
    written: str
    suggestion: str
    word: str  # the dictionary word the suggestion completes, as it would read
    common: bool  # that word is common in news text: a warning, otherwise information


@dataclass(frozen=True)
class _Candidate:
    index: int  # the syllable to change
    variant: str
    span: tuple[int, int]  # syllables [first, last) of the word the variant completes
    score: int
    common: bool


def _body(ctx: Context) -> list:
    return [ln for ln in ctx.lines if ln.kind in ("paragraph", "heading", "footnote", "subtitle")]


def _cut_lines(ctx: Context) -> list[tuple[Line, _Syllables]]:
    """The body lines, each cut into syllables once per run for the rules that read syllables."""
    if "syllables" not in ctx.shared:
        ctx.shared["syllables"] = [(ln, _Syllables(ln.text)) for ln in _body(ctx)]
    return ctx.shared["syllables"]


@rule(
    "lang.doubled-word",
    severity="warning",
    area="language",
    summary_en="A doubled word",
    summary="Từ bị lặp",
)
def doubled_words(ctx: Context) -> Iterator[Finding]:
    for line, cut in _cut_lines(ctx):
        for i, size in _doubled_at(cut):
            end = cut.starts[i + 2 * size - 1] + len(cut.words[i + 2 * size - 1])
            once = line.text[
                cut.starts[i] : cut.starts[i + size - 1] + len(cut.words[i + size - 1])
            ]
            again = line.text[cut.starts[i + size] : end]
            if not _doubled(once, again):
                continue
            yield ctx.finding(
                "lang.doubled-word",
                line.start + cut.starts[i],
                line.start + end,
                f"Từ \u201c{once}\u201d bị lặp",
                f"the word \u201c{once}\u201d is doubled",
                suggestion=once if once[0].isupper() else again,
            )


def _doubled_at(cut: _Syllables) -> Iterator[tuple[int, int]]:
    """(first syllable, 1 or 2) of every syllable or pair written twice, one space apart
    ("triển triển khai", "triển khai triển khai"), in case only the case differs.

    Found as a regex scan would find them, left to right without overlap and the pair before
    the single syllable; but only where a syllable equals the next or the one after, which
    two bulk comparisons of the line's syllables find.
    """
    keys, seps = cut.keys, cut.seps
    # equal keys: the lower-case forms may be equal (and are not, where keys differ)
    maybe = map(
        operator.or_, map(operator.eq, keys, keys[1:]), [*map(operator.eq, keys, keys[2:]), False]
    )
    free = 0
    for i in itertools.compress(itertools.count(), maybe):
        if i < free:
            continue
        low = [w.lower() for w in cut.words[i : i + 4]]
        if len(low) == 4 and low[:2] == low[2:] and seps[i : i + 3] == [" ", " ", " "]:
            yield i, 2
            free = i + 4
        elif low[0] == low[1] and seps[i] == " ":
            yield i, 1
            free = i + 2


def _doubled(first: str, second: str) -> bool:
    """True when the second copy repeats the first by mistake, not a reduplication or a name."""
    if second[0].isupper():
        return False  # "đại hội Hội Nông dân": the second starts a name
    low = first.lower().split(" ")
    words = lexicon().words
    if len(low) == 2:
        return phrase_key(low) in words and phrase_key(low + low) not in words
    return phrase_key(low + low) not in words and low[0] not in _REDUPLICATION


@rule(
    "lang.diacritic",
    severity="warning",
    area="language",
    summary_en="Wrong tone or mark that still makes a valid syllable",
    summary="Sai dấu thanh hoặc dấu chữ (vẫn là âm tiết đúng)",
)
def diacritic_typos(ctx: Context) -> Iterator[Finding]:
    known = _known(ctx)
    for line, cut in _cut_lines(ctx):
        for fix in _fixes(_Line(cut, known)):
            start = line.start + fix.start
            yield ctx.finding(
                "lang.diacritic",
                start,
                start + len(fix.written),
                "Có thể gõ sai dấu thanh hoặc dấu chữ",
                "possible wrong tone or mark",
                suggestion=fix.suggestion,
                severity="warning" if fix.common else "info",
            )


def _known(ctx: Context) -> frozenset[str]:
    """`known_words` of the run, as lower-case phrase keys."""
    return frozenset(phrase_key(w.lower().split()) for w in ctx.options.get("known_words", ()))


def diacritic_fixes(text: str, known: frozenset[str] = frozenset()) -> list[Fix]:
    """Syllables of one line whose marks look wrong, each with the fix that makes a word.

    A syllable is a suspect when no word of the lists, no pair attested in real text and no
    `known` phrase covers it together with a neighbour. It is flagged when exactly one variant
    with the same bare letters completes a word of 2-4 syllables with its neighbours, and that
    word does not cut through a word the text already has ("Cửu chiến binh": "cựu chiến binh"
    contains "chiến binh"). Of two overlapping fixes the longer or attested word wins.
    """
    return _fixes(_Line.of(text, known))


def _fixes(line: _Line) -> list[Fix]:
    known = line.known
    found: list[_Candidate] = []
    for i in line.alone():
        if line.words[i].lower() in _STABLE or line.keys[i] in known or not line.is_plain(i):
            continue
        if not line.in_long_word(i):
            found.extend(_candidates(line, i))
    out = []
    for c in _resolve(found):
        written = line.words[c.index]
        fixed = _like(c.variant, written)
        parts = [fixed if x == c.index else line.words[x] for x in range(*c.span)]
        out.append(Fix(line.starts[c.index], written, fixed, " ".join(parts), c.common))
    return out


class _Syllables:
    """One line cut into syllables: as written, where, what separates them, their keys."""

    def __init__(self, text: str) -> None:
        # One split gives syllables and what separates them: [sep, syllable, sep, …, sep].
        # Every step is a map or a slice: this runs for every syllable of every report.
        self._pieces = pieces = _TOKEN_SPLIT.split(text)
        self.text = text
        self.words: list[str] = pieces[1::2]
        self.seps: list[str] = pieces[2:-1:2]  # what separates syllable x from x + 1
        self.keys: list[str] = list(map(_KEYS.__getitem__, self.words))
        # Each pair's keys joined by what separates them: only a pair one space apart can be
        # in a word list, so no separate test of the spacing is needed.
        self.pairs: list[str] = list(
            map(operator.add, map(operator.add, self.keys, self.seps), self.keys[1:])
        )

    @cached_property
    def starts(self) -> list[int]:
        """Where each syllable starts in the line."""
        ends = list(itertools.accumulate(map(len, self._pieces)))
        return ends[0 : 2 * len(self.words) : 2]

    @cached_property
    def linked(self) -> list[bool]:
        """Syllable x and x + 1 are separated by exactly one space."""
        return list(map(" ".__eq__, self.seps))

    @cached_property
    def folds(self) -> list[str]:
        """Each syllable's bare letters ("chuyển" -> "chuyen")."""
        return list(map(_FOLDS.__getitem__, self.words))


class _Line:
    """A line's syllables with what the diacritic rule needs to know of each.

    Nine syllables in ten sit in a listed or attested pair, so the line is first judged pair
    by pair, in bulk (maps over the pair keys); the longer words, whether a syllable is written
    as a name, and the common words a fix must not cut through are looked up only around the
    few syllables left over.
    """

    def __init__(self, cut: _Syllables, known: frozenset[str]) -> None:
        known = _phrases_of_syllables(known)
        self.known = known
        self.cut = cut
        self.text, self.words, self.seps = cut.text, cut.words, cut.seps
        self.keys, self._pairs = cut.keys, cut.pairs
        self._plain: dict[int, bool] = {}
        self._spans: dict[int, list[_Span]] = {}
        lex = lexicon()
        self._prefix_of_known = _prefixes(known) if known else frozenset()
        hit = map(lex.covering.__contains__, self._pairs)
        starts_long = map(lex.prefixes.__contains__, self._pairs)
        if known:
            hit = map(operator.or_, hit, map(known.__contains__, self._pairs))
            starts_long = map(
                operator.or_, starts_long, map(self._prefix_of_known.__contains__, self._pairs)
            )
        # pair x covers syllables x and x + 1: kept as a list padded with False at both ends
        self._pair_hit = [False, *hit, False]
        self._starts_long = [*starts_long, False]

    @property
    def starts(self) -> list[int]:
        return self.cut.starts

    @property
    def linked(self) -> list[bool]:
        return self.cut.linked

    @classmethod
    def of(cls, text: str, known: frozenset[str]) -> _Line:
        return cls(_Syllables(text), known)

    def alone(self) -> Iterator[int]:
        """Syllables that no listed or attested pair, nor known phrase, holds with a neighbour."""
        if not self.words:
            return iter(())
        hit = self._pair_hit
        either = map(operator.or_, hit, hit[1:])
        return itertools.compress(itertools.count(), map(operator.not_, either))

    def is_plain(self, i: int) -> bool:
        """Lower-case, or capitalised only where a sentence starts (see `_plain`)."""
        if self.words[i].islower():
            return True
        if i not in self._plain:
            self._plain[i] = _plain(self.words[i], self.text, self.starts[i])
        return self._plain[i]

    def spans_from(self, j: int) -> list[_Span]:
        """Every listed word or known phrase that starts at syllable `j`: [j, k), common."""
        if j not in self._spans:
            self._spans[j] = self._walk(j)
        return self._spans[j]

    def _walk(self, j: int) -> list[_Span]:
        if j >= len(self._pairs):
            return []
        lex, known, keys = lexicon(), self.known, self.keys
        spans: list[_Span] = []
        pk, k = self._pairs[j], j + 2
        while True:
            if pk in lex.established or pk in known:
                spans.append((j, k, True))
            elif pk in lex.words:
                spans.append((j, k, False))
            # longer words only where a listed word starts so
            if not (pk in lex.prefixes or pk in self._prefix_of_known):
                return spans
            if k >= len(keys) or k - j >= lex.longest:
                return spans
            pk, k = pk + self.seps[k - 1] + keys[k], k + 1  # one space apart, or in no list

    def in_long_word(self, i: int) -> bool:
        """Whether a listed word or known phrase of three syllables or more holds syllable `i`."""
        for j in range(max(0, i - lexicon().longest + 1), i + 1):
            if self._starts_long[j] and any(k > i for _, k, _ in self.spans_from(j)):
                return True
        return False

    def cuts_common_word(self, j: int, k: int) -> bool:
        """Whether a common word of the line overlaps syllables [j, k) without lying inside."""
        for a in range(max(0, j - lexicon().longest + 1), k):
            for _, b, common in self.spans_from(a):
                if common and b > j and (a < j or b > k):
                    return True
        return False


class _Memo(dict[str, str]):
    """A syllable's derived form, computed on the first lookup. Looked up by `map`, which
    stays in C for every syllable seen before; cleared when full, as text may be anything."""

    def __init__(self, derive: Callable[[str], str]) -> None:
        super().__init__()
        self.derive = derive

    def __missing__(self, written: str) -> str:
        if len(self) >= 65536:
            self.clear()
        self[written] = value = self.derive(written)
        return value


_KEYS = _Memo(lambda w: key(w.lower()))  # lookup key: lower case, one tone placement
_FOLDS = _Memo(lambda w: bare(_KEYS[w]))  # bare letters


@lru_cache(maxsize=8)
def _phrases_of_syllables(known: frozenset[str]) -> frozenset[str]:
    """The known phrases whose every part is a syllable as the line is cut: only those can
    match ("thành, lợi" from a config file cannot, though its pair key would spell so)."""
    return frozenset(p for p in known if all(map(SYLLABLE.fullmatch, p.split(" "))))


@lru_cache(maxsize=8)
def _prefixes(phrases: frozenset[str]) -> frozenset[str]:
    """The starts of two syllables or more of longer phrases."""
    return frozenset(
        " ".join(parts[:n])
        for parts in (p.split(" ") for p in phrases)
        for n in range(2, len(parts))
    )


def _candidates(line: _Line, i: int) -> Iterator[_Candidate]:
    """Every word of 2-4 syllables that a change of marks of syllable `i` alone would make."""
    lex = lexicon()
    n = len(line.keys)
    for length in range(2, lex.longest + 1):
        for j in range(max(0, i - length + 1), min(i, n - length) + 1):
            k = j + length
            words = lex.folded.get(" ".join(line.cut.folds[j:k]))
            if not words or line.seps[j : k - 1].count(" ") != k - 1 - j:
                continue
            if not all(map(line.is_plain, range(j, k))) or line.cuts_common_word(j, k):
                continue  # a name, or the word would cut through a common word the text has
            for pk in words:
                parts = pk.split(" ")
                same = [parts[x - j] == line.keys[x] for x in range(j, k)]
                if not same[i - j] and sum(same) == length - 1:
                    yield _candidate(i, _spelled(parts[i - j], line.words[i].lower()), (j, k), pk)


def _spelled(target: str, written: str) -> str:
    """The spelling of syllable key `target` closest to the writer's ("lỵ" -> "lý", not "lí")."""
    options = lexicon().spellings.get(target, (target,))

    def likeness(s: str) -> tuple[bool, int, bool]:
        same = sum(a == b for a, b in zip(s, written, strict=False))
        return bare(s) == bare(written), same, s == target

    return max(options, key=likeness)


def _candidate(i: int, variant: str, span: tuple[int, int], pk: str) -> _Candidate:
    """A fix scored by its word's length, then how common the word is in news text."""
    lex = lexicon()
    news, attested = pk in lex.news, pk in lex.attested
    score = 100 * (span[1] - span[0]) + 40 * news + 20 * attested + min(lex.counts.get(pk, 0), 9)
    return _Candidate(i, variant, span, score, news or attested)


def _resolve(found: list[_Candidate]) -> list[_Candidate]:
    """One fix per syllable, none when readings tie: by syllable, then among overlapping fixes."""
    best: dict[int, _Candidate] = {}
    for i, group in itertools.groupby(found, key=lambda c: c.index):
        ranked = sorted(group, key=lambda c: -c.score)
        top = [c for c in ranked if c.score == ranked[0].score]
        if len({c.variant for c in top}) == 1:
            best[i] = top[0]
    kept = []
    for c in best.values():
        rivals = [
            o
            for o in best.values()
            if o is not c and o.span[0] < c.span[1] and o.span[1] > c.span[0]
        ]
        if all(o.score < c.score for o in rivals):
            kept.append(c)
    return kept


def _plain(word: str, text: str, at: int) -> bool:
    """Lower-case, or capitalised only at the start of a sentence, a bullet or a quotation."""
    if word.islower():
        return True
    if len(word) < 2 or not (word[0].isupper() and word[1:].islower()):
        return False
    before = text[max(0, at - 8) : at].rstrip(" *")
    if at > 8 and not before:
        before = text[:at].rstrip(" *")
    return not before or before.endswith(_SENTENCE_END)


def _like(variant: str, written: str) -> str:
    return variant.capitalize() if written[0].isupper() else variant


@rule(
    "lang.tone-style",
    severity="info",
    area="language",
    summary_en="Old and new tone placement mixed (hoà/hòa, uỷ/ủy)",
    summary="Trộn kiểu đặt dấu cũ và mới (hoà/hòa, uỷ/ủy)",
)
def tone_style(ctx: Context) -> Iterator[Finding]:
    found = [(line.start + at, w) for line in _body(ctx) for at, w in _two_placements(line.text)]
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for _, w in found:
        forms[unify_tone(w.lower())][w.lower()] += 1
    major = {k: c.most_common(1)[0][0] for k, c in forms.items() if len(c) > 1}
    for start, w in found:
        best = major.get(unify_tone(w.lower()))
        if best is not None and w.lower() != best:
            fix = _like(best, w) if not w.isupper() else best.upper()
            yield ctx.finding(
                "lang.tone-style",
                start,
                start + len(w),
                f"Báo cáo dùng cả \u201c{w}\u201d và \u201c{fix}\u201d; nên thống nhất",
                f"the report mixes \u201c{w}\u201d and \u201c{fix}\u201d",
                suggestion=fix,
            )


# The syllables with two tone placements (see `unify_tone`): a tone mark on o/u before a final
# a/e/y, or on that final vowel ("hoà"/"hòa", "uỷ"/"ủy"); "quý" is no such syllable.
# The pair is matched first and its word found from there: a pattern that starts with the
# word's letters would be tried, and fail, at every letter of the text.
# The lookahead on the pair's first letters lets the regex engine skip to them.
_TWO_PLACEMENTS = re.compile(
    r"(?i)(?=[oòóỏõọuùúủũụ])(?<!q)(?:[òóỏõọ][ae]|o[àáảãạèéẻẽẹ]|[ùúủũụ]y|u[ỳýỷỹỵ])(?![^\W\d_])"
)


def _two_placements(text: str) -> Iterator[tuple[int, str]]:
    """(start, word) of every syllable written with one of two tone placements."""
    for m in _TWO_PLACEMENTS.finditer(text):
        start = m.start()
        while start and text[start - 1].isalpha():
            start -= 1
        yield start, text[start : m.end()]


# Not after a one-letter abbreviation ("v.v.", "x."), "tr." or "TP."/"Tp."; a quotation mark may
# open the sentence.
_SENTENCE_START = re.compile(
    r"(?=[.?!])(?<![.\s][a-zđ])(?<!\bv\.v)(?<!\btr)(?<!\bTP)(?<!\bTp)[.?!]\s+[\u201c\"]?([^\W\d_])"
)


@rule(
    "cap.sentence",
    severity="warning",
    area="language",
    summary_en="A sentence that starts in lower case",
    summary="Câu bắt đầu bằng chữ thường",
)
def sentence_case(ctx: Context) -> Iterator[Finding]:
    previous = ""
    for line in ctx.lines:
        if line.kind != "paragraph" or line.paragraph is None:
            previous = line.text
            continue
        text = line.paragraph.text
        offset = line.text_start
        for m in _SENTENCE_START.finditer(text):
            if not m.group(1).islower() or text[max(0, m.start() - 2) : m.start() + 1] == "...":
                continue  # "…, v.v… và" or an ellipsis carries the sentence on
            yield _lower_start(ctx, offset + m.start(1), text, m.start(1), "warning")
        first = re.match(r"[\W\d_]*([^\W\d_])", text)
        if first and first.group(1).islower():
            # A list item ("gồm:\n- cây lúa …") or a paragraph that may carry on the previous
            # one (split by a reader) is information; after a finished sentence it is an error.
            ended = re.search(r"[.!?][\u201d\")]*$", previous) and not line.paragraph.bullet
            severity = "warning" if ended else "info"
            yield _lower_start(ctx, offset + first.start(1), text, first.start(1), severity)
        previous = line.text


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
