"""Bytes stored per question: what the database keeps for each answered question.

Usage: python benchmarks/storage_per_question.py [--questions 40]
Asks the first N questions of evaluation/data/dev_frozen.jsonl through the real service into a
fresh SQLite file, thumbs down every fourth (a review), then prints the database size per
question (after VACUUM) and the JSON stored per question, against what storing the full answer
and the retrieved texts would take (the layout before issue 12).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.service.sources import hits_to_sources  # noqa: E402
from corpus.settings import Settings  # noqa: E402
from ui.bootstrap import build_service  # noqa: E402

DATASET = ROOT / "evaluation" / "data" / "dev_frozen.jsonl"
PER_DAY = 5000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=40)
    args = parser.parse_args()
    rows = [json.loads(line) for line in DATASET.read_text(encoding="utf-8").splitlines() if line.strip()]
    questions = [r["question"] for r in rows if r.get("kind") == "in_scope"][: args.questions]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "size.db"
        settings = replace(Settings.from_env(), database_url=f"sqlite:///{path}")
        service = build_service(settings)
        full_json = 0
        for i, question in enumerate(questions):
            result = service.ask(question)
            answer = service.pipeline.ask(question)  # what the old layout stored verbatim
            # The old layout: full texts, "\u1ea1"-escaped JSON, sources copied again into reviews.
            sources = len(json.dumps(hits_to_sources(answer.retrieved)).encode())
            full_json += len(json.dumps(answer.to_json()).encode()) + sources * (2 if i % 4 == 0 else 1)
            if i % 4 == 0:
                service.feedback(
                    result.interaction_id, -1, "chưa đúng", None, conversation_key=result.conversation_key
                )
        service.store.close()
        db = sqlite3.connect(path)
        stored_json = sum(
            len(row[0] or "") + len(row[1] or "")
            for row in db.execute("SELECT CAST(answer AS BLOB), CAST(sources AS BLOB) FROM interactions")
        )
        db.execute("VACUUM")
        db.close()
        size = path.stat().st_size
    n = len(questions)
    per_question = size / n
    print(f"{n} questions ({n // 4 + (n % 4 > 0)} thumbs down)")
    print(f"database file after VACUUM: {size / 1024:.1f} KB, {per_question / 1024:.2f} KB per question")
    print(f"answer + sources JSON stored: {stored_json / n / 1024:.2f} KB per question")
    print(f"old layout (full texts, escaped JSON): {full_json / n / 1024:.2f} KB per question")
    print(f"at {PER_DAY} questions a day: {per_question * PER_DAY * 365 / 1e9:.1f} GB a year")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
