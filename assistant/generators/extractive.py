"""Extractive composer: the direct answer is quoted sentences of the retrieved law, nothing else.

Offline and deterministic. Sentences are chosen by word overlap with the (normalised) question,
preferring sentences with numbers when the question asks for an amount or a duration, so every
number a member reads ("12 ngày", "30%", "45 ngày") is quoted from the law, never produced here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from assistant.evidence import Source
from assistant.generators.base import Draft
from assistant.textnorm import bigrams, content_words, numbers_in, split_sentences
from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus

MAX_SENTENCES = 3
MAX_SENTENCE_CHARS = 600
NUMBER_BONUS = 1.5  # a sentence with a figure, for questions that ask for one
MATCHED_CLAUSE_BONUS = 1.0  # sentences of the clause the retriever matched
TOP_SOURCE_BONUS = 0.5
BIGRAM_WEIGHT = 0.5
_ASKS_FOR_FIGURE = re.compile(
    r"bao nhiêu|mấy|tối đa|tối thiểu|bao lâu|mức|thời hạn|thời gian|tỷ lệ|bao giờ|khi nào|ngày|giờ|%"
)
_ENUMERATOR = re.compile(r"^\d+\.\s+")
_POINT = re.compile(r"^[a-zđ]\)\s+")
MAX_POINTS = 6


@dataclass(frozen=True)
class _Candidate:
    text: str
    unit: LegalUnit  # clause (or article without clauses) the sentence is quoted from
    order: tuple[int, int]  # (source number, position) to keep the law's order
    score: float
    is_lead_in: bool = False  # ends with ":" and introduces points a), b), ...
    is_point: bool = False


class ExtractiveGenerator:
    """Default generator; needs the corpus to walk from an article to its clauses."""

    name = "extractive"

    def __init__(self, corpus: Corpus, max_sentences: int = MAX_SENTENCES) -> None:
        if max_sentences < 1:
            raise ValueError(f"max_sentences must be at least 1. Currently, max_sentences is {max_sentences}")
        self._corpus = corpus
        self._max_sentences = max_sentences

    def generate(self, question: str, sources: Sequence[Source]) -> Draft:
        chosen = self.choose(question, sources)
        text = "".join(self._pieces(chosen))
        cited = tuple(dict.fromkeys(c.unit for c in chosen))
        return Draft(text=text, cited=cited, generator=self.name, metadata={"direct_answer": text})

    def stream(self, question: str, sources: Sequence[Source]) -> Iterator[str]:
        """One chunk per quoted sentence (joined exactly as in ``generate``)."""
        yield from self._pieces(self.choose(question, sources))

    @staticmethod
    def _pieces(chosen: list[_Candidate]) -> Iterator[str]:
        for i, candidate in enumerate(chosen):
            if i == 0:
                yield candidate.text
            elif candidate.is_point or candidate.unit.id != chosen[i - 1].unit.id:
                yield "\n" + candidate.text
            else:
                yield " " + candidate.text

    def choose(self, question: str, sources: Sequence[Source]) -> list[_Candidate]:
        """The best sentences in the law's order; a chosen lead-in brings its points and vice versa."""
        query = content_words(question)
        query_set, query_bigrams = set(query), bigrams(query)
        wants_figure = bool(_ASKS_FOR_FIGURE.search(question.lower()))
        candidates = [
            c for source in sources for c in self._candidates(source, query_set, query_bigrams, wants_figure)
        ]
        if not candidates:
            return []
        ranked = sorted(candidates, key=lambda c: (-c.score, c.order))
        best_score = ranked[0].score
        picked = {c.order: c for c in ranked[: self._max_sentences] if c.score >= 0.5 * best_score}
        # Every selected source is cited, so each contributes at least its best sentence.
        for number in {c.order[0] for c in candidates} - {o[0] for o in picked}:
            best = next(c for c in ranked if c.order[0] == number)
            picked[best.order] = best
        by_order = sorted(candidates, key=lambda c: c.order)
        for candidate in list(picked.values()):
            for extra in _companions(candidate, by_order):
                picked.setdefault(extra.order, extra)
        return [picked[o] for o in sorted(picked)]

    def _candidates(
        self,
        source: Source,
        query: set[str],
        query_bigrams: set[tuple[str, str]],
        wants_figure: bool,
    ) -> Iterator[_Candidate]:
        position = 0
        for unit in self._quotable_units(source):
            for sentence in split_sentences(unit.text):
                position += 1
                is_point = bool(_POINT.match(sentence))
                text = sentence if is_point else _ENUMERATOR.sub("", sentence)
                if len(text) > MAX_SENTENCE_CHARS or len(content_words(text)) < 2:
                    continue
                tokens = content_words(text)
                score = len(query & set(tokens)) + BIGRAM_WEIGHT * len(query_bigrams & bigrams(tokens))
                if wants_figure and numbers_in(_POINT.sub("", text)):
                    score += NUMBER_BONUS
                if source.clause is not None and unit.id == source.clause.id:
                    score += MATCHED_CLAUSE_BONUS
                if source.number == 1:
                    score += TOP_SOURCE_BONUS
                yield _Candidate(
                    text, unit, (source.number, position), score, text.rstrip().endswith(":"), is_point
                )

    def _quotable_units(self, source: Source) -> list[LegalUnit]:
        """The article's clauses (so a sentence is cited at clause level), or the article itself."""
        clauses = [u for u in self._corpus.children(source.article.id) if u.kind is UnitKind.CLAUSE]
        return clauses or [source.article]


def _companions(candidate: _Candidate, by_order: list[_Candidate]) -> list[_Candidate]:
    """A lead-in's points (up to MAX_POINTS), or a point's lead-in, from the same unit."""
    same_unit = [c for c in by_order if c.unit.id == candidate.unit.id]
    index = same_unit.index(candidate)
    if candidate.is_lead_in:
        points: list[_Candidate] = []
        for following in same_unit[index + 1 :]:
            if not following.is_point or len(points) >= MAX_POINTS:
                break
            points.append(following)
        return points
    if candidate.is_point:
        for previous in reversed(same_unit[:index]):
            if previous.is_lead_in:
                return [previous]
            if not previous.is_point:
                break
    return []
