"""Calculators on the dev set: exact figures on ``calculation`` questions, false triggers elsewhere.

Run: ``python benchmarks/bench_calculators.py [--data evaluation/data]`` (writes
``results/bench_calculators.json``). Only ``assistant.calculators.answer_calculation`` is
called (no retrieval): this measures the calculator path the pipeline takes first.

Per split:
- ``exact``: share of ``calculation`` questions whose direct answer contains every expected
  fact; a question with ``asks_for`` counts when the reply asks for the input (its question
  contains the word) and states no amount in đồng;
- ``wrong_figure``: replies that present a result whose figure is not the expected one (target 0);
- ``not_triggered``: ``calculation`` questions left to retrieval;
- ``false_triggers``: other questions (every other kind) that the calculators answered.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from assistant.calculators import CalculationReply, answer_calculation
from corpus.settings import PROJECT_ROOT

AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+ đồng")


def _conversation(row: dict[str, Any]) -> CalculationReply | None:
    history: list[tuple[str, str]] = []
    for message in row.get("history", []):
        earlier = answer_calculation(message, history)
        history.append((message, earlier.direct_answer if earlier else ""))
    return answer_calculation(row["question"], history)


def check(row: dict[str, Any]) -> str:
    """exact | wrong_figure | not_triggered | incomplete (asked, or figure without every fact)."""
    reply = _conversation(row)
    if reply is None:
        return "not_triggered"
    text = reply.direct_answer
    if row.get("asks_for"):
        asked = reply.missing and all(word in text for word in row["asks_for"]) and not AMOUNT.search(text)
        return "exact" if asked else ("wrong_figure" if reply.result else "incomplete")
    if all(fact in text for fact in row.get("facts", [])):
        return "exact"
    return "wrong_figure" if reply.result is not None else "incomplete"


def run_split(path: Path, verbose: bool) -> dict[str, Any]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    outcomes: dict[str, list[str]] = {}
    false_triggers = []
    for row in rows:
        if row.get("kind") == "calculation":
            outcome = check(row)
            outcomes.setdefault(outcome, []).append(row["id"])
            if verbose and outcome != "exact":
                reply = _conversation(row)
                print(f"  {row['id']} {outcome}: {row['question'][:90]}")
                print(
                    f"     expected {row.get('facts') or row.get('asks_for')}; got: "
                    f"{reply.direct_answer.splitlines()[0][:160] if reply else None}"
                )
        elif answer_calculation(row["question"]) is not None:
            false_triggers.append(row["id"])
    total = sum(len(v) for v in outcomes.values())
    return {
        "calculation_questions": total,
        "exact": round(len(outcomes.get("exact", [])) / total, 3) if total else None,
        "wrong_figure": outcomes.get("wrong_figure", []),
        "not_triggered": outcomes.get("not_triggered", []),
        "incomplete": outcomes.get("incomplete", []),
        "other_questions": len(rows) - total,
        "false_triggers": false_triggers,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=PROJECT_ROOT / "evaluation" / "data")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "results" / "bench_calculators.json")
    parser.add_argument("--verbose", action="store_true", help="print each question not answered exactly")
    args = parser.parse_args()
    report = {}
    for split in ("dev_tune", "dev_frozen"):
        print(f"== {split}")
        report[split] = run_split(args.data / f"{split}.jsonl", args.verbose)
        print(json.dumps(report[split], ensure_ascii=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
