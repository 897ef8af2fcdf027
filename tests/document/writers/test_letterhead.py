"""A body's own Word letterhead (docxtpl) above our body with its real footnotes."""

from __future__ import annotations

import zipfile

import docx
import pytest

from baocao.document.errors import DocumentError
from baocao.document.readers.docx import read_docx
from baocao.document.writers.docx import write_docx
from tests.document.writers.conftest import make_report


@pytest.fixture
def letterhead(tmp_path):
    d = docx.Document()
    d.add_paragraph("{{ issuer.parent }}")
    d.add_paragraph("{{ issuer.name }} — LOGO")
    d.add_paragraph("{{ issuer.number }} · {{ place_date }}")
    path = tmp_path / "letterhead.docx"
    d.save(str(path))
    return path


def test_the_letterhead_is_filled_and_the_body_follows(letterhead, tmp_path):
    out = tmp_path / "out.docx"
    write_docx(make_report("party"), out, template=letterhead)
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text]
    assert texts[:3] == [
        "ĐẢNG BỘ TỈNH NAM ĐỊNH",
        "HUYỆN ỦY VỤ BẢN — LOGO",
        "Số 45-BC/HU · Vụ Bản, ngày 28 tháng 02 năm 2023",
    ]
    assert "BÁO CÁO" in texts
    with zipfile.ZipFile(out) as z:
        assert "Điều động 04 công chức." in z.read("word/footnotes.xml").decode()
    again = read_docx(out)
    assert [f.text for f in again.footnotes] == ["Điều động 04 công chức.", "Bao gồm: 41 hồ sơ."]
    assert again.signature.name == "Bùi Ánh Nguyệt"


def test_a_broken_letterhead_is_one_clear_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a docx")
    with pytest.raises(DocumentError, match="mẫu tiêu đề"):
        write_docx(make_report("party"), tmp_path / "x.docx", template=bad)
    assert not (tmp_path / "x.docx").exists()
