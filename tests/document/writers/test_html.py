"""HTML preview: the official layout in a web page, and read back into the same document."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from baocao.document.errors import DocumentError
from baocao.document.model import (
    Document,
    Emphasis,
    Footnote,
    Issuer,
    Paragraph,
    Period,
    Section,
    Signature,
)
from baocao.document.readers.html import read_html
from baocao.document.structure import extract_all
from baocao.document.writers.html import BLANK, render_html, write_html
from tests.diffing import first_difference

HOSTILE = 'Giá <b>"5 & 6"</b> <script>alert(1)</script>'


def _document(style: str) -> Document:
    """A report using every part of the model, footnotes numbered in order of first reference."""
    intro = Paragraph(
        "Thực hiện  Chương trình công tác năm 2023, Ban Thường vụ đã lãnh đạo.",
        footnotes=["1", "2"],
        anchors=[0, 20],
        emphasis=[Emphasis(10, 30, "bold"), Emphasis(15, 40, "italic")],
    )
    bullet = Paragraph(
        "Tổ chức 15 hội nghị, thu 101,929 tỷ đồng, đạt 95,5% kế hoạch.",
        bullet=True,
        footnotes=["3", "3", "1"],
        anchors=[8, 8, 61],
        emphasis=[Emphasis(0, 7, "italic")],
        ignore=["cap.org", "abbr.first-use"],
    )
    point = Section("a", "Điểm thứ nhất", [Paragraph(HOSTILE)], delim=")")
    starred = Section("*", "Một số hạn chế", [Paragraph("Còn chậm.", bullet=True)], delim="")
    sub = Section("1", "Công tác xây dựng Đảng", [bullet], [point, starred])
    part = Section(
        "A",
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2",
        [],
        [Section("I", "Công tác chính trị", [intro], [sub]), Section(None, "Ghi chú", [])],
    )
    return Document(
        title="BÁO CÁO",
        subtitle="Kết quả thực hiện công tác tháng 2,\nnhiệm vụ trọng tâm tháng 3 năm 2023",
        period=Period("month", 2023, month=2),
        issuer=Issuer(
            "ỦY BAN NHÂN DÂN\nHUYỆN VỤ BẢN" if style == "state" else "HUYỆN ỦY VỤ BẢN",
            "ĐẢNG BỘ TỈNH NAM ĐỊNH",
            "Số: 45/BC-UBND" if style == "state" else "Số 45-BC/HU",
            "Vụ Bản",
            "2023-02-28",
        ),
        preamble=[Paragraph("Căn cứ Kế hoạch số 31-KH/HU, ngày 09/02/2023 của Huyện ủy.")],
        sections=[part, Section("B", "NHIỆM VỤ THÁNG 3", [Paragraph("Tiếp tục.")])],
        closing=[Paragraph("Trên đây là báo cáo <kết quả> tháng 2.", emphasis=[])],
        footnotes=[
            Footnote("1", "Điều động 04 công chức."),
            Footnote("2", "Chỉ thị số 18-CT/TW & “Kết luận” 01."),
            Footnote("3", "Ghi chú thứ ba"),
            Footnote("4", "Không được dẫn tới."),
        ],
        recipients=["Các ban XD Đảng, VPTU, (để b/c)", "Lưu VT."],
        signature=Signature("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Bùi Ánh Nguyệt"),
        style=style,  # type: ignore[arg-type]
    )


def _round_trip(doc: Document, tmp_path: Path) -> Document:
    path = tmp_path / "bc.html"
    write_html(doc, path)
    return read_html(path)


@pytest.mark.parametrize("style", ["party", "state"])
def test_render_then_read_gives_the_same_document(style, tmp_path):
    doc = _document(style)
    extract_all(doc)
    assert doc.figures and doc.references  # the comparison covers the extracted facts too
    again = _round_trip(doc, tmp_path)
    assert first_difference(doc.to_dict(), again.to_dict()) is None


def test_a_bare_document_reads_back_bare_and_shows_blanks(tmp_path):
    doc = Document(style="state", sections=[Section("I", "Nội dung", [Paragraph("Một.")])])
    extract_all(doc)
    page = lxml.html.fromstring(render_html(doc))
    assert page.xpath("//td[@class='number']")[0].text_content() == f"Số: {BLANK}/BC-{BLANK}"
    assert "ngày … tháng … năm …" in page.xpath("//td[@class='date']")[0].text_content()
    assert page.xpath("//p[@data-field='name']")[0].text_content() == BLANK
    assert page.xpath("//p[contains(@class,'summary')]")[0].text_content() == BLANK
    assert first_difference(doc.to_dict(), _round_trip(doc, tmp_path).to_dict()) is None


def test_every_text_is_escaped_and_there_is_no_script():
    html = render_html(_document("party"))
    page = lxml.html.fromstring(html)
    assert not page.xpath("//script") and not page.xpath("//b")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert HOSTILE in page.text_content()


@pytest.mark.parametrize("style", ["party", "state"])
def test_the_page_imitates_the_official_layout(style):
    page = lxml.html.fromstring(render_html(_document(style)))
    assert page.get("lang") == "vi" and page.xpath("//meta[@charset='utf-8']")
    css = page.xpath("//style")[0].text
    assert "210mm" in css and "Times New Roman" in css and "Liberation Serif" in css
    motto = page.xpath("//td[@class='motto']/p")
    if style == "party":
        assert [m.text_content() for m in motto] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
        assert {"b", "u"} <= set(motto[0].get("class").split())
        assert page.xpath("//td[@class='issuer']/p")[-1].text_content() == "*"
        assert page.xpath("//p[@class='rule']")[0].text_content() == "-----"
    else:
        assert [m.text_content() for m in motto] == [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ]
        assert "u" in motto[1].get("class").split()
        assert page.xpath("//td[@class='issuer']/div[@class='short-rule']")
    date = page.xpath("//p[@data-field='date']")[0]
    assert date.text_content() == "Vụ Bản, ngày 28 tháng 02 năm 2023" and "i" in date.get("class")
    assert page.xpath("//h1")[0].text_content() == "BÁO CÁO"
    summary = page.xpath("//p[@class='summary']")[0]
    assert summary.text_content().startswith("Kết quả") and summary.xpath("br")


def test_headings_take_their_tag_from_depth_and_keep_their_typed_label():
    page = lxml.html.fromstring(render_html(_document("party")))
    headings = [(h.tag, h.text_content()) for h in page.xpath("//h2|//h3|//h4|//h5")]
    assert headings[:6] == [
        ("h2", "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2"),
        ("h3", "I. Công tác chính trị"),
        ("h4", "1. Công tác xây dựng Đảng"),
        ("h5", "a) Điểm thứ nhất"),
        ("h5", "* Một số hạn chế"),
        ("h3", "Ghi chú"),
    ]
    point = page.xpath("//h5")[0]
    assert (point.get("data-number"), point.get("data-delim")) == ("a", ")")
    assert "italic" in point.get("class").split()


def test_bullets_keep_their_dash_and_emphasis_becomes_strong_and_em():
    page = lxml.html.fromstring(render_html(_document("party")))
    bullet = page.xpath("//p[@data-bullet]")[0]
    assert bullet.text_content().startswith("- Tổ chức")
    assert bullet.xpath("em")[0].text_content() == "Tổ chức"
    intro = page.xpath("//section[@class='level-2']/p")[0]
    source = _document("party").sections[0].sections[0].paragraphs[0]
    bold = "".join(s.text_content() for s in intro.xpath(".//strong"))
    assert bold == source.text[10:30] and intro.xpath(".//strong/em")


def test_footnote_marks_are_numbered_in_order_and_every_link_resolves():
    page = lxml.html.fromstring(render_html(_document("party")))
    marks = [a.text_content() for a in page.xpath("//sup[@class='fnref']/a")]
    assert marks == ["1", "2", "3", "3", "1"]
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))
    targets = [h[1:] for h in page.xpath("//a/@href")]
    assert targets and all(t in ids for t in targets)
    notes = page.xpath("//section[@class='footnotes']/ol/li")
    assert [li.get("id") for li in notes] == ["fn-1", "fn-2", "fn-3", "fn-4"]


def test_recipients_and_signature_stand_side_by_side():
    page = lxml.html.fromstring(render_html(_document("party")))
    left, right = page.xpath("//table[@class='tail' or starts-with(@class,'tail')]//td")
    assert left.xpath("p")[0].text_content() == "Nơi nhận:"
    assert [p.text_content() for p in left.xpath("p")[1:]] == [
        "- Các ban XD Đảng, VPTU, (để b/c)",
        "- Lưu VT.",
    ]
    assert [p.text_content() for p in right.xpath("p")] == [
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "Bùi Ánh Nguyệt",
    ]


def test_the_sample_reads_back_the_same(sample_doc, tmp_path):
    # rendering fixes the layout, and reading it back states it
    sample_doc = Document.from_dict({**sample_doc.to_dict(), "style": "party"})
    assert (
        first_difference(sample_doc.to_dict(), _round_trip(sample_doc, tmp_path).to_dict()) is None
    )


def test_writing_leaves_only_the_output_file(tmp_path):
    write_html(_document("state"), tmp_path / "out.html")
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_a_foreign_html_report_is_read_by_the_shared_rules(tmp_path):
    path = tmp_path / "foreign.html"
    path.write_text(
        "<html><body><p align='center'><b>BÁO CÁO</b></p>"
        "<p align='center'><b>Kết quả công tác tháng 2 năm 2023</b></p>"
        "<p><b>I. Công tác xây dựng Đảng</b></p><p>- Tổ chức 15 hội nghị.</p>"
        "<!-- a comment --><p>Trên đây là báo cáo.</p></body></html>",
        encoding="utf-8",
    )
    doc = read_html(path)
    assert doc.subtitle == "Kết quả công tác tháng 2 năm 2023"
    assert doc.sections[0].heading_line == "I. Công tác xây dựng Đảng"
    assert doc.sections[0].paragraphs[0].bullet


@pytest.mark.parametrize("content", [b"", b"<html><body></body></html>"])
def test_an_empty_html_file_is_refused(content, tmp_path):
    path = tmp_path / "empty.html"
    path.write_bytes(content)
    with pytest.raises(DocumentError):
        read_html(path)
