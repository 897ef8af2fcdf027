"""Old Vietnamese 8-bit encodings: TCVN3 (ABC, the ".VnTime" fonts) and VNI (VNI-Windows).

Documents typed before Unicode store Vietnamese letters as Windows-1252 characters that a
special font draws as Vietnamese. Both tables below were checked letter by letter (all 134
accented letters) against two independent public converters, which agree with each other:
lamdao/xvnkb (`tcvn.h`, `vni.h`, the X11 Vietnamese keyboard) and duydev/vietnamese-conversion
(`src/charsets.ts`, an npm converter), and against the known pair "Uû ban nh©n d©n" =
"Uỷ ban nhân dân" (û is ỷ; `normalize.unify_tone` turns "Uỷ" into the newer spelling "Ủy").

TCVN3 (TCVN 5712:1993, VN3) has one code per letter. It has capitals only for Ă Â Ê Ô Ơ Ư Đ;
a capital with a tone mark has no code at all: typists used the ".VnTimeH" font, which draws the
lower-case codes as capitals. So on decoding, a toned letter becomes a capital when its word (or a
neighbouring word) is in capitals ("B¸O C¸O" -> "BÁO CÁO", "Uû ban" stays "Uỷ ban"), and a run
in a capitals font (".VnTimeH", see `legacy_to_unicode`) is upper-cased whole. Encoding writes a
toned capital with its lower-case code, as a .VnTimeH typist would (duydev's converter instead
writes a plain capital plus the lower-case toned letter, "À" -> "Aµ", which no font draws right).

VNI has capitals for every letter and writes most accented letters as two characters: the base
letter and a mark ("aø" = "à", "AØ" = "À"); i, y with a dot and đ have single codes.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from baocao.text.normalize import nfc

# Each vowel with its tones in the order: none, huyền, sắc, hỏi, ngã, nặng.
_TONED = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}
# TCVN3 code (as its cp1252 character) of each lower-case letter of _TONED, same order.
_TCVN3_VOWELS = {
    "a": "aµ¸¶·¹",
    "ă": "¨»¾¼½Æ",
    "â": "©ÇÊÈÉË",
    "e": "eÌÐÎÏÑ",
    "ê": "ªÒÕÓÔÖ",
    "i": "i×ÝØÜÞ",
    "o": "oßãáâä",
    "ô": "«åèæçé",
    "ơ": "¬êíëìî",
    "u": "uïóñòô",
    "ư": "\xadõøö÷ù",
    "y": "yúýûüþ",
}
_TCVN3_OTHER = {"đ": "®", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}
# VNI (lower case; capitals are the same characters upper-cased): base of each vowel, then
# the marks for huyền, sắc, hỏi, ngã, nặng. â ê ô and ă take marks of their own.
_VNI_BASE = {
    "a": "a",
    "ă": "aê",
    "â": "aâ",
    "e": "e",
    "ê": "eâ",
    "o": "o",
    "ô": "oâ",
    "ơ": "ô",
    "u": "u",
    "ư": "ö",
    "y": "y",
}
_VNI_MARKS = {"plain": "øùûõï", "hat": "àáåãä", "breve": "èéúüë"}
_VNI_SINGLE = {"ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ"}

Legacy = Literal["tcvn3", "vni"]


@cache
def _tcvn3_codes() -> dict[str, str]:
    """Unicode letter -> TCVN3 character, for all 67 lower-case letters and 7 capitals."""
    codes = {}
    for vowel, chars in _TCVN3_VOWELS.items():
        pairs = zip(_TONED[vowel], chars, strict=True)
        codes.update((letter, code) for letter, code in pairs if letter not in "aeiouy")
    codes.update(_TCVN3_OTHER)
    return codes


@cache
def _tcvn3_table() -> dict[str, str]:
    """TCVN3 character -> Unicode letter ("ý" is its own code, and listed all the same)."""
    return {code: letter for letter, code in _tcvn3_codes().items()}


@cache
def _tcvn3_toned() -> frozenset[str]:
    """TCVN3 characters of letters that have no capital code: their case is a guess."""
    return frozenset(c for chars in _TCVN3_VOWELS.values() for c in chars[1:])


@cache
def _vni_table() -> dict[str, str]:
    """VNI sequence (lower case) -> Unicode letter (lower case)."""
    table: dict[str, str] = {}
    for vowel, base in _VNI_BASE.items():
        kind = "hat" if vowel in "âêô" else "breve" if vowel == "ă" else "plain"
        if base != vowel:
            table[base] = vowel
        for mark, letter in zip(_VNI_MARKS[kind], _TONED[vowel][1:], strict=True):
            table[base[0] + mark if kind != "plain" else base + mark] = letter
    # after the loop, so that "î" (not "yï", also seen) is the code written for ỵ
    table.update(_VNI_SINGLE)
    return table


@cache
def _vni_pattern() -> re.Pattern[str]:
    """Longest sequence first; a base letter and its mark may differ in case ("Aø")."""
    keys = sorted(_vni_table(), key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys), re.IGNORECASE)


def tcvn3_to_unicode(text: str) -> str:
    """Text typed in a TCVN3 font (read as cp1252 characters) -> Unicode NFC.

    Toned letters have no capital codes: they are upper-cased where their word is in capitals.
    """
    table = _tcvn3_table()
    letters = "".join(table.get(c, c) for c in text)
    toned = _tcvn3_toned()
    ambiguous = {i for i, c in enumerate(text) if c in toned}
    return nfc(_capitalise(letters, ambiguous))


def _capitalise(text: str, ambiguous: set[int]) -> str:
    """Upper-case the `ambiguous` letters of words in capitals, and of lines in capitals.

    Neighbouring words are no guide: "Bộ CHQS", "Ủy ban MTTQ" put acronyms next to lower case.
    """
    out = list(text)
    for line in re.finditer(r"[^\n]+", text):
        words = list(re.finditer(r"[^\W\d_]+", line[0]))
        kinds = [_word_kind(w, line.start(), text, ambiguous) for w in words]
        line_caps = "lower" not in kinds and kinds.count("caps") > 0
        for w, kind in zip(words, kinds, strict=True):
            if kind == "caps" or (kind == "unsure" and line_caps):
                for k in range(line.start() + w.start(), line.start() + w.end()):
                    if k in ambiguous:
                        out[k] = out[k].upper()
    return "".join(out)


def _word_kind(w: re.Match[str], shift: int, text: str, ambiguous: set[int]) -> str:
    """ "lower" (a letter sure to be lower case), "caps" (2+ capitals, no sure lower), "unsure"."""
    span = range(shift + w.start(), shift + w.end())
    if any(text[k].islower() and k not in ambiguous for k in span):
        return "lower"
    capitals = sum(1 for k in span if text[k].isupper())
    if not any(k in ambiguous for k in span):
        return "caps" if capitals >= 2 else "none"
    return "caps" if capitals >= 2 else "unsure"


def vni_to_unicode(text: str) -> str:
    """Text typed in a VNI font (read as cp1252 characters) -> Unicode NFC."""
    table = _vni_table()

    def sub(m: re.Match[str]) -> str:
        letter = table[m[0].lower()]
        return letter.upper() if m[0][0].isupper() else letter

    return nfc(_vni_pattern().sub(sub, text))


def unicode_to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 characters; a toned capital gets its lower-case code (as in .VnTimeH)."""
    reverse = _tcvn3_codes()
    out = []
    for c in nfc(text):
        if c in reverse:
            out.append(reverse[c])
        elif c.lower() in reverse:
            out.append(reverse[c.lower()])
        else:
            out.append(c)
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    """Unicode -> VNI character sequences."""
    reverse = {v: k for k, v in _vni_table().items()}
    out = []
    for c in nfc(text):
        if c in reverse:
            out.append(reverse[c])
        elif c.lower() in reverse:
            out.append(reverse[c.lower()].upper())
        else:
            out.append(c)
    return "".join(out)


