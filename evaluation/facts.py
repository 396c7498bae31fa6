"""What a direct answer says: the facts it contains, the amounts it states, the input it asks for.

Matching normalises Unicode (NFC), case and whitespace (diacritics are kept). A fact that
starts with a digit also matches the law's zero-padded spelling ("6 tháng" is found in
"06 tháng") but never inside a longer number ("6 tháng" is not found in "16 tháng",
"1.500.000 đồng" not in "11.500.000 đồng").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

# An amount presented in đồng: "18.000.000 đồng", "18.000.000đ", "18 triệu đồng", "18tr".
_AMOUNT = re.compile(
    r"(?<![\w.,])\d{1,3}(?:[.,]\d{3})+\s*(?:đồng|đ|vnd|vnđ)(?!\w)"
    r"|(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:triệu|tr)(?:\s*đồng)?(?!\w)",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """NFC, case-folded, runs of whitespace collapsed to one space (diacritics are kept)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _pattern(fact: str) -> re.Pattern[str]:
    wanted = re.escape(normalise(fact)).replace(r"\ ", r"\s")
    lead = r"(?<![\w.,])0*" if normalise(fact)[:1].isdigit() else r"(?<!\w)"
    tail = r"(?![\d])" if normalise(fact)[-1:].isdigit() else ""
    return re.compile(lead + wanted + tail)


def contains_fact(text: str, fact: str) -> bool:
    """True when ``fact`` appears in ``text`` (normalised; see the module doc for numbers)."""
    return _pattern(fact).search(normalise(text)) is not None


def states_amount(text: str, question: str = "") -> bool:
    """True when ``text`` presents an amount of money in đồng (or triệu) that the member did not
    give in ``question`` (an answer that repeats "lương 10 triệu" back presents no result)."""
    given = normalise(question)
    amounts = _AMOUNT.finditer(unicodedata.normalize("NFC", text))
    return any(normalise(m.group(0)) not in given for m in amounts)


@dataclass(frozen=True)
class FactCheck:
    """One question's facts checked against its direct answer."""

    found: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def recall(self) -> float | None:
        total = len(self.found) + len(self.missing)
        return None if total == 0 else len(self.found) / total

    @property
    def all_found(self) -> bool | None:
        return None if not (self.found or self.missing) else not self.missing


def check_facts(direct_answer: str, facts: Sequence[str]) -> FactCheck:
    found = tuple(f for f in facts if contains_fact(direct_answer, f))
    return FactCheck(found, tuple(f for f in facts if f not in found))


_QUESTION = re.compile(r"[^.!?\n]*\?")


def asks_for_input(direct_answer: str, words: Sequence[str], question: str = "") -> bool:
    """A question with a missing input is handled when the answer asks for it (a sentence
    ending in "?" names every missing input, ``words``) and presents no amount of money
    that the member did not give in ``question``."""
    questions = _QUESTION.findall(direct_answer)
    asks = any(all(contains_fact(q, w) for w in words) for q in questions)
    return asks and not states_amount(direct_answer, question)
