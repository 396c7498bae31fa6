"""Turn one question's hits or answer into its scores and its ``questions.jsonl`` record."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from corpus.errors import UnknownUnitError
from corpus.model import canonical_law_id
from evaluation.dataset import EvalQuestion
from evaluation.facts import asks_for_input, check_facts, states_amount
from evaluation.metrics import (
    QuestionScore,
    cites_gold,
    first_relevant_rank,
    retrieval_scores,
    validity_warning_correct,
)

logger = logging.getLogger(__name__)

RECORDED_HITS = 10
# A warning is about validity when it speaks of being (no longer / not yet) in force or replaced.
VALIDITY_WARNING_MARKERS = ("hiệu lực", "thay thế", "bãi bỏ")
HIT_CUTOFF = 5  # a question's "hit" in retrieval runs is Hit@5


def is_validity_warning(warning: str) -> bool:
    text = unicodedata.normalize("NFC", warning).lower()
    return any(marker in text for marker in VALIDITY_WARNING_MARKERS)


def _hit_keys(hits: Sequence[Any]) -> tuple[list[tuple[str, int]], list[tuple[str, int, int]]]:
    articles = [(canonical_law_id(h.law_id), int(h.article)) for h in hits]
    clauses = [
        (canonical_law_id(h.law_id), int(h.article), int(h.clause)) for h in hits if h.clause is not None
    ]
    return articles, clauses


def _gold_keys(question: EvalQuestion) -> tuple[set[tuple[str, int]], set[tuple[str, int, int]]]:
    articles = {g.article_key for g in question.gold}
    clauses = {key for g in question.gold if (key := g.clause_key) is not None}
    return articles, clauses


def _hit_row(hit: Any) -> dict[str, Any]:
    return {
        "law": hit.law_id,
        "article": hit.article,
        "clause": hit.clause,
        "score": round(float(hit.score), 6),
    }


def _base_record(question: EvalQuestion, hits: Sequence[Any], latency_ms: float) -> dict[str, Any]:
    return {
        "id": question.id,
        "kind": question.kind,
        "question": question.question,
        "gold": [g.to_json() for g in question.gold],
        "retrieved": [_hit_row(h) for h in hits[:RECORDED_HITS]],
        "latency_ms": round(latency_ms, 3),
    }


def _ranked_unit_clauses(units: Sequence[Sequence[Any]]) -> list[tuple[str, int, int]]:
    """Clause keys of an answer's ranked units (points count for their clause), first occurrence kept."""
    keys = [(canonical_law_id(str(u[0])), int(u[1]), int(u[2])) for u in units if u[2] is not None]
    return list(dict.fromkeys(keys))


def _retrieval_part(
    question: EvalQuestion, hits: Sequence[Any], units: Sequence[Sequence[Any]] = ()
) -> tuple[dict[str, float], int | None]:
    """Article metrics from the hits; clause metrics from the answer's ranked units when it gives
    them (the pipeline ranks every clause and point of its sources), else from the hits."""
    if not question.gold:
        return {}, None
    ranked_articles, ranked_clauses = _hit_keys(hits)
    if units:
        ranked_clauses = _ranked_unit_clauses(units)
    gold_articles, gold_clauses = _gold_keys(question)
    scores = retrieval_scores(ranked_articles, gold_articles, ranked_clauses, gold_clauses)
    return scores, first_relevant_rank(ranked_articles, gold_articles)


def score_retrieval(
    question: EvalQuestion, hits: Sequence[Any], latency_ms: float
) -> tuple[QuestionScore, dict]:
    scores, first_rank = _retrieval_part(question, hits)
    record = _base_record(question, hits, latency_ms)
    hit = None if not question.gold else first_rank is not None and first_rank <= HIT_CUTOFF
    record.update({"hit": hit, "first_gold_rank": first_rank, "scores": scores})
    score = QuestionScore(question.kind, bool(question.gold), scores, latency_ms=latency_ms)
    return score, record


def _citation_in_force(citation: Any, corpus: Any, today: date) -> bool:
    try:
        return bool(corpus.document(citation.law_id).in_force_on(today))
    except (UnknownUnitError, KeyError):
        return bool(citation.in_force)


_QUOTE_CHECK: list[Callable[[Any, Any], list[str]] | None] = []


