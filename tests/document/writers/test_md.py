"""Markdown output reads back as the same document."""

from __future__ import annotations

from pathlib import Path

from baocao.document.model import (
    Document,
    Emphasis,
    Footnote,
    Issuer,
    Paragraph,
    Section,
    Signature,
)
from baocao.document.readers.text import read_text
from baocao.document.writers.md import render_md, write_md
from tests.conftest import report_paths


def _roundtrip(doc: Document, tmp_path: Path) -> Document:
    out = tmp_path / "out.md"
    write_md(doc, out)
    return read_text(out)


def test_every_test_report_round_trips_through_markdown(tmp_path: Path):
    for path in report_paths():
        doc = read_text(path)
        again = _roundtrip(doc, tmp_path)
        assert again.to_dict() == doc.to_dict(), path.name


def test_paragraphs_that_look_like_labels_stay_paragraphs(tmp_path: Path):
    doc = Document(
        subtitle="Tình hình tháng 5 năm 2024",
        issuer=Issuer("HUYỆN ỦY X", "ĐẢNG BỘ TỈNH Y", "Số 10-BC/HU", "X", "2024-05-30"),
        style="party",
        sections=[
            Section(
                "I",
                "KẾT QUẢ",
                paragraphs=[
                    Paragraph("1. Không phải tiêu đề mà là một câu dài hơn.", bullet=False),
                    Paragraph("- gạch nhưng không phải gạch đầu dòng"),
                    Paragraph("Văn bản có dấu * và [ngoặc] và \\ gạch chéo", bullet=True),
                    Paragraph(
                        "Đậm và nghiêng ở đây.",
                        emphasis=[Emphasis(0, 3, "bold"), Emphasis(7, 14, "italic")],
                        footnotes=["7"],
                        anchors=[21],
                    ),
                ],
            )
        ],
        footnotes=[Footnote("7", "Chú thích *có sao*.")],
        recipients=["Như trên;", "Lưu VT."],
        signature=Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn A"),
    )
    from baocao.document.structure import extract_all

    extract_all(doc)
    again = _roundtrip(doc, tmp_path)
    expected = doc.to_dict()
    expected["footnotes"][0]["id"] = "1"
    expected["sections"][0]["paragraphs"][3]["footnotes"] = ["1"]
    expected["period"] = {"type": "month", "year": 2024, "month": 5}
    assert again.to_dict() == expected


def test_markdown_keeps_the_summary_line_breaks(sample_doc):
    md = render_md(sample_doc)
    assert "**Kết quả thực hiện công tác tháng 2,\nnhiệm vụ trọng tâm tháng 3 năm 2023**" in md
    assert "quy định[^1]." in md
