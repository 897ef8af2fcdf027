"""Consistency rules: impossible dates, cut-off dates, period mismatches, name variants."""

from __future__ import annotations

from tests.checks.helpers import findings


def test_a_date_that_cannot_exist_is_an_error():
    text = "BÁO CÁO\n\nI. MỤC\n\nNgày 31/02/2023 và ngày 28/02/2023, tỷ lệ 16,7/715,9."
    assert findings(text, "date.invalid") == [("31/02/2023", None)]


def test_a_cutoff_after_the_report_date_is_flagged():
    text = (
        "---\nissuer:\n  name: X\n  date: 2023-02-28\n---\n\nBÁO CÁO\n\nI. MỤC\n\n"
        "Thu ngân sách đến 20/02/2023 đạt 5 tỷ đồng; chi đến ngày 05/3/2023 là 3 tỷ đồng."
    )
    assert findings(text, "date.after-report") == [("05/3/2023", None)]


def test_the_sample_closing_names_the_wrong_month(sample_doc):
    # "nhiệm vụ trọng tâm công tác tháng 02/2023" in a report whose part B is March.
    assert findings(sample_doc, "period.mismatch") == [("02", "03")]


def test_part_headings_must_follow_the_period():
    text = (
        "BÁO CÁO\n\n**Kết quả tháng 5, nhiệm vụ tháng 6 năm 2024**\n\n"
        "A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 4\n\nNội dung.\n\n"
        "B. NHIỆM VỤ TRỌNG TÂM THÁNG 6\n\n- Việc."
    )
    assert findings(text, "period.mismatch") == [("4", "5")]


def test_a_name_spelled_two_ways_is_flagged_once_per_minority_use(sample_doc):
    assert findings(sample_doc, "name.variant") == [("Viềng", "Viêng")]


def test_old_and_new_tone_marks_are_not_two_spellings():
    text = "BÁO CÁO\n\nI. MỤC\n\nxã Hòa Bình và xã Hoà Bình cùng một xã; xã Tam Thanh."
    assert findings(text, "name.variant") == []


def test_a_cited_document_dated_after_the_report():
    text = (
        "---\nissuer:\n  name: TRƯỜNG MN X\n  date: 2012-05-10\n---\n\nBÁO CÁO\n\nI. MỤC\n\n"
        "Căn cứ Công văn số: 106/HD-GD&ĐT ngày 08 tháng 9 năm 2012 và Kế hoạch số 5/KH-X "
        "ngày 01/4/2012."
    )
    assert [t for t, _ in findings(text, "ref.date-order")] == [
        "Công văn số: 106/HD-GD&ĐT ngày 08 tháng 9 năm 2012"
    ]


def test_a_plan_that_implements_a_later_directive():
    text = (
        "BÁO CÁO\n\nI. MỤC\n\nBan hành Kế hoạch số 31-KH/HU, ngày 09/02/2023 về thực hiện "
        "Chỉ thị số 18-CT/TW ngày 26/10/2023 của Ban Bí thư."
    )
    assert [t for t, _ in findings(text, "ref.date-order")] == [
        "Kế hoạch số 31-KH/HU, ngày 09/02/2023"
    ]
    assert findings(text.replace("26/10/2023", "26/10/2022"), "ref.date-order") == []


def test_a_malformed_symbol_of_a_cited_document():
    text = (
        "BÁO CÁO\n\nI. MỤC\n\nCăn cứ Công văn số: 106/HD-GD&ĐT- MN ngày 08/9/2012, "
        "Kế hoạch số 31-KH/HU và Thông tư 04/2023/TT-BTC."
    )
    assert findings(text, "ref.code") == [("106/HD-GD&ĐT- MN", None)]
