"""The .txt/.md reader: inline markup, footnotes, front matter, and robustness on any input."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baocao.document.errors import DocumentError
from baocao.document.model import Emphasis, Issuer
from baocao.document.readers.text import parse_inline, parse_text, read_text


def test_it_turns_stars_into_bold_and_italic_spans():
    text, spans, _, _ = parse_inline("a **đậm** và *nghiêng* cuối", set())
    assert text == "a đậm và nghiêng cuối"
    assert spans == [Emphasis(2, 5, "bold"), Emphasis(9, 16, "italic")]


def test_a_starred_heading_inside_bold_is_not_italic():
    text, spans, _, _ = parse_inline("*** Một số hạn chế, yếu kém**", set())
    assert text == "* Một số hạn chế, yếu kém"
    assert spans == [Emphasis(0, len(text), "bold")]


def test_escaped_stars_stay_literal():
    text, spans, _, _ = parse_inline(r"5 \* 3 \*không nghiêng\*", set())
    assert text == "5 * 3 *không nghiêng*"
    assert spans == []


def test_superscripts_are_footnote_marks_only_when_the_footnote_exists():
    text, _, notes, anchors = parse_inline("diện tích 100 m² đất¹.", {"1", "2"})
    assert text == "diện tích 100 m² đất."
    assert notes == ["1"]
    assert anchors == [len("diện tích 100 m² đất")]
    text, _, notes, _ = parse_inline("chỉ số³ lạ", {"1"})
    assert text == "chỉ số³ lạ" and notes == []


def test_markdown_footnotes_and_front_matter(tmp_path: Path):
    src = tmp_path / "bc.md"
    src.write_text(
        "---\nstyle: state\nissuer:\n  name: UBND XÃ A\n  number: 'Số: 12/BC-UBND'\n"
        "  place: A\n  date: 2025-03-31\n---\n\nBÁO CÁO\n\n**Tình hình quý I năm 2025**\n\n"
        "I. KẾT QUẢ\n\n- Thu ngân sách đạt 30%[^a].\n\n[^a]: Số liệu đến 25/3/2025.\n",
        encoding="utf-8",
    )
    doc = read_text(src)
    assert doc.style == "state"
    assert doc.issuer == Issuer("UBND XÃ A", "", "Số: 12/BC-UBND", "A", "2025-03-31")
    assert doc.period is not None and (doc.period.type, doc.period.quarter) == ("quarter", 1)
    para = doc.sections[0].paragraphs[0]
    assert para.bullet and para.footnotes == ["1"]
    assert doc.footnotes[0].text == "Số liệu đến 25/3/2025."


def test_bad_front_matter_is_one_clear_error(tmp_path: Path):
    src = tmp_path / "bc.md"
    src.write_text("---\nstyle: [unclosed\n---\n\nBÁO CÁO\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="front-matter"):
        read_text(src)


def test_a_markdown_file_is_not_page_break_repaired():
    blocks, hints = parse_text("Đoạn một không dấu chấm\n\nđoạn hai viết thường.", markdown=True)
    assert hints.repair_page_breaks is False and len(blocks) == 2


def test_lines_of_bullets_without_blank_lines_are_separate_paragraphs():
    blocks, _ = parse_text("1. Mục\n- một;\n- hai.\n+ ba")
    assert [b.text for b in blocks] == ["1. Mục", "- một;", "- hai.", "+ ba"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_the_text_reader_never_raises_anything_but_its_own_error(tmp_path_factory, text):
    src = tmp_path_factory.mktemp("fuzz") / "x.txt"
    src.write_text(text, encoding="utf-8")
    with contextlib.suppress(DocumentError):
        read_text(src)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "BÁO CÁO",
                "A. KẾT QUẢ",
                "I. Mục",
                "1. Tiểu mục",
                "a) Điểm",
                "- gạch **đậm**",
                "*** Hạn chế**",
                "¹ chú thích",
                "văn bản¹ *nghiêng*",
                "Nơi nhận:",
                "- Lưu VT.",
                "T/M BAN THƯỜNG VỤ",
                "Nguyễn Văn A",
                "trên./.",
                "\\1. thường",
                "* lẻ",
                "**",
                "[^1]",
            ]
        ),
        max_size=30,
    )
)
def test_report_shaped_input_always_gives_a_consistent_model(lines):
    from baocao.document.canonical import canonical_text, layout
    from baocao.document.structure import build_document

    blocks, hints = parse_text("\n\n".join(lines))
    doc = build_document(blocks, hints)
    text = canonical_text(doc)
    for line in layout(doc):
        assert text[line.start : line.end] == line.text
    for p in doc.iter_paragraphs():
        assert len(p.footnotes) == len(p.anchors)
        assert all(0 <= a <= len(p.text) for a in p.anchors)
        assert all(0 <= e.start < e.end <= len(p.text) for e in p.emphasis)
    for f in doc.figures:
        assert text[f.start : f.end] == f.text
