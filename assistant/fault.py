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


def contradicts(unit_folded: str, asked: Mapping[str, bool]) -> bool:
    """The unit's rule is for a fault the member says there is not, or the reverse; ``asked`` is
    ``stated`` of the question, read once per question."""
    if not asked:
        return False
    rule = stated(unit_folded)
    return any(party in rule and rule[party] != fault for party, fault in asked.items())
