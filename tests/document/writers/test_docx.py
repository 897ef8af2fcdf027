"""The .docx writer against FORMAT.md §5, item by item, opened with python-docx and lxml."""

from __future__ import annotations

import re
import unicodedata
import zipfile

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _mm(length) -> float:
    return length / 36000


def _cell_paragraphs(table, row, col):
    return [p for p in table.rows[row].cells[col].paragraphs if p.text.strip()]


def test_1_page_is_a4_with_the_official_margins(rendered):
    _style, _, _, d = rendered
    s = d.sections[0]
    assert abs(_mm(s.page_width) - 210) < 0.5 and abs(_mm(s.page_height) - 297) < 0.5
    assert [
        round(_mm(m)) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    ] == [20, 20, 30, 15]
    assert round(_mm(s.header_distance)) == 10


def test_2_page_number_in_the_header_but_not_on_page_one(rendered):
    _, _, _, d = rendered
    s = d.sections[0]
    assert s.different_first_page_header_footer is True
    first = s.first_page_header._element
    assert not "".join(first.itertext()).strip() and first.find(f".//{W}fldChar") is None
    header = s.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    xml = etree.tostring(header._p).decode()
    assert 'fldCharType="begin"' in xml and 'fldCharType="end"' in xml and " PAGE " in xml
    assert all(r.font.size == Pt(14) for r in header.runs)


def test_3_4_times_new_roman_everywhere_and_no_theme_fonts(rendered):
    _, _, path, _ = rendered
    with zipfile.ZipFile(path) as z:
        styles = z.read("word/styles.xml").decode()
        parts = [z.read(n).decode() for n in z.namelist() if n.endswith(".xml")]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert f'w:{slot}="Times New Roman"' in styles
    assert "Theme" not in styles and 'w:lang w:val="vi-VN"' in styles
    for xml in parts:
        for attrs in re.findall(r"<w:rFonts ([^>]*)/>", xml):
            assert set(re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"', attrs)) <= {
                "Times New Roman"
            }
        colours = set(re.findall(r'<w:color w:val="([^"]+)"', xml))
        assert colours <= {"000000", "auto"}


