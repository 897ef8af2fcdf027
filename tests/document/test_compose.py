"""Parts written apart, put together in outline order (the web cycle's document steps)."""

from __future__ import annotations

from baocao.document.canonical import canonical_text
from baocao.document.compose import (
    OutlineNode,
    compose,
    focus_tasks,
    outline_of,
    parse_markdown,
    parts_of,
)


def test_the_sample_split_into_parts_and_composed_again_reads_the_same(sample_doc):
    parts = parts_of(sample_doc)
    assert set(parts) >= {"1.1.1", "1.1.3", "1.2.1", "1.3", "2.1", "2.4"}
    doc = compose(outline_of(sample_doc), {k: [v] for k, v in parts.items()})
    doc.title, doc.subtitle = sample_doc.title, sample_doc.subtitle
    doc.closing = sample_doc.closing
    doc.recipients, doc.signature = sample_doc.recipients, sample_doc.signature
    assert canonical_text(doc) == canonical_text(sample_doc)
    assert [f.text for f in doc.footnotes] == [f.text for f in sample_doc.footnotes]


def test_footnotes_of_separate_parts_are_renumbered_in_order():
    outline = [OutlineNode("a", "1", "Xây dựng Đảng"), OutlineNode("b", "2", "Kinh tế")]
    doc = compose(
        outline,
        {
            "a": ["Kết nạp 21 đảng viên[^1].\n\n[^1]: Tại 12 chi bộ."],
            "b": ["Thu 88,8 tỷ đồng[^1].\n\n[^1]: Đến 20/02/2023.", "- Trồng 10.430 cây."],
        },
    )
    assert [(f.id, f.text) for f in doc.footnotes] == [
        ("1", "Tại 12 chi bộ."),
        ("2", "Đến 20/02/2023."),
    ]
    second = doc.sections[1]
    assert second.paragraphs[0].footnotes == ["2"]
    assert second.paragraphs[1].bullet and second.paragraphs[1].text == "Trồng 10.430 cây."
    assert any(f.value == 10430 for f in doc.figures)


def test_an_empty_part_adds_nothing_and_headings_stay():
    doc = compose(
        [OutlineNode("a", "I", "Kết quả", children=[OutlineNode("b", "1", "Đảng")])], {"b": ["  "]}
    )
    assert doc.sections[0].sections[0].heading == "Đảng"
    assert doc.sections[0].sections[0].paragraphs == []


def test_part_b_paragraphs_are_the_focus_tasks(sample_doc):
    tasks = focus_tasks(sample_doc)
    assert len(tasks) == 16
    assert tasks[0].heading.startswith("1. Công tác xây dựng Đảng")
    assert tasks[-1].text.startswith("Tăng cường công tác kiểm tra, giám sát")


def test_parse_markdown_reads_emphasis_and_bullets():
    doc = parse_markdown("- Kết nạp **21** đảng viên, *khiển trách 02*.")
    p = doc.preamble[0]
    assert p.bullet and p.text == "Kết nạp 21 đảng viên, khiển trách 02."
    assert [e.kind for e in p.emphasis] == ["bold", "italic"]
