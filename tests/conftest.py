"""Session fixtures shared by the whole suite: the real corpus, index and pipeline.

They build into the project's ``data/`` directory when missing or stale (the same files
``make serve`` uses), so a developer's build is reused and CI builds once per run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corpus.settings import Settings

SOURCES = Settings().sources_dir


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def sources_dir(settings: Settings) -> Path:
    if not (settings.sources_dir / "SOURCES.md").is_file():
        pytest.fail(f"legal sources not found at {settings.sources_dir}; put ../shared beside the clone")
    return settings.sources_dir


@pytest.fixture(scope="session")
def corpus(settings: Settings, sources_dir: Path) -> Any:
    from corpus.build import ensure_corpus

    return ensure_corpus(settings)


@pytest.fixture(scope="session")
def retriever(settings: Settings, corpus: Any) -> Any:
    from assistant.stack import load_retriever

    return load_retriever(settings, corpus)


@pytest.fixture(scope="session")
def pipeline(settings: Settings, corpus: Any, retriever: Any) -> Any:
    """The extractive pipeline the suite checks (whatever LEGAL_ASSISTANT_GENERATOR says)."""
    from assistant.stack import make_pipeline

    return make_pipeline(settings, corpus, retriever, "extractive")
