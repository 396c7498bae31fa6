"""A run's folder: ``results/<run-id>/`` with ``metrics.json`` and ``questions.jsonl``."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from corpus.errors import LegalAssistantError

METRICS_FILE = "metrics.json"
QUESTIONS_FILE = "questions.jsonl"


class RunNotFoundError(LegalAssistantError):
    """A run id or path that does not name a finished evaluation run."""


@dataclass(frozen=True)
class RunResult:
    run_dir: Path
    metrics: dict[str, Any]  # the content of metrics.json
    records: list[dict[str, Any]]  # the rows of questions.jsonl

    @property
    def run_id(self) -> str:
        return str(self.metrics.get("run_id", self.run_dir.name))

    @property
    def overall(self) -> dict[str, Any]:
        return dict(self.metrics.get("overall", {}))

    def summary_json(self) -> dict[str, Any]:
        """The object ``eval ... --json`` prints."""
        return {
            "run_id": self.run_id,
            "run_dir": str(self.run_dir),
            "mode": self.metrics.get("mode"),
            "overall": self.overall,
            "per_kind": self.metrics.get("per_kind", {}),
            "counts": self.metrics.get("counts", {}),
            "skipped_lines": self.metrics.get("dataset", {}).get("skipped_lines", []),
        }


def make_run_id(mode: str, fingerprint: dict[str, Any], now: datetime | None = None) -> str:
    """``20250101-120000-retrieval-1a2b3c``: sortable by time, mode readable, hash of config+data."""
    now = now or datetime.now()
    digest = hashlib.sha1(json.dumps(fingerprint, sort_keys=True, default=str).encode()).hexdigest()[:6]
    return f"{now:%Y%m%d-%H%M%S}-{mode}-{digest}"


def new_run_dir(base: Path, run_id: str) -> Path:
    """Create the run folder; a second run in the same second with the same config gets a suffix."""
    base.mkdir(parents=True, exist_ok=True)
    candidate, n = base / run_id, 1
    while candidate.exists():
        n += 1
        candidate = base / f"{run_id}-{n}"
    candidate.mkdir()
    return candidate


def write_run(run_dir: Path, metrics: dict[str, Any], records: list[dict[str, Any]]) -> RunResult:
    (run_dir / METRICS_FILE).write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
    with (run_dir / QUESTIONS_FILE).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return RunResult(run_dir, metrics, records)


def resolve_run(ref: str | Path, results_dir: Path) -> Path:
    """A run given as a folder path or as a run id under ``results_dir``."""
    for candidate in (Path(ref), results_dir / str(ref)):
        if (candidate / METRICS_FILE).is_file():
            return candidate
    raise RunNotFoundError(
        f"no evaluation run {str(ref)!r}: neither a folder with {METRICS_FILE} "
        f"nor a run id under {results_dir}"
    )


def load_run(ref: str | Path, results_dir: Path) -> RunResult:
    run_dir = resolve_run(ref, results_dir)
    metrics = json.loads((run_dir / METRICS_FILE).read_text(encoding="utf-8"))
    records = []
    questions = run_dir / QUESTIONS_FILE
    if questions.is_file():
        with questions.open(encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
    return RunResult(run_dir, metrics, records)


def latest_run(results_dir: Path, mode: str | None = None) -> Path | None:
    """The newest finished run folder (by name, which starts with the time), optionally of one mode."""
    if not results_dir.is_dir():
        return None
    runs = sorted(
        (
            p
            for p in results_dir.iterdir()
            if (p / METRICS_FILE).is_file() and (mode is None or f"-{mode}-" in p.name)
        ),
        key=lambda p: p.name,
    )
    return runs[-1] if runs else None
