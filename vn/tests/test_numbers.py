import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vn.numbers import format_number, parse_date, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3.374", Decimal(3374)),
        ("1.250", Decimal(1250)),
        ("04", Decimal(4)),
        ("96,99", Decimal("96.99")),
        ("96,99%", Decimal("96.99")),
        ("90 triệu", Decimal(90_000_000)),
        ("1,5 tỷ", Decimal(1_500_000_000)),
        ("12 nghìn", Decimal(12_000)),
        ("3.374.000", Decimal(3_374_000)),
    ],
)
def test_vietnamese_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text", ["", "abc", "1.5", "3,374.5", "12 con", "1.2345", "--"]
)
def test_not_numbers(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("10/01/2024", dt.date(2024, 1, 10)),
        ("7/7/2022", dt.date(2022, 7, 7)),
        ("ngày 05 tháng 02 năm 2023", dt.date(2023, 2, 5)),
        ("Ngày 17 tháng 11 năm 2022", dt.date(2022, 11, 17)),
        ("2023-07-31", dt.date(2023, 7, 31)),
    ],
)
def test_vietnamese_dates(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["31/02/2024", "10/01", "hôm qua", "2024/01/10"])
def test_not_dates(text):
    assert parse_date(text) is None


def test_format_number():
    assert format_number(3374) == "3.374"
    assert format_number(Decimal("96.99"), 2) == "96,99"


@given(st.integers(min_value=0, max_value=10**12))
def test_format_and_parse_round_trip(number):
    assert parse_number(format_number(number)) == number


@given(st.text(max_size=30))
def test_parsers_never_crash(text):
    parse_number(text)
    parse_date(text)
