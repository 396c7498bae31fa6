"""Whose fault it is, and whether it is: a fact a member states that decides between rules.

Điều 99 of the Labour Code pays a stoppage in full "nếu do lỗi của người sử dụng lao động"
(khoản 1) and by agreement, not below the minimum wage, when a power cut is "không do lỗi của
người sử dụng lao động" (khoản 3). A member who writes "cắt điện 5 ngày, không phải lỗi cty" is in
the second case; the first is the opposite one. Texts are read folded (``corpus.text.fold``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_WORKER = r"(?:nguoi lao dong|em|e|toi|minh|tui|anh|chi|ban|cong nhan|nld)"
_EMPLOYER = r"(?:nguoi su dung lao dong|cong ty|cty|doanh nghiep|sep|chu|giam doc|xuong|nha may|nsdld)"
# "(không) (phải|do|có) lỗi (của) <party>" in a story; the law writes "(không) do lỗi của <party>".
_FAULT = re.compile(
    rf"\b(?P<neg>(?:khong|ko|k|chang|cha) (?:phai )?(?:la )?(?:do )?(?:co )?)?"
    rf"(?:do )?loi (?:cua |tai |o )?(?P<party>{_WORKER}|{_EMPLOYER})\b"
)


def stated(folded: str) -> dict[str, bool]:
    """Whose fault the text says it is (True) or is not (False): {"worker": ..., "employer": ...}.
    A party said both ways (in two different rules of one unit) is left out."""
    found: dict[str, set[bool]] = {}
    for match in _FAULT.finditer(folded):
        party = "worker" if re.fullmatch(_WORKER, match["party"]) else "employer"
        found.setdefault(party, set()).add(match["neg"] is None)
    return {party: next(iter(ways)) for party, ways in found.items() if len(ways) == 1}


# Causes Điều 99 khoản 3 names as nobody's fault ("Nếu vì sự cố về điện, nước mà không do lỗi của
# người sử dụng lao động hoặc do thiên tai, hỏa hoạn, dịch bệnh nguy hiểm ..."): how a member names
# each, and how the law does.
_CAUSES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    name: (re.compile(story), re.compile(law))
    for name, story, law in (
        ("power", r"\b(?:mat|cup|cat|ngat|su co(?: ve)?) dien\b", r"\bsu co ve dien\b"),
        ("water", r"\b(?:mat|cup|cat|ngat|su co(?: ve)?) nuoc\b", r"\bsu co ve dien, nuoc\b"),
        ("disaster", r"\bthien tai\b|\b(?:bao|lu|lut|ngap) (?:lut|lu|lon|to|ngap)\b", r"\bthien tai\b"),
        ("fire", r"\bhoa hoan\b|\bchay (?:xuong|nha may|kho|cong ty|cty)\b", r"\bhoa hoan\b"),
        ("epidemic", r"\bdich (?:benh|covid)\b|\bcovid\b", r"\bdich benh\b"),
    )
}


def causes(folded: str, *, law: bool = False) -> frozenset[str]:
    """The no-fault causes a member's story (or, with ``law``, a unit of the law) names."""
    return frozenset(name for name, pair in _CAUSES.items() if pair[law].search(folded))


def told(folded: str) -> dict[str, bool]:
    """``stated`` of a member's story, where a power or water cut, a natural disaster, a fire or an
    epidemic named with no fault stated is not the employer's fault: "mất điện cả tuần, có được
    trả lương không" is the case of khoản 3 Điều 99, not the full pay of khoản 1."""
    found = stated(folded)
    if "employer" not in found and causes(folded):
        found["employer"] = False
    return found


def contradicts(unit_folded: str, asked: Mapping[str, bool]) -> bool:
    """The unit's rule is for a fault the member says there is not, or the reverse; ``asked`` is
    ``stated`` of the question, read once per question."""
    if not asked:
        return False
    rule = stated(unit_folded)
    return any(party in rule and rule[party] != fault for party, fault in asked.items())
