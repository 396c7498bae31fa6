"""Figures as Vietnamese write them (the formats listed in the package docstring)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any


def round_half_up(value: float | Decimal) -> int:
    """Whole đồng, halves up (Python's round() would round 0.5 to even)."""
    return int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def group(number: int) -> str:
    """1234567 -> "1.234.567"."""
    return f"{number:,}".replace(",", ".")


def number(value: float | int) -> str:
    """A plain number with a decimal comma, at most two decimals: 5.8333 -> "5,83", 12.0 -> "12"."""
    if float(value).is_integer():
        return group(int(value))
    whole, _, frac = f"{value:.2f}".partition(".")
    frac = frac.rstrip("0")
    return f"{group(int(whole))},{frac}" if frac else group(int(whole))


def money(amount: float | int) -> str:
    """Whole đồng with dots: 16500000 -> "16.500.000 đồng"."""
    return f"{group(round_half_up(amount))} đồng"


def money_short(amount: float | int) -> str:
    """How a member writes an amount back: 10000000 -> "10 triệu", 9500000 -> "9,5 triệu"."""
    whole = round_half_up(amount)
    for unit, name in ((1_000_000_000, "tỷ"), (1_000_000, "triệu"), (1_000, "nghìn")):
        if whole >= unit and (whole * 1000) % unit == 0:
            return f"{number(whole / unit)} {name}"
    return f"{group(whole)}đ"


def days(count: float | int) -> str:
    return f"{number(count)} ngày"


def working_days(count: int) -> str:
    return f"{count} ngày làm việc"


def hours(count: float | int) -> str:
    return f"{number(count)} giờ"


def percent(value: float | int) -> str:
    return f"{number(value)}%"


def months(count: float | int) -> str:
    return f"{number(count)} tháng"


def years_months(total_months: int) -> str:
    """44 -> "3 năm 8 tháng"; 36 -> "3 năm"; 8 -> "8 tháng"; 0 -> "0 tháng"."""
    years, rest = divmod(int(total_months), 12)
    if years and rest:
        return f"{years} năm {rest} tháng"
    if years:
        return f"{years} năm"
    return f"{rest} tháng"


def years(value: float) -> str:
    """3.5 -> "3,5 năm"."""
    return f"{number(value)} năm"


def age(total_months: int) -> str:
    """729 -> "60 tuổi 9 tháng"; 744 -> "62 tuổi"."""
    years_, rest = divmod(int(total_months), 12)
    return f"{years_} tuổi {rest} tháng" if rest else f"{years_} tuổi"


def month_year(day: date) -> str:
    """date(2030, 9, 1) -> "tháng 9/2030"."""
    return f"tháng {day.month}/{day.year}"


def format_value(kind: str, value: Any) -> str:
    """An input value as a member reads it, by the input's kind."""
    if value is None:
        return "—"
    if kind == "money":
        return money(value)
    if kind == "duration":
        return years_months(int(value))
    if kind == "month" and isinstance(value, date):
        return month_year(value)
    if kind == "bool":
        return "có" if value else "không"
    if kind in ("int", "number"):
        return number(value)
    return str(value)
