"""What the language rules know of Vietnamese words, read from the underthesea wheel at run time.

Four sources, all shipped inside the installed `underthesea` package (nothing is downloaded, no
copy is committed, underthesea itself is never imported):

- the word lists `corpus/data/Viet{11,22,39,74}K.txt` (their union: the lists disagree on
  spellings such as "kỳ thi"/"kì thi" and each holds words the others lack);
- the features of the word-segmentation model trained on VLSP 2013 news text: every syllable
  pair the model kept a weight for occurred often in real text, so it is *attested*
  ("trồng cây", "ra khỏi" are no dictionary words, yet no typos either);
- the tagged VLSP 2013 test text of the POS model (96 k syllables): its adjacent syllables are
  attested pairs too;
- the token features of the POS models (words as segmented in news text): a word found there
  or attested is *common*, which is what a typo's fix usually is ("hưởng ứng", "đồng hành"),
  unlike the rare words a sound phrase can be bent into ("cây lạc" -> "cây lác").

Lookups go through `key`, which folds the two tone placements ("hoà"/"hòa") and i/y after a
consonant ("kỳ"/"kì", "quy"/"qui") into one spelling.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from baocao.text.normalize import fold, nfc, unify_tone

_LISTS = ("Viet74K", "Viet39K", "Viet22K", "Viet11K")
_SEGMENTER = "pipeline/word_tokenize/models/ws_crf_vlsp2013_20230727/models.bin"
_TAGGED = "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt"
_TAGGERS = (
    "pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/models.bin",
    "pipeline/pos_tag/pos_crf_2017_10_11.bin",
)
# A feature of the CRF model: "T[-1,0]=thị trường" holds the syllables at offsets -1 and 0.
_PAIR_FEATURE = re.compile(rb"T\[-?\d,-?\d\]=([^\x00\s]+ [^\x00\s]+)\x00")
_TOKEN_FEATURE = re.compile(rb"T\[-?\d\]\.lower=([^\x00]+ [^\x00]+)\x00")
_LONE_Y = re.compile(r"^(?:[bcdđghklmnpqrstvx]|ch|gh|kh|ng|ngh|nh|ph|th|tr|qu)y$")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def _package_root() -> Path | None:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _read(relative: str) -> str:
    root = _package_root()
    path = root / relative if root else None
    if path is None or not path.exists():
        return ""
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=65536)
def key(syllable: str) -> str:
    """The lookup spelling of one lower-case syllable: new tone placement, i for a lone y."""
    s = unify_tone(syllable)
    if _LONE_Y.match(fold(s)):
        s = s[:-1] + s[-1].translate(_Y_TO_I)
    return s


@lru_cache(maxsize=65536)
def bare(syllable: str) -> str:
    """`fold` of one syllable, cached: the letters without marks ("chuyển" -> "chuyen")."""
    return fold(syllable)


def phrase_key(syllables: tuple[str, ...] | list[str]) -> str:
    """`key` of every syllable, joined by one space."""
    return " ".join(key(s) for s in syllables)


@dataclass(frozen=True)
class Lexicon:
    """Keyed words of two or more syllables, attested syllable pairs, variants by bare letters."""

    words: frozenset[str]  # phrase keys of the multi-syllable words of the lists
    longest: int  # syllables in the longest word kept
    attested: frozenset[str]  # phrase keys of syllable pairs seen in real text
    news: frozenset[str]  # phrase keys of words the POS taggers saw in news text
    established: frozenset[str]  # words in three of the four lists, or in news text
    counts: dict[str, int]  # phrase key -> occurrences as one token in the tagged text
    variants: dict[str, tuple[str, ...]]  # fold("chuyên") -> (chuyên, chuyến, chuyển, chuyện)
    folded: dict[
        str, tuple[str, ...]
    ]  # "chuyen bien" -> ("chuyển biến", ...): words by bare letters
    spellings: dict[str, tuple[str, ...]]  # key -> its spellings ("kì" -> ("kì", "kỳ"))
    prefixes: frozenset[str]  # starts of two or more syllables of the longer words
    covering: frozenset[str]  # words | established | attested: a pair here is no suspect


@cache
def lexicon() -> Lexicon:
    """The lexicon, built once per process from the installed underthesea package."""
    listed: dict[str, int] = defaultdict(int)  # entry -> how many of the lists hold it
    for name in _LISTS:
        for line in set(nfc(_read(f"corpus/data/{name}.txt")).lower().splitlines()):
            listed[line] += 1
    entries = [(ln.split(), n) for ln, n in listed.items()]
    entries = [(parts, n) for parts, n in entries if all(p.isalpha() for p in parts)]
    sylls = {s for parts, _ in entries for s in parts}
    multi: dict[str, int] = defaultdict(int)
    for parts, n in entries:
        if 2 <= len(parts) <= 4:
            multi[phrase_key(parts)] += n
    news = _news_words()
    words, attested = frozenset(multi), frozenset(_attested_pairs())
    established = news | {pk for pk, n in multi.items() if n >= 3}
    return Lexicon(
        words,
        4,
        attested,
        news,
        established,
        _tagged_counts(),
        _grouped(sylls, bare),
        _grouped(set(multi), lambda w: " ".join(bare(s) for s in w.split(" "))),
        _grouped(sylls, key),
        frozenset(" ".join(w.split(" ")[:n]) for w in multi for n in range(2, w.count(" ") + 1)),
        words | established | attested,
    )


def _grouped(items: set[str], by: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for item in items:
        groups[by(item)].add(item)
    return {k: tuple(sorted(v)) for k, v in groups.items()}


def _news_words() -> frozenset[str]:
    """Words of two or more syllables the POS taggers kept a feature for, and the tagged text's."""
    found: set[str] = set()
    root = _package_root()
    for relative in _TAGGERS:
        path = root / relative if root else None
        if path is not None and path.exists():
            for m in _TOKEN_FEATURE.finditer(path.read_bytes()):
                found.add(m.group(1).decode("utf-8", "replace"))
    found.update(w for w in _tagged_counts() if " " in w)
    return frozenset(phrase_key(nfc(w).lower().split()) for w in found)


def _tagged_lines() -> list[str]:
    return nfc(_read(_TAGGED)).lower().splitlines()


@cache
def _tagged_counts() -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for line in _tagged_lines():
        token = line.split("\t", 1)[0].split()
        if token and all(s.isalpha() for s in token):
            counts[phrase_key(token)] += 1
    return dict(counts)


def _attested_pairs() -> set[str]:
    pairs: set[str] = set()
    root = _package_root()
    model = root / _SEGMENTER if root else None
    if model is not None and model.exists():
        for m in _PAIR_FEATURE.finditer(model.read_bytes()):
            text = m.group(1).decode("utf-8", "replace").lower()
            if text.replace(" ", "").isalpha():
                pairs.add(phrase_key(nfc(text).split()))
    previous = ""
    for line in _tagged_lines():
        token = line.split("\t", 1)[0]
        for s in token.split():
            if previous and s.isalpha() and previous.isalpha():
                pairs.add(f"{key(previous)} {key(s)}")
            previous = s
        if not token:
            previous = ""
    return pairs
