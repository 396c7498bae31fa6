"""The embedder role: batch-first query and passage encoders returning unit vectors."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    """Encodes queries and passages into L2-normalised float32 rows (e5 prefixes inside)."""

    @property
    def model_id(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def warm_up(self) -> None: ...

    def embed_queries(self, texts: list[str]) -> Vectors: ...

    def embed_passages(self, texts: list[str]) -> Vectors: ...


def as_unit_rows(vectors: npt.ArrayLike, dimension: int) -> Vectors:
    """float32 (n, dimension) rows with unit L2 norm (zero rows stay zero)."""
    arr = np.asarray(vectors, dtype=np.float32).reshape(-1, dimension)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    return np.divide(arr, norms, out=np.zeros_like(arr), where=norms > 0)
