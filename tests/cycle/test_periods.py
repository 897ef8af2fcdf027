import datetime as dt

import pytest

from baocao.cycle import periods


@pytest.mark.parametrize(
    ("kind", "number", "label"),
    [
        ("month", 2, "tháng 2 năm 2023"),
        ("quarter", 1, "quý I năm 2023"),
        ("six_months", 1, "6 tháng đầu năm 2023"),
        ("nine_months", 1, "9 tháng năm 2023"),
        ("year", 1, "năm 2023"),
    ],
)
def test_labels_read_as_reports_write_them(kind, number, label):
    assert periods.label(kind, 2023, number) == label


def test_the_month_after_december_is_january_next_year():
    assert periods.next_period("month", 2023, 12) == (2024, 1)
    assert periods.next_period("quarter", 2023, 4) == (2024, 1)
    assert periods.next_period("year", 2023, 1) == (2024, 1)


def test_default_dates_follow_decree_09_and_fit_short_months():
    assert periods.default_dates("month", 2023, 2, 14, 16) == (
        dt.date(2023, 2, 14),
        dt.date(2023, 2, 16),
    )
    assert periods.default_dates("quarter", 2023, 1, 14, 16)[0] == dt.date(2023, 3, 14)
    assert periods.default_dates("month", 2023, 2, 31, 31) == (
        dt.date(2023, 2, 28),
        dt.date(2023, 2, 28),
    )


def test_the_default_summary_line_names_both_months():
    assert periods.default_subtitle("month", 2023, 2) == (
        "Kết quả thực hiện công tác tháng 2,\nnhiệm vụ trọng tâm tháng 3 năm 2023"
    )
    assert "tháng 1 năm 2024" in periods.default_subtitle("month", 2023, 12)
