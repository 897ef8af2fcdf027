"""Style rules: official names' capitals, admin units, year ranges, number grouping."""

from __future__ import annotations

from tests.checks.helpers import findings


def test_lower_cased_official_names_are_flagged(sample_doc):
    flagged = findings(sample_doc, "cap.org")
    assert ("Bộ chính trị", "Bộ Chính trị") in flagged
    assert ("Mặt trận tổ quốc", "Mặt trận Tổ quốc") in flagged
    assert all(text != "Hội Nông dân" for text, _ in flagged)


def test_generic_plural_uses_are_not_names():
    text = "BÁO CÁO\n\nI. MỤC\n\nCác ủy ban nhân dân xã và Ủy ban nhân dân huyện."
    assert findings(text, "cap.org") == []


def test_a_capitalised_admin_noun_mid_sentence_is_flagged():
    text = "BÁO CÁO\n\nI. MỤC\n\nLàm việc tại Xã Tam Thanh và Huyện ủy, tỉnh Nam Định."
    assert findings(text, "cap.admin-unit") == [("Xã", "xã")]


def test_year_ranges_follow_the_majority_spacing(sample_doc):
    flagged = findings(sample_doc, "style.range-spacing")
    assert flagged and all(text == "2020 - 2025" for text, _ in flagged)


def test_ungrouped_numbers_are_flagged_when_others_are_grouped(sample_doc):
    assert findings(sample_doc, "style.number-grouping") == [("1027", "1.027"), ("2158", "2.158")]
