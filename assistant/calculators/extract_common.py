"""Helpers shared by the sentence readers: the words before a value, amounts, integers."""

from __future__ import annotations

import re

from assistant.calculators import parsing


def left_of(norm: str, start: int, width: int = 45) -> str:
    return norm[max(0, start - width) : start]


def money(text: str, norm: str, hourly: bool = False) -> tuple[int | None, int | None]:
    """(monthly-or-other amount, hourly amount) from the sentence."""
    amount = hourly_amount = None
    for found in parsing.find_money(text):
        after = norm[found.end : found.end + 12]
        before = re.split(r"[,;]|\. ", left_of(norm, found.start, 45))[-1]
        if hourly and (
            re.match(r"\s*(/|mot|1|moi)\s*(gio|h)\b", after) or re.search(r"luong gio|moi gio", before)
        ):
            hourly_amount = hourly_amount or to_int(found.value)
        elif amount is None:
            amount = to_int(found.value)
    return amount, hourly_amount


def to_int(value: object) -> int:
    assert isinstance(value, int | float)
    return int(value)
