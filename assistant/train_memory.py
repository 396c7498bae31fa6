"""Export the question memory (``assistant.question_memory``) from dev_tune and the member stories.

Run: ``python -m assistant.train_memory`` (writes ``assistant/data/question_memory.json`` and
``question_memory.npy``). Every standalone dev_tune question with gold units, and every story of
``assistant/data/member_stories.jsonl``, is kept with its gold and its e5 vector, made exactly as
the retriever makes a question's vector (diacritics restored first when it has none). dev_frozen
is read only to leave out a question it also holds. Re-run it after changing the dev_tune split,
the stories or the embedding model; then retrain the reranker and the decisive ranker, whose
features read the memory.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from assistant.calibrate import TUNE_FILE, load_rows
from assistant.question_memory import ROWS_FILE, STORIES_FILE, VECTORS_FILE, memory_rows

FROZEN_FILE = TUNE_FILE.with_name("dev_frozen.jsonl")
SPLIT = "dev_tune+member_stories"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export the question memory from dev_tune and the stories.")
    parser.parse_args(argv)
    from corpus.build import ensure_corpus
    from corpus.settings import Settings
    from indexing.retriever import HybridRetriever

    settings = Settings.from_env()
    retriever = HybridRetriever.load(settings, ensure_corpus(settings))
    # A few tune questions also occur, word for word, in the frozen split: those stay out.
    frozen = {
        text for row in load_rows(FROZEN_FILE) for text in [row["question"], *(row.get("history") or [])]
    }
    remembered = [*load_rows(TUNE_FILE), *load_rows(STORIES_FILE)]
    rows = [r for r in memory_rows(remembered) if r["question"] not in frozen]
    vectors = np.asarray(retriever.query_vectors([r["question"] for r in rows]), dtype=np.float32)
    payload = {"split": SPLIT, "model_id": retriever.embedder.model_id, "rows": rows}
    ROWS_FILE.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    np.save(VECTORS_FILE, vectors.astype(np.float16))
    print(f"{len(rows)} questions -> {ROWS_FILE.name}, vectors {vectors.shape} -> {VECTORS_FILE.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
