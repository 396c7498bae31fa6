"""Publish a document end to end: record and rebuild the corpus (``corpus.publish``), then
rebuild the index; the embedding cache re-embeds only the chunks that are new or changed."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from corpus.model import Document
from corpus.publish import PublishResult, publish, rollback
from corpus.published import Version
from corpus.settings import Settings
from corpus.store import load_corpus
from indexing.build import build_index


def publish_and_index(
    settings: Settings,
    path: Path,
    document: Document,
    who: str,
    *,
    new_version: bool = False,
    timings: dict[str, float] | None = None,
) -> tuple[PublishResult, dict[str, Any]]:
    """``timings``, when given, receives the seconds of each phase (corpus, then index)."""
    timings = timings if timings is not None else {}
    started = time.perf_counter()
    result = publish(settings, path, document, who, new_version=new_version, timings=timings)
    loaded = time.perf_counter()
    corpus = load_corpus(settings.corpus_dir)
    timings["load_corpus_s"] = round(time.perf_counter() - loaded, 3)
    manifest = build_index(settings, corpus, progress=False, timings=timings)
    timings["publish_and_index_s"] = round(time.perf_counter() - started, 3)
    return result, manifest


def rollback_and_index(settings: Settings, law_id: str, who: str) -> tuple[Version | None, dict[str, Any]]:
    back = rollback(settings, law_id, who)
    manifest = build_index(settings, load_corpus(settings.corpus_dir), progress=False)
    return back, manifest