_TCVN3_FONT = re.compile(
    r"^(\.vn|vn(time|arial|avant|courier|helve|centur|black|bodoni|cooper|souvenir|univers))",
    re.IGNORECASE,
)


def font_encoding(font_name: str) -> Legacy | None:
    """Which old encoding a font implies: ".VnTime", ".VnArialH" -> tcvn3; "VNI-Times" -> vni."""
    name = font_name.strip()
    if re.match(r"^vni[- ]", name, re.IGNORECASE):
        return "vni"
    if _TCVN3_FONT.match(name):
        return "tcvn3"
    return None


def font_is_capitals(font_name: str) -> bool:
    """True for the TCVN3 capitals fonts (".VnTimeH", ".VnArialH" …), which draw every letter
    as a capital."""
    name = font_name.strip()
    return font_encoding(name) == "tcvn3" and name.endswith("H")


def legacy_to_unicode(text: str, font_name: str) -> str:
    """Text of a run typed in `font_name` -> Unicode NFC; unchanged (NFC) for a Unicode font."""
    encoding = font_encoding(font_name)
    if encoding == "vni":
        return vni_to_unicode(text)
    if encoding == "tcvn3":
        decoded = tcvn3_to_unicode(text)
        return decoded.upper() if font_is_capitals(font_name) else decoded
    return nfc(text)
