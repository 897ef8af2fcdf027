"""A body's own Word letterhead (docxtpl) above our body with its real footnotes."""

from __future__ import annotations

import zipfile

import docx
import pytest
from lxml import etree

from baocao.document.errors import DocumentError
from baocao.document.readers.docx import read_docx
from baocao.document.writers.docx import write_docx
from tests.document.writers.conftest import W, make_report


def _template(path, *paragraphs: str):
    """A letterhead made with python-docx's own template: Letter paper, Calibri theme fonts."""
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    d.save(str(path))
    return path


@pytest.fixture
def letterhead(tmp_path):
    return _template(
        tmp_path / "letterhead.docx",
        "{{ issuer.parent }}",
        "{{ issuer.name }} — LOGO",
        "{{ issuer.number }} · {{ place_date }}",
    )


def _texts(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text]


def test_the_letterhead_is_filled_and_the_body_follows(letterhead, tmp_path):
    out = tmp_path / "out.docx"
    write_docx(make_report("party"), out, template=letterhead)
    texts = _texts(out)
    assert texts[:4] == [
        "ĐẢNG BỘ TỈNH NAM ĐỊNH",
        "HUYỆN ỦY VỤ BẢN — LOGO",
        "Số 45-BC/HU · Vụ Bản, ngày 28 tháng 02 năm 2023",
        "BÁO CÁO",
    ]
    with zipfile.ZipFile(out) as z:
        assert "Điều động 04 công chức." in z.read("word/footnotes.xml").decode()
    again = read_docx(out)
    assert [f.text for f in again.footnotes] == ["Điều động 04 công chức.", "Bao gồm: 41 hồ sơ."]
    assert again.signature.name == "Bùi Ánh Nguyệt"
    assert again.recipients == ["Thường trực Huyện ủy,", "Lưu VT."]


def test_the_letterhead_gets_times_new_roman_and_the_official_page(letterhead, tmp_path):
    out = tmp_path / "out.docx"
    write_docx(make_report("state"), out, template=letterhead)
    with zipfile.ZipFile(out) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    fonts = list(styles.iter(W + "rFonts"))
    assert fonts and styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts") is not None
    for f in fonts:
        assert {k.removeprefix(W): v for k, v in f.attrib.items()} == dict.fromkeys(
            ("ascii", "hAnsi", "eastAsia", "cs"), "Times New Roman"
        )
    ids = {s.get(W + "styleId") for s in styles.iter(W + "style")}
    assert {"FootnoteText", "FootnoteReference"} <= ids
    section = docx.Document(str(out)).sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30
    assert section.different_first_page_header_footer


def test_the_body_mark_places_the_body_inside_the_letterhead(tmp_path):
    tpl = _template(tmp_path / "t.docx", "{{ issuer.name }}", "{{ body }}", "Mẫu của cơ quan.")
    out = tmp_path / "out.docx"
    write_docx(make_report("party"), out, template=tpl)
    texts = _texts(out)
    assert texts[:2] == ["HUYỆN ỦY VỤ BẢN", "BÁO CÁO"] and texts[-1] == "Mẫu của cơ quan."
    assert not any("baocao:body" in t for t in texts)
    body = docx.Document(str(out)).element.body
    order = [c.tag for c in body if c.tag in (W + "p", W + "tbl")]
    assert order[-2:] == [W + "tbl", W + "p"]  # our signature table, then the template's line


def test_a_letterhead_that_prints_title_and_signature_keeps_them_its_own(tmp_path):
    tpl = _template(
        tmp_path / "t.docx",
        "{{ title }}: {{ subtitle }}",
        "{{ body }}",
        "{{ signature.authority }} — {{ signature.name }}",
    )
    out = tmp_path / "out.docx"
    write_docx(make_report("party"), out, template=tpl)
    texts = _texts(out)
    assert texts[0].startswith("BÁO CÁO: Kết quả") and texts.count("BÁO CÁO") == 0
    assert texts[-1] == "T/M BAN THƯỜNG VỤ — Bùi Ánh Nguyệt"
    assert docx.Document(str(out)).tables == []
    assert "- Kết nạp 21 đảng viên theo đúng quy định, đúng quy trình." in texts


@pytest.mark.parametrize("content", [b"not a docx", None])
def test_a_broken_letterhead_is_one_clear_error_and_writes_nothing(tmp_path, content):
    bad = tmp_path / "bad.docx"
    if content is None:
        _template(bad, "{{ issuer.name ")  # unclosed Jinja tag
    else:
        bad.write_bytes(content)
    with pytest.raises(DocumentError, match="mẫu tiêu đề") as caught:
        write_docx(make_report("party"), tmp_path / "x.docx", template=bad)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "x.docx").exists()
