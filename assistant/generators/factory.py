"""Pick a generator by name ("extractive", "openai", "gguf"), as the settings or CLI say."""

from __future__ import annotations

from assistant.generators.base import Generator
from assistant.generators.extractive import ExtractiveGenerator
from corpus.settings import Settings
from corpus.store import Corpus

GENERATOR_NAMES = ("extractive", "openai", "gguf")


def make_generator(name: str, settings: Settings, corpus: Corpus) -> Generator:
    if name == "extractive":
        return ExtractiveGenerator(corpus)
    if name == "openai":
        from assistant.generators.openai_compatible import OpenAICompatibleGenerator

        return OpenAICompatibleGenerator.from_settings(settings)
    if name == "gguf":
        from assistant.generators.gguf_local import GgufGenerator

        return GgufGenerator(timeout_s=max(settings.llm_timeout_s, 60.0))
    raise ValueError(f"unknown generator {name!r}; allowed: {', '.join(GENERATOR_NAMES)}")
