"""Whose figures: the clauses of a message that tell the case of the person asked about.

Members tell their family's and friends' cases beside their own ("Chồng em làm cty gỗ 10 năm lương
12 triệu, còn em làm cty may được 3 năm lương 7 triệu ... Em nghỉ việc thì em được trợ cấp thôi việc
bao nhiêu?", "Bạn em là kỹ sư thử việc 2 tháng lương 15 triệu, còn em là công nhân ...", "Con em 16
tuổi đang đi học, còn em làm cty 3 năm"). A calculator reads its inputs from the clauses of the
person the question is about (``extract_common.asked_owner``); a clause that opens with someone
else ("chồng em ...", "bạn em ...") is that person's, and so are the clauses after it until the
member speaks of herself again ("còn em", "em thì", "em ..."). Clauses that name nobody belong to
the person last named, the member at first.
"""

from __future__ import annotations

import re

from assistant.calculators.extract_common import asked_owner
from corpus.text import fold

# Someone other than the member, named with a possessive at the opening of a clause (folded):
# relatives, a friend, a child ("con em": only when typed without the grave accent of "còn").
_OTHER = re.compile(
    r"^(?:(?:va|nhung|con|con ve|rieng|thi|nam nay|thang nay|thang truoc|tuan truoc|hom qua|truoc do) )?"
    r"(bo|cha|chong|me|vo|ban(?: than)?|anh trai|chi gai|em trai|em gai|con(?: gai| trai)?)"
    r" (?:cua )?(?:toi|em|e|minh|tui)\b|^(?:(?:va|nhung|con) )?(ong xa|ba xa)\b"
)
_SELF = re.compile(r"^(?:(?:va|nhung|con|rieng|con ve phan) )?(?:em|e|toi|minh|tui)\b(?! (?:be|nho)\b)")
# Clause boundaries: punctuation, and "còn" that switches the person ("..., còn em làm ...").
_CLAUSE = re.compile(r"[,.;?!\n]+|\s(?=còn\s)|\s(?=con\s(?:em|e|toi|minh|tui)\b)", re.IGNORECASE)
# The people a relative word stands for, as ``extract_common.person`` names them.
_CANONICAL = {"ong xa": "chong", "ba xa": "vo"}


def _typed_with_diacritics(text: str) -> bool:
    return text != fold(text)


def owners(text: str) -> list[tuple[str, str]]:
    """(segment, owner) for each clause of ``text``: owner "" for the member, else the person's
    word ("chong", "ban", "con" ...); a clause naming nobody keeps the last owner."""
    diacritics = _typed_with_diacritics(text)
    out: list[tuple[str, str]] = []
    owner = ""
    start = 0
    for boundary in [*_CLAUSE.finditer(text), None]:
        end = boundary.end() if boundary is not None else len(text)
        segment = text[start:end]
        start = end
        head = re.sub(r"^\W+", "", fold(segment.lower()))
        other = _OTHER.match(head)
        if other is not None:
            word = other.group(1) or other.group(2)
            if word.startswith("con") and not word.startswith("con "):
                # "còn em" (as for me) folds to "con em": a child only when typed "con" where
                # the member writes diacritics
                lead = segment.lstrip(" ,.;").lower()
                is_child = diacritics and lead.startswith("con") and not lead.startswith("còn")
                owner = "con" if is_child else ""
            else:
                owner = _CANONICAL.get(word, word.split()[0])
        elif _SELF.match(head):
            owner = ""
        out.append((segment, owner))
    return out


def own_text(text: str) -> str:
    """The clauses of ``text`` that tell the case of the person asked about (all of it when that
    would leave nothing, or when nobody else is named)."""
    parts = owners(text)
    if all(owner == "" for _, owner in parts):
        return text
    asked = asked_owner(fold(text.lower()))
    kept = clauses_of(text, _CANONICAL.get(asked, asked), parts)
    return kept if kept.strip() else text


def clauses_of(text: str, owner: str, parts: list[tuple[str, str]] | None = None) -> str:
    """The clauses of ``text`` that tell the case of ``owner`` ("" for the member), "" when none;
    ``parts``: ``owners(text)`` when the caller already has it."""
    return "".join(segment for segment, whose in (parts or owners(text)) if whose == owner)
