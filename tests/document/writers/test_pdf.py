"""The official PDF (LibreOffice): page size, embedded fonts, page numbers, footnotes in place."""

from __future__ import annotations

import subprocess

import pdfplumber
import pytest

from baocao.document.readers.text import read_text
from baocao.document.writers.docx import write_docx
from baocao.document.writers.pdf import write_pdf
from tests.conftest import SAMPLE

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    write_pdf(read_text(SAMPLE), path)
    return path


def test_pages_are_a4_and_fonts_embedded(pdf):
    with pdfplumber.open(pdf) as p:
        assert all(round(pg.width) == 595 and round(pg.height) == 842 for pg in p.pages)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    rows = [ln.split() for ln in fonts.splitlines()[2:]]
    assert rows and all("yes" in r[-5:-2] for r in rows)
    assert all("LiberationSerif" in r[0] or "TimesNewRoman" in r[0] for r in rows)


def test_page_numbers_from_page_two_at_the_top_centre(pdf):
    with pdfplumber.open(pdf) as p:
        top_mm = 20 * 72 / 25.4
        first = [w for w in p.pages[0].extract_words() if w["top"] < top_mm]
        assert not any(w["text"].isdigit() for w in first)
        second = [w for w in p.pages[1].extract_words() if w["top"] < top_mm]
        assert [w["text"] for w in second] == ["2"]
        centre = (second[0]["x0"] + second[0]["x1"]) / 2
        body_centre = (30 + (210 - 15)) / 2 * 72 / 25.4
        assert abs(centre - body_centre) < 6


def test_a_footnote_stands_on_the_page_of_its_mark(pdf):
    with pdfplumber.open(pdf) as p:
        for page in p.pages:
            text = page.extract_text()
            if "Điều động và bổ nhiệm" in text:
                assert "đúng quy trình, quy định" in text
                return
    pytest.fail("footnote 1 not found")


def test_a_failed_conversion_leaves_no_file(tmp_path, monkeypatch):
    from baocao.document.errors import DocumentError

    monkeypatch.setenv("PATH", "/nonexistent")  # no soffice: the outer edge, not our code
    monkeypatch.setenv("BAOCAO_UNOSERVER", "127.0.0.1:1")
    with pytest.raises(DocumentError, match="LibreOffice"):
        write_pdf(read_text(SAMPLE), tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_docx_to_pdf_keeps_the_previous_pdf(tmp_path, monkeypatch):
    from baocao.document.errors import DocumentError
    from baocao.document.writers.pdf import docx_to_pdf

    monkeypatch.setenv("BAOCAO_UNOSERVER", "127.0.0.1:1")
    bad = tmp_path / "bc.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    target = tmp_path / "bc.pdf"
    target.write_bytes(b"%PDF the previous rendering")
    with pytest.raises(DocumentError):
        docx_to_pdf(bad, target)
    assert target.read_bytes() == b"%PDF the previous rendering"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bc.docx", "bc.pdf"]


def test_docx_to_pdf_writes_the_pdf_in_place(pdf, tmp_path):
    from baocao.document.writers.pdf import docx_to_pdf

    source = tmp_path / "in.docx"
    write_docx(read_text(SAMPLE), source)
    docx_to_pdf(source, tmp_path / "out" / "bc.pdf")
    with pdfplumber.open(tmp_path / "out" / "bc.pdf") as p, pdfplumber.open(pdf) as q:
        assert len(p.pages) == len(q.pages)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["bc.pdf"]
