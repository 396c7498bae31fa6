"""Which version of the law a question is about, and ranking that prefers it.

A present-tense question prefers the law in force today: when both an old law and the law
that replaced it match (10/2012/QH13 and 45/2019/QH14), the in-force one ranks above.
A question about the past ("luật cũ", "trước đây", "năm 2015") prefers the law in force
then. When nothing current matches, old law still answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from corpus.model import Document, LegalUnit
from corpus.text import fold

# Folded phrases that put a question in the past.
_PAST_MARKERS = re.compile(
    r"(?<!\w)(luat cu|bo luat cu|quy dinh cu|truoc day|truoc kia|ngay truoc|hoi truoc|ngay xua|"
    r"khi truoc|da het hieu luc|het hieu luc)(?!\w)"
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_BEFORE_YEAR = re.compile(r"truoc nam (19[5-9]\d|20\d\d)(?!\d)")
# Explicit days and months ("01/7/2025", "ngày 1 tháng 7 năm 2025", "tháng 8/2025", "tháng 8 năm 2025").
_DAY = re.compile(r"(?<![\d/])(\d{1,2})(?:/| thang )(\d{1,2})(?:/| nam )(19[5-9]\d|20\d\d)(?!\d)")
_MONTH = re.compile(r"thang (\d{1,2})(?:/| nam )(19[5-9]\d|20\d\d)(?!\d)")
# A birth date says who the member is, not which day the question is about.
_BIRTH = re.compile(
    r"sinh(?: ngay)?(?: \d{1,2}(?:/| thang ))?(?: thang)?"
    r"(?: ?\d{1,2}(?:/| nam ))?(?: nam)? ?(?:19|20)\d\d(?!\d)"
)
# Multiplier on the fused score of a law that is not the preferred version of its family.
SUPERSEDED_PENALTY = 0.5
# Mild multiplier for a law no longer in force that has no successor in the corpus.
EXPIRED_PENALTY = 0.85
# Multiplier for a clause/appendix repealed by a later provision on the day the question is about
# (the same weight as a superseded law: old text still answers when nothing current matches).
REPEALED_UNIT_PENALTY = SUPERSEDED_PENALTY


@dataclass(frozen=True)
class TimeIntent:
    past: bool
    on: date | None  # the day the question is about, when it names one


def time_intent(query: str, today: date | None = None, on_date: date | None = None) -> TimeIntent:
    """Past markers or a year before this one make the question about the past."""
    if on_date is not None:
        return TimeIntent(past=on_date < (today or date.today()), on=on_date)
    today = today or date.today()
    folded = _BIRTH.sub("sinh", fold(query))
    years = [int(y) for y in _YEAR.findall(folded) if int(y) < today.year]
    # "năm 2015": the law in force in the middle of that year; "trước năm 2021": the year before.
    before = _BEFORE_YEAR.search(folded)
    if before is not None and int(before.group(1)) <= today.year:
        years.append(int(before.group(1)) - 1)
    on = date(min(years), 6, 30) if years and not _mentions_current(folded, today) else None
    named = [d for d in _named_days(folded) if d < today]
    if named and not _mentions_current(folded, today):
        # A situation told with dates ("nghỉ từ tháng 5/2025, vẫn nghỉ sau 01/7/2025") is judged
        # on its latest date: the rules in force then, not those of the middle of the year.
        on = max(named)
    return TimeIntent(past=bool(_PAST_MARKERS.search(folded)) or on is not None, on=on)


def _named_days(folded: str) -> list[date]:
    days = []
    taken: list[range] = []
    for pattern, has_day in ((_DAY, True), (_MONTH, False)):
        for match in pattern.finditer(folded):
            if any(match.start() in span for span in taken):
                continue  # "ngày 1 tháng 7 năm 2025": the month is part of the day already read
            taken.append(range(match.start(), match.end()))
            numbers = [int(g) for g in match.groups()]
            day, month, year = numbers if has_day else (15, *numbers)
            try:
                days.append(date(year, month, day))
            except ValueError:
                continue  # "32/13/2025" is not a date
    return days


def _mentions_current(folded: str, today: date) -> bool:
    return str(today.year) in folded or "hien nay" in folded or "hien hanh" in folded


def law_families(documents: dict[str, Document]) -> dict[str, frozenset[str]]:
    """law id -> every version of the same law present in the corpus (itself included)."""
    links: dict[str, set[str]] = {law: {law} for law in documents}
    for law, doc in documents.items():
        for other in (*doc.replaces, *doc.replaced_by):
            if other in documents:
                links[law].add(other)
                links[other].add(law)
    families: dict[str, frozenset[str]] = {}
    for law in documents:
        seen, todo = set(), [law]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(links[current] - seen)
        families[law] = frozenset(seen)
    return families


def preferred(doc: Document, intent: TimeIntent, today: date) -> bool:
    if intent.on is not None:
        return doc.in_force_on(intent.on)
    if intent.past:
        return not doc.in_force_on(today)
    return doc.in_force_on(today)


def time_weight(doc: Document, family: frozenset[str], intent: TimeIntent, today: date) -> float:
    """Multiplier for a hit of ``doc``'s law under the question's time intent."""
    if len(family) > 1 and not preferred(doc, intent, today):
        return SUPERSEDED_PENALTY
    if not intent.past and not doc.in_force_on(today):
        return EXPIRED_PENALTY
    return 1.0


def unit_weight(unit: LegalUnit | None, intent: TimeIntent, today: date) -> float:
    """Multiplier for a hit whose own unit was repealed on the day the question is about.

    A question about the past without a date ("trước đây") keeps repealed units at full weight."""
    if unit is None or not unit.changes:
        return 1.0
    if intent.on is None and intent.past:
        return 1.0
    return REPEALED_UNIT_PENALTY if unit.repeal_on(intent.on or today) is not None else 1.0


def order_by_version(laws: list[str], documents: dict[str, Document],
                     families: dict[str, frozenset[str]], intent: TimeIntent, today: date,
                     named: frozenset[str] = frozenset()) -> list[int]:
    """Permutation of positions so that no non-preferred version ranks above the best-ranked
    preferred version of the same law family (stable otherwise). A version the question
    names is preferred over its unnamed siblings."""
    prefers = [
        law in named if named & families.get(law, frozenset()) else preferred(documents[law], intent, today)
        for law in laws
    ]
    fams = [families.get(law, frozenset({law})) for law in laws]
    best_preferred: dict[frozenset[str], int] = {}
    for pos, fam in enumerate(fams):
        if len(fam) > 1 and prefers[pos]:
            best_preferred.setdefault(fam, pos)
    order: list[int] = []
    held: dict[frozenset[str], list[int]] = {}
    for pos, fam in enumerate(fams):
        target = best_preferred.get(fam)
        if target is not None and pos < target and not prefers[pos]:
            held.setdefault(fam, []).append(pos)
            continue
        order.append(pos)
        if pos == target:
            order.extend(held.pop(fam, []))
    return order
