"""Vietnamese number writing: parse and format are inverse, and parsing rejects anything else."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from baocao.text.numbers import decimals_of, format_number, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10.430", 10430),
        ("101,929", 101.929),
        ("02", 2),
        ("1027", 1027),
        ("0,27", 0.27),
        ("1.234.567,8", 1234567.8),
        (" 8,4 ", 8.4),
    ],
)
def test_it_reads_numbers_the_vietnamese_way(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["1,2,3", "10.43", "abc", "", "1.2345", ",5", "5,", "1..000", "١٢", "²", "12 3"]
)
def test_it_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    ("value", "decimals", "group", "text"),
    [
        (10430, None, True, "10.430"),
        (8.4, None, True, "8,4"),
        (1027, None, False, "1027"),
        (1234567.8, 2, True, "1.234.567,80"),
        (0.27, None, True, "0,27"),
        (1.5, 0, True, "2"),
        (-0.0001, 3, True, "0,000"),
    ],
)
def test_it_writes_numbers_the_vietnamese_way(value, decimals, group, text):
    assert format_number(value, decimals, group=group) == text


@given(st.integers(-(10**12), 10**12), st.integers(0, 3), st.booleans())
def test_format_then_parse_gives_the_value_back(n, decimals, group):
    value = n / 10**decimals
    text = format_number(value, decimals, group=group)
    assert parse_number(text) == pytest.approx(value)
    assert decimals_of(text) == decimals


@given(st.floats(-1e12, 1e12, allow_nan=False))
@example(32.3125)
def test_format_keeps_what_a_float_needs_up_to_three_decimals(value):
    text = format_number(value)
    assert decimals_of(text) <= 3
    # half a unit of the third decimal, plus the float error of the subtraction itself
    # (hypothesis found 32.3125 -> "32,312", 0.000500000000002 away)
    assert parse_number(text) == pytest.approx(value, abs=0.0005 + 1e-12 + abs(value) * 1e-15)


@given(st.text(max_size=30))
def test_parse_raises_only_value_error(text):
    try:
        parse_number(text)
    except ValueError:
        pass


@given(st.from_regex(r"[0-9.,\- ]{0,12}", fullmatch=True))
def test_parse_raises_only_value_error_on_number_like_text(text):
    try:
        parse_number(text)
    except ValueError:
        pass


def test_format_refuses_what_has_no_writing():
    with pytest.raises(ValueError):
        format_number(float("nan"))
