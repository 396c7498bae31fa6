"""Spans of personal data and the folded text the rules run on."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KINDS = ("name", "phone", "id_number", "social_insurance", "bank_account", "email", "dob", "address")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one: "Nguyễn Đức" -> "nguyen duc".

    Offsets in the folded text are offsets in ``text`` (NFC), so rules written once over the
    folded text handle capitals, lower case and messages typed without diacritics alike.
    """
    out = []
    for char in text:
        if char in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", char)[0]
        out.append(base.lower() if len(base.lower()) == 1 else char)
    return "".join(out)


def words(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"[^\W_]+", text))


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < t.end and t.start < span.end for t in taken)
