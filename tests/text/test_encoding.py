"""Text files in any encoding a Vietnamese office has produced, and non-text refused."""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.document.errors import DocumentError
from baocao.text.encoding import decode_text_file
from baocao.text.legacy import (
    font_encoding,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
# TCVN3 has no code for superscripts or typographic quotes: use plain text for that file.
PLAIN = TEXT.translate(str.maketrans("", "", "¹²“”")).lower()


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed base letters, tones as combining marks."""
    out = bytearray()
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", c)
            tones = [m for m in d if m in "\u0300\u0301\u0303\u0309\u0323"]
            base = unicodedata.normalize("NFC", "".join(m for m in d if m not in tones))
            out += base.encode("cp1258") + "".join(tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize(
    ("data", "expected", "encoding"),
    [
        (TEXT.encode("utf-16"), TEXT, "utf-16"),
        (TEXT.encode("utf-16-le"), TEXT, "utf-16"),
        (TEXT.encode("utf-16-be"), TEXT, "utf-16"),
        (TEXT.encode("utf-8-sig"), TEXT, "utf-8-sig"),
        (unicode_to_vni(TEXT).encode("cp1252"), TEXT, "vni"),
        (_cp1258(TEXT), TEXT, "cp1258"),
        (unicode_to_tcvn3(PLAIN).encode("cp1252"), PLAIN, "tcvn3"),
    ],
)
def test_every_encoding_decodes_back_to_the_sample(data, expected, encoding):
    text, detected = decode_text_file(data)
    assert detected == encoding
    assert text == expected


def test_the_known_tcvn3_pair():
    assert tcvn3_to_unicode("Uû ban nh©n d©n") == "Uỷ ban nhân dân"
    assert vni_to_unicode("Xin chaøo caùc baïn") == "Xin chào các bạn"
    assert font_encoding(".VnTime") == "tcvn3" and font_encoding("VNI-Times") == "vni"
    assert font_encoding("Times New Roman") is None


def test_every_vietnamese_letter_round_trips_through_vni():
    letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    both = letters + letters.upper()
    assert vni_to_unicode(unicode_to_vni(both)) == both
    assert tcvn3_to_unicode(unicode_to_tcvn3(letters)) == letters


@pytest.mark.parametrize("data", [b"", b"   \n\n", os.urandom(2000), b"\x00\x01\x02binary\x00"])
def test_empty_and_binary_files_are_refused(data):
    with pytest.raises(DocumentError):
        decode_text_file(data, "x.txt")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=500))
def test_decoding_raises_only_its_own_error(data):
    try:
        decode_text_file(data)
    except DocumentError:
        pass
