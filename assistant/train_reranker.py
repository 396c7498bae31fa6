"""Fit the article reranker (``assistant.rerank``) on dev_tune.

Run: ``python -m assistant.train_reranker`` (writes ``assistant/data/reranker.json``).
Every dev_tune question with gold articles contributes the retriever's top ``TRAIN_DEPTH`` articles,
labelled 1 when the article is gold. Features are standardised; the logistic model is fitted with
balanced classes. A 5-fold cross-validation by question prints Hit@5 and MRR@10 of the retriever
and of the reranked order, overall and for the member kinds, and is stored in ``meta``.
dev_frozen is never read here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from assistant.calibrate import TUNE_FILE, load_rows
from assistant.linear_model import fit_standardised
from assistant.question_memory import EMPTY, QuestionMemory
from assistant.rerank import FEATURES, MODEL_FILE, TRAIN_DEPTH, Reranker, features, with_recalled

L2 = 1e-2
FOLDS = 5
MEMBER_KINDS = ("scenario", "procedure", "calculation")


def collect(
    retriever: Any, corpus: Any, rows: list[dict[str, Any]], memory: QuestionMemory | None = None
) -> list[dict[str, Any]]:
    """Features and labels per question; the memory is read without the question and its twin."""
    samples = []
    for row in rows:
        gold = {(g["law"], g["article"]) for g in row.get("gold") or ()}
        if not gold:
            continue
        result = retriever.retrieve(row["question"], k=TRAIN_DEPTH)
        vector = result.query_vector[0] if result.query_vector.ndim == 2 else result.query_vector
        exclude = frozenset({row["id"], row.get("twin") or row["id"]})
        recalled = memory.recall(vector, exclude) if memory is not None else EMPTY
        hits = with_recalled(retriever, result.hits, vector, recalled)
        similarity = retriever.unit_similarities(vector, [f"{h.law_id}:d{h.article}" for h in hits])
        x = features(hits, row["question"], corpus, similarity, recalled)
        y = np.array([float((h.law_id, h.article) in gold) for h in hits])
        samples.append({"id": row["id"], "kind": row["kind"], "x": x, "y": y})
    return samples


def fit(samples: list[dict[str, Any]]) -> Reranker:
    return Reranker(*fit_standardised(samples, L2), {})


def ranks(samples: list[dict[str, Any]], model: Reranker | None) -> dict[str, dict[str, float]]:
    """Hit@5 and MRR@10 over ``samples``: all, and the member kinds."""
    out: dict[str, list[tuple[float, float]]] = {"all": [], "member": []}
    for s in samples:
        order = np.arange(len(s["y"])) if model is None else np.argsort(-model.scores(s["x"]), kind="stable")
        labels = s["y"][order]
        first = int(np.argmax(labels)) if labels.any() else None
        pair = (
            float(first is not None and first < 5),
            0.0 if first is None or first >= 10 else 1 / (first + 1),
        )
        out["all"].append(pair)
        if s["kind"] in MEMBER_KINDS:
            out["member"].append(pair)
    return {
        k: {
            "Hit@5": round(float(np.mean([p[0] for p in v])), 3),
            "MRR@10": round(float(np.mean([p[1] for p in v])), 3),
        }
        for k, v in out.items()
        if v
    }


def cross_validate(samples: list[dict[str, Any]]) -> dict[str, Any]:
    order = np.random.default_rng(0).permutation(len(samples))
    held: list[dict[str, Any]] = []
    scored: list[tuple[dict[str, Any], Reranker]] = []
    for fold in range(FOLDS):
        test = [samples[i] for i in order[fold::FOLDS]]
        train = [samples[i] for i in order if i not in set(order[fold::FOLDS])]
        model = fit(train)
        scored.extend((s, model) for s in test)
        held.extend(test)
    reranked: dict[str, list[tuple[float, float]]] = {}
    for s, model in scored:
        for key, value in ranks([s], model).items():
            reranked.setdefault(key, []).append((value["Hit@5"], value["MRR@10"]))
    return {
        "retriever": ranks(held, None),
        "reranked": {
            k: {
                "Hit@5": round(float(np.mean([a for a, _ in v])), 3),
                "MRR@10": round(float(np.mean([b for _, b in v])), 3),
            }
            for k, v in reranked.items()
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fit the article reranker on dev_tune.")
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    from corpus.build import ensure_corpus
    from corpus.settings import Settings
    from indexing.retriever import HybridRetriever

    settings = Settings.from_env()
    corpus = ensure_corpus(settings)
    retriever = HybridRetriever.load(settings, corpus)
    memory = QuestionMemory.load(retriever.embedder.model_id, retriever.query_vectors)
    samples = collect(retriever, corpus, load_rows(TUNE_FILE), memory)
    report = cross_validate(samples)
    model = fit(samples)
    meta = {
        "split": "dev_tune",
        "questions": len(samples),
        "depth": TRAIN_DEPTH,
        "l2": L2,
        "cross_validation": report,
    }
    payload = {
        "features": list(FEATURES),
        "weights": list(model.weights),
        "bias": model.bias,
        "mean": list(model.mean),
        "scale": list(model.scale),
        "meta": meta,
    }
    args.output.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