def _quote_checker() -> Callable[[Any, Any], list[str]] | None:
    """``assistant.quote_check.misleading_quotes``, imported on first use; None (logged once)
    where this checkout does not have it yet."""
    if not _QUOTE_CHECK:
        try:
            from assistant.quote_check import misleading_quotes
        except ImportError:
            logger.info("assistant.quote_check is missing: misleading quotes are counted as 0")
            _QUOTE_CHECK.append(None)
        else:
            _QUOTE_CHECK.append(misleading_quotes)
    return _QUOTE_CHECK[0]


def _content(question: EvalQuestion, answer: Any, corpus: Any) -> dict[str, Any]:
    """What the answer says: facts in its direct part, lengths, misleading quotes, and for a
    question with a missing input whether it asked for it instead of presenting a figure."""
    direct = getattr(answer, "direct_answer", "") or answer.answer
    facts = check_facts(direct, question.facts) if not answer.abstained else check_facts("", question.facts)
    checker = _quote_checker()
    reasons = checker(answer, corpus) if checker is not None and not answer.abstained else []
    asks_ok = wrong_figure = None
    if question.asks_for:
        asks_ok = not answer.abstained and asks_for_input(direct, question.asks_for, question.question)
        wrong_figure = not answer.abstained and states_amount(direct, question.question)
    return {
        "direct_answer": direct,
        "facts_found": list(facts.found),
        "facts_missing": list(facts.missing),
        "fact_recall": facts.recall,
        "facts_all": facts.all_found,
        "direct_chars": None if answer.abstained else len(direct),
        "answer_chars": None if answer.abstained else len(answer.answer),
        "misleading_quotes": list(reasons),
        "asks_for_ok": asks_ok,
        "wrong_figure": wrong_figure,
    }


def _citation_row(citation: Any, valid: bool) -> dict[str, Any]:
    return {
        "law": citation.law_id,
        "article": citation.article,
        "clause": citation.clause,
        "point": citation.point,
        "in_force": citation.in_force,
        "valid": valid,
    }


def score_answer(
    question: EvalQuestion, answer: Any, latency_ms: float, corpus: Any, today: date | None = None
) -> tuple[QuestionScore, dict]:
    """Score an ``assistant.answer.Answer``; citations are checked against ``corpus``."""
    today = today or date.today()
    hits = list(answer.retrieved)
    # Retrieval metrics only when the answerer reports its evidence (Answer.retrieved).
    units = (getattr(answer, "metadata", None) or {}).get("ranked_units") or ()
    scores, first_rank = _retrieval_part(question, hits, units) if hits else ({}, None)
    citations = list(answer.citations)
    valid = [corpus.has(c.law_id, c.article, c.clause, c.point) for c in citations]
    gold_articles, _ = _gold_keys(question)
    cited = [(canonical_law_id(c.law_id), int(c.article)) for c in citations]
    hit_gold = cites_gold(cited, gold_articles)
    validity_ok = None
    if citations and not answer.abstained:
        relies_on_old = any(not _citation_in_force(c, corpus, today) for c in citations)
        warned = any(is_validity_warning(w) for w in answer.warnings)
        validity_ok = validity_warning_correct(relies_on_old, warned)
    content = _content(question, answer, corpus)
    record = _base_record(question, hits, latency_ms)
    record.update(
        {
            "hit": hit_gold if question.gold else None,
            "first_gold_rank": first_rank,
            "scores": scores,
            "answer": answer.answer,
            "abstained": bool(answer.abstained),
            "escalate": bool(answer.escalate),
            "confidence": round(float(answer.confidence), 4),
            "generator": answer.generator,
            "fallback_reason": answer.fallback_reason,
            "warnings": list(answer.warnings),
            "citations": [_citation_row(c, ok) for c, ok in zip(citations, valid, strict=True)],
            "citation_hit": hit_gold if question.gold else None,
            "validity_ok": validity_ok,
            "history": list(question.history),
            **content,
        }
    )
    score = QuestionScore(
        kind=question.kind,
        has_gold=bool(question.gold),
        retrieval=scores,
        abstained=bool(answer.abstained),
        cites_gold=hit_gold,
        invalid_citations=valid.count(False),
        validity_ok=validity_ok,
        latency_ms=latency_ms,
        fact_recall=content["fact_recall"],
        facts_all=content["facts_all"],
        direct_chars=content["direct_chars"],
        answer_chars=content["answer_chars"],
        misleading_quotes=len(content["misleading_quotes"]),
        asks_for_ok=content["asks_for_ok"],
        wrong_figure=content["wrong_figure"],
    )
    return score, record
