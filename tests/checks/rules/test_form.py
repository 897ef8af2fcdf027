"""Form rules: number and symbol, signature prefix, first use of abbreviations."""

from __future__ import annotations

from tests.checks.helpers import findings

PARTY = """---
issuer:
  name: HUYỆN ỦY VỤ BẢN
  number: '{number}'
  place: Vụ Bản
  date: 2023-02-28
---

BÁO CÁO

**Kết quả tháng 2 năm 2023**

I. KẾT QUẢ

Nội dung.

Nơi nhận:
- Lưu VT.

{authority}
PHÓ BÍ THƯ

Nguyễn Văn A
"""


def party(number: str = "Số 45-BC/HU", authority: str = "T/M BAN THƯỜNG VỤ") -> str:
    return PARTY.format(number=number, authority=authority)


def test_a_well_formed_party_number_passes():
    assert findings(party(), "form.number") == []


def test_a_colon_or_single_digit_in_a_party_number_is_an_error():
    assert findings(party("Số: 45-BC/HU"), "form.number")[0][0] == "Số: 45-BC/HU"
    assert findings(party("Số 5-BC/HU"), "form.number")[0][0] == "Số 5-BC/HU"


def test_the_type_code_must_match_the_title():
    assert findings(party("Số 45-KH/HU"), "form.number") == [("KH", "BC")]


def test_a_state_prefix_in_a_party_document_is_an_error():
    assert findings(party(authority="TM. BAN THƯỜNG VỤ"), "form.sign-prefix") == [("TM.", "T/M")]


def test_a_party_collective_signing_kt_gets_a_warning():
    assert findings(party(authority="K/T BAN THƯỜNG VỤ"), "form.sign-prefix") == [("K/T", "T/M")]


def test_an_abbreviation_spelled_out_first_is_fine():
    text = "BÁO CÁO\n\nI. MỤC\n\nMặt trận Tổ quốc (MTTQ) và MTTQ xã; UBKT huyện; mục II."
    assert findings(text, "form.abbr-first-use") == [("UBKT", None)]
