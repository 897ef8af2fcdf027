"""Unicode normalisation and diacritic folding for Vietnamese."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def nfc(text: str) -> str:
    """NFC form; every reader applies it to all text it produces."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case and strip diacritics ("Thành Lợi" -> "thanh loi"), for search keys."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


_TONES = "\u0300\u0301\u0303\u0309\u0323"
_TONE_ON_SECOND = re.compile(rf"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONES}])$")


@lru_cache(maxsize=65536)
def unify_tone(word: str) -> str:
    """One spelling for the two tone placements: "hoà" -> "hòa", "uỷ" -> "ủy".

    Only a syllable that ends in oa/oe/uy is ambiguous (a following consonant fixes the mark on the
    second vowel in both styles: "hoàng"); "quý" is left alone, its u belongs to "qu". The form
    with the mark on the first vowel is the one Nghị định 30 and most official names use.
    """
    d = unicodedata.normalize("NFD", word)
    m = _TONE_ON_SECOND.search(d)
    if not m:
        return nfc(word)
    pair, tone = m.group(1), m.group(2)
    return nfc(d[: m.start()] + pair[0] + tone + pair[1])


# A word that ends in oa/oe/uy with a tone mark on its last vowel: the only ones `unify_tone`
# changes. Matching just these keeps `unify_tones` from calling back for every word.
_AMBIGUOUS = re.compile(r"(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)")
# The same pair where `unify_tone` moves its mark ("quý" keeps it): replaced in place, so only
# these few pairs, not every word of the text, call back into Python.
_AMBIGUOUS_PAIR = re.compile(r"(?<![qQ])" + _AMBIGUOUS.pattern)


def unify_tones(text: str) -> str:
    """`unify_tone` applied to every word of a text."""
    text = nfc(text)
    if not _AMBIGUOUS.search(text):
        return text
    return _AMBIGUOUS_PAIR.sub(_tone_on_first, text)


def _tone_on_first(m: re.Match[str]) -> str:
    """ "oà" -> "òa": the pair's tone mark moved to its first vowel."""
    first, second = m.group(0)
    bare, tone = unicodedata.normalize("NFD", second)
    return nfc(first + tone) + bare


def _letters(upper: bool) -> str:
    chars = (chr(c) for c in range(0x41, 0x1EFA))
    return "".join(
        c
        for c in chars
        if c.isalpha() and c.isupper() == upper and unicodedata.name(c, "").startswith("LATIN")
    )


# Regex character classes of Latin letters by case. Ranges such as À-Ỹ would mix both cases:
# Latin Extended Additional alternates capital and small letters.
UPPER = _letters(True)
LOWER = _letters(False)
