"""Metrics against values computed by hand."""

from __future__ import annotations

import math

import pytest

from evaluation.metrics import (
    QuestionScore,
    cites_gold,
    first_relevant_rank,
    hit_at_k,
    ndcg_at_k,
    percentile,
    recall_at_k,
    reciprocal_rank,
    retrieval_scores,
    summarize,
    summarize_by_kind,
    validity_warning_correct,
)

RANKED = ["a", "b", "c", "d", "e", "f"]


class TestRanking:
    def test_first_relevant_rank(self) -> None:
        assert first_relevant_rank(RANKED, {"c", "f"}) == 3
        assert first_relevant_rank(RANKED, {"z"}) is None

    def test_hit_at_k(self) -> None:
        assert hit_at_k(RANKED, {"c"}, 3) == 1.0
        assert hit_at_k(RANKED, {"c"}, 2) == 0.0
        assert hit_at_k([], {"c"}, 5) == 0.0

    def test_recall_counts_fraction_of_gold(self) -> None:
        assert recall_at_k(RANKED, {"b", "e", "z"}, 5) == pytest.approx(2 / 3)
        assert recall_at_k(RANKED, {"b", "e", "z"}, 2) == pytest.approx(1 / 3)

    def test_reciprocal_rank_within_cutoff(self) -> None:
        assert reciprocal_rank(RANKED, {"d"}, 10) == pytest.approx(0.25)
        assert reciprocal_rank(RANKED, {"d"}, 3) == 0.0

    def test_ndcg_binary(self) -> None:
        # gold at ranks 1 and 3 of two gold: (1 + 1/log2(4)) / (1 + 1/log2(3)) = 1.5 / 1.6309
        assert ndcg_at_k(RANKED, {"a", "c"}, 10) == pytest.approx(1.5 / (1 + 1 / math.log2(3)))
        # single gold at rank 2: (1/log2(3)) / 1
        assert ndcg_at_k(RANKED, {"b"}, 10) == pytest.approx(0.6309298)
        assert ndcg_at_k(RANKED, {"z"}, 10) == 0.0
        assert ndcg_at_k(["a", "b"], {"a", "b"}, 10) == pytest.approx(1.0)

    def test_ndcg_ideal_capped_at_k(self) -> None:
        # three gold, k=2, both top-2 relevant: ideal DCG also has only two terms
        assert ndcg_at_k(["a", "b"], {"a", "b", "c"}, 2) == pytest.approx(1.0)

    @pytest.mark.parametrize("bad_k", [0, -1])
    def test_invalid_k_names_value(self, bad_k: int) -> None:
        with pytest.raises(ValueError, match=f"got {bad_k}"):
            hit_at_k(RANKED, {"a"}, bad_k)

    def test_empty_gold_is_rejected(self) -> None:
        with pytest.raises(ValueError, match="empty gold"):
            recall_at_k(RANKED, set(), 5)

    def test_retrieval_scores_clause_level_only_with_clause_gold(self) -> None:
        articles = [("L", 1), ("L", 2)]
        assert "clause_Recall@5" not in retrieval_scores(articles, {("L", 2)})
        scores = retrieval_scores(articles, {("L", 2)}, [("L", 2, 3)], {("L", 2, 3), ("L", 2, 4)})
        assert scores["clause_Recall@5"] == pytest.approx(0.5)
        assert scores["MRR@10"] == pytest.approx(0.5)
        assert scores["Hit@1"] == 0.0


class TestAnswerMetrics:
    def test_cites_gold(self) -> None:
        assert cites_gold([("L", 1), ("L", 9)], {("L", 9)})
        assert not cites_gold([], {("L", 9)})

    def test_validity_warning(self) -> None:
        assert validity_warning_correct(True, True)
        assert validity_warning_correct(False, False)
        assert not validity_warning_correct(True, False)
        assert not validity_warning_correct(False, True)


class TestPercentile:
    def test_linear_interpolation(self) -> None:
        values = [10.0, 20.0, 30.0, 40.0]
        assert percentile(values, 50) == pytest.approx(25.0)  # position 1.5
        assert percentile(values, 95) == pytest.approx(38.5)  # position 2.85
        assert percentile(values, 0) == 10.0
        assert percentile(values, 100) == 40.0
        assert percentile([7.0], 99) == 7.0

    def test_rejects_bad_input(self) -> None:
        with pytest.raises(ValueError, match="no values"):
            percentile([], 50)
        with pytest.raises(ValueError, match="101"):
            percentile([1.0], 101)


class TestSummarize:
    def test_retrieval_only_over_gold_questions(self) -> None:
        scores = [
            QuestionScore("in_scope", True, {"Recall@5": 1.0, "MRR@10": 0.5}, latency_ms=10.0),
            QuestionScore("in_scope", True, {"Recall@5": 0.0, "MRR@10": 0.0}, latency_ms=30.0),
            QuestionScore("out_of_scope", False, {}, latency_ms=20.0),
        ]
        out = summarize(scores)
        assert out["Recall@5"] == pytest.approx(0.5)
        assert out["MRR@10"] == pytest.approx(0.25)
        assert out["latency_p50_ms"] == pytest.approx(20.0)
        assert "citation_hit_rate" not in out  # no answers in a retrieval run
        by_kind = summarize_by_kind(scores)
        assert set(by_kind) == {"in_scope", "out_of_scope"}
        assert "Recall@5" not in by_kind["out_of_scope"]

    def test_answer_rates(self) -> None:
        scores = [
            QuestionScore("in_scope", True, abstained=False, cites_gold=True, validity_ok=True),
            QuestionScore("in_scope", True, abstained=True, cites_gold=False),
            QuestionScore(
                "in_scope", True, abstained=False, cites_gold=False, invalid_citations=2, validity_ok=False
            ),
            QuestionScore("out_of_scope", False, abstained=True),
            QuestionScore("injection", False, abstained=False, cites_gold=False, validity_ok=True),
        ]
        out = summarize(scores)
        assert out["citation_hit_rate"] == pytest.approx(1 / 3)
        assert out["false_abstention_rate"] == pytest.approx(1 / 3)
        assert out["abstention_accuracy"] == pytest.approx(0.5)
        assert out["validity_warning_accuracy"] == pytest.approx(2 / 3)
        assert out["invalid_citations"] == 2
