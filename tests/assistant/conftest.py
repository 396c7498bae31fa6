"""Fixtures for the assistant's unit tests: the hand-built corpus and a pipeline over it."""

from __future__ import annotations

from datetime import date

import pytest
from assistant_fixtures import KeywordRetriever, build_tiny_corpus

from assistant.confidence import Calibration
from assistant.pipeline import AssistantPipeline
from corpus.settings import Settings
from corpus.store import Corpus

TODAY = date(2026, 3, 1)


@pytest.fixture(scope="session")
def tiny_corpus() -> Corpus:
    return build_tiny_corpus()


@pytest.fixture(scope="session")
def tiny_retriever(tiny_corpus: Corpus) -> KeywordRetriever:
    return KeywordRetriever(tiny_corpus, TODAY)


@pytest.fixture()
def tiny_pipeline(tiny_corpus: Corpus, tiny_retriever: KeywordRetriever) -> AssistantPipeline:
    # Neutral calibration: keyword-overlap scores are not the hybrid retriever's scores.
    calibration = Calibration(
        weights=(4.0, 0.0, 0.0, 0.0, 2.0), bias=-1.0, decline_below=0.3, escalate_below=0.2
    )
    return AssistantPipeline(
        settings=Settings(),
        corpus=tiny_corpus,
        retriever=tiny_retriever,
        calibration=calibration,
        today=TODAY,
    )
