"""Dense index: FAISS over L2-normalised vectors (inner product = cosine)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from indexing.embedders.base import Vectors

DEFAULT_INDEX_TYPE = "Flat"
ALLOWED_INDEX_TYPES = ("Flat", "HNSW32", "HNSW16")


class DenseIndex:
    """Thin wrapper over a ``faiss.index_factory`` index with inner-product metric."""

    def __init__(self, dimension: int, index_type: str = DEFAULT_INDEX_TYPE) -> None:
        if index_type not in ALLOWED_INDEX_TYPES:
            raise ValueError(f"index_type {index_type!r} is not supported; allowed: {ALLOWED_INDEX_TYPES}")
        if dimension < 1:
            raise ValueError(f"dimension must be greater than 0. Currently, the dimension is {dimension}")
        self.dimension = dimension
        self.index_type = index_type
        self._index: Any = None

    @property
    def size(self) -> int:
        return 0 if self._index is None else int(self._index.ntotal)

    def build(self, vectors: Vectors) -> DenseIndex:
        import faiss

        if vectors.ndim != 2 or vectors.shape[1] != self.dimension:
            raise ValueError(f"vectors must have shape (n, {self.dimension}); got {vectors.shape}")
        index = faiss.index_factory(self.dimension, self.index_type, faiss.METRIC_INNER_PRODUCT)
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        self._index = index
        return self

    def search(self, queries: Vectors, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, row ids), each (n_queries, k'); ids of -1 mean "no more rows"."""
        if self._index is None:
            raise RuntimeError("DenseIndex is empty: call build() or load() first")
        k = max(1, min(k, self.size))
        scores, ids = self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        return scores, ids

    def vectors(self, ids: list[int]) -> Vectors:
        """The stored vectors of rows ``ids`` (n, dimension)."""
        if self._index is None:
            raise RuntimeError("DenseIndex is empty: call build() or load() first")
        if not ids:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.asarray(self._index.reconstruct_batch(np.asarray(ids, dtype=np.int64)), dtype=np.float32)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path, index_type: str = DEFAULT_INDEX_TYPE) -> DenseIndex:
        import faiss

        index = faiss.read_index(str(path))
        dense = cls(int(index.d), index_type)
        dense._index = index
        return dense
