"""Hybrid retriever: BM25 (accented) + BM25 (accent-folded) + e5 dense, fused per article.

Each signal ranks chunks; chunks are collapsed to their article (an article ranks where
its best chunk ranks); the three article rankings are fused by weighted reciprocal rank
fusion; the law version the question is about is preferred (``indexing.temporal``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from corpus.model import LegalUnit
from corpus.questions import without_salutation
from corpus.settings import Settings
from corpus.store import Corpus
from corpus.text import is_unaccented
from indexing.analyzer import analyze, analyze_folded
from indexing.bm25_index import SparseIndex
from indexing.build import (
    BM25_ACCENTED_DIR,
    BM25_FOLDED_DIR,
    CHUNKS_FILE,
    DENSE_FILE,
    accent_texts,
    expected_manifest,
)
from indexing.chunking import Chunk
from indexing.embedders import Embedder, make_embedder
from indexing.embedders.base import Vectors, as_unit_rows
from indexing.faiss_index import DenseIndex
from indexing.fusion import RRF_K, ranked, reciprocal_rank_fusion
from indexing.hit import Hit
from indexing.law_mentions import LAW_MENTION_BOOST, mentioned_laws
from indexing.manifest import check_manifest
from indexing.query import dense_focus, normalize_query, validate_query
from indexing.restore import ACCENTS_FILE, AccentModel, AccentRestorer
from indexing.temporal import (
    SUPERSEDED_PENALTY,
    TimeIntent,
    law_families,
    order_by_version,
    time_intent,
    time_weight,
    unit_weight,
)

SIGNALS = ("bm25", "bm25_folded", "dense")


@dataclass(frozen=True)
class RetrievalConfig:
    """Fusion weights and depths, tuned on the dev-tune split only."""

    weights: dict[str, float] = field(default_factory=lambda: {"bm25": 1.0, "bm25_folded": 0.3, "dense": 1.5})
    # A question typed without diacritics is searched with them restored (``indexing.restore``);
    # the folded field, which sees the question as typed, weighs more than for accented ones.
    weights_unaccented: dict[str, float] = field(
        default_factory=lambda: {"bm25": 1.0, "bm25_folded": 1.0, "dense": 1.5}
    )
    rrf_k: int = RRF_K
    candidates: int = 100  # chunks taken from each signal before collapsing to articles

    def __post_init__(self) -> None:
        unknown = (set(self.weights) | set(self.weights_unaccented)) - set(SIGNALS)
        if unknown:
            raise ValueError(f"unknown signals {sorted(unknown)}; allowed: {SIGNALS}")
        if self.candidates < 1:
            raise ValueError(f"candidates must be greater than 0. Currently, candidates is {self.candidates}")


@dataclass(frozen=True)
class Retrieval:
    hits: list[Hit]
    query_vector: Vectors  # unit-length, from the retriever's embedder (``embedder.model_id``)


@dataclass(frozen=True)
class Filters:
    law: str | None = None
    doc_type: str | None = None
    in_force_only: bool = False
    on_date: date | None = None


class HybridRetriever:
    """Article-level retrieval over a built index. Use ``load``; the constructor only wires parts."""

    def __init__(self, corpus: Corpus, chunks: list[Chunk], dense: DenseIndex, bm25: SparseIndex,
                 bm25_folded: SparseIndex, embedder: Embedder, config: RetrievalConfig | None = None,
                 accents: AccentModel | None = None) -> None:
        self.corpus = corpus
        self.chunks = chunks
        self.dense = dense
        self.bm25 = bm25
        self.bm25_folded = bm25_folded
        self.embedder = embedder
        self.config = config or RetrievalConfig()
        self._families = law_families(corpus.documents)
        self._chunk_law = np.array([c.law_id for c in chunks], dtype=object)
        self._group_rows: dict[str, list[int]] = {}
        for row, chunk in enumerate(chunks):
            self._group_rows.setdefault(chunk.group_id, []).append(row)
        self._restorer = AccentRestorer(accents or AccentModel.from_texts(accent_texts(chunks)))

    @classmethod
    def load(cls, settings: Settings, corpus: Corpus, *, embedder: Embedder | None = None,
             config: RetrievalConfig | None = None) -> HybridRetriever:
        """Load the index in ``settings.index_dir``; a missing or stale one raises IndexNotBuiltError."""
        embedder = embedder or make_embedder(settings)
        directory = settings.index_dir
        manifest = check_manifest(directory, expected_manifest(corpus, embedder))
        with (directory / CHUNKS_FILE).open(encoding="utf-8") as handle:
            chunks = [Chunk(**json.loads(line)) for line in handle if line.strip()]
        dense = DenseIndex.load(directory / DENSE_FILE, manifest.get("index_type", "Flat"))
        embedder.warm_up()
        return cls(corpus, chunks, dense, SparseIndex.load(directory / BM25_ACCENTED_DIR),
                   SparseIndex.load(directory / BM25_FOLDED_DIR), embedder, config,
                   AccentModel.load(directory / ACCENTS_FILE))

    # --- public API ------------------------------------------------------------
    def search(self, query: str, k: int = 10, *, law: str | None = None, doc_type: str | None = None,
               in_force_only: bool | None = None, on_date: date | None = None) -> list[Hit]:
        filters = Filters(law, doc_type, bool(in_force_only), on_date)
        return self._search_many([query], k, filters)[0][0]

    def search_batch(self, queries: list[str], k: int = 10) -> list[list[Hit]]:
        return [hits for hits, _ in self._search_many(queries, k, Filters())]

    def retrieve(self, query: str, k: int = 10) -> Retrieval:
        """Hits plus the question's dense vector, for callers that reuse it (the scope classifier)."""
        hits, vector = self._search_many([query], k, Filters())[0]
        return Retrieval(hits, vector)

    def unit_similarities(self, vector: Vectors, article_ids: Sequence[str]) -> dict[str, float]:
        """Cosine of the question's vector with each indexed passage of these articles, by unit id
        (clauses of long articles have their own passage; short articles one for the whole)."""
        rows = [r for a in dict.fromkeys(article_ids) for r in self._group_rows.get(a, ())]
        if not rows:
            return {}
        cosines = self.dense.vectors(rows) @ np.asarray(vector, dtype=np.float32).reshape(-1)
        found: dict[str, float] = {}
        for row, cosine in zip(rows, cosines.tolist(), strict=True):
            unit = self.chunks[row].unit_id
            found[unit] = max(found.get(unit, -1.0), float(cosine))
        return found

    def article_hits(self, vector: Vectors, article_ids: Sequence[str], rank: int = 0) -> list[Hit]:
        """Hits for articles named by the caller (not found by this search), each with its passage
        nearest to ``vector``, a zero score and only the ``dense_cosine`` signal; ranks follow ``rank``."""
        today = date.today()
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        hits: list[Hit] = []
        for article in dict.fromkeys(article_ids):
            rows = self._group_rows.get(article)
            if not rows:
                continue
            cosines = self.dense.vectors(rows) @ query
            best = int(np.argmax(cosines))
            signals = {"dense_cosine": float(cosines[best])}
            hits.append(self._hit(self.chunks[rows[best]], 0.0, rank + len(hits) + 1, signals, today))
        return hits

    def query_vectors(self, queries: Sequence[str]) -> Vectors:
        """The dense vectors ``search`` uses for these questions (validated, restored, embedded)."""
        cleaned, _, restored = self._prepare(queries)
        return self._query_vectors(cleaned, restored)

    # --- internals -------------------------------------------------------------
    def _prepare(self, queries: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
        """Validated questions, their synonym expansions, and what accented BM25 and e5 read:
        the expansion, or for an unaccented question the expansion of its restored reading."""
        cleaned = [without_salutation(validate_query(q)) for q in queries]
        expanded = [normalize_query(q) for q in cleaned]
        restored = [normalize_query(self._restorer.restore(q)) if is_unaccented(q) else x
                    for q, x in zip(cleaned, expanded, strict=True)]
        return cleaned, expanded, restored

    def _search_many(self, queries: Sequence[str], k: int,
                     filters: Filters) -> list[tuple[list[Hit], Vectors]]:
        if k < 1:
            raise ValueError(f"k must be greater than 0. Currently, k is {k}")
        cleaned, expanded, restored = self._prepare(queries)
        vectors = self._query_vectors(cleaned, restored)
        mask = self._mask(filters)
        return [(self._search_one(q, x, r, v, k, filters, mask), v)
                for q, x, r, v in zip(cleaned, expanded, restored, vectors, strict=True)]

    def _query_vectors(self, raw: list[str], restored: list[str]) -> Vectors:
        """One e5 pass per question: the member's own words, or the restored reading of unaccented ones.

        e5 already knows everyday wording; appending the legal synonyms (or averaging with a
        second pass over them) did not help on dev_tune and doubled the query cost. Of a long
        story, e5 reads its focus (``dense_focus``): the question and the facts near it.
        """
        texts = [dense_focus(x if is_unaccented(q) else q) for q, x in zip(raw, restored, strict=True)]
        return as_unit_rows(self.embedder.embed_queries(texts), self.embedder.dimension)

    def _mask(self, filters: Filters) -> np.ndarray | None:
        laws = self.corpus.documents
        allowed = set(laws)
        if filters.law is not None:
            allowed &= {self.corpus.resolve_law(filters.law)}
        if filters.doc_type is not None:
            wanted = filters.doc_type.casefold()
            allowed &= {law for law, doc in laws.items() if doc.doc_type.casefold() == wanted}
        if filters.in_force_only:
            day = filters.on_date or date.today()
            allowed &= {law for law, doc in laws.items() if doc.in_force_on(day)}
        if allowed == set(laws):
            return None
        return np.isin(self._chunk_law, list(allowed))

    def _rank_chunks(self, scores: np.ndarray, mask: np.ndarray | None) -> list[int]:
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        depth = min(self.config.candidates, len(scores))
        top = np.argpartition(-scores, depth - 1)[:depth]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [int(i) for i in top if scores[i] > 0]

    def _dense_chunks(self, vector: Vectors, mask: np.ndarray | None) -> tuple[list[int], dict[int, float]]:
        # Clause chunks of one article share its vector: look deeper, then collapse.
        depth = self.dense.size if mask is not None else self.config.candidates * 4
        scores, ids = self.dense.search(vector[None, :], depth)
        pairs = [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True)
                 if i >= 0 and (mask is None or mask[i])]
        return [i for i, _ in pairs], dict(pairs)

    def _collapse(self, chunk_ids: list[int]) -> list[str]:
        return list(dict.fromkeys(self.chunks[i].group_id for i in chunk_ids))

    def _search_one(self, query: str, expanded: str, restored: str, vector: Vectors, k: int,
                    filters: Filters, mask: np.ndarray | None) -> list[Hit]:
        chunk_rankings = {
            "bm25": self._rank_chunks(self.bm25.scores(analyze(restored)), mask),
            "bm25_folded": self._rank_chunks(self.bm25_folded.scores(analyze_folded(expanded)), mask),
        }
        chunk_rankings["dense"], cosines = self._dense_chunks(vector, mask)
        article_rankings = {name: self._collapse(ids) for name, ids in chunk_rankings.items()}
        cfg = self.config
        weights = cfg.weights_unaccented if is_unaccented(query) else cfg.weights
        fused = reciprocal_rank_fusion(article_rankings, k=cfg.rrf_k, weights=weights)
        chunk_fused = reciprocal_rank_fusion(chunk_rankings, k=cfg.rrf_k, weights=weights)
        best_chunk: dict[str, int] = {}
        for cid in ranked(chunk_fused):
            best_chunk.setdefault(self.chunks[cid].group_id, cid)
        return self._to_hits(query, fused, best_chunk, article_rankings, cosines, k, filters)

    def _to_hits(self, query: str, fused: dict[str, float], best_chunk: dict[str, int],
                 rankings: dict[str, list[str]], cosines: dict[int, float], k: int,
                 filters: Filters) -> list[Hit]:
        today = date.today()
        intent = time_intent(query, today, filters.on_date)
        docs = self.corpus.documents
        named = frozenset(mentioned_laws(query, docs))
        weighted = {g: s * self._law_weight(self.chunks[best_chunk[g]].law_id, named, intent, today)
                    * unit_weight(self.corpus.units.get(self.chunks[best_chunk[g]].unit_id), intent, today)
                    for g, s in fused.items()}
        groups = ranked(weighted)
        laws = [self.chunks[best_chunk[g]].law_id for g in groups]
        order = order_by_version(laws, docs, self._families, intent, today, named)
        groups = [groups[i] for i in order][:k]
        positions = {n: {g: r for r, g in enumerate(ranking, start=1)} for n, ranking in rankings.items()}
        hits = []
        for rank, group in enumerate(groups, start=1):
            chunk = self.chunks[best_chunk[group]]
            signals = {n: float(positions[n][group]) for n in SIGNALS if group in positions[n]}
            if best_chunk[group] in cosines:
                signals["dense_cosine"] = cosines[best_chunk[group]]
            hits.append(self._hit(chunk, weighted[group], rank, signals, today))
        return hits

    def _law_weight(self, law: str, named: frozenset[str], intent: TimeIntent, today: date) -> float:
        if law in named:
            return LAW_MENTION_BOOST
        if named & self._families[law]:
            return SUPERSEDED_PENALTY  # the question names another version of this law
        return time_weight(self.corpus.documents[law], self._families[law], intent, today)

    def _hit(self, chunk: Chunk, score: float, rank: int, signals: dict[str, float], today: date) -> Hit:
        return Hit(
            law_id=chunk.law_id,
            article=chunk.article if chunk.article is not None else 0,
            clause=chunk.clause,
            score=round(score, 6),
            unit_id=chunk.unit_id if chunk.article is not None else chunk.group_id,
            title=chunk.title,
            text=chunk.text,
            in_force=self.corpus.documents[chunk.law_id].in_force_on(today)
            and not _repealed(self.corpus.units.get(chunk.unit_id), today),
            rank=rank,
            signals=signals,
        )


def _repealed(unit: LegalUnit | None, day: date) -> bool:
    return unit is not None and unit.repeal_on(day) is not None


def describe(hit: Hit) -> dict[str, Any]:
    """JSON-friendly view of a hit (used by the CLI)."""
    return {
        "rank": hit.rank,
        "law_id": hit.law_id,
        "article": hit.article,
        "clause": hit.clause,
        "score": hit.score,
        "title": hit.title,
        "in_force": hit.in_force,
        "unit_id": hit.unit_id,
    }
