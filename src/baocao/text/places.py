"""Administrative places named in report text: "xã Tam Thanh", "các xã A, B và C".

A place is a kind word ("xã", "thị trấn", "huyện", "thôn" …, any capitalisation) followed on the
same line by a name: a run of capitalised syllables ("Tam Thanh", "Gôi"), or a number for the
kinds that are numbered ("phường 5", "thôn 3"). "xã hội", "các xã, thị trấn" and "các xã đăng
ký" name nothing. A list ("các xã Tân Khánh, Liên Bảo, Đại An và Tam Thanh") gives one place per
name, each with its own offsets; it stops at a lower-case word other than "và", at a line end and
at the next kind word (which starts places of its own kind).

Doubtful names are confirmed in the commune gazetteer (`baocao.text.gazetteer`, loaded on first
need): a one-syllable name ("thị trấn Gôi" yes, "xã Tân" cut by a page break no), and a listed
name that is not followed by a separator ("xã Thành Lợi, Ban Chỉ huy …" stops before "Ban").
Without the gazetteer, a listed name needs two syllables and one-syllable names are kept.
"""

from __future__ import annotations

import re

from baocao.document.model import Place
from baocao.text.find import word_starts
from baocao.text.gazetteer import known
from baocao.text.normalize import LOWER, UPPER

_KINDS = (
    "tổ dân phố",
    "khu phố",
    "thị trấn",
    "thị xã",
    "thành phố",
    "phường",
    "xã",
    "huyện",
    "quận",
    "tỉnh",
    "thôn",
    "xóm",
    "ấp",
)
_NUMBERED = frozenset(("tổ dân phố", "khu phố", "phường", "quận", "thôn", "xóm", "ấp"))
_SP = r"[ \xa0]"
_SYLLABLE = rf"[{UPPER}][{LOWER}]*(?![\w'’])"
_HEAD = re.compile(
    r"(?<![\w'’])(?P<kind>(?i:"
    + "|".join(k.replace(" ", f"{_SP}+") for k in _KINDS)
    + rf"))(?!\w){_SP}+(?=[{UPPER}0-9])"
)
_NAME = re.compile(rf"{_SYLLABLE}(?:{_SP}{_SYLLABLE}){{0,3}}|[0-9]+(?![\w/]|[.,][0-9])")
_LIST_SEP = re.compile(rf"{_SP}*,{_SP}*(?:và{_SP}+)?|{_SP}+và{_SP}+")
# After a listed name, these end it cleanly; anything else (a lower-case word) makes it doubtful.
_END = re.compile(rf"{_SP}*(?:[,;.:)…]|và(?!\w)|$)", re.MULTILINE)
# Bodies, not places: "Huyện Đoàn", "Xã Đội", "Tỉnh Hội", "Huyện Ủy Vụ Bản".
_NOT_A_NAME = frozenset(("Đoàn", "Đội", "Hội", "Ủy", "Uỷ", "Ban", "Đảng"))


def extract_places(text: str) -> list[Place]:
    """Every place with its kind ("xã", lower case) and name ("Tam Thanh"), lists expanded.

    In a list the first place's text includes the kind word ("xã Tân Khánh"); the others are the
    bare names ("Liên Bảo"). `text[p.start:p.end] == p.text` for every place.
    """
    out: list[Place] = []
    for at in word_starts(text, _KINDS):
        head = _HEAD.match(text, at)
        if head and not _inside_longer_kind(text, at):
            out.extend(_places_at(text, head))
    return out


def _inside_longer_kind(text: str, at: int) -> bool:
    """Whether the kind word at `at` ends a longer one: "xã" of "thị xã"."""
    return text[max(0, at - 4) : at].lower() in ("thị ", "thị\xa0")


def _places_at(text: str, head: re.Match[str]) -> list[Place]:
    kind = " ".join(head["kind"].lower().split())
    out: list[Place] = []
    pos = head.end()
    while True:
        m = _NAME.match(text, pos)
        if not m or not _acceptable(text, kind, m, first=not out):
            break
        start = head.start() if not out else m.start()
        out.append(Place(text[start : m.end()], kind, m[0], start, m.end()))
        sep = _LIST_SEP.match(text, m.end())
        if not sep or _HEAD.match(text, sep.end()):
            break
        pos = sep.end()
    return out


def _acceptable(text: str, kind: str, m: re.Match[str], *, first: bool) -> bool:
    """Whether a name found after a kind word (or in its list) is taken as a place."""
    name = m[0]
    if name[0].isdigit():
        return kind in _NUMBERED
    syllables = name.split()
    if syllables[0] in ("Ủy", "Uỷ") or (len(syllables) == 1 and name in _NOT_A_NAME):
        return False
    clean_end = bool(_END.match(text, m.end()))
    if first and (len(syllables) > 1 or kind in _NUMBERED):
        return True
    if not first and len(syllables) > 1 and clean_end:
        return True
    confirmed = known(kind, name)
    if confirmed is None:  # no gazetteer, or a kind it does not hold (thôn, xóm)
        return first or len(syllables) > 1
    return confirmed
