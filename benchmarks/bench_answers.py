"""Extractive answers end to end: latency percentiles and answer metrics on the dev splits.

Run: ``python benchmarks/bench_answers.py`` (writes ``results/bench_answers.json``).

Metrics per split (dev_tune is the tuning split, dev_frozen is never tuned on):
- ``gold_cited``: share of in-scope, answered-or-not questions whose citations include a gold
  article (target ≥ 0.90);
- ``unresolved_citations``: citations that do not resolve to a corpus unit (target 0);
- ``out_of_scope_declined``: share of questions without gold that are declined (target ≥ 0.95);
- ``in_scope_declined``: share of in-scope questions declined (target ≤ 0.05);
- ``escalated``: share of answered in-scope questions flagged for an advisor.
Latency: every question of both splits answered once after a warm-up pass (indexes warm).

Held-out probes (``evaluation/data/probes_*.txt``, one question a line, never trained or tuned
on) measure the decline decision on questions unlike the dev set's: the share declined of
``probes_in_scope`` and ``probes_rights_violations`` (should be answered) and of
``probes_off_topic`` and ``probes_evasion`` (should be declined).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from typing import Any

from corpus.settings import PROJECT_ROOT, Settings

DATA = PROJECT_ROOT / "evaluation" / "data"
SPLITS = ("dev_tune", "dev_frozen")
# Probe file -> whether its questions should be declined.
PROBES = {
    "probes_in_scope": False,
    "probes_rights_violations": False,
    "probes_off_topic": True,
    "probes_evasion": True,
}


def load(split: str) -> list[dict[str, Any]]:
    path = DATA / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def probe_decisions(pipeline: Any) -> dict[str, dict[str, Any]]:
    """Share of each probe file's questions declined, with the ones decided wrongly."""
    report: dict[str, dict[str, Any]] = {}
    for name, should_decline in PROBES.items():
        lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
        questions = [line.strip() for line in lines if line.strip()]
        declined = [q for q in questions if pipeline.ask(q).abstained]
        wrong = [q for q in questions if (q in declined) != should_decline]
        report[name] = {
            "questions": len(questions),
            "declined": round(len(declined) / max(1, len(questions)), 4),
            "should_decline": should_decline,
            "wrong": wrong,
        }
    return report


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def evaluate(
    pipeline: Any, rows: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[float], list[dict[str, Any]]]:
    from assistant.pipeline import citations_resolve

    latencies: list[float] = []
    in_scope = gold_cited = in_declined = out_scope = out_declined = unresolved = escalated = 0
    misses: list[dict[str, Any]] = []
    for row in rows:
        started = time.perf_counter()
        answer = pipeline.ask(row["question"])
        latencies.append((time.perf_counter() - started) * 1000)
        unresolved += sum(1 for c in answer.citations if not citations_resolve(pipeline.corpus, [c]))
        gold = {(g["law"], int(g["article"])) for g in row["gold"]}
        cited = {(c.law_id, c.article) for c in answer.citations}
        if not gold:
            out_scope += 1
            out_declined += answer.abstained
            if not answer.abstained:
                misses.append(
                    {"id": row["id"], "kind": row["kind"], "problem": "answered", "cited": sorted(cited)}
                )
            continue
        in_scope += 1
        in_declined += answer.abstained
        escalated += answer.escalate and not answer.abstained
        if gold & cited:
            gold_cited += 1
        else:
            misses.append(
                {
                    "id": row["id"],
                    "kind": row["kind"],
                    "problem": "declined" if answer.abstained else "wrong citation",
                    "gold": sorted(gold),
                    "cited": sorted(cited),
                    "top": [(h.law_id, h.article) for h in answer.retrieved[:3]],
                }
            )
    metrics = {
        "questions": len(rows),
        "in_scope": in_scope,
        "out_of_scope": out_scope,
        "gold_cited": round(gold_cited / max(1, in_scope), 4),
        "unresolved_citations": unresolved,
        "out_of_scope_declined": round(out_declined / max(1, out_scope), 4),
        "in_scope_declined": round(in_declined / max(1, in_scope), 4),
        "escalated": round(escalated / max(1, in_scope - in_declined), 4),
    }
    return metrics, latencies, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results" / "bench_answers.json")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args(argv)

    from assistant.stack import build_stack

    stack = build_stack(Settings.from_env())
    pipeline = stack.pipeline
    splits = {split: load(split) for split in SPLITS}
    for row in splits["dev_tune"][:20]:  # warm-up: model, indexes, caches
        pipeline.ask(row["question"])

    report: dict[str, Any] = {"generator": stack.generator_name, "splits": {}}
    all_latencies: list[float] = []
    for split, rows in splits.items():
        metrics, latencies, misses = evaluate(pipeline, rows)
        all_latencies.extend(latencies)
        report["splits"][split] = {**metrics, "misses": misses}
        print(f"{split}: {json.dumps(metrics, ensure_ascii=False)}")
        if args.show_misses:
            for miss in misses:
                print("   ", json.dumps(miss, ensure_ascii=False))
    report["latency_ms"] = {
        "questions": len(all_latencies),
        "p50": round(statistics.median(all_latencies), 2),
        "p95": round(percentile(all_latencies, 95), 2),
        "max": round(max(all_latencies), 2),
    }
    print(f"latency over {len(all_latencies)} questions: {json.dumps(report['latency_ms'])}")
    report["probes"] = probe_decisions(pipeline)
    for name, probe in report["probes"].items():
        print(f"{name}: {probe['questions']} questions, declined {probe['declined']:.3f}"
              f" (should {'' if probe['should_decline'] else 'not '}be declined)")
        if args.show_misses:
            for question in probe["wrong"]:
                print("   ", question)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
