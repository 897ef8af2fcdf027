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


STATE_HEADER = """UBND HUYỆN CẦN GIUỘC
TRƯỜNG MG LONG THƯỢNG

Số: 144/BC-MGLT

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

{date_line}

BÁO CÁO
Kết quả năm học 2022-2023

I. KẾT QUẢ

Nội dung.
"""


def _severities(text_or_doc, rule: str) -> list[str]:
    from baocao.checks.run import check_document
    from tests.checks.helpers import doc_of

    doc = doc_of(text_or_doc) if isinstance(text_or_doc, str) else text_or_doc
    return [f.severity for f in check_document(doc) if f.rule == rule]


def test_the_place_and_date_line_is_judged_as_typed():
    def date_line(line: str) -> list[str]:
        return _severities(STATE_HEADER.format(date_line=line), "form.date-line")

    assert date_line("Long Thượng, ngày 10 tháng 5 năm 2023") == []
    assert date_line("Long Thượng, ngày 05 tháng 02 năm 2023") == []
    # a missing 0 breaks the rule; an extra one (the real 012 report's "tháng 05") is usage
    assert date_line("Long Thượng, ngày 5 tháng 02 năm 2023") == ["error"]
    assert date_line("Long Thượng, ngày 05 tháng 2 năm 2023") == ["error"]
    assert date_line("Long Thượng, ngày 10 tháng 05 năm 2023") == ["warning"]
    # room left to write the day by hand at signing is spacing, only information
    assert date_line("Long Thượng, ngày 10 tháng  5  năm 2023") == ["info"]


def test_the_date_line_finding_points_at_the_header_and_suggests_the_form():
    text = STATE_HEADER.format(date_line="Long Thượng, ngày 5 tháng 3 năm 2023")
    assert findings(text, "form.date-line") == [
        ("Long Thượng, ngày 05 tháng 3 năm 2023", "Long Thượng, ngày 05 tháng 3 năm 2023")
    ]


def test_a_date_line_the_writer_printed_is_never_flagged(tmp_path):
    from baocao.document.io import read_document, write_document
    from tests.checks.helpers import doc_of

    doc = doc_of(STATE_HEADER.format(date_line="Long Thượng, ngày 5 tháng 3 năm 2023"))
    out = tmp_path / "r.html"
    write_document(doc, out)
    again = read_document(out)
    assert again == doc  # the typed line is no part of a document's identity
    assert _severities(again, "form.date-line") == []
