"""Places: single names, lists expanded one by one, the gazetteer, and "xã hội" never a place."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.text.gazetteer import known
from baocao.text.normalize import nfc
from baocao.text.places import extract_places

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "huyen-uy-vu-ban-2023-02.txt"
needs_gazetteer = pytest.mark.skipif(
    known("xã", "Tam Thanh") is None, reason="underthesea's address data is not installed"
)


@pytest.fixture(scope="module")
def sample() -> str:
    if not SAMPLE.exists():
        pytest.skip("the shared sample is absent")
    return nfc(SAMPLE.read_text(encoding="utf-8"))


def _pairs(text: str) -> list[tuple[str, str]]:
    places = extract_places(text)
    assert all(text[p.start : p.end] == p.text for p in places)
    return [(p.type, p.name) for p in places]


def test_a_list_gives_one_place_per_name_each_with_its_offsets():
    text = "kiểm tra các xã Tân Khánh, Liên Bảo, Đại An và Tam Thanh về việc"
    places = extract_places(text)
    assert [(p.type, p.name) for p in places] == [
        ("xã", "Tân Khánh"),
        ("xã", "Liên Bảo"),
        ("xã", "Đại An"),
        ("xã", "Tam Thanh"),
    ]
    assert [p.text for p in places] == ["xã Tân Khánh", "Liên Bảo", "Đại An", "Tam Thanh"]
    assert all(text[p.start : p.end] == p.text for p in places)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tại xã Kim Thái, Đại Thắng; 02 vụ", [("xã", "Kim Thái"), ("xã", "Đại Thắng")]),
        (
            "hộ nghèo tại xã Tam Thanh, Thành Lợi, Trung Thành, thị trấn Gôi. Triển khai",
            [
                ("xã", "Tam Thanh"),
                ("xã", "Thành Lợi"),
                ("xã", "Trung Thành"),
                ("thị trấn", "Gôi"),
            ],
        ),
        ("Xã Vụ Bản tổ chức", [("xã", "Vụ Bản")]),
        ("hội viên thôn Lập Vũ xã Hợp Hưng từ", [("thôn", "Lập Vũ"), ("xã", "Hợp Hưng")]),
        ("UBND huyện Vụ Bản, tỉnh Nam Định", [("huyện", "Vụ Bản"), ("tỉnh", "Nam Định")]),
        (
            "Thành phố Hồ Chí Minh và thị xã Sơn Tây",
            [("thành phố", "Hồ Chí Minh"), ("thị xã", "Sơn Tây")],
        ),
        ("tại phường 5, quận 3 và thôn 2", [("phường", "5"), ("quận", "3"), ("thôn", "2")]),
        ("tổ dân phố 4 phường Trần Hưng Đạo", [("tổ dân phố", "4"), ("phường", "Trần Hưng Đạo")]),
    ],
)
def test_places_and_lists_in_sentences(text, expected):
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "phát triển kinh tế - xã hội, bảo trợ xã hội, các tổ chức chính trị - xã hội",
        "Bộ Lao động - Thương binh và Xã hội",
        "các xã, thị trấn đăng ký NTM; các xã đăng ký về đích",
        "làm việc với Ủy ban MTTQ tỉnh về kiểm tra",
        "Huyện Đoàn, Tỉnh Ủy Nam Định, Xã Đội và Tỉnh Hội",
        "gồm 5 huyện và thành phố.",
        "xã 5 và huyện 3",  # communes and districts are not numbered in prose
        "cấp xã\nTam Thanh",  # a name on the next line is not this place's
    ],
)
def test_words_that_name_no_place(text):
    assert _pairs(text) == []


def test_a_list_stops_at_a_school_name_and_a_new_kind():
    text = "THCS xã Minh Tân, Tiểu học thị trấn Gôi, Mầm non xã Thành Lợi"
    assert [p.text for p in extract_places(text)] == ["xã Minh Tân", "thị trấn Gôi", "xã Thành Lợi"]


@needs_gazetteer
def test_the_gazetteer_settles_doubtful_names():
    assert _pairs("xã Thành Lợi, Ban Chỉ huy Quân sự huyện") == [("xã", "Thành Lợi")]
    assert _pairs("các xã Liên Bảo và Tam Thanh về việc") == [
        ("xã", "Liên Bảo"),
        ("xã", "Tam Thanh"),
    ]
    assert _pairs("thị trấn Gôi") == [("thị trấn", "Gôi")]
    assert _pairs("Đảng ủy các xã Tân\n") == []  # a name cut by a page break


@needs_gazetteer
def test_the_gazetteer_folds_tone_marks_and_case():
    assert known("xã", "Thuỷ An") and known("xã", "Thủy An")
    assert known("huyện", "vụ bản") and known("tỉnh", "Nam Định")
    assert known("thành phố", "Nam Định") and known("thành phố", "Hồ Chí Minh")
    assert known("xã", "Hội") is False and known("tỉnh", "Đoàn") is False
    assert known("thôn", "Lập Vũ") is None  # villages are not in it


def test_the_sample_names_its_communes(sample):
    places = extract_places(sample)
    assert all(sample[p.start : p.end] == p.text for p in places)
    names = {(p.type, p.name) for p in places}
    assert {
        ("xã", "Tam Thanh"),
        ("xã", "Minh Tân"),
        ("thị trấn", "Gôi"),
        ("xã", "Thành Lợi"),
        ("xã", "Hợp Hưng"),
        ("xã", "Liên Minh"),
        ("xã", "Vĩnh Hào"),
        ("thôn", "Lập Vũ"),
        ("huyện", "Vụ Bản"),
        ("tỉnh", "Nam Định"),
    } <= names
    assert {p.name for p in places if p.name in ("Hội", "Tân", "Đại", "Về")} == set()


def test_the_sample_lists_expand_to_one_place_per_commune(sample):
    at = sample.index("tàng trữ trái phép chất ma túy tại xã Vĩnh Hào, Liên Minh")
    listed = [p for p in extract_places(sample) if at <= p.start < at + 80]
    assert [(p.text, p.name) for p in listed] == [
        ("xã Vĩnh Hào", "Vĩnh Hào"),
        ("Liên Minh", "Liên Minh"),
    ]


@given(st.text(alphabet="xã thị trấn Tam Thanh,Gôi và\nhội ĐạiAn5", max_size=60))
def test_place_soup_gives_consistent_slices(text):
    for p in extract_places(text):
        assert text[p.start : p.end] == p.text
        assert p.text.endswith(p.name)
        assert p.name[0].isupper() or p.name.isdigit()


@pytest.mark.parametrize(
    "hostile",
    ["xã Tam Thanh, " * 3000, "xã " * 10000, "Xã Ấ Ấ Ấ Ấ Ấ " * 3000, "các xã A và " * 3000],
)
def test_hostile_input_stays_linear(hostile):
    extract_places("thị trấn Gôi")  # the gazetteer loads once, outside the timing
    start = time.perf_counter()
    extract_places(hostile)
    assert time.perf_counter() - start < 0.25
