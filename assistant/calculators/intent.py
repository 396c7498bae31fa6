"""Recognise a calculation question about the member's own case and pull out its inputs.

Strict on purpose: a question triggers a calculator only when it names the topic, asks for a
figure ("bao nhiêu", "khi nào", "mấy tháng"...) and states at least one concrete input of the
member's case (an amount, a duration, a month of birth, a number of hours; or, speaking of
themselves, a contract type or job). A textbook question ("Trợ cấp thôi việc được tính thế
nào?") has none, so the retrieval answer quotes the rule instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.calculators import parsing
from assistant.calculators.base import Calculator
from assistant.calculators.extract import EXTRACTORS, NUMERIC_KINDS
from assistant.calculators.registry import get_calculator
from assistant.textnorm import fold

# (calculator, pattern on folded text), first match wins: specific topics before general ones.
TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("bhxh_mot_lan", r"(bhxh|bao hiem xa hoi|bao hiem) (1|mot) lan|rut (bhxh|bao hiem|so)"),
        ("tro_cap_that_nghiep", r"that nghiep|bhtn"),
        ("tro_cap_mat_viec", r"mat viec( lam)?\b|tro cap mat"),
        ("tro_cap_thoi_viec", r"thoi viec|nghi viec .*tro cap|tro cap .*nghi viec"),
        ("tuoi_nghi_huu", r"nghi huu|ve huu|tuoi huu|luong huu"),
        ("thai_san", r"thai san|sinh con|sinh em be|sinh doi|sinh ba\b"),
        ("lam_them_gio", r"lam them|tang ca|\bot\b"),
        ("lam_viec_ban_dem", r"lam (viec )?(ban )?dem|ca dem"),
        ("nghi_hang_nam", r"phep nam|nghi hang nam|ngay phep|nghi phep"),
        ("luong_toi_thieu_vung", r"luong toi thieu"),
        ("thu_viec", r"thu viec"),
        ("thoi_han_bao_truoc", r"bao truoc"),
        ("kinh_phi_cong_doan", r"kinh phi cong doan"),
    )
)
_ASKS_FIGURE = re.compile(
    r"bao nhieu|\bmay\b|khi nao|bao gio|luc nao|nam nao|thang nao|bao lau|tinh (giup|cho|ho|duoc|ra)"
    r"|duoc (huong|nhan|tra|nghi)|nhan duoc|tong cong|la bao|muc huong|tien (la|duoc)|het bao"
    r"|may tuoi|\?\s*$"
)
_FIRST_PERSON = re.compile(r"\b(toi|em|minh|chau|vo toi|chong toi|con toi)\b")


@dataclass(frozen=True)
class Intent:
    calculator: Calculator
    values: dict[str, Any]  # raw values as read from the text (checked later by the calculator)


def detect_topic(question: str) -> str | None:
    folded = fold(question)
    for name, pattern in TOPICS:
        if pattern.search(folded):
            if name == "lam_viec_ban_dem" and re.search(r"lam them|tang ca", folded):
                return "lam_them_gio"
            return name
    return None


def extract(calculator: Calculator, text: str) -> dict[str, Any]:
    """Inputs of ``calculator`` stated in ``text`` (possibly none)."""
    norm = parsing.normalise(text)
    return {k: v for k, v in EXTRACTORS[calculator.name](text, norm).items() if v is not None}


def has_concrete_input(calculator: Calculator, values: dict[str, Any], text: str) -> bool:
    for name in values:
        kind = calculator.spec(name).kind
        if kind in NUMERIC_KINDS:
            return True
    return bool(values) and _FIRST_PERSON.search(fold(text)) is not None


def read_intent(question: str) -> Intent | None:
    """The calculator and inputs of a calculation question, or None when it is not one."""
    name = detect_topic(question)
    if name is None:
        return None
    folded = fold(question)
    if not _ASKS_FIGURE.search(folded):
        return None
    calculator = get_calculator(name)
    values = extract(calculator, question)
    if not has_concrete_input(calculator, values, question):
        return None
    return Intent(calculator, values)


def read_answer_to(calculator: Calculator, missing: tuple[str, ...], message: str) -> dict[str, Any]:
    """Inputs given in a reply to a request for ``missing`` inputs: "9 triệu", "nữ", "26 ngày"."""
    values = extract(calculator, message)
    if len(missing) == 1 and missing[0] not in values:
        from assistant.calculators.validation import convert

        spec = calculator.spec(missing[0])
        bare = message.strip().rstrip(".!")
        try:
            convert(spec, bare)
        except (ValueError, TypeError):
            return values
        values[spec.name] = bare  # range-checked with the other inputs by the calculator
    return values
