"""The sample report read into the model: the structure a reader of the report sees."""

from __future__ import annotations

from baocao.document.canonical import canonical_text, layout
from baocao.document.model import Period, Signature


def _outline(sections, depth=0):
    out = []
    for s in sections:
        out.append(("  " * depth) + s.heading_line)
        out += _outline(s.sections, depth + 1)
    return out


def test_it_reads_the_title_summary_and_period(sample_doc):
    assert sample_doc.title == "BÁO CÁO"
    assert sample_doc.subtitle == (
        "Kết quả thực hiện công tác tháng 2,\nnhiệm vụ trọng tâm tháng 3 năm 2023"
    )
    assert sample_doc.period == Period("month", 2023, month=2)
    assert sample_doc.issuer is None


def test_it_builds_the_section_tree_from_typed_labels(sample_doc):
    outline = _outline(sample_doc.sections)
    assert outline[:3] == [
        "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2",
        "  I. Công tác xây dựng Đảng, chính quyền, MTTQ và các đoàn thể",
        "    1. Công tác xây dựng Đảng",
    ]
    assert "  * Một số hạn chế, yếu kém" in outline
    assert "B. NHIỆM VỤ TRỌNG TÂM THÁNG 3" in outline
    assert [s.number for s in sample_doc.sections[1].sections] == ["1", "2", "3", "4"]
    assert len(outline) == 15


def test_it_keeps_bullets_and_italic_spans(sample_doc):
    party = sample_doc.sections[0].sections[0].sections[0]
    assert party.paragraphs[0].bullet is False
    assert all(p.bullet for p in party.paragraphs[1:])
    italics = [p.text[e.start : e.end] for p in sample_doc.iter_paragraphs() for e in p.emphasis]
    assert "Bác Hồ với Nam Định, Nam Định với Bác Hồ" in italics
    assert "sửa đổi" in italics
    assert not any("*" in p.text for p in sample_doc.iter_paragraphs())


def test_it_attaches_footnotes_to_their_paragraph_and_mark(sample_doc):
    assert [f.id for f in sample_doc.footnotes] == ["1", "2"]
    assert sample_doc.footnotes[1].text.startswith("Bao gồm: 41 hồ sơ mai táng phí")
    marked = [p for p in sample_doc.iter_paragraphs() if p.footnotes]
    assert [p.footnotes for p in marked] == [["1"], ["2"]]
    first = marked[0]
    assert first.text[: first.anchors[0]].endswith("đúng quy trình, quy định")
    assert "¹" not in canonical_text(sample_doc)


def test_it_repairs_paragraphs_cut_by_a_page_break(sample_doc):
    text = canonical_text(sample_doc)
    for joined in (
        "UBKT Đảng ủy các xã Tân Khánh, Liên Bảo",
        "đề xuất danh mục công trình",
        "đường chợ Lòi - Đại Thắng đi đê Hữu Đào",
        "tại các xã Kim Thái, Tân Khánh, Liên Bảo",
        "còn dễ xảy ra sai phạm, việc phát hiện",
        "Tiếp tục đẩy mạnh phong trào trồng cây nhân dân.",
    ):
        assert joined in text
    # A heading followed by a footnote and a bullet stays a heading.
    outline = _outline(sample_doc.sections)
    assert "    3. Quốc phòng, An ninh, nội chính" in outline


def test_it_reads_the_closing_recipients_and_signature(sample_doc):
    assert len(sample_doc.closing) == 1
    assert sample_doc.closing[0].text.endswith("hoàn thành nhiệm vụ đã đề ra./.")
    assert sample_doc.recipients == [
        "Các ban XD Đảng, VPTU, (để b/c)",
        "Thường trực Huyện ủy,",
        "Các đ/c Ủy viên BCH Đảng bộ huyện,",
        "Các TCCSĐ,",
        "Lưu VT.",
    ]
    assert sample_doc.signature == Signature("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Bùi Ánh Nguyệt")


def test_canonical_lines_index_the_text(sample_doc):
    text = canonical_text(sample_doc)
    for line in layout(sample_doc):
        assert text[line.start : line.end] == line.text
    assert text.splitlines()[0] == "BÁO CÁO"
    assert text.splitlines()[-1].startswith("Bao gồm: 41 hồ sơ")
