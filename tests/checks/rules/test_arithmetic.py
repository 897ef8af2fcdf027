"""Arithmetic rules on the real sample: silent on the clean text, loud on every altered relation."""

from __future__ import annotations

import pytest

from baocao.checks.run import check_document
from baocao.document.readers.text import parse_text
from baocao.document.structure import build_document
from tests.checks.helpers import findings
from tests.conftest import SAMPLE


def _arith(text: str) -> list[str]:
    doc = build_document(*parse_text(text))
    return [f"{f.rule}:{f.severity}" for f in check_document(doc) if f.rule.startswith("arith.")]


def test_the_clean_sample_adds_up(sample_doc):
    assert [f for f in check_document(sample_doc) if f.rule.startswith("arith.")] == []


# Each alteration breaks one relation the sample states: a breakdown with "gồm", nested
# parentheses, a "Bao gồm" sentence after its total, "đã … chưa …", a footnote breakdown, and
# ratios with their percentages.
@pytest.mark.parametrize(
    ("original", "altered", "expected"),
    [
        ("Cây lúa 7.950 ha", "Cây lúa 7.590 ha", "arith.breakdown:error"),
        ("cây lạc 650 ha", "cây lạc 560 ha", "arith.breakdown:warning"),
        ("88,8 tỷ", "88,3 tỷ", "arith.breakdown:error"),
        ("72,1 tỷ", "71,2 tỷ", "arith.breakdown:error"),
        ("35,7 tỷ", "53,7 tỷ", "arith.breakdown:error"),
        ("64,7 tỷ", "67,4 tỷ", "arith.breakdown:error"),
        ("chưa xử lý 01", "chưa xử lý 02", "arith.breakdown:error"),
        ("Tổng số 35 đ/c", "Tổng số 53 đ/c", "arith.breakdown:error"),
        ("khiển trách 21", "khiển trách 12", "arith.breakdown:warning"),
        ("cảnh cáo 09", "cảnh cáo 0,9", "arith.breakdown:warning"),
        ("rau các loại 300 ha", "rau các loại 301 ha", "arith.breakdown:warning"),
        ("72,1 tỷ", "72,2 tỷ", "arith.breakdown:warning"),
        ("41 hồ sơ mai", "14 hồ sơ mai", "arith.breakdown:error"),
        ("còn 09 đơn", "còn 90 đơn", "arith.breakdown:warning"),
        ("đạt 2,3% dự toán", "đạt 3,2% dự toán", "arith.ratio-percent:error"),
        ("22,6%", "26,2%", "arith.ratio-percent:error"),
        ("0,27%", "2,7%", "arith.ratio-percent:error"),
    ],
)
def test_an_altered_number_breaks_its_relation(original, altered, expected):
    text = SAMPLE.read_text(encoding="utf-8")
    assert original in text
    assert expected in _arith(text.replace(original, altered, 1))


def test_a_list_of_numbers_that_is_not_a_breakdown_is_no_error():
    text = (
        "BÁO CÁO\n\nI. MỤC\n\nPhát hiện 02 vụ, 08 đối tượng đánh bạc; 04 vụ, 04 đối tượng "
        "ma túy. Đấu giá 204 lô (giá khởi điểm 101,929 tỷ đồng; trúng 149,34 tỷ đồng)."
    )
    assert _arith(text) == []


def test_money_units_are_converted_before_adding():
    text = (
        "BÁO CÁO\n\nI. MỤC\n\n"
        "Tổng chi 1,5 tỷ đồng, gồm: lương 800 triệu đồng, mua sắm 700 triệu đồng."
    )
    assert _arith(text) == []
    assert _arith(text.replace("700 triệu", "600 triệu")) == ["arith.breakdown:error"]


def test_a_truncated_percentage_is_information_not_an_error():
    text = "BÁO CÁO\n\nI. MỤC\n\nHoàn thành 2/3 dự án, đạt 66% kế hoạch."
    assert findings(text, "arith.ratio-percent") == [("66%", "67%")]
    assert _arith(text) == ["arith.ratio-percent:info"]
    assert _arith(text.replace("66%", "67%")) == []
    assert _arith(text.replace("66%", "76%")) == ["arith.ratio-percent:error"]


def test_a_total_broken_down_in_the_bullets_below_it():
    text = (
        "BÁO CÁO\n\nI. MỤC\n\nTổng số cán bộ, giáo viên, nhân viên: 57 người. Trong đó:\n\n"
        "- Cán bộ quản lý: 3 người\n\n- Giáo viên: 37 người (biên chế 32; hợp đồng: 5)\n\n"
        "- Nhân viên: 18 người (kế toán: 01 người, Y tế: 01 người; nấu ăn: 12 người; "
        "bảo vệ: 4 người).\n\n* Trình độ đào tạo:"
    )
    assert findings(text, "arith.breakdown") == [("57", None)]  # the real 008 report: 58 ≠ 57
    assert _arith(text.replace("57 người", "58 người")) == []


