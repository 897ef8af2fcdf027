"""The charts' annex of an issued report: PNG pictures, the .docx annex, issuing with it."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import struct
import zipfile
from decimal import Decimal

import pytest

from baocao.indicators import chart_images
from baocao.indicators.annex import add_annex

BARS = [
    ("Kết nạp đảng viên", 13.2, "33 / 250 đảng viên"),
    ("Trồng cây nhân dân", 140.0, "154.000 / 110.000 cây"),
    ("Hồ sơ người có công", None, "— / 100 hồ sơ"),
    ("Chỉ tiêu lạ", float("nan"), ""),
]
SERIES = {"2023": [45.2, 43.6] + [None] * 10, "2022": [40.0, None, *[41.0] * 10]}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode()


def test_the_charts_are_pngs_of_the_annex_width_even_with_missing_values():
    w, h = png_size(chart_images.progress_bars_png(BARS))
    assert abs(w - chart_images.WIDTH_MM / 25.4 * chart_images.DPI) <= 1
    assert 200 < h < w  # four rows: wider than high
    for panels in (1, 3, 4):
        data = chart_images.series_png([("Tổng thu NSNN (tỷ đồng)", SERIES, "tỷ đồng")] * panels)
        w2, h2 = png_size(data)
        assert w2 == w and 300 < h2 < 2 * w
    empty = {"2023": [None] * 12, "2022": [None] * 12}
    assert png_size(chart_images.series_png([("Chưa có", empty, "cây")]))[0] == w
    assert png_size(chart_images.progress_bars_png([]))[0] == w
    # the same data, the same bytes (no time stamp)
    assert chart_images.progress_bars_png(BARS) == chart_images.progress_bars_png(BARS)


def test_add_annex_appends_a_page_the_heading_and_the_pictures(sample_doc):
    from baocao.document.writers.docx import render_docx_bytes

    base = render_docx_bytes(sample_doc, style="party")
    pngs = [("Một", chart_images.progress_bars_png(BARS[:2]))]
    pngs.append(("Hai", chart_images.series_png([("Thu", SERIES, "tỷ đồng")])))
    out = add_annex(base, ["PHỤ LỤC", "Biểu đồ thực hiện chỉ tiêu tháng 2 năm 2023"], pngs)
    xml = document_xml(out)
    assert xml.count("<w:drawing>") == 2 and document_xml(base).count("<w:drawing>") == 0
    annex = xml[xml.index("BaocaoAnnex") :]
    assert 'w:type="page"' in annex.split("PHỤ LỤC")[0]
    assert "Biểu đồ thực hiện chỉ tiêu tháng 2 năm 2023" in annex
    assert "Biểu đồ 1. Một" in annex and "Biểu đồ 2. Hai" in annex
    # the signature table comes before the annex
    assert xml.rindex("</w:tbl>") < xml.index("BaocaoAnnex")
    with zipfile.ZipFile(io.BytesIO(out)) as z:
        styles = z.read("word/styles.xml").decode()
    style = re.search(r'<w:style [^>]*w:styleId="BaocaoAnnex".*?</w:style>', styles, re.S)
    assert style and 'w:ascii="Times New Roman"' in style.group(0)
    assert 'w:eastAsia="Times New Roman"' in style.group(0) and 'w:val="28"' in style.group(0)


def test_the_docx_reader_leaves_the_annex_out(sample_doc, tmp_path):
    from baocao.document.canonical import canonical_text
    from baocao.document.io import read_document
    from baocao.document.writers.docx import render_docx_bytes

    base = render_docx_bytes(sample_doc, style="party")
    (tmp_path / "a.docx").write_bytes(base)
    with_annex = add_annex(
        base, ["PHỤ LỤC", "Biểu đồ"], [("Một", chart_images.progress_bars_png(BARS))]
    )
    (tmp_path / "b.docx").write_bytes(with_annex)
    a, b = read_document(tmp_path / "a.docx"), read_document(tmp_path / "b.docx")
    assert canonical_text(b) == canonical_text(a)
    assert "PHỤ LỤC" not in canonical_text(b)
    assert b.signature == a.signature and b.recipients == a.recipients


# --- issuing ---------------------------------------------------------------------------------


@pytest.fixture
def figures(cast, period):
    """Two main indicators with targets, a part of one, one without target; 2022 too."""
    from baocao.indicators.models import Indicator, Target, Value

    def indicator(code, name, unit, order, **kw):
        return Indicator.objects.create(
            body=cast.body,
            code=code,
            name=name,
            unit_name=unit,
            reporter=cast.unit_a,
            order=order,
            **kw,
        )

    thu = indicator("thu-nsnn", "Tổng thu NSNN", "tỷ đồng", 1, decimals=1, target_kind="estimate")
    phan = indicator("thu-dia-ban", "Thu trên địa bàn", "tỷ đồng", 2, decimals=1, parent=thu)
    cay = indicator("trong-cay", "Trồng cây nhân dân", "cây", 3)
    indicator("vi-pham", "Xử phạt vi phạm giao thông", "trường hợp", 4, target_kind="none")
    for ind, target in ((thu, "1057.1"), (phan, "715.9"), (cay, "50000")):
        Target.objects.create(indicator=ind, year=2023, value=Decimal(target))
    for ind, year, month, v in (
        (thu, 2023, 1, "45.2"),
        (thu, 2023, 2, "43.6"),
        (thu, 2022, 1, "40"),
        (thu, 2022, 2, "40"),
        (phan, 2023, 2, "7.6"),
        (cay, 2023, 2, "60000"),
    ):
        Value.objects.create(
            indicator=ind, unit=cast.unit_a, year=year, month=month, value=Decimal(v)
        )
    return thu, cay


def _issue(cast, period, *, with_pdf=False):
    from baocao.cycle import workflow
    from baocao.cycle.models import Contribution, Submission

    sub = Submission.objects.get(period=period, unit=cast.unit_a)
    Contribution.objects.filter(submission=sub, item=cast.item_a).update(
        text="- Kết nạp 21 đảng viên; thu ngân sách đạt 8,4% dự toán."
    )
    workflow.submit(sub, cast.reporter_a)
    workflow.accept(sub, cast.compiler)
    workflow.consolidate(period, cast.compiler)
    workflow.approve(period, cast.leader)
    return workflow.issue(
        period, cast.compiler, "Số 45-BC/HU", dt.date(2023, 2, 28), with_pdf=with_pdf
    )


def _expected_text(period):
    from baocao.cycle.documents import draft_document
    from baocao.document.canonical import canonical_text

    period.refresh_from_db()
    return canonical_text(draft_document(period, number="Số 45-BC/HU", date=dt.date(2023, 2, 28)))


@pytest.mark.django_db
def test_issuing_puts_the_charts_in_an_annex_that_does_not_come_back_on_import(
    cast, period, figures, tmp_path
):
    from baocao.document.canonical import canonical_text
    from baocao.document.io import read_document
    from baocao.indicators.annex import annex_for

    images = annex_for(period)
    assert [t for t, _ in images] == [
        "Tiến độ thực hiện chỉ tiêu, tháng 2 năm 2023",
        "Một số chỉ tiêu chủ yếu theo tháng, năm 2023 so với năm 2022",
    ]
    issued = _issue(cast, period)
    xml = document_xml(bytes(issued.docx))
    assert xml.count("<w:drawing>") == 2
    assert "PHỤ LỤC" in xml and "Biểu đồ thực hiện chỉ tiêu tháng 2 năm 2023" in xml
    out = tmp_path / "bc.docx"
    out.write_bytes(bytes(issued.docx))
    back = read_document(out)
    assert canonical_text(back) == _expected_text(period)
    assert back.signature is not None and back.signature.name == "Bùi Ánh Nguyệt"


@pytest.mark.django_db
def test_the_main_charts_are_four_at_most_without_parents(cast, period, figures):
    from baocao.indicators import annex

    drawn = []
    real = annex.chart_images.series_png

    def spy(panels):
        drawn.extend(title for title, _, _ in panels)
        return real(panels)

    annex.chart_images.series_png = spy
    try:
        annex.annex_for(period)
    finally:
        annex.chart_images.series_png = real
    assert drawn == ["Tổng thu NSNN (tỷ đồng)", "Trồng cây nhân dân (cây)"]


@pytest.mark.django_db
def test_a_period_without_figures_gets_no_annex(cast, period):
    from baocao.indicators.annex import annex_for
    from baocao.indicators.models import Indicator, Target

    ind = Indicator.objects.create(
        body=cast.body, code="x", name="Chỉ tiêu", unit_name="cái", reporter=cast.unit_a
    )
    Target.objects.create(indicator=ind, year=2023, value=Decimal(10))  # a target, no value
    assert annex_for(period) == []
    issued = _issue(cast, period)
    xml = document_xml(bytes(issued.docx))
    assert "<w:drawing>" not in xml and "BaocaoAnnex" not in xml and "PHỤ LỤC" not in xml


def _pages(pdf: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


@pytest.mark.libreoffice
@pytest.mark.django_db
def test_the_issued_pdf_has_the_annex_page_with_its_pictures(cast, period, figures, tmp_path):
    import pdfplumber

    from baocao.cycle.documents import draft_document
    from baocao.document.writers.pdf import write_pdf

    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    issued = _issue(cast, period, with_pdf=True)
    plain = tmp_path / "plain.pdf"
    period.refresh_from_db()
    doc = draft_document(period, number="Số 45-BC/HU", date=dt.date(2023, 2, 28))
    write_pdf(doc, plain, style=period.body.style)
    with pdfplumber.open(io.BytesIO(bytes(issued.pdf))) as pdf:
        pages = pdf.pages
        assert len(pages) == _pages(plain.read_bytes()) + 1
        assert len(pages[-1].images) == 2
        assert "PHỤ LỤC" in (pages[-1].extract_text() or "")
        assert all(not p.images for p in pages[:-1])
