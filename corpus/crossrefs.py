"""Cross-references inside legal text ("điểm a khoản 1 Điều 35 của Bộ luật này") -> unit ids.

Recognised shapes: [các] điểm X[, Y và Z] [khoản N] / [các] khoản N[, M và K] / Điều N | Điều này,
optionally followed by the law: "của Bộ luật này", "Nghị định này", "của Luật Bảo hiểm xã hội",
"của Bộ luật Lao động", "... số 92/2015/QH13". A law named without number is the catalog document
of that title in force when the referring document was issued. A law outside the corpus keeps
``target_id`` None (its number, when written, goes to ``target_law``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from corpus.model import CrossReference, Document, LegalUnit, UnitKind, canonical_law_id, unit_id
from corpus.normalize import normalize_text

_LIST = r"(?:\s*(?:,|và|hoặc)\s*)"
_POINTS = rf"(?:(?:các\s+)?điểm\s+(?P<points>[a-zđ](?:{_LIST}(?:điểm\s+)?[a-zđ])*)\s+(?:của\s+)?)"
_CLAUSES = rf"(?:(?:các\s+)?khoản\s+(?P<clauses>\d+[a-z]?(?:{_LIST}(?:khoản\s+)?\d+[a-z]?)*)\s+(?:của\s+)?)"
_DOC_WORDS = r"(?:Bộ luật|Luật|Nghị định|Thông tư|Quyết định|Văn bản hợp nhất|Văn bản|Pháp lệnh)"
_REF = re.compile(
    rf"{_POINTS}?{_CLAUSES}?(?:các\s+)?[Đđ]iều\s+(?P<article>\d+|này)"
    rf"(?P<law>\s+(?:của\s+|tại\s+)?{_DOC_WORDS}(?:\s+[^\s;:()“”\"]+){{0,12}})?"
)
_THIS = re.compile(rf"^(?:của\s+|tại\s+)?{_DOC_WORDS}\s+này\b")
_NUMBER = re.compile(r"số\s+(\d+/\d{4}/[A-ZĐ0-9-]+)")
_SPLIT = re.compile(r"\s*(?:,|và|hoặc)\s*(?:điểm\s+|khoản\s+)?")
_LIST_GAP = re.compile(r"\s*(?:,|và|hoặc)\s*")


@dataclass(frozen=True)
class _Context:
    law_id: str
    issued: date | None


class LawResolver:
    """Maps a law's name or number, as written, to a corpus law id."""

    def __init__(self, documents: Iterable[Document], in_corpus: set[str]) -> None:
        self.documents = list(documents)
        self.in_corpus = in_corpus
        self._by_key = {canonical_law_id(d.law_id): d.law_id for d in self.documents}

    def by_number(self, number: str) -> str | None:
        return self._by_key.get(canonical_law_id(number))

    def by_name(self, name: str, day: date | None) -> str | None:
        name = normalize_text(name).lower().strip(" ,.;")
        matches = [d for d in self.documents if d.title.lower() == name]
        if not matches:
            return None
        if day is not None:
            # The newest law of that name already issued when the referring text was: a decree of
            # December 2020 citing "Bộ luật Lao động" means 45/2019/QH14, not 10/2012/QH13.
            earlier = [d for d in matches if d.issued is not None and d.issued <= day]
            if earlier:
                return max(earlier, key=lambda d: d.issued or date.min).law_id
        return max(matches, key=lambda d: d.issued or date.min).law_id


def _items(raw: str | None) -> list[str]:
    return [x for x in _SPLIT.split(raw.strip())] if raw else []


