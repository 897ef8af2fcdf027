"""Computation rules of indicators, with hypothesis for the arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baocao.indicators import compute
from baocao.indicators.sentences import indicator_sentence

money = st.decimals(min_value=0, max_value=10**6, places=1, allow_nan=False, allow_infinity=False)
months = st.dictionaries(st.integers(1, 12), money, min_size=1)


@given(months, st.integers(1, 12))
def test_year_to_date_sum_is_the_sum_of_the_months_so_far(values, month):
    keyed = {(2023, m): v for m, v in values.items()}
    expected = sum((v for m, v in values.items() if m <= month), Decimal(0))
    got = compute.year_to_date(keyed, 2023, month, "sum")
    assert got == (expected if any(m <= month for m in values) else None)


@given(months, st.integers(1, 12))
def test_last_value_of_a_stock_is_the_latest_month_reported(values, month):
    keyed = {(2023, m): v for m, v in values.items()}
    earlier = [m for m in values if m <= month]
    got = compute.year_to_date(keyed, 2023, month, "last")
    assert got == (values[max(earlier)] if earlier else None)


@given(months)
def test_other_years_never_count(values):
    keyed = {(2022, m): v for m, v in values.items()}
    assert compute.year_to_date(keyed, 2023, 12, "sum") is None


@given(money, st.decimals(min_value=1, max_value=10**6, places=1))
def test_percent_of_target_reads_back_the_value(value, target):
    pct = compute.percent_of(value, target)
    assert abs(pct * target / 100 - value) < Decimal("1e-9")


def test_a_zero_or_missing_target_gives_no_percent():
    assert compute.percent_of(Decimal(5), Decimal(0)) is None
    assert compute.percent_of(Decimal(5), None) is None


@pytest.mark.parametrize(
    ("value", "decimals", "rounded"),
    [("8.35", 1, "8.4"), ("8.349", 1, "8.3"), ("2.325", 2, "2.33"), ("99.5", 0, "100")],
)
def test_rounding_is_half_up_at_the_written_precision(value, decimals, rounded):
    assert compute.round_at(Decimal(value), decimals) == Decimal(rounded)


@given(st.integers(2000, 2100), st.integers(1, 12), st.sampled_from([1, 3, 6, 12]))
def test_previous_key_steps_back_across_years(year, month, step):
    y, m = compute.previous_key(year, month, step)
    assert 1 <= m <= 12 and (year * 12 + month) - (y * 12 + m) == step


def test_progress_of_the_samples_budget_revenue():
    values = {
        (2023, 1): Decimal("45.2"),
        (2023, 2): Decimal("43.6"),
        (2022, 1): Decimal(40),
        (2022, 2): Decimal(39),
    }
    p = compute.progress(values, 2023, 2, "sum", Decimal("1057.1"))
    assert p.ytd == Decimal("88.8")
    assert compute.round_at(p.percent_target, 1) == Decimal("8.4")
    assert compute.round_at(p.change_year, 1) == Decimal("12.4")
    assert compute.round_at(p.change_previous, 1) == Decimal("-3.5")
    sentence = indicator_sentence("Tổng thu NSNN", "tỷ đồng", 1, "estimate", p)
    assert sentence == "Tổng thu NSNN là 88,8 tỷ đồng, đạt 8,4% dự toán, tăng 12,4% so với cùng kỳ"


def test_a_total_that_is_not_the_sum_of_its_parts_is_a_problem():
    assert compute.check_sum(Decimal(8900), [Decimal(7950), Decimal(950)], 0) is None
    assert compute.check_sum(Decimal(8900), [Decimal(7950), Decimal(905)], 0).kind == "relation"
    # judged at the indicator's precision: 16,7 = 1,8 + 14,94 rounds to 16,7
    assert compute.check_sum(Decimal("16.7"), [Decimal("1.8"), Decimal("14.94")], 1) is None


def test_a_value_far_outside_its_history_is_flagged_not_a_usual_one():
    history = [Decimal(v) for v in (1000, 1020, 990, 1010, 1005, 995, 1030)]
    assert compute.outlier(Decimal(1015), history) is None
    assert compute.outlier(Decimal(10150), history).kind == "outlier"
    assert compute.outlier(Decimal(10150), history[:3]) is None  # too little history to judge


def test_a_value_above_its_ceiling_is_a_problem():
    assert compute.check_ceiling(Decimal(88000), Decimal(110000), Decimal(3)) is None
    assert compute.check_ceiling(Decimal(880000), Decimal(110000), Decimal(3)).kind == "relation"
