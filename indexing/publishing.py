"""Publish a document end to end: record and rebuild the corpus (``corpus.publish``), then
rebuild the index; the embedding cache re-embeds only the chunks that are new or changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus.model import Document
from corpus.publish import PublishResult, publish, rollback
from corpus.published import Version
from corpus.settings import Settings
from corpus.store import load_corpus
from indexing.build import build_index


def publish_and_index(
    settings: Settings, path: Path, document: Document, who: str, *, new_version: bool = False
) -> tuple[PublishResult, dict[str, Any]]:
    result = publish(settings, path, document, who, new_version=new_version)
    manifest = build_index(settings, load_corpus(settings.corpus_dir), progress=False)
    return result, manifest


def rollback_and_index(settings: Settings, law_id: str, who: str) -> tuple[Version | None, dict[str, Any]]:
    back = rollback(settings, law_id, who)
    manifest = build_index(settings, load_corpus(settings.corpus_dir), progress=False)
    return back, manifest
