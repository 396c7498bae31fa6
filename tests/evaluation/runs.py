"""One quiet answer run over a dataset: no progress bar, plot or report page (the quality gate
and the blind member probes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evaluation.dataset import Dataset
from evaluation.results import RunResult
from evaluation.runner import run_answers


def quiet_answers(pipeline: Any, dataset: Dataset, corpus: Any, folder: Path) -> RunResult:
    return run_answers(pipeline, dataset, corpus=corpus, results_dir=folder, progress=False, report=False)
