"""TCVN3 and VNI, the 8-bit encodings of Vietnamese documents typed before Unicode."""

from __future__ import annotations

import unicodedata

import pytest

from baocao.text.legacy import (
    font_encoding,
    font_is_capitals,
    legacy_to_unicode,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from baocao.text.normalize import unify_tone
from tests.conftest import SAMPLE

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
# Every lower-case accented letter: 12 vowels x 6 tones, minus the 6 plain vowels, plus đ.
LOWER = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES]
LOWER = [c for c in LOWER if c not in "aeiouy"] + ["đ"]
LETTERS = LOWER + [c.upper() for c in LOWER]
TEXT = SAMPLE.read_text(encoding="utf-8")
SUPERSCRIPTS = str.maketrans("", "", "¹²³")


def test_there_are_134_accented_letters_and_each_has_its_own_code():
    assert len(set(LETTERS)) == 134
    assert len({unicode_to_vni(c) for c in LETTERS}) == 134
    assert len({unicode_to_tcvn3(c) for c in LOWER}) == 67


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_vni(letter):
    code = unicode_to_vni(letter)
    assert code != letter or letter in "ìíÌÍ"  # VNI keeps the Latin-1 ì í as they are
    code.encode("cp1252")  # a VNI file is bytes of the Windows code page
    assert vni_to_unicode(code) == letter


@pytest.mark.parametrize("letter", LOWER)
def test_every_letter_round_trips_through_tcvn3_in_both_cases(letter):
    code = unicode_to_tcvn3(letter)
    assert len(code) == 1 and code.encode("cp1252")
    assert tcvn3_to_unicode(code) == letter
    # A toned capital has no code of its own: inside a word in capitals it reads as a capital.
    word = f"X{letter.upper()}X"
    assert tcvn3_to_unicode(unicode_to_tcvn3(word)) == word


def test_the_well_known_codes_of_both_tables():
    assert tcvn3_to_unicode("Uû ban nh©n d©n") == "Uỷ ban nhân dân"
    assert unify_tone("Uỷ") == "Ủy"
    assert tcvn3_to_unicode("\xa8\xa9\xaa\xab\xac\xad\xae") == "ăâêôơưđ"
    assert tcvn3_to_unicode("\xa1\xa2\xa3\xa4\xa5\xa6\xa7") == "ĂÂÊÔƠƯĐ"
    assert vni_to_unicode("Xin chaøo caùc baïn") == "Xin chào các bạn"
    assert vni_to_unicode("ñ ö ô Ñ Ö Ô") == "đ ư ơ Đ Ư Ơ"
    assert vni_to_unicode("Ñaûng Coäng saûn Vieät Nam") == "Đảng Cộng sản Việt Nam"


def test_tcvn3_capitals_follow_their_word_and_line():
    assert tcvn3_to_unicode("B¸O C¸O") == "BÁO CÁO"
    assert tcvn3_to_unicode("§¶NG CéNG S¶N VIÖT NAM") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert tcvn3_to_unicode("A. KÕT QU¶ thùc hiÖn") == "A. KẾT QUẢ thực hiện"
    assert tcvn3_to_unicode("II. NHIÖM Vô TRäNG T¢M") == "II. NHIỆM VỤ TRỌNG TÂM"
    assert tcvn3_to_unicode("Bé chÝnh trÞ") == "Bộ chính trị"


def test_a_run_in_a_capitals_font_is_upper_case():
    assert legacy_to_unicode("b¸o c¸o", ".VnTimeH") == "BÁO CÁO"
    assert legacy_to_unicode("b¸o c¸o", ".VnTime") == "báo cáo"
    assert legacy_to_unicode("baùo caùo", "VNI-Times") == "báo cáo"
    assert legacy_to_unicode("báo cáo", "Times New Roman") == "báo cáo"


@pytest.mark.parametrize(
    ("font", "encoding"),
    [
        (".VnTime", "tcvn3"),
        (".VnTimeH", "tcvn3"),
        (".VnArial", "tcvn3"),
        (".VnArial NarrowH", "tcvn3"),
        ("VnTime", "tcvn3"),
        ("VNI-Times", "vni"),
        ("VNI-Helve", "vni"),
        ("VNI Times", "vni"),
        ("Times New Roman", None),
        ("Liberation Serif", None),
        ("", None),
    ],
)
def test_fonts_name_their_encoding(font, encoding):
    assert font_encoding(font) == encoding


def test_only_the_h_fonts_draw_capitals():
    assert font_is_capitals(".VnTimeH") and font_is_capitals(".VnArialH")
    assert not font_is_capitals(".VnTime") and not font_is_capitals("VNI-Times")


def test_the_sample_round_trips_through_vni_exactly():
    assert vni_to_unicode(unicode_to_vni(TEXT)) == TEXT


def test_the_sample_round_trips_through_tcvn3_up_to_toned_capitals():
    text = TEXT.translate(SUPERSCRIPTS)
    back = tcvn3_to_unicode(unicode_to_tcvn3(text))
    assert len(back) == len(text) and back.casefold() == text.casefold()
    for line, again in zip(text.splitlines(), back.splitlines(), strict=True):
        if line.isupper() or not any(c.isupper() and c.lower() in LOWER for c in line):
            assert again == line  # headings in capitals, and lines with no toned capital
