"""The runner over recorded outputs: files written and metrics equal to hand-computed values."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from recorded import TODAY, RecordedAnswerer, RecordedRetriever

from corpus.store import Corpus
from evaluation.dataset import Dataset
from evaluation.runner import run_answers, run_retrieval

# Hand-computed from RECORDED_HITS over the five questions with gold (q1, q2, q3, q5, q7):
# q1 gold 113 at rank 2; q2 miss; q3 gold {113, 114} at ranks 1 and 3; q5 and q7 rank 1.
NDCG_Q1 = 1 / math.log2(3)
NDCG_Q3 = (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3))
EXPECTED_RETRIEVAL = {
    "Hit@1": 3 / 5,
    "Hit@5": 4 / 5,
    "Recall@5": 4 / 5,
    "Recall@10": 4 / 5,
    "MRR@10": (0.5 + 0 + 1 + 1 + 1) / 5,
    "nDCG@10": (NDCG_Q1 + 0 + NDCG_Q3 + 1 + 1) / 5,
    "clause_Recall@5": 1.0,  # only q1 names a clause, found at rank 2
}


class TestRetrievalRun:
    def test_metrics_match_hand_computed(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_retriever: RecordedRetriever
    ) -> None:
        result = run_retrieval(
            recorded_retriever, mini_dataset, results_dir=tmp_path, batch_size=3, progress=False
        )
        overall = result.metrics["overall"]
        for name, value in EXPECTED_RETRIEVAL.items():
            assert overall[name] == pytest.approx(value), name
        assert recorded_retriever.calls == [3, 3, 1]
        per_kind = result.metrics["per_kind"]
        assert per_kind["in_scope"]["Recall@5"] == pytest.approx(0.5)
        assert per_kind["multi_article"]["nDCG@10"] == pytest.approx(NDCG_Q3)
        assert "Recall@5" not in per_kind["out_of_scope"]
        assert result.metrics["counts"]["without_gold"] == 2
        assert "latency_p95_ms" in overall

    def test_files_written(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_retriever: RecordedRetriever
    ) -> None:
        result = run_retrieval(
            recorded_retriever, mini_dataset, results_dir=tmp_path, progress=False, report=False
        )
        assert result.run_dir.parent == tmp_path
        assert "-retrieval-" in result.run_dir.name
        metrics = json.loads((result.run_dir / "metrics.json").read_text(encoding="utf-8"))
        assert set(metrics) >= {"overall", "per_kind", "config", "dataset", "counts"}
        assert metrics["config"]["k"] == 10
        rows = [json.loads(line) for line in (result.run_dir / "questions.jsonl").read_text().splitlines()]
        assert [r["id"] for r in rows] == [f"q{i}" for i in range(1, 8)]
        q1 = rows[0]
        assert q1["first_gold_rank"] == 2 and q1["hit"] is True
        assert q1["retrieved"][1] == {"law": "45/2019/QH14", "article": 113, "clause": 1, "score": 1.0}
        assert rows[1]["hit"] is False and rows[1]["first_gold_rank"] is None
        assert rows[3]["hit"] is None  # nothing to hit on a question to decline

    def test_same_second_runs_get_distinct_folders(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_retriever: RecordedRetriever
    ) -> None:
        dirs = {
            run_retrieval(
                recorded_retriever, mini_dataset, results_dir=tmp_path, progress=False, report=False
            ).run_dir
            for _ in range(3)
        }
        assert len(dirs) == 3

    def test_k_limits_hits(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_retriever: RecordedRetriever
    ) -> None:
        result = run_retrieval(
            recorded_retriever, mini_dataset, results_dir=tmp_path, k=1, progress=False, report=False
        )
        assert result.metrics["overall"]["Hit@5"] == pytest.approx(3 / 5)
        with pytest.raises(ValueError, match="k must be at least 1, got 0"):
            run_retrieval(recorded_retriever, mini_dataset, results_dir=tmp_path, k=0)


class TestAnswerRun:
    def test_answer_metrics_match_hand_computed(
        self, tmp_path: Path, mini_dataset: Dataset, recorded_answerer: RecordedAnswerer, tiny_corpus: Corpus
    ) -> None:
        result = run_answers(
            recorded_answerer,
            mini_dataset,
            corpus=tiny_corpus,
            results_dir=tmp_path,
            progress=False,
            today=TODAY,
        )
        overall = result.metrics["overall"]
        # gold questions q1 q2 q3 q5 q7 cite gold: yes no yes yes no
        assert overall["citation_hit_rate"] == pytest.approx(3 / 5)
        assert overall["false_abstention_rate"] == pytest.approx(1 / 5)  # q2
        assert overall["abstention_accuracy"] == pytest.approx(1 / 2)  # q4 declined, q6 answered
        assert overall["invalid_citations"] == 1  # Điều 999
        # answered with citations: q1 q3 q5 q6 ok; q7 cites the 2012 code without a warning
        assert overall["validity_warning_accuracy"] == pytest.approx(4 / 5)
        # only q1 reports evidence: its retrieval scores alone
        assert overall["MRR@10"] == pytest.approx(0.5)
        assert len(recorded_answerer.asked) == 7
        rows = {r["id"]: r for r in result.records}
        assert rows["q3"]["citations"][1]["valid"] is False
        assert rows["q7"]["validity_ok"] is False
        assert rows["q4"]["abstained"] is True and rows["q4"]["hit"] is None
        assert result.metrics["per_kind"]["past_law"]["validity_warning_accuracy"] == 1.0
