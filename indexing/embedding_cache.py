"""Passage-vector cache keyed by model id + text hash, so a rebuild embeds only what changed.

Plain files, no pickle: ``<cache_dir>/embeddings/<model slug>/vectors.npy`` (float32 rows)
and ``keys.json`` (the text hash of each row, plus model id and dimension).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np

from indexing.embedders.base import Vectors

VECTORS_FILE = "vectors.npy"
KEYS_FILE = "keys.json"


def _slug(model_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)


def passage_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class EmbeddingCache:
    """Maps passage text hash -> vector for one model. ``load`` is explicit; ``save`` is atomic."""

    def __init__(self, cache_dir: Path, model_id: str, dimension: int) -> None:
        self.directory = cache_dir / "embeddings" / _slug(model_id)
        self.model_id = model_id
        self.dimension = dimension
        self._rows: dict[str, int] = {}
        self._vectors = np.zeros((0, dimension), dtype=np.float32)
        self.hits = 0
        self.misses = 0

    def load(self) -> EmbeddingCache:
        keys_path = self.directory / KEYS_FILE
        if not keys_path.is_file():
            return self
        meta = json.loads(keys_path.read_text(encoding="utf-8"))
        if meta.get("model_id") != self.model_id or meta.get("dimension") != self.dimension:
            return self  # another model's vectors: ignore, they will be overwritten
        vectors = np.load(self.directory / VECTORS_FILE, allow_pickle=False)
        if vectors.shape != (len(meta["keys"]), self.dimension):
            return self  # torn or foreign file: start afresh rather than trust it
        self._vectors = vectors.astype(np.float32, copy=False)
        self._rows = {key: i for i, key in enumerate(meta["keys"])}
        return self

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, key: str) -> bool:
        return key in self._rows

    def embed(self, texts: list[str], encode: Callable[[list[str]], Vectors]) -> Vectors:
        """Vectors for ``texts``; only texts not cached are passed to ``encode``."""
        keys = [passage_key(t) for t in texts]
        first_seen: dict[str, int] = {}
        for i, key in enumerate(keys):
            if key not in self._rows:
                first_seen.setdefault(key, i)
        missing = list(first_seen.items())
        self.misses += len(missing)
        self.hits += len(keys) - len(missing)
        if missing:
            fresh = encode([texts[i] for _, i in missing])
            self._add([k for k, _ in missing], fresh)
        return self._vectors[[self._rows[k] for k in keys]] if keys else self._vectors[:0]

    def _add(self, keys: list[str], vectors: Vectors) -> None:
        if vectors.shape != (len(keys), self.dimension):
            raise ValueError(f"expected vectors of shape {(len(keys), self.dimension)}, got {vectors.shape}")
        start = len(self._vectors)
        self._vectors = np.concatenate([self._vectors, vectors.astype(np.float32)])
        for offset, key in enumerate(keys):
            self._rows[key] = start + offset

    def save(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        keys = sorted(self._rows, key=self._rows.__getitem__)
        tmp_vectors = self.directory / (VECTORS_FILE + ".tmp.npy")
        np.save(tmp_vectors, self._vectors[[self._rows[k] for k in keys]], allow_pickle=False)
        tmp_keys = self.directory / (KEYS_FILE + ".tmp")
        meta = {"model_id": self.model_id, "dimension": self.dimension, "keys": keys}
        tmp_keys.write_text(json.dumps(meta), encoding="utf-8")
        tmp_vectors.replace(self.directory / VECTORS_FILE)
        tmp_keys.replace(self.directory / KEYS_FILE)
