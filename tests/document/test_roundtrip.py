"""Render → import gives back the same document, for every test report and every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from baocao.document.io import read_document, write_document
from baocao.document.readers.text import read_text
from baocao.document.style import infer_style
from tests.conftest import report_paths
from tests.diffing import first_difference

REPORTS = report_paths()


def _source(path: Path):
    doc = read_text(path)
    doc.style = infer_style(doc)  # rendering fixes the style; reading it back states it
    return doc


@pytest.mark.parametrize("fmt", [".md", ".html", ".docx"])
@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_render_then_import_is_the_same_document(report, fmt, tmp_path):
    doc = _source(report)
    out = tmp_path / f"out{fmt}"
    write_document(doc, out)
    again = read_document(out)
    assert first_difference(doc.to_dict(), again.to_dict()) is None


@pytest.mark.libreoffice
@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_pdf_render_then_import_is_the_same_document(report, tmp_path):
    doc = _source(report)
    out = tmp_path / "out.pdf"
    write_document(doc, out)
    assert first_difference(doc.to_dict(), read_document(out).to_dict()) is None


@pytest.mark.libreoffice
def test_a_doc_file_reads_like_its_docx(tmp_path, sample_path):
    from baocao.document.convert import convert

    doc = _source(sample_path)
    write_document(doc, tmp_path / "bc.docx")
    legacy = convert(tmp_path / "bc.docx", "doc", tmp_path / "doc")
    assert first_difference(doc.to_dict(), read_document(legacy).to_dict()) is None
