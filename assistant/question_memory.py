"""Questions already answered with gold units: which articles and clauses decided similar stories.

Members tell the same stories again and again in other words ("cty nợ lương 2 tháng", "công ty
chậm trả lương hai tháng liền"). The retriever matches a story against the law's wording; this
memory matches it against earlier members' questions whose deciding units are known (the dev
set's tune split, never the frozen one, and the member stories written for the memory alone,
``STORIES_FILE``), by the e5 cosine of the two questions. It gives two
things: a feature for the article reranker (how close the nearest earlier question that was
decided by this article is), and candidate articles the retriever missed. It also keeps the
clause and point level (``Recalled.units``); the decisive-unit ranker's weight search gave that
signal no weight, so nothing reads it yet.

The rows and their vectors are exported by ``python -m assistant.train_memory`` into
``assistant/data/question_memory.json`` and ``question_memory.npy``; vectors made by another
embedding model are recomputed once at load.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

DATA_DIR = Path(__file__).parent / "data"
ROWS_FILE = DATA_DIR / "question_memory.json"
# Member stories written for the memory alone (never a dev split): what members ask, in their own
# words, with the unit that decides each, checked against the corpus (tests/assistant/
# test_member_stories.py). Union legal staff extend it as advisors answer new kinds of stories.
STORIES_FILE = DATA_DIR / "member_stories.jsonl"
VECTORS_FILE = DATA_DIR / "question_memory.npy"
# Earlier questions below this cosine say little about the new one: e5 puts any two Vietnamese
# labour questions near 0.85-0.90; on dev_tune a nearest neighbour at 0.90-0.92 shares a gold
# article 19% of the time, at 0.94-0.98 about half the time.
MIN_COSINE = 0.90
# Articles suggested by the memory that retrieval missed: at most this many are added.
MAX_SUGGESTED = 3


@dataclass(frozen=True)
class Recalled:
    """Per unit, the best cosine of an earlier question decided by it (articles and units)."""

    articles: dict[str, float]  # "law:dN" -> cosine
    units: dict[str, float]  # "law:dN:kM[:p?]" (and the article id itself) -> cosine
    best: float

    def article(self, article_id: str) -> float:
        return self.articles.get(article_id, 0.0)

    def unit(self, unit_id: str) -> float:
        return self.units.get(unit_id, 0.0)

    def gap(self, cosine: float) -> float:
        """How far below the nearest recalled question a unit's cosine lies, x10, with a unit that
        was not recalled read as just below the threshold (so a weak recall barely differs from
        none); 0 for every unit when nothing was recalled."""
        if not self.best:
            return 0.0
        return (max(cosine, MIN_COSINE - 0.02) - self.best) * 10

    def suggested(self, known: Iterable[str]) -> list[str]:
        """The memory's articles, best first, that are not among ``known``."""
        seen = set(known)
        ranked = sorted(self.articles.items(), key=lambda item: -item[1])
        return [a for a, _ in ranked if a not in seen][:MAX_SUGGESTED]


EMPTY = Recalled({}, {}, 0.0)


def gold_unit_ids(gold: Iterable[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """Article ids and unit ids (article, clause, point) of a row's gold list."""
    articles, units = [], []
    for g in gold:
        article = f"{g['law']}:d{g['article']}"
        articles.append(article)
        unit = article
        if g.get("clause") is not None:
            unit += f":k{g['clause']}"
            if g.get("point"):
                units.append(unit)
                unit += f":{g['point']}"
        units.extend([article, unit])
    return list(dict.fromkeys(articles)), list(dict.fromkeys(units))


class QuestionMemory:
    def __init__(self, rows: Sequence[dict[str, Any]], vectors: np.ndarray) -> None:
        if len(rows) != len(vectors):
            raise ValueError(f"question memory: {len(rows)} rows but {len(vectors)} vectors")
        self.rows = list(rows)
        self.vectors = np.asarray(vectors, dtype=np.float32)
        self._gold = [gold_unit_ids(r["gold"]) for r in self.rows]
        self._family = [frozenset({r["id"], r.get("twin") or r["id"]}) for r in self.rows]

    @classmethod
    def load(
        cls, model_id: str, embed: Callable[[list[str]], np.ndarray], directory: Path = DATA_DIR
    ) -> QuestionMemory | None:
        """The shipped memory, re-embedded when its vectors come from another model; None if absent."""
        rows_file, vectors_file = directory / ROWS_FILE.name, directory / VECTORS_FILE.name
        if not rows_file.is_file():
            return None
        data = json.loads(rows_file.read_text(encoding="utf-8"))
        rows = data["rows"]
        if data.get("model_id") == model_id and vectors_file.is_file():
            vectors = np.load(vectors_file).astype(np.float32)
        else:
            vectors = embed([r["question"] for r in rows])
        return cls(rows, vectors)

    def recall(self, vector: np.ndarray, exclude: frozenset[str] = frozenset()) -> Recalled:
        """What the earlier questions near ``vector`` were decided by. ``exclude`` (a question's id
        and its twin's) leaves those out: training reads each tune question without itself."""
        if not self.rows:
            return EMPTY
        cosines = self.vectors @ np.asarray(vector, dtype=np.float32).reshape(-1)
        articles: dict[str, float] = {}
        units: dict[str, float] = {}
        best = 0.0
        for i in np.flatnonzero(cosines >= MIN_COSINE):
            if exclude & self._family[i]:
                continue
            cosine = float(cosines[i])
            best = max(best, cosine)
            for article in self._gold[i][0]:
                articles[article] = max(articles.get(article, 0.0), cosine)
            for unit in self._gold[i][1]:
                units[unit] = max(units.get(unit, 0.0), cosine)
        return Recalled(articles, units, best)


def memory_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows worth remembering: a standalone question (no earlier turns) with gold units."""
    keep = []
    for row in rows:
        if row.get("history") or not row.get("gold"):
            continue
        gold = [
            {k: g[k] for k in ("law", "article", "clause", "point") if g.get(k) is not None}
            for g in row["gold"]
        ]
        keep.append({"id": row["id"], "twin": row.get("twin"), "question": row["question"], "gold": gold})
    return keep
