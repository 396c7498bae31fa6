"""Fit the decisive-unit ranker (``assistant.decisive``) on dev_tune.

Run: ``python -m assistant.train_decisive`` (writes ``assistant/data/decisive.json``).
For every dev_tune question whose gold article is among the pipeline's sources, every quotable
unit of those sources is a sample, labelled 1 when it is a gold unit (a point of a gold clause
counts when the gold names no point). A 5-fold cross-validation by question prints how often the
first unit is gold with the hand weights, the logistic fit, a coordinate search of the
weights on that very measure and a listwise (softmax over each question's units) fit; the best
is written,
with the score below which the answer says no unit decides. dev_frozen is never read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from assistant.calibrate import TUNE_FILE, load_rows
from assistant.decisive import FEATURES, HAND_WEIGHTS, MODEL_FILE, UnitRanker, candidates
from assistant.linear_model import fit_listwise, fit_standardised

L2 = 1e-2
LISTWISE_L2 = 1e-3
FOLDS = 5
# The answer says that no unit decides the question below the score where, on dev_tune, the
# first unit is a gold unit in fewer than this share of questions.
NO_DECISIVE_PRECISION = 0.2


def _is_gold(unit: Any, gold: list[dict[str, Any]]) -> bool:
    return any(
        unit.law_id == g["law"]
        and unit.article == g["article"]
        and (g.get("clause") is None or unit.clause == g["clause"])
        and (g.get("point") is None or unit.point == g["point"])
        for g in gold
    )


def collect(pipeline: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    samples = []
    for row in rows:
        gold = row.get("gold") or []
        if not gold or row.get("kind") == "calculation":
            continue
        # The memory recalls the other tune questions, not this one or its twin.
        turn = pipeline.assess(row["question"], exclude=frozenset({row["id"], row.get("twin") or row["id"]}))
        articles = {(g["law"], g["article"]) for g in gold}
        if not turn.sources or not any(
            (s.article.law_id, s.article.article) in articles for s in turn.sources
        ):
            continue
        found = candidates(
            pipeline.corpus,
            turn.sources,
            turn.expanded,
            pipeline._similarity(turn),
            UnitRanker(),
        )
        y = np.array([float(_is_gold(c.unit, gold)) for c in found])
        if y.any():
            samples.append(
                {"id": row["id"], "kind": row["kind"], "x": np.array([c.features for c in found]), "y": y}
            )
    return samples


def fit(samples: list[dict[str, Any]]) -> UnitRanker:
    return UnitRanker(*fit_standardised(samples, L2))


def fit_first(samples: list[dict[str, Any]]) -> UnitRanker:
    """The listwise fit: the first unit of each question, with the safety priors fixed."""
    fixed = {FEATURES.index(name): weight for name, weight in FIXED.items()}
    return UnitRanker(*fit_listwise(samples, LISTWISE_L2, fixed))


STEPS = (-2.0, -1.0, -0.5, 0.5, 1.0, 2.0)
ROUNDS = 3


# A safety prior kept out of the search: a unit for another situation ("chưa đủ 12 tháng" to a
# member who said nothing of it) must not open the answer, even where tune data does not punish it.
# Likewise a unit whose age bands leave out the member's stated age ("chưa đủ 15 tuổi" to a
# 16-year-old) is about someone else: a strong fixed penalty, rare in tune data (`case_excluded`
# also covers a month of pregnancy or a child's age left out, a contract ended by the other side
# and a surrogacy the member never spoke of). Its converse,
# a unit whose band holds what the member states ("mang thai từ tháng thứ 07" to a worker seven
# months pregnant, "nuôi con dưới 12 tháng tuổi" to the mother of an 8-month-old), is a fixed bonus.
# A unit that opens with a special case the question never speaks of ("Khi nghỉ hằng năm, nếu
# người lao động đi bằng các phương tiện ... thì", to "nghỉ phép năm được bao nhiêu ngày") is a
# fixed penalty (`unmet_condition`), and so is a unit that applies another source article's rule
# ("theo quy định tại Điều 46", `defers`): that article's own unit states it.
FIXED = {
    "qualifier_mismatch": -1.0,
    "case_excluded": -3.0,
    "condition_fits": 2.0,
    "unmet_condition": -1.0,
    "defers": -1.0,
}


def search(samples: list[dict[str, Any]]) -> UnitRanker:
    """Coordinate search from the hand weights, maximising how often the first unit is gold.

    The logistic fit optimises every unit's label; what the member reads is only the first
    unit, so the weights are also searched directly on that (unstandardised, like the hand ones).
    """
    best = [FIXED.get(name, w) for name, w in zip(FEATURES, HAND_WEIGHTS, strict=True)]
    score = _top1(samples, best)
    for _ in range(ROUNDS):
        for i in range(len(FEATURES)):
            if FEATURES[i] in FIXED:
                continue
            for step in STEPS:
                trial = [*best[:i], best[i] + step, *best[i + 1 :]]
                value = _top1(samples, trial)
                if value > score + 1e-9:
                    best, score = trial, value
    return UnitRanker(tuple(best))


def _top1(samples: list[dict[str, Any]], weights: list[float]) -> float:
    w = np.array(weights)
    return float(np.mean([s["y"][int(np.argmax(s["x"] @ w))] > 0 for s in samples]))


def first_is_gold(samples: list[dict[str, Any]], model: UnitRanker) -> list[tuple[float, bool]]:
    out = []
    for s in samples:
        scores = np.array([model.score(row) for row in s["x"]])
        top = int(np.argmax(scores))
        out.append((float(scores[top]), bool(s["y"][top])))
    return out


def cross_validate(samples: list[dict[str, Any]]) -> dict[str, Any]:
    order = np.random.default_rng(0).permutation(len(samples))
    learned: list[tuple[float, bool]] = []
    searched: list[tuple[float, bool]] = []
    listwise: list[tuple[float, bool]] = []
    for fold in range(FOLDS):
        test_ids = set(order[fold::FOLDS].tolist())
        train = [s for i, s in enumerate(samples) if i not in test_ids]
        test = [samples[i] for i in sorted(test_ids)]
        learned.extend(first_is_gold(test, fit(train)))
        searched.extend(first_is_gold(test, search(train)))
        listwise.extend(first_is_gold(test, fit_first(train)))
    hand = first_is_gold(samples, UnitRanker())
    return {
        "questions": len(samples),
        "first_is_gold_hand": round(float(np.mean([g for _, g in hand])), 3),
        "first_is_gold_learned": round(float(np.mean([g for _, g in learned])), 3),
        "first_is_gold_searched": round(float(np.mean([g for _, g in searched])), 3),
        "first_is_gold_listwise": round(float(np.mean([g for _, g in listwise])), 3),
    }


def no_decisive_threshold(scored: list[tuple[float, bool]]) -> float:
    best = min(score for score, _ in scored) - 1.0
    for threshold in sorted(score for score, _ in scored):
        below = [gold for score, gold in scored if score < threshold]
        if below and np.mean(below) >= NO_DECISIVE_PRECISION:
            break
        best = threshold
    return round(float(best), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fit the decisive-unit ranker on dev_tune.")
    parser.add_argument("--output", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    from assistant.generators.extractive import ExtractiveGenerator
    from assistant.pipeline import AssistantPipeline
    from corpus.build import ensure_corpus
    from corpus.settings import Settings
    from indexing.retriever import HybridRetriever

    settings = Settings.from_env()
    corpus = ensure_corpus(settings)
    # The hand weights compose while collecting, so a model file of older features is never read.
    pipeline = AssistantPipeline(
        settings=settings,
        corpus=corpus,
        retriever=HybridRetriever.load(settings, corpus),
        generator=ExtractiveGenerator(corpus, UnitRanker()),
    )
    samples = collect(pipeline, load_rows(TUNE_FILE))
    report = cross_validate(samples)
    # Keep whichever did best in cross-validation, refitted on the whole split.
    kinds = ("hand", "learned", "searched", "listwise")
    kept = max(kinds, key=lambda k: (report[f"first_is_gold_{k}"], k == "hand"))
    model = {
        "hand": UnitRanker,
        "learned": lambda: fit(samples),
        "searched": lambda: search(samples),
        "listwise": lambda: fit_first(samples),
    }[kept]()
    report["kept"] = kept
    threshold = no_decisive_threshold(first_is_gold(samples, model))
    payload = {
        "features": list(FEATURES),
        "weights": list(model.weights),
        "bias": model.bias,
        "mean": list(model.mean),
        "scale": list(model.scale),
        "min_score": threshold,
        "meta": {"split": "dev_tune", "l2": L2, "listwise_l2": LISTWISE_L2, "cross_validation": report},
    }
    args.output.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(payload["meta"], ensure_ascii=False, indent=1), "min_score", threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
