"""Masking of personal data members type into questions (pure functions).

Masked before anything is stored, logged or counted: names (with or without capitals,
diacritics or a lead-in), phone numbers in any spacing, CCCD/CMND numbers, social-insurance
numbers, bank accounts, e-mail addresses, dates of birth and street addresses. Legal numbers
are left alone: "Điều 113", "45/2019/QH14", "5.000.000 đồng", "12 ngày", "năm 2019".
The recognisers live in ``assistant.service.pii``; precision and recall per kind are measured on the
labelled set ``tests/assistant/service/data/masking_set.txt`` (``benchmarks/masking_eval.py``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from assistant.service.pii.addresses import address_spans
from assistant.service.pii.names import name_spans
from assistant.service.pii.numbers import number_spans
from assistant.service.pii.spans import Span, overlaps
from corpus.text import fold_aligned

NAME_MASK = "[họ tên]"
PHONE_MASK = "[số điện thoại]"
ID_MASK = "[số CCCD/CMND]"
SOCIAL_INSURANCE_MASK = "[số BHXH]"
BANK_MASK = "[số tài khoản]"
EMAIL_MASK = "[email]"
DOB_MASK = "[ngày sinh]"
ADDRESS_MASK = "[địa chỉ]"
MASKS = {
    "name": NAME_MASK,
    "phone": PHONE_MASK,
    "id_number": ID_MASK,
    "social_insurance": SOCIAL_INSURANCE_MASK,
    "bank_account": BANK_MASK,
    "email": EMAIL_MASK,
    "dob": DOB_MASK,
    "address": ADDRESS_MASK,
}


@dataclass(frozen=True)
class MaskResult:
    text: str  # the masked text
    kinds: tuple[str, ...]  # what was masked, in order of appearance

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


def find_personal_data(text: str) -> list[Span]:
    """Non-overlapping spans of personal data in ``text`` (NFC), in text order.

    Numbers and e-mails win over addresses, addresses over names ("45 Lê Lợi" is a street).
    """
    text = unicodedata.normalize("NFC", text)
    folded = fold_aligned(text)
    taken: list[Span] = []
    for group in (number_spans(text, folded), address_spans(text, folded), name_spans(text, folded)):
        for span in sorted(group, key=lambda s: (s.start, -(s.end - s.start))):
            if span.end > span.start and not overlaps(span, taken):
                taken.append(span)
    return sorted(taken, key=lambda s: s.start)


def mask_personal_data(text: str) -> MaskResult:
    """Replace personal data with bracketed Vietnamese placeholders."""
    text = unicodedata.normalize("NFC", text)
    spans = find_personal_data(text)
    parts: list[str] = []
    last = 0
    for span in spans:
        parts.append(text[last : span.start])
        parts.append(MASKS[span.kind])
        last = span.end
    parts.append(text[last:])
    return MaskResult(text="".join(parts), kinds=tuple(dict.fromkeys(s.kind for s in spans)))


def mask(text: str) -> str:
    """Shorthand for ``mask_personal_data(text).text``."""
    return mask_personal_data(text).text
