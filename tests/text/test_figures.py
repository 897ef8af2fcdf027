"""Figures of the real sample: what is a figure, what is not, and exact offsets."""

from __future__ import annotations

import pytest

from baocao.document.canonical import canonical_text
from baocao.text.figures import extract_figures


@pytest.fixture(scope="module")
def figures(sample_doc):
    return {f.text: f for f in sample_doc.figures}


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "total"),
    [
        ("8.900 ha", "quantity", 8900, "ha", None),
        ("10.430 cây", "quantity", 10430, "cây", None),
        ("149,34 tỷ đồng", "money", 149.34, "tỷ đồng", None),
        ("16,7/715,9 tỷ đồng", "ratio", 16.7, "tỷ đồng", 715.9),
        ("05/51 dự án", "ratio", 5, "dự án", 51),
        ("2,3%", "percent", 2.3, "%", None),
        ("1027 căn cước công dân", "quantity", 1027, "căn cước công dân", None),
        ("297,5 triệu đồng", "money", 297.5, "triệu đồng", None),
        ("20/02/2023", "date", None, "", None),
    ],
)
def test_it_finds_the_sample_figures(figures, text, kind, value, unit, total):
    f = figures[text]
    assert (f.kind, f.unit, f.total) == (kind, unit, total)
    if value is not None:
        assert f.value == pytest.approx(value)


def test_offsets_point_at_the_figure_text(sample_doc):
    text = canonical_text(sample_doc)
    assert sample_doc.figures
    assert all(text[f.start : f.end] == f.text for f in sample_doc.figures)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ban hành Kế hoạch số 31-KH/HU về việc này",
        "nhiệm kỳ 2020 - 2025 và giai đoạn 2015-2020",
        "đại hội Công đoàn huyện lần thứ X năm 2023",
        "tuyến đường từ Quốc lộ 10 đến núi Hồ Sơn",
        "Cụm thi đua số 1 và lớp 8, lớp 9",
        "công tác tháng 02/2023",
    ],
)
def test_codes_years_and_ordinals_are_not_figures(sentence):
    assert [f for f in extract_figures(sentence) if f.kind != "date"] == []
