"""Fixtures for the harness's unit tests: a hand-written question set and a tiny corpus."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from recorded import LC2012, LC2019, RECORDED_HITS, RecordedAnswerer, RecordedRetriever, recorded_answers

from corpus.model import Document, LegalUnit, UnitKind
from corpus.store import Corpus
from evaluation.dataset import Dataset, load_dataset

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "evaluation" / "mini.jsonl"


def _article(law: str, number: int, title: str) -> LegalUnit:
    return LegalUnit(f"{law}:d{number}", law, UnitKind.ARTICLE, str(number), title, title, article=number)


def _clause(law: str, article: int, number: int) -> LegalUnit:
    return LegalUnit(
        f"{law}:d{article}:k{number}",
        law,
        UnitKind.CLAUSE,
        str(number),
        "",
        "…",
        parent_id=f"{law}:d{article}",
        article=article,
        clause=number,
    )


@pytest.fixture(scope="session")
def tiny_corpus() -> Corpus:
    """A real ``Corpus`` container holding a handful of hand-written units."""
    documents = [
        Document(LC2019, "Bộ luật", "Bộ luật Lao động", "Quốc hội", date(2019, 11, 20), date(2021, 1, 1)),
        Document(
            LC2012,
            "Bộ luật",
            "Bộ luật Lao động",
            "Quốc hội",
            date(2012, 6, 18),
            date(2013, 5, 1),
            expired=date(2021, 1, 1),
            replaced_by=(LC2019,),
        ),
    ]
    units = [
        _article(LC2019, 20, "Loại hợp đồng lao động"),
        _article(LC2019, 35, "Quyền đơn phương chấm dứt hợp đồng lao động của người lao động"),
        _article(LC2019, 36, "Quyền đơn phương chấm dứt hợp đồng lao động của người sử dụng lao động"),
        _article(LC2019, 37, "Trường hợp người sử dụng lao động không được thực hiện quyền đơn phương"),
        _article(LC2019, 113, "Nghỉ hằng năm"),
        _clause(LC2019, 113, 1),
        _article(LC2019, 114, "Ngày nghỉ hằng năm tăng theo thâm niên làm việc"),
        _article(LC2012, 111, "Nghỉ hằng năm"),
    ]
    return Corpus(documents, units)


@pytest.fixture()
def mini_dataset(tiny_corpus: Corpus) -> Dataset:
    return load_dataset(MINI, corpus=tiny_corpus)


@pytest.fixture()
def recorded_retriever(mini_dataset: Dataset) -> RecordedRetriever:
    by_text = {q.question: RECORDED_HITS[q.id] for q in mini_dataset.questions}
    return RecordedRetriever(by_text)


@pytest.fixture()
def recorded_answerer(mini_dataset: Dataset) -> RecordedAnswerer:
    texts = {q.id: q.question for q in mini_dataset.questions}
    return RecordedAnswerer(recorded_answers(texts))
