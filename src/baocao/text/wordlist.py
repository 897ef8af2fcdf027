"""Vietnamese word and syllable lists, read from the underthesea wheel at run time.

The wheel ships `corpus/data/Viet74K.txt` (one word per line, 74 k words of one or more
syllables). We locate the file without importing underthesea, whose import loads models.
Nothing is downloaded and no copy is committed.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from baocao.text.normalize import nfc


def _data_file(relative: str) -> Path | None:
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.exists() else None


@cache
def words() -> frozenset[str]:
    """Every word of the list, lower-case NFC, syllables separated by one space."""
    path = _data_file("corpus/data/Viet74K.txt")
    if path is None:
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(" ".join(nfc(ln).lower().split()) for ln in lines if ln.strip())


@cache
def syllables() -> frozenset[str]:
    """Every syllable that occurs in a word of the list, lower-case NFC."""
    return frozenset(s for w in words() for s in w.split() if s.isalpha())