def test_percent_of_the_annual_target(sample_path, tmp_path):
    from baocao.checks.config import load_check_config

    doc = build_document(*parse_text(sample_path.read_text(encoding="utf-8")))
    for target, expected in ((110000, []), (100000, ["arith.target:error"])):
        cfg = tmp_path / "t.yaml"
        cfg.write_text(f'targets:\n  "Trồng cây nhân dân": {target}\n', encoding="utf-8")
        _, options = load_check_config(None, cfg)
        got = [
            f"{f.rule}:{f.severity}"
            for f in check_document(doc, options=options)
            if f.rule == "arith.target"
        ]
        assert got == expected


def test_labelled_counts_in_parentheses_after_their_total():
    text = "BÁO CÁO\n\nI. MỤC\n\n- Giáo viên: 37 người (biên chế 32; hợp đồng: 5)."
    assert _arith(text) == []
    assert _arith(text.replace("32", "23")) == ["arith.breakdown:warning"]
    # a list of other facts in parentheses is no breakdown
    assert _arith("BÁO CÁO\n\nI. MỤC\n\nĐấu giá 204 lô (giá 101,9 tỷ; trúng 149,3 tỷ).") == []


def test_a_difference_rounding_can_explain_is_a_warning_when_a_reader_sees_it():
    text = "BÁO CÁO\n\nI. MỤC\n\nTổng diện tích 8.901 ha, gồm: lúa 7.950 ha, màu 950 ha."
    assert findings(text, "arith.breakdown") == [("8.901", "8.900")]
    assert _arith(text) == ["arith.breakdown:warning"]
    assert _arith(text.replace("8.901", "8.900")) == []
    assert _arith(text.replace("8.901", "8.903")) == ["arith.breakdown:error"]


def test_parts_written_finer_than_their_total_only_need_to_round_to_it():
    text = (
        "BÁO CÁO\n\nI. MỤC\n\nTổng chi 3,6 tỷ đồng, gồm: lương 1,25 tỷ đồng, mua sắm 2,35 tỷ đồng."
    )
    assert _arith(text) == []
    text = text.replace("2,35", "2,3")  # 3,55: rounds to 3,6 though it is not 3,6
    assert _arith(text) == ["arith.breakdown:info"]


def test_three_categories_under_trong_do_that_fall_short_are_worth_a_look():
    three = "BÁO CÁO\n\nI. MỤC\n\nTổng số 40 hồ sơ, trong đó: cấp mới 12, cấp đổi 3, cấp lại 8."
    assert _arith(three) == ["arith.breakdown:warning"]
    # two items are often a selection, and attributes of a group never divide it
    assert _arith(three.replace(", cấp lại 8", "")) == ["arith.breakdown:info"]
    attributes = "BÁO CÁO\n\nI. MỤC\n\nTổng số 40 người, trong đó: nữ 12, dân tộc 3, đảng viên 8."
    assert _arith(attributes) == ["arith.breakdown:info"]


def test_a_group_counted_in_two_units_is_checked_in_each():
    text = (
        "BÁO CÁO\n\nI. MỤC\n\n- Tổng số học sinh toàn trường: 255 trẻ/08 lớp. Trong đó:\n\n"
        ". Lớp mầm: 25 trẻ 01 lớp (01 lớp bán trú)\n\n"
        ". Lớp chồi: 87 trẻ 02 lớp (03 lớp bán trú)\n\n"
        ". Lớp lá: 143 trẻ/04 lớp (04 lớp học bán trú)"
    )
    # the real 012 report: 255 children add up, 8 classes do not (1 + 2 + 4)
    assert findings(text, "arith.breakdown") == [("08", None)]
    assert _arith(text.replace("08 lớp", "07 lớp")) == []
    assert _arith(text.replace("143 trẻ", "134 trẻ").replace("08 lớp", "07 lớp")) == [
        "arith.breakdown:warning"
    ]


def test_percent_of_a_target_the_paragraph_states():
    plan = (
        "BÁO CÁO\n\nI. MỤC\n\nKế hoạch năm 2023 trồng 110.000 cây; đã trồng 88.000 cây, đạt {}% KH."
    )
    assert _arith(plan.format("80")) == []
    assert _arith(plan.format("70")) == ["arith.target:error"]
    budget = (
        "BÁO CÁO\n\nI. MỤC\n\nDự toán năm 2023 là 715,9 tỷ đồng. Đến ngày 20/02 thu được "
        "16.700 triệu đồng, đạt {}% dự toán."
    )
    assert _arith(budget.format("2,3")) == []  # triệu against tỷ, converted
    assert _arith(budget.format("5,3")) == ["arith.target:error"]
    # another figure of the same kind in between: the percentage may be of either
    two = (
        "BÁO CÁO\n\nI. MỤC\n\nDự toán HĐND giao 800 tỷ đồng, tỉnh giao 715,9 tỷ đồng; "
        "thu 16,7 tỷ đồng, đạt 9,9% dự toán."
    )
    assert _arith(two) == []
    # a figure no plan word introduces is no target
    assert (
        _arith("BÁO CÁO\n\nI. MỤC\n\nNăm 2022 trồng 110.000 cây; năm nay 88.000 cây, đạt 70% KH.")
        == []
    )
