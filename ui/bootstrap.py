"""Builds a ready ``AssistantService`` from settings: corpus, index, pipeline, database."""

from __future__ import annotations

import logging
import time
from typing import Any

from assistant.service.application import AssistantService
from assistant.service.matching import VerifiedMatcher
from assistant.service.storage.store import Store
from corpus.settings import Settings
from corpus.store import Corpus, load_corpus

log = logging.getLogger(__name__)
WARM_UP_QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"


def _pipeline(settings: Settings, corpus: Corpus, embedder: Any = None) -> Any:
    """The pipeline over ``corpus`` and its index, with the generator the settings name;
    ``embedder``: reuse a loaded model (a swap)."""
    from assistant.stack import build_stack

    return build_stack(settings, corpus=corpus, build_missing=False, embedder=embedder).pipeline


def build_service(settings: Settings, *, build_missing: bool = False) -> AssistantService:
    """Load (or, with ``build_missing``, build) the corpus and index, open the database.

    Without ``build_missing`` a missing corpus or index raises the loader's error, which says
    how to build it (``legal-assistant serve --build-missing`` does it in one step).
    """
    started = time.perf_counter()
    if build_missing:
        from corpus.build import ensure_corpus
        from indexing.build import ensure_index

        corpus = ensure_corpus(settings)
        ensure_index(settings, corpus)
    else:
        corpus = load_corpus(settings.corpus_dir)
    pipeline = _pipeline(settings, corpus)
    store = Store(settings.db_url).open()
    matcher = VerifiedMatcher()
    matcher.embed("khởi động")  # load the embedding model now, not on the first question
    pipeline.ask(WARM_UP_QUESTION)  # and the tokenizer and indexes the pipeline loads lazily
    service = AssistantService(settings, pipeline, store, matcher, corpus=corpus)
    log.info("service ready in %.1f s", time.perf_counter() - started)
    return service
