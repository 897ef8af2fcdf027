"""Places: single names, lists expanded one by one, and "xã hội" never a place."""

from __future__ import annotations

from baocao.text.places import extract_places


def test_a_list_gives_one_place_per_name():
    text = "kiểm tra các xã Tân Khánh, Liên Bảo, Đại An và Tam Thanh về việc"
    places = extract_places(text)
    assert [(p.type, p.name) for p in places] == [
        ("xã", "Tân Khánh"),
        ("xã", "Liên Bảo"),
        ("xã", "Đại An"),
        ("xã", "Tam Thanh"),
    ]
    assert all(text[p.start : p.end] == p.text for p in places)
    assert places[0].text == "xã Tân Khánh"


def test_social_and_generic_uses_are_not_places():
    text = "phát triển kinh tế - xã hội, bảo trợ xã hội, các xã, thị trấn đăng ký NTM"
    assert extract_places(text) == []


def test_a_list_stops_at_a_school_name_and_a_new_kind():
    text = "THCS xã Minh Tân, Tiểu học thị trấn Gôi, Mầm non xã Thành Lợi"
    assert [p.text for p in extract_places(text)] == ["xã Minh Tân", "thị trấn Gôi", "xã Thành Lợi"]


def test_the_sample_names_its_communes(sample_doc):
    names = {p.name for p in sample_doc.places}
    assert {"Tam Thanh", "Gôi", "Thành Lợi", "Hợp Hưng", "Vụ Bản", "Nam Định"} <= names
