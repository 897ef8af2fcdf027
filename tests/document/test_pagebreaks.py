"""Page-break repair joins what a page cut, and nothing else."""

from __future__ import annotations

from baocao.document.blocks import RawBlock
from baocao.document.pagebreaks import repair_page_breaks


def _texts(*blocks: RawBlock) -> list[str]:
    return [b.text for b in repair_page_breaks(list(blocks)) if b.text]


def test_a_word_cut_inside_a_syllable_is_made_whole():
    assert _texts(RawBlock("Triển khai thực hiện Ng"), RawBlock("hị quyết số 10.")) == [
        "Triển khai thực hiện Nghị quyết số 10."
    ]


def test_a_sentence_cut_between_words_gets_its_space_back():
    assert _texts(RawBlock("đề xuất danh"), RawBlock("mục công trình.")) == [
        "đề xuất danh mục công trình."
    ]


def test_a_name_cut_around_a_footnote_is_joined():
    blocks = [
        RawBlock("Kiểm tra các xã Tân"),
        RawBlock("", footnote_id="1"),
        RawBlock("Khánh, Liên Bảo."),
    ]
    assert _texts(*blocks) == ["Kiểm tra các xã Tân Khánh, Liên Bảo."]


def test_headings_bullets_and_finished_sentences_stay_apart():
    assert _texts(RawBlock("1. Công tác xây dựng Đảng"), RawBlock("Thực hiện chương trình.")) == [
        "1. Công tác xây dựng Đảng",
        "Thực hiện chương trình.",
    ]
    assert _texts(RawBlock("Giám sát việc thực hiện"), RawBlock("- Các cấp chính quyền.")) == [
        "Giám sát việc thực hiện",
        "- Các cấp chính quyền.",
    ]
    assert _texts(RawBlock("Hoàn thành kế hoạch."), RawBlock("thêm một câu.")) == [
        "Hoàn thành kế hoạch.",
        "thêm một câu.",
    ]
    assert _texts(RawBlock("BÁO CÁO"), RawBlock("Kết quả tháng 2")) == [
        "BÁO CÁO",
        "Kết quả tháng 2",
    ]
