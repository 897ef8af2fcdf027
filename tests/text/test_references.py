"""Document references: type, number, code and date, as cited in the sample and elsewhere."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.text.normalize import nfc
from baocao.text.references import extract_references

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "huyen-uy-vu-ban-2023-02.txt"


@pytest.fixture(scope="module")
def sample_refs():
    if not SAMPLE.exists():
        pytest.skip("the shared sample is absent")
    text = nfc(SAMPLE.read_text(encoding="utf-8"))
    refs = extract_references(text)
    assert all(text[r.start : r.end] == r.text for r in refs)
    return refs


@pytest.mark.parametrize(
    ("text", "type_", "number", "code", "date"),
    [
        ("Kết luận số 01-KL/TW ngày 18/5/2021", "Kết luận", "01", "01-KL/TW", "2021-05-18"),
        ("Chỉ thị số 05-CT/TW", "Chỉ thị", "05", "05-CT/TW", ""),
        ("Kế hoạch số 31-KH/HU, ngày 09/02/2023", "Kế hoạch", "31", "31-KH/HU", "2023-02-09"),
        ("Chỉ thị số 18-CT/TW ngày 26/10/2022", "Chỉ thị", "18", "18-CT/TW", "2022-10-26"),
        (
            "kết luận số 2326/KL-TTCTP ngày 29/12/2022",
            "Kết luận",
            "2326",
            "2326/KL-TTCTP",
            "2022-12-29",
        ),
        ("Chỉ thị số 17 ngày 21/10/2022", "Chỉ thị", "17", "", "2022-10-21"),
        ("Nghị định số 02", "Nghị định", "02", "", ""),
        ("Nghị quyết số 10", "Nghị quyết", "10", "", ""),
        ("Chỉ thị 01-CT/HU", "Chỉ thị", "01", "01-CT/HU", ""),
        ("Thông tư 04/2023/TT-BTC", "Thông tư", "04", "04/2023/TT-BTC", ""),
        ("Luật Đất đai", "Luật", "", "", ""),
    ],
)
def test_it_reads_the_sample_citations(sample_refs, text, type_, number, code, date):
    (r,) = [r for r in sample_refs if r.text == text]
    assert (r.type, r.number, r.code, r.date) == (type_, number, code, date)


def test_the_sample_cites_nothing_else(sample_refs):
    # "các Nghị quyết của HĐND", "Quyết định của Ban Thường vụ", "dự thảo Luật đất đai",
    # "Chương trình công tác năm 2023", "Đề án “…”" cite no numbered document
    assert len(sample_refs) == 11


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "theo Nghị định 30/2020/NĐ-CP của Chính phủ",
            [("Nghị định 30/2020/NĐ-CP", "Nghị định", "30", "30/2020/NĐ-CP", "")],
        ),
        (
            "Quyết định số 1234/QĐ-UBND ngày 5 tháng 3 năm 2023 của UBND",
            [
                (
                    "Quyết định số 1234/QĐ-UBND ngày 5 tháng 3 năm 2023",
                    "Quyết định",
                    "1234",
                    "1234/QĐ-UBND",
                    "2023-03-05",
                )
            ],
        ),
        (
            "Thông báo kết luận số 12-TB/TU ngày 1/2/2023",
            [
                (
                    "Thông báo kết luận số 12-TB/TU ngày 1/2/2023",
                    "Thông báo",
                    "12",
                    "12-TB/TU",
                    "2023-02-01",
                )
            ],
        ),
        (
            "KẾ HOẠCH số: 5-KH/TU",
            [("KẾ HOẠCH số: 5-KH/TU", "Kế hoạch", "5", "5-KH/TU", "")],
        ),
        (
            "Luật số 45/2013/QH13 và Quyết định số 15/2021/QĐ-TTg",
            [
                ("Luật số 45/2013/QH13", "Luật", "45", "45/2013/QH13", ""),
                ("Quyết định số 15/2021/QĐ-TTg", "Quyết định", "15", "15/2021/QĐ-TTg", ""),
            ],
        ),
        (
            "theo Luật Phòng, chống tham nhũng năm 2018 và Bộ luật Hình sự của Quốc hội",
            [
                ("Luật Phòng, chống tham nhũng", "Luật", "", "", ""),
                ("Bộ luật Hình sự", "Bộ luật", "", "", ""),
            ],
        ),
        (
            "Chỉ thị số 17 ngày 31/02/2022",
            [("Chỉ thị số 17 ngày 31/02/2022", "Chỉ thị", "17", "", "")],
        ),
        ("các Nghị quyết của HĐND, Quyết định của Ban Thường vụ", []),
        ("pháp luật Việt Nam, Luật sư tư vấn, dự thảo Luật đất đai", []),
        ("Kế hoạch duy tu năm 2023 (có 04 hạng mục)", []),
    ],
)
def test_sentences_give_exactly_their_citations(sentence, expected):
    refs = extract_references(sentence)
    assert [(r.text, r.type, r.number, r.code, r.date) for r in refs] == expected
    assert all(sentence[r.start : r.end] == r.text for r in refs)


@given(st.text(alphabet="Kế hoạch số 31-KH/HU, ngày 09/02/2023 Luật Đất đai\n", max_size=80))
def test_citation_soup_gives_consistent_slices(text):
    for r in extract_references(text):
        assert text[r.start : r.end] == r.text
        assert r.code.startswith(r.number)
        assert r.date == "" or len(r.date) == 10


@given(st.text(max_size=80))
def test_any_text_gives_consistent_slices(text):
    assert all(text[r.start : r.end] == r.text for r in extract_references(text))


@pytest.mark.parametrize(
    "hostile",
    [
        "Kế hoạch số " * 3000,
        "Luật Đất đai đai đai " * 3000,
        "Nghị định a b c " * 3000,
        "Chỉ thị 1-A/B-C/D-E " * 2000,
    ],
)
def test_hostile_input_stays_linear(hostile):
    start = time.perf_counter()
    extract_references(hostile)
    assert time.perf_counter() - start < 0.25
