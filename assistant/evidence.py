"""Numbered sources: the retrieved articles the answer may rely on, resolved in the corpus."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.citations import law_name
from corpus.errors import UnknownUnitError
from corpus.model import LegalUnit
from corpus.store import Corpus
from indexing.hit import Hit

DEFAULT_MAX_SOURCES = 4
MULTI_PART_MAX_SOURCES = 5
# Measured on dev_tune: citing up to three articles raised the in-scope citation hit rate
# from 0.85 (two, ratio 0.85) to 0.93; any ratio at or below 0.6 gave the same result.
# 2026-12-01, after retrieval changes: half of the remaining in-scope misses had the gold
# article fourth, so four articles raised the rate from 0.912 to 0.956 (median answer
# 3,588 -> 4,398 characters; the UI folds the quoted legal basis under the direct answer).
# A further article is cited only when its score is at least this share of the top hit's.
SECOND_SOURCE_MIN_RATIO = 0.5
_MULTI_PART = re.compile(
    r"\?.+\?|\b(và|đồng thời|ngoài ra|còn)\b.*\b(không|bao nhiêu|mấy|thế nào|ra sao|gì)\b"
)


@dataclass(frozen=True)
class Source:
    """Source [number]: one retrieved article, with the clause the retriever matched (if any)."""

    number: int
    article: LegalUnit
    clause: LegalUnit | None
    law_title: str
    hit: Hit

    @property
    def unit(self) -> LegalUnit:
        """The unit to quote: the matched clause, else the whole article."""
        return self.clause or self.article

    @property
    def label(self) -> str:
        where = f"Điều {self.article.number}"
        if self.clause is not None:
            where = f"Khoản {self.clause.number} {where}"
        return f"{where} {self.law_title} ({self.article.law_id}) — {self.article.title}"


# The social-insurance agency's own procedures (its Quyết định and consolidated texts) decide
# nothing for a question that names no insurance matter: their long passages sit near every
# question in e5 space ("Tổ trưởng ... danh sách tăng ca" found Quyết định 166/QĐ-BHXH first).
_AGENCY_PROCEDURES = ("QĐ-BHXH", "VBHN-BHXH")
_INSURANCE_MATTERS = re.compile(
    r"\b(?:bao hiem|bhxh|bhyt|bhtn|that nghiep|thai san|om dau|huu tri|luong huu|nghi huu|tro cap"
    r"|giam dinh|tu tuat|dong bao hiem)\b"
)


def may_decide(hit: Hit, folded_question: str) -> bool:
    """False for an agency procedure when the (accent-folded) question names no insurance matter."""
    if not hit.law_id.endswith(_AGENCY_PROCEDURES):
        return True
    return _INSURANCE_MATTERS.search(folded_question) is not None


def is_multi_part(question: str) -> bool:
    return bool(_MULTI_PART.search(question.lower()))


def select_sources(
    hits: Sequence[Hit],
    corpus: Corpus,
    question: str,
    *,
    second_ratio: float = SECOND_SOURCE_MIN_RATIO,
) -> list[Source]:
    """The top 1–4 articles (5 for multi-part questions) whose score is close to the best.

    Hits that do not resolve in the corpus are skipped: nothing unresolvable can be cited.
    """
    limit = MULTI_PART_MAX_SOURCES if is_multi_part(question) else DEFAULT_MAX_SOURCES
    resolved = [s for s in (_source(h, corpus) for h in hits[: limit + 2]) if s is not None]
    if not resolved:
        return []
    top = resolved[0].hit.score
    chosen = [resolved[0]]
    for source in resolved[1:]:
        if len(chosen) >= limit:
            break
        if top > 0 and source.hit.score >= second_ratio * top:
            chosen.append(source)
    return [Source(i + 1, s.article, s.clause, s.law_title, s.hit) for i, s in enumerate(chosen)]


def numbered_sources(hits: Sequence[Hit], corpus: Corpus, limit: int) -> list[Source]:
    """The first ``limit`` resolvable hits as numbered sources (the LLM prompt's list)."""
    resolved = [s for s in (_source(h, corpus) for h in hits) if s is not None][:limit]
    return [Source(i + 1, s.article, s.clause, s.law_title, s.hit) for i, s in enumerate(resolved)]


def decisive_first(
    sources: Sequence[Source], decisive: LegalUnit, origin: Source, corpus: Corpus
) -> list[Source]:
    """The LLM's sources with the decisive unit's article first, quoting the decisive clause (a
    point is read in its clause, with the lead-in that gives it meaning), renumbered from [1].
    ``origin`` is the answer source the unit was chosen from; when its article is not among
    ``sources`` it takes the place of the last one."""
    if decisive.article is None:
        return list(sources)
    clause = None
    if decisive.clause is not None:
        clause = corpus.get(decisive.law_id, decisive.article, decisive.clause)
    first = Source(0, origin.article, clause, origin.law_title, origin.hit)
    rest = [s for s in sources if s.article.id != origin.article.id]
    if len(rest) == len(sources) and rest:
        rest = rest[:-1]
    return [Source(i + 1, s.article, s.clause, s.law_title, s.hit) for i, s in enumerate([first, *rest])]


def _source(hit: Hit, corpus: Corpus) -> Source | None:
    try:
        article = corpus.get(hit.law_id, hit.article)
        clause = corpus.get(hit.law_id, hit.article, hit.clause) if hit.clause is not None else None
        document = corpus.document(hit.law_id)
    except UnknownUnitError:
        return None
    return Source(0, article, clause, law_name(document), hit)
