"""Decoding a text file of unknown encoding: UTF-8/16/32, or the old Vietnamese code pages.

Order: empty -> error; byte-order marks; UTF-16 without a mark (NUL bytes on alternate
positions); other NUL bytes -> binary; strict UTF-8; else each legacy candidate (TCVN3, VNI,
Windows-1258) decodes the start of the file and is scored by the share of its words that are
Vietnamese syllables (`wordlist.syllables`); the best one decodes the whole file if it reads as
Vietnamese. Binary data and text in no known encoding get one clear error.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from baocao.document.errors import DocumentError
from baocao.text.legacy import tcvn3_to_unicode, vni_to_unicode
from baocao.text.normalize import nfc

# Key returned by decode_text_file -> the name shown to the user ("đã nhận dạng bảng mã …").
ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (có BOM)",
    "utf-16": "UTF-16",
    "utf-32": "UTF-32",
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
    "cp1258": "Windows-1258",
}
_BOMS = (
    # UTF-32 LE first: its mark starts with the UTF-16 LE mark.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY: dict[str, Callable[[bytes], str]] = {
    "tcvn3": lambda b: tcvn3_to_unicode(b.decode("cp1252", errors="replace")),
    "vni": lambda b: vni_to_unicode(b.decode("cp1252", errors="replace")),
    "cp1258": lambda b: nfc(b.decode("cp1258", errors="replace")),
}
_WORD = re.compile(r"[^\W\d_]+")
_MIN_SCORE = 0.6  # Vietnamese text scores 0.9+; English or binary read as TCVN3 below 0.4
_SCORE_BYTES = 65536
_CONTROL = bytes(c for c in range(32) if c not in b"\t\n\r\f\x1a")


def decode_text_file(data: bytes, path: str | Path | None = None) -> tuple[str, str]:
    """(NFC text, encoding key) of a text file's bytes; DocumentError when it is not text.

    The key is one of `ENCODING_NAMES`: "utf-8", "utf-8-sig", "utf-16", "utf-32", "tcvn3",
    "vni", "cp1258". A leading byte-order mark is dropped from the text.
    """
    if _is_empty(data):
        raise DocumentError(path, "tệp rỗng", "the file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, path), codec
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, path), "utf-16"
    if b"\x00" in data or sum(data[:_SCORE_BYTES].count(c) for c in _CONTROL) > 8:
        raise DocumentError(
            path, "không phải tệp văn bản (dữ liệu nhị phân)", "not a text file (binary data)"
        )
    try:
        return nfc(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            line = data.count(b"\n", 0, error.start) + 1
            raise DocumentError(
                path,
                f"tệp UTF-8 bị hỏng ở dòng {line} (byte {error.start})",
                f"corrupt UTF-8 at line {line} (byte {error.start})",
            ) from None
    return _best_legacy(data, path)


def _is_empty(data: bytes) -> bool:
    for bom, _codec in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    return not data.replace(b"\x00", b"").strip()


def _strict(data: bytes, codec: str, path: str | Path | None) -> str:
    try:
        return nfc(data.decode(codec)).removeprefix("\ufeff")
    except UnicodeDecodeError:
        name = ENCODING_NAMES[codec.removesuffix("-le").removesuffix("-be")]
        raise DocumentError(
            path,
            f"tệp có dấu hiệu {name} nhưng dữ liệu bị hỏng",
            f"looks like {name} but the data is corrupt",
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Many well-formed multi-byte sequences and few bad bytes: damaged UTF-8, not a code page."""
    good = len(re.findall(rb"[\xc2-\xf4][\x80-\xbf]+", data[:_SCORE_BYTES]))
    text = data[:_SCORE_BYTES].decode("utf-8", errors="replace")
    return good >= 20 and text.count("\ufffd") * 20 <= good


def vietnamese_score(text: str) -> float:
    """Share of the words of `text` that are Vietnamese syllables (0 when there are none)."""
    from baocao.text.wordlist import syllables

    known = syllables()
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    return sum(1 for w in words if w in known) / len(words)


def _best_legacy(data: bytes, path: str | Path | None) -> tuple[str, str]:
    head = data[:_SCORE_BYTES]
    scored = []
    for key, decode in _LEGACY.items():
        text = decode(head)
        scored.append((vietnamese_score(text) - text.count("\ufffd") / 100, key))
    score, key = max(scored)
    if score < _MIN_SCORE:
        tried = ", ".join(ENCODING_NAMES[k] for k in ("utf-8", "utf-16", *_LEGACY))
        raise DocumentError(
            path,
            f"không phải văn bản UTF-8 và không đọc được bằng bảng mã nào đã thử ({tried})",
            f"not UTF-8 text, and no known encoding fits (tried {tried})",
        )
    return _LEGACY[key](data), key
