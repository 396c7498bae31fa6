"""Share of dev-set questions sent to advisors on their own, with the breakdown by reason.

Every question of the chosen splits is asked once (follow-ups after their earlier messages,
as the evaluation does); ``assistant.service.queue_policy.queue_reason`` decides, as the service does, whether
the answer enters the advisors' queue and why. Prints the share per split and overall, the
breakdown (queued by reason, declined by kind, answered), and the queued questions per kind;
writes ``results/bench/advisor_share.json``. Target: at most 15% queued.

    python benchmarks/advisor_share.py                 # both dev splits (about 20 min on 2 CPUs)
    python benchmarks/advisor_share.py --from-results results/<run>/questions.jsonl
                                                       # re-decide from an `eval answers` run
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from assistant.service.queue_policy import AUTO_QUEUE_BELOW, outcome
from corpus.settings import PROJECT_ROOT, Settings

DATA = PROJECT_ROOT / "evaluation" / "data"
SPLITS = ("dev_tune", "dev_frozen")
TARGET = 0.15
OUT = PROJECT_ROOT / "results" / "bench" / "advisor_share.json"


def _rows(split: str) -> list[dict[str, Any]]:
    lines = (DATA / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _ask_all(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Answer JSON (with the question's id and kind) for every row, asked through the pipeline."""
    from assistant.pipeline import AssistantPipeline
    from corpus.build import ensure_corpus
    from indexing.build import ensure_index
    from indexing.retriever import HybridRetriever

    settings = Settings.from_env()
    corpus = ensure_corpus(settings)
    ensure_index(settings, corpus)
    pipeline = AssistantPipeline(
        settings=settings, corpus=corpus, retriever=HybridRetriever.load(settings, corpus)
    )
    out = []
    for row in rows:
        turns: list[tuple[str, str]] = []
        for message in row.get("history", []):
            turns.append((message, pipeline.ask(message, history=list(turns) or None).answer))
        answer = pipeline.ask(row["question"], history=turns or None).to_json()
        out.append({"id": row["id"], "kind": row["kind"], "split": row["split"], **answer})
    return out


def summarise(answers: list[dict[str, Any]]) -> dict[str, Any]:
    outcomes = Counter(outcome(a) for a in answers)
    queued = sum(n for o, n in outcomes.items() if o.startswith("queued:"))
    by_kind = Counter(a["kind"] for a in answers if outcome(a).startswith("queued:"))
    return {
        "questions": len(answers),
        "queued": queued,
        "share_queued": round(queued / len(answers), 4) if answers else 0.0,
        "breakdown": dict(sorted(outcomes.items())),
        "queued_by_kind": dict(by_kind.most_common()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", nargs="+", default=list(SPLITS), choices=SPLITS)
    parser.add_argument("--from-results", type=Path, help="questions.jsonl of an `eval answers` run")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    split_of = {r["id"]: s for s in args.splits for r in _rows(s)}
    if args.from_results:
        lines = args.from_results.read_text(encoding="utf-8").splitlines()
        answers = [{**r, "split": split_of[r["id"]]} for r in map(json.loads, lines) if r["id"] in split_of]
    else:
        answers = _ask_all([{**r, "split": s} for s in args.splits for r in _rows(s)])
    report: dict[str, Any] = {"auto_queue_below": AUTO_QUEUE_BELOW, "target": TARGET}
    for split in args.splits:
        report[split] = summarise([a for a in answers if a["split"] == split])
    report["all"] = summarise(answers)
    report["seconds"] = round(time.perf_counter() - started, 1)
    for name in (*args.splits, "all"):
        part = report[name]
        print(f"{name}: {part['queued']}/{part['questions']} sent to advisors = {part['share_queued']:.1%}")
        for key, n in part["breakdown"].items():
            print(f"    {key:28s} {n:4d}  {n / part['questions']:.1%}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if report["all"]["share_queued"] <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
