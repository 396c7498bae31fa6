"""The one place that wires the answering stack: settings → corpus → retriever → generator → pipeline.

The service, the ``ask`` command, ``eval answers``, the benchmarks and the test fixtures all
build through here, so the generator setting (``LEGAL_ASSISTANT_GENERATOR``) means the same
thing everywhere and what an evaluation measures is what the service runs.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from assistant.generators.base import Generator
from corpus.settings import Settings
from corpus.store import Corpus

log = logging.getLogger(__name__)


@dataclass
class Stack:
    """A built stack; ``timings`` holds the seconds each part took to load."""

    settings: Settings
    corpus: Corpus
    retriever: Any
    generator: Generator
    pipeline: Any  # assistant.pipeline.AssistantPipeline (imported lazily: it loads models)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def generator_name(self) -> str:
        return self.generator.name

    def describe(self) -> dict[str, Any]:
        """What an evaluation report or ``/readyz`` records about the stack."""
        return {
            "generator": self.generator.name,
            "generator_setting": self.settings.generator,
            "embedder": self.settings.embedder,
            **{f"{part}_load_s": round(s, 3) for part, s in self.timings.items()},
        }

    def close(self) -> None:
        close = getattr(self.generator, "close", None)
        if close is not None:
            close()


def load_corpus_for(settings: Settings, *, build_missing: bool = True) -> Corpus:
    """The corpus (built from the sources when missing and ``build_missing``)."""
    if build_missing:
        from corpus.build import ensure_corpus

        return ensure_corpus(settings)
    from corpus.store import load_corpus

    return load_corpus(settings.corpus_dir)


def load_retriever(
    settings: Settings, corpus: Corpus, *, build_missing: bool = True, embedder: Any = None
) -> Any:
    """The hybrid retriever over ``corpus`` (its index built when missing and ``build_missing``);
    ``embedder``: reuse an already loaded embedding model."""
    from indexing.retriever import HybridRetriever

    if build_missing:
        from indexing.build import ensure_index

        ensure_index(settings, corpus)
    return HybridRetriever.load(settings, corpus, embedder=embedder)


def make_pipeline(
    settings: Settings,
    corpus: Corpus,
    retriever: Any,
    generator: Generator | str | None = None,
) -> Any:
    """An ``AssistantPipeline``; ``generator`` is a generator, a name, or None for the setting."""
    from assistant.generators.factory import make_generator
    from assistant.pipeline import AssistantPipeline

    if generator is None or isinstance(generator, str):
        generator = make_generator(generator or settings.generator, settings, corpus)
    return AssistantPipeline(settings=settings, corpus=corpus, retriever=retriever, generator=generator)


def build_stack(
    settings: Settings | None = None,
    *,
    corpus: Corpus | None = None,
    generator: Generator | str | None = None,
    build_missing: bool = True,
    embedder: Any = None,
) -> Stack:
    """Build the whole stack from the settings (from the environment when None).

    ``generator`` overrides ``settings.generator`` (a name such as "openai" or a generator);
    ``corpus`` and ``embedder`` reuse ones already loaded. Without ``build_missing`` a missing corpus or
    index raises the loader's error, which says how to build it.
    """
    settings = settings or Settings.from_env()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    if corpus is None:
        corpus = load_corpus_for(settings, build_missing=build_missing)
        timings["corpus"] = time.perf_counter() - started
    started = time.perf_counter()
    retriever = load_retriever(settings, corpus, build_missing=build_missing, embedder=embedder)
    timings["retriever"] = time.perf_counter() - started
    started = time.perf_counter()
    pipeline = make_pipeline(settings, corpus, retriever, generator)
    timings["pipeline"] = time.perf_counter() - started
    log.info("stack built with generator %s", pipeline.generator.name)
    return Stack(settings, corpus, retriever, pipeline.generator, pipeline, timings)
