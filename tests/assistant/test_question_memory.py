"""The question memory: gold ids, recall without a question's own family, suggested articles,
and the guarantee that nothing of the frozen split is remembered."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from assistant.question_memory import ROWS_FILE, STORIES_FILE, QuestionMemory, gold_unit_ids, memory_rows
from indexing.restore import member_sentences

DATA = Path(__file__).resolve().parents[2] / "evaluation" / "data"


def _rows(split: str) -> list[dict]:
    return [
        json.loads(line)
        for line in (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
        if line
    ]


def test_gold_unit_ids_cover_article_clause_and_point() -> None:
    articles, units = gold_unit_ids(
        [
            {"law": "45/2019/QH14", "article": 137, "clause": 1, "point": "a"},
            {"law": "45/2019/QH14", "article": 35},
        ]
    )
    assert articles == ["45/2019/QH14:d137", "45/2019/QH14:d35"]
    assert units == [
        "45/2019/QH14:d137:k1",
        "45/2019/QH14:d137",
        "45/2019/QH14:d137:k1:a",
        "45/2019/QH14:d35",
    ]


def _memory() -> QuestionMemory:
    rows = [
        {"id": "q1", "twin": None, "question": "a", "gold": [{"law": "L", "article": 1, "clause": 2}]},
        {"id": "q1-nd", "twin": "q1", "question": "a", "gold": [{"law": "L", "article": 1, "clause": 2}]},
        {"id": "q2", "twin": None, "question": "b", "gold": [{"law": "L", "article": 7}]},
        {"id": "q3", "twin": None, "question": "c", "gold": [{"law": "L", "article": 9}]},
    ]
    vectors = np.array(
        [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.96, 0.28, 0.0], [0.0, 0.0, 1.0]], dtype=np.float32
    )
    return QuestionMemory(rows, vectors)


def test_recall_keeps_the_best_cosine_per_unit_and_drops_far_questions() -> None:
    recalled = _memory().recall(np.array([1.0, 0.0, 0.0]))
    assert recalled.article("L:d1") == 1.0 and recalled.unit("L:d1:k2") == 1.0
    assert 0.95 < recalled.article("L:d7") < 0.97
    assert recalled.article("L:d9") == 0.0  # orthogonal: not recalled
    assert recalled.suggested(["L:d1"]) == ["L:d7"]


def test_recall_excludes_the_question_and_its_twin() -> None:
    recalled = _memory().recall(np.array([1.0, 0.0, 0.0]), frozenset({"q1-nd", "q1"}))
    assert recalled.article("L:d1") == 0.0
    assert recalled.best == recalled.article("L:d7") > 0


def test_memory_rows_keep_standalone_questions_with_gold() -> None:
    rows = memory_rows(
        [
            {"id": "a", "question": "x", "gold": [{"law": "L", "article": 1, "clause": None}]},
            {"id": "b", "question": "y", "gold": []},
            {"id": "c", "question": "z", "gold": [{"law": "L", "article": 2}], "history": ["trước"]},
        ]
    )
    assert [r["id"] for r in rows] == ["a"] and rows[0]["gold"] == [{"law": "L", "article": 1}]


def test_nothing_of_the_frozen_split_is_remembered() -> None:
    frozen = _rows("dev_frozen")
    frozen_ids = {r["id"] for r in frozen}
    frozen_texts = {r["question"] for r in frozen} | {h for r in frozen for h in r.get("history") or []}
    shipped = json.loads(ROWS_FILE.read_text(encoding="utf-8"))
    assert shipped["split"] == "dev_tune+member_stories"
    assert not {r["id"] for r in shipped["rows"]} & frozen_ids
    assert not {r["question"] for r in shipped["rows"]} & frozen_texts
    assert not set(member_sentences()) & frozen_texts
    tune_ids = {r["id"] for r in _rows("dev_tune")}
    story_ids = {
        json.loads(line)["id"] for line in STORIES_FILE.read_text(encoding="utf-8").splitlines() if line
    }
    assert {r["id"] for r in shipped["rows"]} <= tune_ids | story_ids


def test_shipped_vectors_match_the_rows() -> None:
    shipped = json.loads(ROWS_FILE.read_text(encoding="utf-8"))
    vectors = np.load(ROWS_FILE.with_suffix(".npy"))
    assert vectors.shape == (len(shipped["rows"]), 384)
    norms = np.linalg.norm(vectors.astype(np.float32), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-2)


def test_gap_reads_a_unit_not_recalled_as_just_below_the_threshold() -> None:
    recalled = _memory().recall(np.array([1.0, 0.0, 0.0]))
    best = recalled.best
    assert recalled.gap(recalled.article("L:d1")) == 0.0
    assert recalled.gap(recalled.article("L:d7")) < 0.0
    not_recalled = recalled.gap(0.0)
    assert not_recalled < recalled.gap(recalled.article("L:d7"))
    assert not_recalled == (0.88 - best) * 10
    nothing = _memory().recall(np.array([0.0, 1.0, 0.0]))
    assert nothing.best == 0.0 and nothing.gap(0.0) == 0.0
