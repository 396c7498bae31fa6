"""Evaluation metrics as pure functions, named as in the field (``Recall@5``, ``MRR@10``).

Retrieval metrics take a ranked list of keys (best first) and the set of gold keys; keys
are ``(canonical law id, article)`` or ``(canonical law id, article, clause)``. A
question's scores go into a :class:`QuestionScore`; :func:`summarize` averages each
metric over the questions it applies to (a metric that applies to none is left out).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

RETRIEVAL_METRICS = ("Hit@1", "Hit@5", "Recall@5", "Recall@10", "MRR@10", "nDCG@10")
CLAUSE_METRICS = ("clause_Recall@5", "clause_Recall@10", "clause_MRR@10")
ANSWER_METRICS = (
    "citation_hit_rate",
    "invalid_citations",
    "abstention_accuracy",
    "false_abstention_rate",
    "validity_warning_accuracy",
)
# What the answer says (evaluation.facts): facts in the direct answer, questions with a missing
# input, misleading quotes, and the length a member has to read.
CONTENT_METRICS = (
    "fact_recall",
    "facts_all_rate",
    "asks_for_rate",
    "wrong_figures",
    "misleading_quotes",
    "direct_chars_p50",
    "direct_chars_p90",
    "answer_chars_p50",
    "answer_chars_p90",
)
LATENCY_METRICS = ("latency_p50_ms", "latency_p95_ms", "latency_p99_ms")
# Metrics where a smaller value is better (compare and reports show the direction).
LOWER_IS_BETTER = frozenset(
    {
        "invalid_citations",
        "false_abstention_rate",
        "wrong_figures",
        "misleading_quotes",
        "direct_chars_p50",
        "direct_chars_p90",
        "answer_chars_p50",
        "answer_chars_p90",
        *LATENCY_METRICS,
    }
)


# --- ranking --------------------------------------------------------------------
def _check_k(k: int) -> None:
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")


def first_relevant_rank(ranked: Sequence[Hashable], gold: Collection[Hashable]) -> int | None:
    """1-based rank of the first gold key in ``ranked``, or None."""
    for rank, key in enumerate(ranked, start=1):
        if key in gold:
            return rank
    return None


def hit_at_k(ranked: Sequence[Hashable], gold: Collection[Hashable], k: int) -> float:
    """1.0 when any gold key is among the top ``k``."""
    _check_k(k)
    return 1.0 if any(key in gold for key in ranked[:k]) else 0.0


def recall_at_k(ranked: Sequence[Hashable], gold: Collection[Hashable], k: int) -> float:
    """Fraction of the gold keys found among the top ``k``."""
    _check_k(k)
    if not gold:
        raise ValueError("recall is undefined for an empty gold set")
    return len(set(ranked[:k]) & set(gold)) / len(set(gold))


def reciprocal_rank(ranked: Sequence[Hashable], gold: Collection[Hashable], k: int = 10) -> float:
    """1/rank of the first gold key within the top ``k`` (0.0 when none): MRR@k per question."""
    _check_k(k)
    rank = first_relevant_rank(ranked[:k], gold)
    return 0.0 if rank is None else 1.0 / rank


def ndcg_at_k(ranked: Sequence[Hashable], gold: Collection[Hashable], k: int = 10) -> float:
    """nDCG@k with binary relevance: DCG = sum of 1/log2(rank+1) over gold keys in the top k,
    divided by the DCG of an ideal ranking (all gold keys first, at most k of them)."""
    _check_k(k)
    gold_set = set(gold)
    if not gold_set:
        raise ValueError("nDCG is undefined for an empty gold set")
    seen: set[Hashable] = set()
    dcg = 0.0
    for rank, key in enumerate(ranked[:k], start=1):
        if key in gold_set and key not in seen:
            seen.add(key)
            dcg += 1.0 / math.log2(rank + 1)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(gold_set), k) + 1))
    return dcg / ideal


def retrieval_scores(
    ranked_articles: Sequence[Hashable],
    gold_articles: Collection[Hashable],
    ranked_clauses: Sequence[Hashable] = (),
    gold_clauses: Collection[Hashable] = (),
) -> dict[str, float]:
    """All per-question retrieval metrics; clause-level ones only when gold names clauses."""
    scores = {
        "Hit@1": hit_at_k(ranked_articles, gold_articles, 1),
        "Hit@5": hit_at_k(ranked_articles, gold_articles, 5),
        "Recall@5": recall_at_k(ranked_articles, gold_articles, 5),
        "Recall@10": recall_at_k(ranked_articles, gold_articles, 10),
        "MRR@10": reciprocal_rank(ranked_articles, gold_articles, 10),
        "nDCG@10": ndcg_at_k(ranked_articles, gold_articles, 10),
    }
    if gold_clauses:
        scores["clause_Recall@5"] = recall_at_k(ranked_clauses, gold_clauses, 5)
        scores["clause_Recall@10"] = recall_at_k(ranked_clauses, gold_clauses, 10)
        scores["clause_MRR@10"] = reciprocal_rank(ranked_clauses, gold_clauses, 10)
    return scores


# --- answers --------------------------------------------------------------------
def cites_gold(cited_articles: Iterable[Hashable], gold_articles: Collection[Hashable]) -> bool:
    """True when the answer cites at least one gold article."""
    return any(key in gold_articles for key in cited_articles)


def validity_warning_correct(relies_on_not_in_force: bool, has_validity_warning: bool) -> bool:
    """An answer resting on a document no longer (or not yet) in force must warn; one resting
    only on law in force must not."""
    return relies_on_not_in_force == has_validity_warning


# --- latency --------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between closest ranks
    (numpy's default ``method="linear"``)."""
    if not values:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be within 0..100, got {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


# --- aggregation ----------------------------------------------------------------
@dataclass(frozen=True)
class QuestionScore:
    """What one question contributed. ``None`` means the metric does not apply to it."""

    kind: str
    has_gold: bool
    retrieval: dict[str, float] = field(default_factory=dict)
    abstained: bool | None = None  # None in retrieval-only runs
    cites_gold: bool | None = None
    invalid_citations: int = 0
    validity_ok: bool | None = None
    latency_ms: float | None = None
    fact_recall: float | None = None  # share of the question's facts in the direct answer
    facts_all: bool | None = None  # every fact found (None: the question has no facts)
    direct_chars: int | None = None  # None when declined
    answer_chars: int | None = None
    misleading_quotes: int = 0
    asks_for_ok: bool | None = None  # only questions with a missing input (asks_for)
    wrong_figure: bool | None = None  # such a question answered with an amount in đồng


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarize(scores: Sequence[QuestionScore]) -> dict[str, float | int]:
    """Average each metric over the questions it applies to.

    Retrieval metrics: questions with gold. ``citation_hit_rate`` and
    ``false_abstention_rate``: answered runs, questions with gold (a declined question
    cites nothing, so it counts as a citation miss). ``abstention_accuracy``: questions
    without gold. ``validity_warning_accuracy``: answers that were given and cite something.
    ``invalid_citations``: total count.
    """
    out: dict[str, float | int] = {"questions": len(scores)}
    gold = [s for s in scores if s.has_gold]
    names = [*RETRIEVAL_METRICS, *CLAUSE_METRICS]
    for name in names:
        value = _mean([s.retrieval[name] for s in gold if name in s.retrieval])
        if value is not None:
            out[name] = value
    answered = [s for s in scores if s.abstained is not None]
    if answered:
        with_gold = [s for s in answered if s.has_gold]
        without_gold = [s for s in answered if not s.has_gold]
        rates = {
            "citation_hit_rate": _mean([float(bool(s.cites_gold)) for s in with_gold]),
            "false_abstention_rate": _mean([float(bool(s.abstained)) for s in with_gold]),
            "abstention_accuracy": _mean([float(bool(s.abstained)) for s in without_gold]),
            "validity_warning_accuracy": _mean(
                [float(s.validity_ok) for s in answered if s.validity_ok is not None]
            ),
        }
        out.update({name: value for name, value in rates.items() if value is not None})
        out["invalid_citations"] = sum(s.invalid_citations for s in answered)
        out.update(_content_summary(answered))
    latencies = [s.latency_ms for s in scores if s.latency_ms is not None]
    if latencies:
        for q, name in zip((50, 95, 99), LATENCY_METRICS, strict=True):
            out[name] = percentile(latencies, q)
    return out


def _content_summary(answered: Sequence[QuestionScore]) -> dict[str, float | int]:
    """Fact recall over questions with facts; the missing-input rate and wrong figures over
    questions with ``asks_for``; lengths over the answers given (not declined)."""
    out: dict[str, float | int] = {}
    rates = {
        "fact_recall": _mean([s.fact_recall for s in answered if s.fact_recall is not None]),
        "facts_all_rate": _mean([float(s.facts_all) for s in answered if s.facts_all is not None]),
        "asks_for_rate": _mean([float(s.asks_for_ok) for s in answered if s.asks_for_ok is not None]),
    }
    out.update({name: value for name, value in rates.items() if value is not None})
    if any(s.wrong_figure is not None for s in answered):
        out["wrong_figures"] = sum(1 for s in answered if s.wrong_figure)
    out["misleading_quotes"] = sum(s.misleading_quotes for s in answered)
    for name, values in (
        ("direct_chars", [s.direct_chars for s in answered if s.direct_chars is not None]),
        ("answer_chars", [s.answer_chars for s in answered if s.answer_chars is not None]),
    ):
        if values:
            out[f"{name}_p50"] = percentile([float(v) for v in values], 50)
            out[f"{name}_p90"] = percentile([float(v) for v in values], 90)
    return out


def summarize_by_kind(scores: Sequence[QuestionScore]) -> dict[str, dict[str, float | int]]:
    groups: dict[str, list[QuestionScore]] = defaultdict(list)
    for score in scores:
        groups[score.kind].append(score)
    return {kind: summarize(group) for kind, group in sorted(groups.items())}


def metric_names(summary: dict[str, Any]) -> list[str]:
    """Metric names present in a summary, in the canonical display order."""
    order = [*RETRIEVAL_METRICS, *CLAUSE_METRICS, *ANSWER_METRICS, *CONTENT_METRICS, *LATENCY_METRICS]
    return [name for name in order if name in summary]
