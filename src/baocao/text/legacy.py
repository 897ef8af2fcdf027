"""Old Vietnamese 8-bit encodings: TCVN3 (ABC, ".VnTime" fonts) and VNI (VNI-Windows).

Documents typed before Unicode store Vietnamese letters as Windows-1252 characters drawn by a
special font. TCVN3 uses one byte per letter (no accented capitals: those came from the
".VnTimeH" font, whose lower-case codes draw capitals); VNI uses a base letter followed by a
mark byte ("aø" = "à"). Tables checked against two independent public converters (a C#
TCVN3 table and the VNI table of xvnkb) and the known pair "Uû ban nh©n d©n" = "Uỷ ban nhân dân".
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from baocao.text.normalize import nfc

# Vowels in Unicode order of tone: none, huyền, sắc, hỏi, ngã, nặng.
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
# TCVN3 byte (as a cp1252 character) for each toned lower-case vowel, same order as _TONED.
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
# VNI: base letter + mark characters. Tone marks (huyền, sắc, hỏi, ngã, nặng) on a plain vowel,
# and the combined circumflex/breve forms on a, e, o.
_VNI_TONES = "øùûõï"
_VNI_HAT_TONES = "àáåãä"  # â ê ô with a tone
_VNI_BREVE_TONES = "èéúüë"  # ă with a tone
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
_VNI_I = "iìíæóò"
_VNI_Y_DOT = "î"


@cache
def _tcvn3_table() -> dict[str, str]:
    """TCVN3 character -> Unicode letter."""
    table = {}
    for vowel, codes in _TCVN3_VOWELS.items():
        for code, letter in zip(codes, _TONED[vowel], strict=True):
            if code != letter:
                table[code] = letter
    table.update({code: letter for letter, code in _TCVN3_OTHER.items()})
    return table


@cache
def _vni_table() -> dict[str, str]:
    """VNI character sequence (lower case) -> Unicode letter."""
    table: dict[str, str] = {"ñ": "đ"}
    for vowel, base in _VNI_BASE.items():
        marks = (
            _VNI_HAT_TONES if vowel in "âêô" else _VNI_BREVE_TONES if vowel == "ă" else _VNI_TONES
        )
        if vowel in "âêôă":
            table[base] = vowel
            head = base[0]
        else:
            head = base
            if base != vowel:
                table[base] = vowel
        for mark, letter in zip(marks, _TONED[vowel][1:], strict=True):
            table[head + mark] = letter
    for code, letter in zip(_VNI_I[1:], _TONED["i"][1:], strict=True):
        table[code] = letter
    table["y" + "ï"] = "ỵ"
    table[_VNI_Y_DOT] = "ỵ"
    return table


@cache
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(_vni_table(), key=len, reverse=True)
    keys += [k.upper() for k in keys]
    return re.compile("|".join(re.escape(k) for k in keys))


def tcvn3_to_unicode(text: str) -> str:
    """Text typed in a TCVN3 font (read as cp1252 characters) -> Unicode NFC."""
    table = _tcvn3_table()
    return nfc("".join(table.get(c, c) for c in text))


def vni_to_unicode(text: str) -> str:
    """Text typed in a VNI font (read as cp1252 characters) -> Unicode NFC."""
    table = _vni_table()

    def sub(m: re.Match[str]) -> str:
        code = m.group(0)
        letter = table.get(code) or table[code.lower()].upper()
        return letter

    return nfc(_vni_pattern().sub(sub, text))


def unicode_to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 characters; capitals with marks fall back to lower case (.VnTimeH)."""
    reverse = {v: k for k, v in _tcvn3_table().items()}
    out = []
    for c in nfc(text):
        if c in reverse:
            out.append(reverse[c])
        elif c.lower() in reverse and c not in "ĂÂÊÔƠƯĐ":
            out.append(reverse[c.lower()])
        else:
            out.append(c)
    return "".join(out)


def unicode_to_vni(text: str) -> str:
    """Unicode -> VNI character sequences."""
    reverse = {v: k for k, v in _vni_table().items()}
    reverse["ỵ"] = "î"
    out = []
    for c in nfc(text):
        if c in reverse:
            out.append(reverse[c])
        elif c.lower() in reverse:
            out.append(reverse[c.lower()].upper())
        else:
            out.append(c)
    return "".join(out)


def font_encoding(font_name: str) -> Literal["tcvn3", "vni"] | None:
    """Which old encoding a font name implies: ".VnTime" -> tcvn3, "VNI-Times" -> vni."""
    name = font_name.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None
