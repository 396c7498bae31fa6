"""Spans of personal data and the folded text the rules run on."""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("name", "phone", "id_number", "social_insurance", "bank_account", "email", "dob", "address")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def words(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"[^\W_]+", text))


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < t.end and t.start < span.end for t in taken)
