"""Vietnamese number writing: parse and format are inverse, and parsing rejects anything else."""

from __future__ import annotations

import pytest
from hypothesis import given
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
    ],
)
def test_it_reads_numbers_the_vietnamese_way(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,2,3", "10.43", "abc", "", "1.2345", ",5"])
def test_it_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text)


@given(st.integers(0, 10**12), st.integers(0, 3))
def test_format_then_parse_gives_the_value_back(n, decimals):
    value = n / 10**decimals
    text = format_number(value, decimals)
    assert parse_number(text) == pytest.approx(value)
    assert decimals_of(text) == decimals


@given(st.text(max_size=30))
def test_parse_raises_only_value_error(text):
    try:
        parse_number(text)
    except ValueError:
        pass
