"""Sixty questions written blind, as members type them, each labelled with the provision that
decides it (``evaluation/data/member_probes.jsonl``; see its section in evaluation's README).

They were written by someone who had not seen the system's answers nor the dev set, after the
dev set was frozen, and are kept apart from both splits: no weight, threshold or synonym was
chosen on them. Floors are the first measurement (run 20261202-120203-answers-91df21) minus 0.02.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from runs import quiet_answers

from evaluation.dataset import Dataset, load_dataset
from evaluation.results import RunResult

DATA = Path(__file__).resolve().parents[2] / "evaluation" / "data"
PROBES = DATA / "member_probes.jsonl"
SLACK = 0.02
FLOORS = {"Hit@5": 0.900 - SLACK, "clause_Recall@5": 0.702 - SLACK, "citation_hit_rate": 0.883 - SLACK}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def probes(corpus: Any) -> Dataset:
    return load_dataset(PROBES, corpus=corpus, on_error="stop")


@pytest.fixture(scope="module")
def probe_run(
    pipeline: Any, corpus: Any, probes: Dataset, tmp_path_factory: pytest.TempPathFactory
) -> RunResult:
    return quiet_answers(pipeline, probes, corpus, tmp_path_factory.mktemp("probes"))


def test_every_probe_has_one_gold_unit_that_exists(probes: Dataset, corpus: Any) -> None:
    assert len(probes.questions) == 60
    for question in probes.questions:
        assert len(question.gold) == 1, question.id
        gold = question.gold[0]
        unit = corpus.get(gold.law, gold.article, gold.clause, gold.point)
        assert unit.text.strip(), question.id


def test_probes_are_not_dev_set_questions() -> None:
    def texts(name: str) -> set[str]:
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        return {" ".join(json.loads(line)["question"].lower().split()) for line in lines if line.strip()}

    probes = texts("member_probes.jsonl")
    assert not probes & (texts("dev_tune.jsonl") | texts("dev_frozen.jsonl"))


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_probe_floor(probe_run: RunResult, metric: str) -> None:
    value = probe_run.overall[metric]
    assert value >= FLOORS[metric], f"{metric} = {value:.3f} below {FLOORS[metric]:.3f} ({probe_run.run_dir})"


def test_no_misleading_quote_on_probes(probe_run: RunResult) -> None:
    assert probe_run.overall["misleading_quotes"] == 0, probe_run.run_dir
