"""Fit the confidence model and the decline/escalate thresholds on ``dev_tune`` only.

Run: ``python -m assistant.calibrate`` (writes ``assistant/data/calibration.json``).

Label of an in-scope question: the top retrieved article is one of its gold articles.
Out-of-scope and injection questions without gold are label 0 and also set the decline
threshold: among questions with no domain term, decline below the probability that declines
at least TARGET_DECLINE_OUT of the out-of-scope ones while keeping in-scope declines minimal.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from assistant.confidence import CALIBRATION_FILE, FEATURES, Calibration, evidence_from
from corpus.settings import PROJECT_ROOT

TUNE_FILE = PROJECT_ROOT / "evaluation" / "data" / "dev_tune.jsonl"
L2 = 0.01
STEPS = 3000
LEARNING_RATE = 0.5
TARGET_DECLINE_OUT = 0.95


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def collect(pipeline: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per question: raw retrieval evidence, scope signal, label."""
    records = []
    for row in rows:
        # The question memory recalls the other tune questions, not this one or its twin.
        turn = pipeline.assess(row["question"], exclude=frozenset({row["id"], row.get("twin") or row["id"]}))
        gold = {(g["law"], int(g["article"])) for g in row["gold"]}
        top = (turn.hits[0].law_id, turn.hits[0].article) if turn.hits else None
        records.append(
            {
                "id": row["id"],
                "in_scope": bool(gold),
                "label": int(top in gold) if gold else 0,
                "hits": turn.hits,
                "scope": turn.scope,
                # Declined by a rule (lexicon, classifiers, evasion, injection), not by confidence.
                "hard_decline": (
                    turn.decline is not None and bool(turn.hits) and pipeline.rule_declines(turn) is not None
                ),
            }
        )
    return records


def fit_logistic(x: np.ndarray, y: np.ndarray, *, l2: float = L2,
                 sample_weight: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by gradient descent (a few features or one e5 vector a row)."""
    w = np.zeros(x.shape[1])
    b = 0.0
    weight = np.ones(len(y)) if sample_weight is None else sample_weight
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        residual = weight * (p - y)
        grad_w = x.T @ residual / len(y) + l2 * w
        grad_b = float(np.mean(residual))
        w -= LEARNING_RATE * grad_w
        b -= LEARNING_RATE * grad_b
    return w, b


def calibrate(pipeline: Any, rows: list[dict[str, Any]]) -> Calibration:
    records = collect(pipeline, rows)
    top_scores = [r["hits"][0].score for r in records if r["hits"]]
    scale = float(np.percentile(top_scores, 95)) if top_scores else 1.0
    vectors = [evidence_from(r["hits"], r["scope"], scale).vector() for r in records]
    x = np.array(vectors, dtype=float)
    y = np.array([r["label"] for r in records], dtype=float)
    w, b = fit_logistic(x, y)
    base = Calibration(weights=tuple(float(v) for v in w), bias=float(b), score_scale=scale)
    probs = np.array([base.probability(evidence_from(r["hits"], r["scope"], scale)) for r in records])
    decline_below = _decline_threshold(records, probs)
    escalate_below = _escalate_threshold(records, probs)
    meta = {
        "split": "dev_tune",
        "questions": len(records),
        "positives": int(y.sum()),
        "features": list(FEATURES),
        "method": f"logistic regression, L2={L2}, {STEPS} steps; thresholds by grid search",
    }
    return Calibration(base.weights, base.bias, scale, decline_below, escalate_below, meta)


def _decline_threshold(records: list[dict[str, Any]], probs: np.ndarray) -> float:
    """Lowest threshold declining TARGET_DECLINE_OUT of the out-of-scope questions the lexicon
    did not already decline, among those without domain terms; capped to spare in-scope ones."""
    candidates = [
        (p, r["in_scope"])
        for r, p in zip(records, probs, strict=True)
        if not r["scope"].has_domain_terms and not r["hard_decline"]
    ]
    best, best_cost = 0.0, float("inf")
    for threshold in np.linspace(0.0, 1.0, 101):
        out_kept = sum(1 for p, ins in candidates if not ins and p >= threshold)
        in_declined = sum(1 for p, ins in candidates if ins and p < threshold)
        cost = out_kept + 2 * in_declined  # declining a member's real question costs more
        if cost < best_cost:
            best, best_cost = float(threshold), cost
    return round(best, 3)


def _escalate_threshold(records: list[dict[str, Any]], probs: np.ndarray) -> float:
    """Threshold separating likely-wrong answers (label 0) from likely-right ones (balanced accuracy)."""
    pairs = [(p, r["label"]) for r, p in zip(records, probs, strict=True) if r["in_scope"]]
    positives = sum(lab for _, lab in pairs) or 1
    negatives = (len(pairs) - sum(lab for _, lab in pairs)) or 1
    best, best_score = 0.0, -1.0
    for threshold in np.linspace(0.0, 1.0, 101):
        tpr = sum(1 for p, lab in pairs if lab and p >= threshold) / positives
        tnr = sum(1 for p, lab in pairs if not lab and p < threshold) / negatives
        if (tpr + tnr) / 2 > best_score:
            best, best_score = float(threshold), (tpr + tnr) / 2
    return round(best, 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", type=Path, default=TUNE_FILE)
    parser.add_argument("--out", type=Path, default=CALIBRATION_FILE)
    args = parser.parse_args(argv)

    from assistant.pipeline import AssistantPipeline
    from corpus.build import ensure_corpus
    from corpus.settings import Settings
    from indexing.build import ensure_index
    from indexing.retriever import HybridRetriever

    settings = Settings.from_env()
    corpus = ensure_corpus(settings)
    ensure_index(settings, corpus)
    retriever = HybridRetriever.load(settings, corpus)
    pipeline = AssistantPipeline(
        settings=settings, corpus=corpus, retriever=retriever, calibration=Calibration()
    )
    calibration = calibrate(pipeline, load_rows(args.tune))
    calibration.save(args.out)
    print(
        json.dumps({k: v for k, v in calibration.__dict__.items()}, ensure_ascii=False, indent=2, default=str)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
