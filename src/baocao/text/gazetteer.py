"""Names of Vietnam's provinces, districts and communes, from underthesea's address data.

The underthesea wheel ships `address/data/mapping.json` (source: vietnamadminunits 1.0.4): every
commune before and after the reform of 1 July 2025, with its district and province. We locate the
file without importing underthesea (its import loads models) and read it once, on first use
(70-110 ms; callers ask only about doubtful names); nothing is downloaded and no copy is
committed. Names are compared folded ("Thành Lợi" -> "thanh loi"), so "Thủy"/"Thuỷ" and
capitalisation do not matter.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from pathlib import Path
from typing import Literal

from baocao.text.normalize import LOWER, fold

Level = Literal["commune", "district", "province"]

_LEVELS: dict[str, tuple[Level, ...]] = {
    "xã": ("commune",),
    "phường": ("commune",),
    "thị trấn": ("commune",),
    "đặc khu": ("commune",),
    "huyện": ("district",),
    "quận": ("district",),
    "thị xã": ("district",),
    "thành phố": ("district", "province"),
    "tỉnh": ("province",),
}
_FIELDS: dict[str, Level] = {
    "old_ward": "commune",
    "new_ward": "commune",
    "old_district": "district",
    "old_province": "province",
    "new_province": "province",
}
_KIND_PREFIX = re.compile(
    r"^(?:xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s+", re.IGNORECASE
)


def known(kind: str, name: str) -> bool | None:
    """Whether a place of this kind ("xã") may bear this name ("Tam Thanh").

    None when the kind has no level in the data (thôn, xóm) or the data file is missing.
    """
    levels = _LEVELS.get(" ".join(kind.lower().split()))
    if not levels:
        return None
    names = _names()
    if names is None:
        return None
    key = _key(name)
    return any(key in names[level] for level in levels)


# fold() letter by letter, as one str.translate table: 50 000 names fold in a few ms
_FOLD = str.maketrans({c: fold(c) for c in LOWER if fold(c) != c})


def _key(name: str) -> str:
    return " ".join(name.lower().translate(_FOLD).split())


def _data_file() -> Path | None:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "address" / "data" / "mapping.json"
    return path if path.exists() else None


# The file is pretty-printed JSON; scanning its bytes for the five name fields takes a third
# of the time json.loads needs for the whole 4.6 MB (the rest of each record is unused).
_FIELD = re.compile(rb'"(old_ward|new_ward|old_district|old_province|new_province)": *"([^"]*)"')


@cache
def _names() -> dict[Level, frozenset[str]] | None:
    path = _data_file()
    if path is None:
        return None
    raw = path.read_bytes()
    pairs = set(_FIELD.findall(raw))
    if not pairs:  # laid out differently: read it properly
        rows = json.loads(raw).get("ward_mapping", [])
        pairs = {(f.encode(), (r.get(f) or "").encode()) for r in rows for f in _FIELDS}
    found: dict[Level, set[str]] = {"commune": set(), "district": set(), "province": set()}
    for field, value in pairs:
        name = json.loads(b'"' + value + b'"') if b"\\" in value else value.decode()
        if name.strip():
            found[_FIELDS[field.decode()]].add(_key(_KIND_PREFIX.sub("", name.strip())))
    return {level: frozenset(keys) for level, keys in found.items()}
