"""Figures of the real sample: what is a figure, what is not, exact offsets, and speed."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.text.figures import extract_figures
from baocao.text.normalize import nfc
from baocao.text.places import extract_places
from baocao.text.references import extract_references

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "huyen-uy-vu-ban-2023-02.txt"


@pytest.fixture(scope="module")
def sample() -> str:
    if not SAMPLE.exists():
        pytest.skip("the shared sample is absent")
    return nfc(SAMPLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def figures(sample):
    return extract_figures(sample)


def _the(figures, sample, phrase, text):
    """The figure whose text is `text`, inside the first occurrence of `phrase`."""
    at = sample.index(phrase) + phrase.index(text)
    (found,) = [f for f in figures if f.start == at]
    assert found.text == text
    return found


@pytest.mark.parametrize(
    ("phrase", "text", "kind", "value", "unit", "total"),
    [
        ("tổng diện tích 8.900 ha", "8.900 ha", "quantity", 8900, "ha", None),
        ("với 10.430 cây", "10.430 cây", "quantity", 10430, "cây", None),
        ("là 149,34 tỷ đồng", "149,34 tỷ đồng", "money", 149.34, "tỷ đồng", None),
        ("số tiền 297,5 triệu đồng", "297,5 triệu đồng", "money", 297.5, "triệu đồng", None),
        ("16,7/715,9 tỷ đồng", "16,7/715,9 tỷ đồng", "ratio", 16.7, "tỷ đồng", 715.9),
        ("khác 14,9/65,9 tỷ, đạt", "14,9/65,9 tỷ", "ratio", 14.9, "tỷ", 65.9),
        ("bản 05/51 dự án", "05/51 dự án", "ratio", 5, "dự án", 51),
        ("đạt 2,3% dự toán", "2,3%", "percent", 2.3, "%", None),
        ("đạt 0,27% dự toán", "0,27%", "percent", 0.27, "%", None),
        ("Cây lúa 7.950 ha, đạt 100% KH", "100%", "percent", 100, "%", None),
        ("Cấp 1027 căn cước công dân", "1027 căn cước công dân", "quantity", 1027, None, None),
        ("2158 mã định danh", "2158 mã định danh", "quantity", 2158, "mã định danh", None),
        ("xin ra khỏi Đảng 01 đ/c", "01 đ/c", "quantity", 1, "đ/c", None),
        ("01 lượt người", "01 lượt người", "quantity", 1, "lượt người", None),
        # a number and the noun it counts, outside the unit list
        ("gồm 5 huyện", "5 huyện", "quantity", 5, "huyện", None),
        ("02 nghị quyết chuyên đề", "02 nghị quyết", "quantity", 2, "nghị quyết", None),
        ("kỷ niệm 92 năm Ngày", "92 năm", "quantity", 92, "năm", None),
    ],
)
def test_it_finds_the_sample_figures(figures, sample, phrase, text, kind, value, unit, total):
    f = _the(figures, sample, phrase, text)
    assert f.kind == kind
    assert f.value == pytest.approx(value)
    assert f.unit == (unit if unit is not None else text.split(" ", 1)[1])
    assert f.total == (pytest.approx(total) if total is not None else None)


@pytest.mark.parametrize(
    ("phrase", "text", "iso"),
    [
        ("đến 20/02/2023", "20/02/2023", "2023-02-20"),
        ("ngày 18/5/2021", "18/5/2021", "2021-05-18"),
        ("đợt 19/05/2023", "19/05/2023", "2023-05-19"),
        ("Việt Nam 27/2", "27/2", "--02-27"),
        ("tháng 02/2023", "02/2023", "2023-02"),
    ],
)
def test_dates_are_dates_with_their_iso_form_never_ratios(figures, sample, phrase, text, iso):
    f = _the(figures, sample, phrase, text)
    assert (f.kind, f.unit, f.total) == ("date", iso, None)
    full = len(iso) == 10
    assert f.value == (dt.date.fromisoformat(iso).toordinal() if full else 0)


@pytest.mark.parametrize(
    "phrase",
    [
        "Kế hoạch số 31-KH/HU",
        "nhiệm kỳ 2020 - 2025",
        "nhiệm kỳ 2023-2028",
        "giai đoạn 2015-2020",
        "lần thứ X",
        "năm 2023",
        "từ Quốc lộ 10",
        "Tỉnh lộ 485B",
        "QL21B",
        "QL38B",
        "K65B3",
        "khóa XXII",
        "Cụm thi đua số 1",
        "lớp 8, lớp 9",
        "lớp 8, 9",
        "(đợt 7)",
        "Nghị định số 02",
        "Chỉ thị số 17",
        "Nghị quyết số 10",
        "Thông tư 04/2023/TT-BTC",
        "số 2326/KL-TTCTP",
        "tháng 2 tại",
        "tháng 02 ước",
        "(số 2)",
        "mức 4",
        "gia đình 5 có 3 sạch",
        "đã xử lý 34 trong đó",
    ],
)
def test_codes_years_and_ordinals_of_the_sample_are_not_figures(figures, sample, phrase):
    starts = [m.start() for m in re.finditer(re.escape(phrase), sample)]
    assert starts, phrase
    for at in starts:
        assert [f.text for f in figures if f.start < at + len(phrase) and f.end > at] == []


def test_every_figure_of_the_sample_is_its_own_slice(figures, sample):
    assert len(figures) > 90
    assert all(sample[f.start : f.end] == f.text for f in figures)
    assert all(a.end <= b.start for a, b in itertools.pairwise(figures))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("kỷ niệm ngày 27/2 hằng năm", [("27/2", "date", 0, "--02-27")]),
        ("Hà Nội, ngày 28 tháng 02 năm 2023", [("28 tháng 02 năm 2023", "date", None, None)]),
        ("thu 1,2 triệu lượt người", [("1,2 triệu lượt người", "quantity", 1.2, None)]),
        ("vốn 5 tỷ USD", [("5 tỷ USD", "money", 5, "tỷ USD")]),
        ("làm 5km đường và 3 ha rừng", [("5km", "quantity", 5, "km"), ("3 ha", None, 3, None)]),
        ("xây 07 CCN", [("07 CCN", "quantity", 7, "CCN")]),
        ("tăng 12 %", [("12 %", "percent", 12, "%")]),
        ("tháng 5 và 5 tháng năm 2017", [("5 tháng", "quantity", 5, "tháng")]),
        ("ngày 31/02/2023 và 30/02", []),  # impossible dates are neither dates nor ratios
        ("năm 2023, 50 hộ", [("50 hộ", "quantity", 50, "hộ")]),
        ("lớp 8, 9 cấp huyện", []),
        ("Nghị định 30/2020/NĐ-CP, Quyết định số 1234/QĐ-UBND", []),
        ("có 5 đồng chí dự", [("5 đồng chí", "quantity", 5, "đồng chí")]),
        ("đạt 9/12 tiêu chí", [("9/12 tiêu chí", "ratio", 9, "tiêu chí")]),
        # after a duration the number is counted, not a month's name (real report 013)
        (
            "trong 6 tháng 955 tỷ đồng",
            [("6 tháng", "quantity", 6, "tháng"), ("955 tỷ đồng", "money", 955, "tỷ đồng")],
        ),
    ],
)
def test_sentences_give_exactly_their_figures(sentence, expected):
    found = extract_figures(sentence)
    assert [f.text for f in found] == [e[0] for e in expected]
    for f, (_, kind, value, unit) in zip(found, expected, strict=True):
        assert kind is None or f.kind == kind
        assert value is None or f.value == pytest.approx(value)
        assert unit is None or f.unit == unit


@pytest.mark.parametrize(
    "sentence",
    [
        "nâng cấp Quốc lộ 10 đoạn qua huyện",
        "Cụm thi đua số 1 gồm các huyện",
        "Đại hội lần 2 đại biểu",
        "theo Điều 5 khoản 2 nghị định",
        "thi lớp 8 học sinh giỏi",
        "KDC tập trung (đợt 7) lô đất",
        "nhiệm kỳ 2020 - 2025 đại hội",
        "giai đoạn 2 công trình",
        "xử lý đảng viên mức 4 hình thức",
        "Nghị quyết 10 nhiệm vụ",
    ],
)
def test_a_name_or_rank_before_a_number_makes_it_no_count(sentence):
    assert extract_figures(sentence) == []


def test_a_written_date_reads_as_its_day():
    (f,) = extract_figures("ngày 28 tháng 02 năm 2023")
    assert (f.unit, f.value) == ("2023-02-28", dt.date(2023, 2, 28).toordinal())


@given(st.text(alphabet="0123456789.,/%- hatỷđồngxãNămnăm\n", max_size=60))
def test_number_soup_gives_consistent_slices(text):
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.text
        assert f.kind in ("quantity", "money", "percent", "ratio", "date")


@given(st.text(max_size=80))
def test_any_text_gives_consistent_slices(text):
    assert all(text[f.start : f.end] == f.text for f in extract_figures(text))


def _median_ms(fn, runs: int = 21) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return sorted(times)[runs // 2] * 1000


def test_the_three_extractors_read_the_sample_in_a_few_milliseconds(sample):
    def all_three():
        extract_figures(sample)
        extract_references(sample)
        extract_places(sample)

    all_three()  # word list and gazetteer load once per process
    # measured 2.5 ms on the 27 KB sample; the bound leaves room for a loaded machine
    assert _median_ms(all_three) < 15


@pytest.mark.parametrize(
    "hostile",
    [
        "1." * 15000 + "x",
        "1/" * 15000,
        "12,3 " * 6000 + "tỷ",
        "1 " * 5000 + "hộ",
        "ngày 1 tháng " * 2000,
    ],
)
def test_hostile_input_stays_linear(hostile):
    # 30 KB that a backtracking pattern would take seconds over; each is ~40 ms or less
    assert _median_ms(lambda: extract_figures(hostile), runs=3) < 250
