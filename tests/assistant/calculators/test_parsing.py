"""Vietnamese amounts, durations and dates, in words or digits, with or without diacritics."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.calculators import formatting as fmt
from assistant.calculators import parsing


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("9 triệu", 9_000_000),
        ("9 trieu", 9_000_000),
        ("9tr", 9_000_000),
        ("9.000.000đ", 9_000_000),
        ("9.000.000 đồng", 9_000_000),
        ("9,5 triệu", 9_500_000),
        ("9tr5", 9_500_000),
        ("9 triệu rưỡi", 9_500_000),
        ("9 triệu 500 nghìn", 9_500_000),
        ("chín triệu", 9_000_000),
        ("500k", 500_000),
        ("6tr24", 6_240_000),  # two digits after "tr" were read as "6,2,4"
        ("9tr500", 9_500_000),
        ("tám triệu chín trăm năm mươi nghìn", 8_950_000),  # the thousands were dropped
        ("bảy triệu năm trăm nghìn", 7_500_000),
        ("1.500", 1_500),
        (12_000_000, 12_000_000),
    ],
)
def test_money(text: str | int, amount: int) -> None:
    assert parsing.parse_money(text) == amount


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("3 năm 8 tháng", 44),
        ("3 nam 8 thang", 44),
        ("ba năm tám tháng", 44),
        ("44 tháng", 44),
        ("44", 44),
        ("3 năm rưỡi", 42),
        ("năm năm", 60),
        ("mười hai tháng", 12),
    ],
)
def test_duration(text: str, months: int) -> None:
    assert parsing.parse_duration(text) == months


@pytest.mark.parametrize(
    "text", ["sinh tháng 3/1970", "tháng 3 năm 1970", "thang 3 nam 1970", "03/1970", "15/3/1970", "1970-03"]
)
def test_month_of_birth(text: str) -> None:
    assert [f.value for f in parsing.find_months(text)] == [date(1970, 3, 1)]


def test_a_month_of_birth_is_not_a_duration() -> None:
    assert parsing.find_durations("sinh tháng 3 năm 1970, làm 3 năm 8 tháng")[0].value == 44
    assert len(parsing.find_durations("sinh tháng 3 năm 1970")) == 0


@pytest.mark.parametrize("text", ["ba con gà", "9 quả táo", ""])
def test_unreadable_money_says_what_to_write(text: str) -> None:
    with pytest.raises(ValueError, match="9 triệu"):
        parsing.parse_money(text)


def test_month_13_is_refused() -> None:
    with pytest.raises(ValueError, match="tháng 13"):
        parsing.parse_month("13/1970")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (fmt.money(16_500_000), "16.500.000 đồng"),
        (fmt.years_months(44), "3 năm 8 tháng"),
        (fmt.years_months(36), "3 năm"),
        (fmt.age(729), "60 tuổi 9 tháng"),
        (fmt.age(744), "62 tuổi"),
        (fmt.month_year(date(2030, 9, 1)), "tháng 9/2030"),
        (fmt.percent(75), "75%"),
        (fmt.hours(8), "8 giờ"),
        (fmt.days(12), "12 ngày"),
        (fmt.days(14 * 5 / 12), "5,83 ngày"),
        (fmt.months(6), "6 tháng"),
    ],
)
def test_figure_formats(value: str, text: str) -> None:
    assert value == text
