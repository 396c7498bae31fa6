"""Helpers shared by the sentence readers: the words before a value, amounts, integers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.calculators import parsing


def left_of(norm: str, start: int, width: int = 45) -> str:
    return norm[max(0, start - width) : start]


# An amount the member calls her wage or income ("lương e 7tr", "lương cơ bản 5tr3", "thu nhập
# 9 triệu"), not a deduction from it ("trừ lương e 2tr"), wages owed ("nợ lương") or a fine.
WAGE_LABEL = re.compile(r"(?<!tru )(?<!no )(?<!phat )\b(?:luong|thu nhap)\b(?: \w+){0,4} $")
# The wage social insurance is paid on ("đóng bảo hiểm trên mức 5 triệu", "lương đóng bhxh 9
# triệu"): what the insurance benefits are computed from, rather than the take-home pay.
INSURED_LABEL = re.compile(
    r"\b(?:dong|tham gia) (?:bhxh|bhtn|bh|bao hiem)\b(?: \w+){0,4} $|\bmuc dong\b(?: \w+){0,3} $"
)


def money(
    text: str, norm: str, hourly: bool = False, insured: bool = False
) -> tuple[int | None, int | None]:
    """(monthly-or-other amount, hourly amount) from the sentence; of several amounts, the wage
    as ``wage_of`` chooses it."""
    amounts: list[tuple[int, str]] = []
    hourly_amount = None
    for found in parsing.find_money(text):
        after = norm[found.end : found.end + 12]
        before = re.split(r"[,;]|\. ", left_of(norm, found.start, 45))[-1]
        if hourly and (
            re.match(r"\s*(/|mot|1|moi)\s*(gio|h)\b", after) or re.search(r"luong gio|moi gio", before)
        ):
            hourly_amount = hourly_amount or to_int(found.value)
        else:
            amounts.append((to_int(found.value), before))
    return wage_of(amounts, insured), hourly_amount


def wage_of(amounts: Sequence[tuple[int, str]], insured: bool = False) -> int | None:
    """Of the amounts of a sentence (each with the words just before it), the member's wage: with
    ``insured``, the first one she says insurance is paid on; else the first she calls her wage;
    with none so called, the first ("tiền trọ 1,5 triệu ... lương 6 triệu" is priced on the 6
    million)."""
    for label in (INSURED_LABEL, WAGE_LABEL) if insured else (WAGE_LABEL,):
        for value, before in amounts:
            if label.search(before):
                return value
    return amounts[0][0] if amounts else None


def to_int(value: object) -> int:
    assert isinstance(value, int | float)
    return int(value)
