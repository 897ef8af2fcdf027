"""Text files in any encoding a Vietnamese office has produced, and non-text refused."""

from __future__ import annotations

import codecs
import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.document.errors import DocumentError
from baocao.text.encoding import ENCODING_NAMES, decode_text_file
from baocao.text.legacy import unicode_to_tcvn3, unicode_to_vni
from tests.conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
# TCVN3 has no code for superscripts: the TCVN3 file of the sample is typed without them.
PLAIN = TEXT.translate(str.maketrans("", "", "¹²³"))


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes as Word wrote them: base letters, tones as combining marks."""
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
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (unicode_to_vni(TEXT).encode("cp1252"), "vni"),
        (_cp1258(TEXT), "cp1258"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16le-bom",
        "utf-16be-bom",
        "utf-16le",
        "utf-16be",
        "utf-32",
        "vni",
        "cp1258",
    ],
)
def test_every_encoding_decodes_back_to_the_sample(data, encoding):
    text, detected = decode_text_file(data)
    assert (detected, text) == (encoding, unicodedata.normalize("NFC", TEXT))
    assert detected in ENCODING_NAMES


def test_a_tcvn3_file_decodes_back_to_the_sample_up_to_toned_capitals():
    text, detected = decode_text_file(unicode_to_tcvn3(PLAIN).encode("cp1252"))
    assert detected == "tcvn3" and ENCODING_NAMES[detected] == "TCVN3 (ABC)"
    assert text.casefold() == PLAIN.casefold()
    assert "BÁO CÁO" in text and "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2" in text


def test_a_short_legacy_file_is_still_recognised():
    sentence = "Ủy ban nhân dân huyện đã tổ chức hội nghị triển khai nhiệm vụ năm 2023."
    assert decode_text_file(unicode_to_vni(sentence).encode("cp1252"))[1] == "vni"
    assert decode_text_file(unicode_to_tcvn3(sentence).encode("cp1252"))[1] == "tcvn3"
    assert decode_text_file(_cp1258(sentence))[1] == "cp1258"


@pytest.mark.parametrize(
    "data", [b"", b"   \r\n\t\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")]
)
def test_an_empty_file_is_refused(data):
    with pytest.raises(DocumentError, match="tệp rỗng"):
        decode_text_file(data, "x.txt")


@pytest.mark.parametrize("seed", range(5))
def test_random_binary_is_not_a_text_file(seed):
    data = random.Random(seed).randbytes(3000)
    with pytest.raises(DocumentError, match="không phải tệp văn bản"):
        decode_text_file(data, "x.bin")


def test_text_in_another_language_names_the_file_and_the_encodings_tried():
    data = ("Le café est très bon à Paris, où l'été dure longtemps. " * 20).encode("cp1252")
    with pytest.raises(DocumentError) as caught:
        decode_text_file(data, "french.txt")
    message = str(caught.value)
    assert "french.txt" in message and "không phải văn bản UTF-8" in message
    assert all(name in message for name in ("TCVN3 (ABC)", "VNI", "Windows-1258"))


def test_damaged_utf8_says_where():
    data = TEXT.encode("utf-8")
    cut = data.index("Công tác".encode()) + 1
    with pytest.raises(DocumentError, match=r"UTF-8 bị hỏng ở dòng \d+"):
        decode_text_file(data[:cut] + b"\xff" + data[cut:], "x.txt")


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.binary(max_size=600), st.lists(st.integers(0x20, 0xFF), max_size=600).map(bytes))
)
def test_decoding_raises_only_its_own_error(data):
    try:
        decode_text_file(data)
    except DocumentError:
        pass


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩị "
        "òóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ.,\n",
        max_size=300,
    )
)
def test_utf8_text_always_decodes_to_itself(text):
    if text.strip():
        assert decode_text_file(text.encode("utf-8")) == (text, "utf-8")
