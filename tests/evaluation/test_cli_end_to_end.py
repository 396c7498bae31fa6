"""``legal-assistant eval retrieval|answers --json`` against the real corpus, index and pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ui.cli import main

FROZEN = Path(__file__).resolve().parents[2] / "evaluation" / "data" / "dev_frozen.jsonl"

pytestmark = pytest.mark.slow


def _last_json(out: str) -> dict[str, Any]:
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.usefixtures("retriever")  # builds the index once for the session
def test_eval_retrieval_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEGAL_ASSISTANT_RESULTS_DIR", str(tmp_path))
    code = main(["eval", "retrieval", "--dataset", str(FROZEN), "--limit", "12", "--json", "--no-progress"])
    assert code == 0
    summary = _last_json(capsys.readouterr().out)
    assert summary["counts"]["questions"] == 12
    assert {"Recall@5", "MRR@10"} <= set(summary["overall"])
    assert 0.0 <= summary["overall"]["Recall@5"] <= 1.0
    run_dir = Path(summary["run_dir"])
    assert run_dir.parent == tmp_path
    for name in ("metrics.json", "questions.jsonl", "report.md", "report.html"):
        assert (run_dir / name).is_file(), name


@pytest.mark.usefixtures("pipeline")
def test_eval_answers_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEGAL_ASSISTANT_RESULTS_DIR", str(tmp_path))
    code = main(
        [
            "eval",
            "answers",
            "--dataset",
            str(FROZEN),
            "--limit",
            "8",
            "--json",
            "--no-progress",
            "--no-report",
        ]
    )
    assert code == 0
    summary = _last_json(capsys.readouterr().out)
    assert "invalid_citations" in summary["overall"]
    assert any(name in summary["overall"] for name in ("citation_hit_rate", "abstention_accuracy"))
    rows = (Path(summary["run_dir"]) / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 8 and all("abstained" in json.loads(r) for r in rows)


def test_bad_dataset_line_stops_with_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], corpus: Any
) -> None:
    monkeypatch.setenv("LEGAL_ASSISTANT_RESULTS_DIR", str(tmp_path))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "x", "question": "?", "gold": [{"law": "1/1999/QH10", "article": 1}], "kind": "in_scope"}\n'
    )
    assert main(["eval", "retrieval", "--dataset", str(bad), "--json"]) == 2
    assert f"{bad}:1" in capsys.readouterr().err
