"""Choosing the unit that decides a member's question: a point, a clause, or a short article.

The retriever ranks articles; a member needs the one clause or point inside them that answers
(Điều 137 khoản 1 điểm a for a worker seven months pregnant asked to work overtime). Every
clause and point of the retrieved articles is a candidate, scored by the words it shares with
the question (its own words count fully, its lead-in and article title half), the figures the
question names ("tháng thứ 7" matches "tháng thứ 07"), whether the question asks for a figure,
and the retriever's own evidence (the article's rank and the clause it matched).
Weights were set on dev_tune's story questions (see docs/decisions.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from assistant.evidence import Source
from assistant.textnorm import bigrams, content_words, fold, split_sentences
from assistant.unit_context import UnitContext, context_of
from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus

OWN_WEIGHT = 1.0
CONTEXT_WEIGHT = 0.5
BIGRAM_WEIGHT = 0.5
FIGURE_MATCH_BONUS = 1.5  # a number of the question ("7") in the unit ("07")
WANTS_FIGURE_BONUS = 1.0  # the question asks "bao nhiêu / mấy / bao lâu" and the unit has a figure
MATCHED_CLAUSE_BONUS = 1.0  # the clause the retriever matched
RANK_BONUS = (1.5, 0.75, 0.25)  # by the article's rank among the sources
QUALIFIER_PENALTY = 1.5  # the unit says "chưa đủ 12 tháng", the member said "đủ 12 tháng"
DENSE_SCALE = 40.0  # e5 cosines of passages of the same articles differ by hundredths
LENGTH_DAMPING = 40  # long units share more words by chance: score / log(1 + words / damping)
MAX_QUOTE_CHARS = 450  # a clause longer than this is quoted by its first and its decisive sentence

_ASKS_FOR_FIGURE = re.compile(
    r"bao nhieu|may ngay|may thang|may nam|may gio|may lan|may %|toi da|toi thieu|bao lau|muc |"
    r"thoi han|ty le|bao gio|khi nao|phan tram|%"
)
_NUMBER = re.compile(r"\d+")
# Qualifiers that turn a rule into its opposite case; a unit using one the question does not is
# about another situation.
_QUALIFIERS = ("chua", "tru", "trai phap luat", "khong xac dinh")


@dataclass(frozen=True)
class Candidate:
    context: UnitContext
    focus: str  # the sentence(s) of the unit that state the rule
    key: str  # the one sentence of ``focus`` that shares most with the question
    score: float
    source: int  # number of the source (article) it comes from

    @property
    def unit(self) -> LegalUnit:
        return self.context.unit


@dataclass(frozen=True)
class _Query:
    words: set[str]
    bigrams: set[tuple[str, str]]
    figures: set[str]
    wants_figure: bool
    folded: str

    @classmethod
    def of(cls, question: str) -> _Query:
        tokens = content_words(question)
        figures = {n.lstrip("0") or "0" for n in _NUMBER.findall(question)}
        folded = fold(question)
        return cls(set(tokens), bigrams(tokens), figures, bool(_ASKS_FOR_FIGURE.search(folded)), folded)


def candidates(
    corpus: Corpus,
    sources: Sequence[Source],
    question: str,
    similarity: Mapping[str, float] | None = None,
) -> list[Candidate]:
    """Every quotable unit of the sources, best first.

    ``similarity`` maps unit ids (clauses of long articles, whole short articles) to the cosine of
    the question's e5 vector with that unit's indexed passage; a point takes its clause's.
    """
    query = _Query.of(question)
    found = [
        _scored(corpus, source, unit, query)
        for source in sources
        for unit in _quotable(corpus, source.article)
    ]
    if similarity:
        best = max(similarity.values())
        found = [replace(c, score=c.score + DENSE_SCALE * (_cosine(c.unit, similarity, best) - best)) for c in found]
    return sorted(found, key=lambda c: -c.score)


def _cosine(unit: LegalUnit, similarity: Mapping[str, float], default: float) -> float:
    for uid in (unit.id, unit.parent_id, f"{unit.law_id}:d{unit.article}"):
        if uid in similarity:
            return similarity[uid]
    return default


def _quotable(corpus: Corpus, article: LegalUnit) -> Iterator[LegalUnit]:
    clauses = [u for u in corpus.children(article.id) if u.kind is UnitKind.CLAUSE]
    if not clauses:
        yield article
        return
    for clause in clauses:
        points = [u for u in corpus.children(clause.id) if u.kind is UnitKind.POINT]
        if points:
            yield from points
        else:
            yield clause


def _scored(corpus: Corpus, source: Source, unit: LegalUnit, query: _Query) -> Candidate:
    context = context_of(corpus, unit)
    focus = _focus(unit.text, query)
    own = content_words(focus)
    around = set(content_words(" ".join([context.article.title, context.article_lead, context.clause_lead])))
    own_set = set(own)
    lexical = (
        OWN_WEIGHT * len(query.words & own_set)
        + BIGRAM_WEIGHT * len(query.bigrams & bigrams(own))
        + CONTEXT_WEIGHT * len((query.words & around) - own_set)
    )
    lexical /= math.log(math.e + len(own) / LENGTH_DAMPING)
    unit_figures = {n.lstrip("0") or "0" for n in _NUMBER.findall(focus)}
    score = lexical + FIGURE_MATCH_BONUS * min(2, len(query.figures & unit_figures))
    focus_folded = fold(focus)
    score -= QUALIFIER_PENALTY * sum(
        1 for q in _QUALIFIERS if re.search(rf"\b{q}\b", focus_folded) and q not in query.folded
    )
    if query.wants_figure and unit_figures:
        score += WANTS_FIGURE_BONUS
    if source.clause is not None and unit.clause == source.clause.clause and unit.article == source.article.article:
        score += MATCHED_CLAUSE_BONUS
    if source.number <= len(RANK_BONUS):
        score += RANK_BONUS[source.number - 1]
    return Candidate(context, focus, _best_sentence(focus, query), score, source.number)


def _focus(text: str, query: _Query) -> str:
    """The whole unit when short, else its sentence that shares most with the question."""
    if len(text) <= MAX_QUOTE_CHARS:
        return text.strip()
    return _best_sentence(text, query)


def _best_sentence(text: str, query: _Query) -> str:
    """The sentence sharing most words (then figures) with the question; the first on a tie."""
    sentences = split_sentences(text) or [text.strip()]

    def overlap(sentence: str) -> tuple[int, int]:
        figures = {n.lstrip("0") or "0" for n in _NUMBER.findall(sentence)}
        return len(query.words & set(content_words(sentence))), len(query.figures & figures)

    return max(sentences, key=overlap)
