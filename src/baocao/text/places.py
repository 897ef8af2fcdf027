"""Administrative places named in report text: "xã Tam Thanh", "các xã A, B và C"."""

from __future__ import annotations

import re

from baocao.document.model import Place
from baocao.text.find import word_starts
from baocao.text.normalize import LOWER, UPPER

_KINDS = ("thị trấn", "thành phố", "phường", "xã", "huyện", "tỉnh", "thôn", "xóm", "quận")
_SYLLABLE = rf"[{UPPER}][{LOWER}]*(?!\w)"
_NAME = rf"{_SYLLABLE}(?:\s+{_SYLLABLE}){{0,3}}|\d+"
_HEAD = re.compile(rf"(?<!\w)(?P<kind>(?i:{'|'.join(_KINDS)}))(?!\w)\s+(?=[{UPPER}\d])")
_NAME_RE = re.compile(_NAME)
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+)")


def extract_places(text: str) -> list[Place]:
    """Every place with its kind ("xã") and name ("Tam Thanh"), lists expanded one by one.

    In a list ("các xã Tân Khánh, Liên Bảo và Tam Thanh") the first place's text includes the
    kind word; the others are the bare names. A listed name needs two syllables, so "xã Minh
    Tân, Tiểu học …" stops before "Tiểu".
    """
    out: list[Place] = []
    heads = (_HEAD.match(text, at) for at in word_starts(text, _KINDS))
    for head in (h for h in heads if h):
        kind = head.group("kind").lower()
        pos, first = head.end(), True
        while True:
            m = _NAME_RE.match(text, pos)
            if not m or (m.group(0).isdigit() and kind not in ("phường", "quận")):
                break
            if not first and " " not in m.group(0):
                break
            start = head.start() if first else m.start()
            out.append(Place(text[start : m.end()], kind, m.group(0), start, m.end()))
            first = False
            sep = _LIST_SEP.match(text, m.end())
            if not sep or _HEAD.match(text, sep.end()) or not _NAME_RE.match(text, sep.end()):
                break
            pos = sep.end()
    return out