def test_5_to_7_header_table(rendered):
    style, _doc, _, d = rendered
    body = d.element.body
    first = next(c for c in body if c.tag in (W + "p", W + "tbl"))
    assert first.tag == W + "tbl"
    table = d.tables[0]
    widths = [round(int(c.get(W + "w")) / 56.7) for c in first.find(W + "tblGrid")]
    assert widths == ([80, 85] if style == "party" else [62, 103])
    assert first.find(f"{W}tblPr/{W}tblLayout").get(W + "type") == "fixed"
    borders = first.find(f"{W}tblPr/{W}tblBorders")
    assert all(b.get(W + "val") == "nil" for b in borders)
    left = _cell_paragraphs(table, 0, 0)
    right = _cell_paragraphs(table, 0, 1)
    number = _cell_paragraphs(table, 1, 0)[0]
    date = _cell_paragraphs(table, 1, 1)[0]
    assert date.text == "Vụ Bản, ngày 28 tháng 02 năm 2023" and date.runs[0].italic
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in left + right + [number, date])
    if style == "party":
        assert [p.text for p in left] == ["ĐẢNG BỘ TỈNH NAM ĐỊNH", "HUYỆN ỦY VỤ BẢN", "*"]
        assert [bool(p.runs[0].bold) for p in left] == [False, True, False]
        assert all(p.runs[0].font.size == Pt(14) for p in left)
        assert number.text == "Số 45-BC/HU" and not number.runs[0].bold
        motto = right[0].runs[0]
        assert right[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
        assert motto.bold and motto.underline and motto.font.size == Pt(15)
    else:
        assert [p.text for p in left] == [
            "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH",
            "ỦY BAN NHÂN DÂN",
            "HUYỆN VỤ BẢN",
        ]
        assert [bool(p.runs[0].bold) for p in left] == [False, True, True]
        assert all(p.runs[0].font.size == Pt(13) for p in left)
        assert number.text == "Số: 45/BC-UBND" and number.runs[0].font.size == Pt(13)
        assert right[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        assert right[0].runs[0].font.size == Pt(13) and right[0].runs[0].bold
        slogan = right[1].runs[0]
        assert right[1].text == "Độc lập - Tự do - Hạnh phúc"
        assert slogan.bold and slogan.underline and slogan.font.size == Pt(14)
        rule = table.rows[0].cells[0].paragraphs[-1]
        assert rule.text == "" and rule._p.find(f"{W}pPr/{W}pBdr/{W}bottom") is not None
        indent = _mm(rule.paragraph_format.left_indent) + _mm(rule.paragraph_format.right_indent)
        assert 62 / 3 - 5 <= 62 - indent <= 62 / 2 + 5


def test_8_title_summary_and_rule(rendered):
    style, _, _, d = rendered
    paras = [p for p in d.paragraphs if p.text.strip()]
    title, summary, rule = paras[0], paras[1], paras[2]
    assert title.text == "BÁO CÁO" and title.runs[0].bold
    assert title.runs[0].font.size == Pt(16 if style == "party" else 14)
    assert (
        summary.text == "Kết quả thực hiện công tác tháng 2,\nnhiệm vụ trọng tâm tháng 3 năm 2023"
    )
    assert summary.runs[0].bold and summary.alignment == WD_ALIGN_PARAGRAPH.CENTER
    if style == "party":
        assert rule.text == "-----" and rule.alignment == WD_ALIGN_PARAGRAPH.CENTER


def _body(d):
    paras = [p for p in d.paragraphs if p.text.strip()]
    return paras[3:] if paras[2].text == "-----" else paras[2:]


def test_9_10_body_paragraphs(rendered):
    style, _, _, d = rendered
    body = _body(d)
    indent = 10 if style == "party" else 12.7
    for p in body:
        f = p.paragraph_format
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert abs(_mm(f.first_line_indent) - indent) < 0.3
        assert f.space_before >= Pt(6)
        assert f.line_spacing_rule == WD_LINE_SPACING.EXACTLY and f.line_spacing == Pt(18)
        assert p._p.find(f"{W}pPr/{W}numPr") is None
    by_text = {p.text: p for p in body}
    assert by_text["A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2"].runs[0].bold
    assert by_text["I. Công tác xây dựng Đảng"].runs[0].bold
    starred = by_text["* Một số hạn chế, yếu kém"].runs[0]
    assert starred.bold and starred.italic
    bullet = by_text["- Còn chậm."]
    assert not any(r.bold for r in bullet.runs)


def test_11_12_real_footnotes(rendered):
    _, _doc, path, d = rendered
    with zipfile.ZipFile(path) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "relationships/footnotes" in rels
    by_id = {n.get(W + "id"): n for n in notes.iterfind(W + "footnote")}
    assert by_id["-1"].get(W + "type") == "separator"
    assert by_id["0"].get(W + "type") == "continuationSeparator"
    refs = d.element.body.findall(f".//{W}footnoteReference")
    assert [r.get(W + "id") for r in refs] == ["1", "2"]
    texts = {k: "".join(v.itertext()).strip() for k, v in by_id.items() if k not in ("-1", "0")}
    assert texts == {"1": "Điều động 04 công chức.", "2": "Bao gồm: 41 hồ sơ."}
    run = refs[0].getparent()
    assert run.find(f"{W}rPr/{W}rStyle").get(W + "val") == "FootnoteReference"
    para = run.getparent()
    before = "".join(t.text for t in para.iter(W + "t") if t.getparent() is not run)
    assert "quy định, đúng quy trình" in before
    for n in notes.iterfind(W + "footnote"):
        if n.get(W + "id") not in ("-1", "0"):
            assert n.find(f".//{W}pStyle").get(W + "val") == "FootnoteText"


def test_13_to_15_signature_block(rendered):
    style, _, _, d = rendered
    body = d.element.body
    last = [c for c in body if c.tag in (W + "p", W + "tbl")][-1]
    assert last.tag == W + "tbl"
    widths = [round(int(c.get(W + "w")) / 56.7) for c in last.find(W + "tblGrid")]
    assert widths == [80, 85]
    assert last.find(f"{W}tr/{W}trPr/{W}cantSplit") is not None
    before = last.getprevious()
    assert before.find(f"{W}pPr/{W}keepNext") is not None
    table = d.tables[-1]
    left = table.rows[0].cells[0].paragraphs
    label = left[0].runs[0]
    assert left[0].text == "Nơi nhận:"
    if style == "party":
        assert label.underline and not label.bold and not label.italic
        assert label.font.size == Pt(14)
        assert all(p.runs[0].font.size == Pt(12) for p in left[1:])
    else:
        assert label.bold and label.italic and label.font.size == Pt(12)
        assert all(p.runs[0].font.size == Pt(11) for p in left[1:])
    assert [p.text for p in left[1:]] == ["- Thường trực Huyện ủy,", "- Lưu VT."]
    right = table.rows[0].cells[1].paragraphs
    assert right[0].runs[0].bold and right[0].runs[0].font.size == Pt(14)
    assert sum(1 for p in right if not p.text.strip()) >= 3
    assert right[-1].runs[0].bold and right[-1].text in ("Bùi Ánh Nguyệt", "Nguyễn Văn A")
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in right)


def test_23_every_text_run_is_nfc(rendered):
    _, _, path, _ = rendered
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                for t in etree.fromstring(z.read(name)).iter(W + "t"):
                    assert unicodedata.is_normalized("NFC", t.text or "")


def test_missing_header_fields_are_visible_blanks(tmp_path):
    import docx as python_docx

    from baocao.document.model import Document, Paragraph, Section
    from baocao.document.writers.docx import write_docx

    doc = Document(sections=[Section("I", "MỤC", paragraphs=[Paragraph("Nội dung.")])])
    write_docx(doc, tmp_path / "x.docx")
    head = python_docx.Document(str(tmp_path / "x.docx")).tables[0]
    texts = [p.text for row in head.rows for c in row.cells for p in c.paragraphs if p.text]
    assert "……" in texts and "Số ……-BC/……" in texts
    assert "……, ngày … tháng … năm …" in texts


@pytest.mark.parametrize("bad", ["nope", "Party"])
def test_an_unknown_style_is_refused(tmp_path, bad):
    from baocao.document.errors import DocumentError
    from baocao.document.io import write_document
    from tests.document.writers.conftest import make_report

    with pytest.raises(DocumentError):
        write_document(make_report("party"), tmp_path / "x.docx", style=bad)
    assert not (tmp_path / "x.docx").exists()


def test_the_shipped_template_is_what_the_code_builds():
    from baocao.document.writers.template import BASE, build_base_template

    with zipfile.ZipFile(BASE) as shipped:
        import io

        fresh = zipfile.ZipFile(io.BytesIO(build_base_template()))
        assert {n: shipped.read(n) for n in shipped.namelist()} == {
            n: fresh.read(n) for n in fresh.namelist()
        }
    assert Mm(1)  # python-docx units in use