def extract_references(
    text: str, source: LegalUnit, resolver: LawResolver, issued: date | None, known_ids: set[str]
) -> list[CrossReference]:
    """All cross-references written in ``text`` (the own text of ``source``)."""
    out: list[CrossReference] = []
    matches = list(_REF.finditer(text))
    for match, law_words in zip(matches, _list_laws(text, matches), strict=True):
        law_part, target_law = _law_of(law_words, source.law_id, resolver, issued)
        phrase = (text[match.start() : match.start("law")] if match.group("law") else match.group(0)).strip()
        if law_part:
            phrase += " " + law_part
        article: int | str | None = (
            source.id[len(source.law_id) + 2 :].split(":", 1)[0]
            if match.group("article") == "này"
            else int(match.group("article"))
        )
        if not article:
            continue
        in_corpus = target_law is not None and target_law in resolver.in_corpus
        clauses: list[str | None] = [*_items(match.group("clauses"))] or [None]
        points: list[str | None] = [*_items(match.group("points"))] or [None]
        for clause in clauses:
            for point in points if clause is not None else [None]:
                target = None
                if in_corpus and target_law is not None:
                    target = _existing(target_law, article, clause, point, known_ids)
                out.append(CrossReference(source.id, phrase, target, target_law if target_law else None))
    return out


def _list_laws(text: str, matches: list[re.Match[str]]) -> list[str]:
    """The law words each reference stands under. In a list such as "Điều 112, Điều 113 và
    Điều 115 của Bộ luật Lao động" the law named after the last item qualifies every item."""
    laws = [m.group("law") or "" for m in matches]
    for i in range(len(matches) - 2, -1, -1):
        gap = text[matches[i].end() : matches[i + 1].start()]
        if not laws[i] and _LIST_GAP.fullmatch(gap):
            laws[i] = laws[i + 1]
    return laws


def _law_of(raw: str, own_law: str, resolver: LawResolver, issued: date | None) -> tuple[str, str | None]:
    """(the words naming the law, the law id) for the text after "Điều N"; own law when none."""
    raw = raw.strip()
    if not raw:
        return "", own_law
    this = _THIS.match(raw)
    if this:
        return this.group(0), own_law
    words = raw.split()
    number = _NUMBER.search(raw)
    for size in range(len(words), 1, -1):
        name = " ".join(words[:size]).rstrip(",.")
        bare = re.sub(r"^(?:của|tại)\s+", "", name)
        found = resolver.by_name(bare, issued)
        if found:
            after = " ".join(words[size:])
            numbered = _NUMBER.match(after)
            if numbered:
                return name + " " + numbered.group(0), resolver.by_number(
                    numbered.group(1)
                ) or numbered.group(1)
            return name, found
    if number:
        end = raw.index(number.group(0)) + len(number.group(0))
        return raw[:end], resolver.by_number(number.group(1)) or number.group(1)
    # A law named but not in the catalog ("Luật Doanh nghiệp"): outside the corpus.
    return " ".join(words[: 1 + (words[0] in ("của", "tại"))]), None


def _existing(
    law: str, article: int | str, clause: str | None, point: str | None, known: set[str]
) -> str | None:
    """The most precise existing unit id for the reference (point > clause > article)."""
    for uid in (unit_id(law, article, clause, point), unit_id(law, article, clause), unit_id(law, article)):
        if uid in known:
            return uid
    return None


def own_texts(units: list[LegalUnit]) -> dict[str, str]:
    """Each unit's text minus its children's texts (so a reference is attributed once)."""
    children: dict[str, list[LegalUnit]] = {}
    for unit in units:
        if unit.parent_id is not None:
            children.setdefault(unit.parent_id, []).append(unit)
    own = {}
    for unit in units:
        if unit.kind not in (UnitKind.ARTICLE, UnitKind.CLAUSE, UnitKind.POINT):
            continue
        text = unit.text
        for child in children.get(unit.id, []):
            text = text.replace(child.text, " ", 1)
        own[unit.id] = text
    return own


def resolve_all(units: list[LegalUnit], documents: dict[str, Document]) -> list[CrossReference]:
    """Cross-references of every article/clause/point of the corpus."""
    in_corpus = {u.law_id for u in units}
    resolver = LawResolver(documents.values(), in_corpus)
    known = {u.id for u in units}
    by_id = {u.id: u for u in units}
    out: list[CrossReference] = []
    for uid, text in own_texts(units).items():
        unit = by_id[uid]
        doc = documents.get(unit.law_id)
        out.extend(extract_references(text, unit, resolver, doc.issued if doc else None, known))
    return out
