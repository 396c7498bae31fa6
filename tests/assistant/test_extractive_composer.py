"""The extractive composer quotes the law: sentences and numbers come verbatim from cited units."""

from __future__ import annotations

import pytest
from assistant_fixtures import KeywordRetriever

from assistant.evidence import select_sources
from assistant.generators.extractive import ExtractiveGenerator
from assistant.textnorm import numbers_in
from corpus.store import Corpus

QUESTIONS = [
    "Người lao động làm việc đủ 12 tháng được nghỉ hằng năm bao nhiêu ngày?",
    "Làm thêm giờ tối đa bao nhiêu giờ trong tháng?",
    "Làm việc ban đêm được trả thêm bao nhiêu phần trăm tiền lương?",
    "Lao động nữ sinh con được nghỉ thai sản mấy tháng?",
]


class TestExtractiveGenerator:
    def test_invalid_max_sentences(self, tiny_corpus: Corpus) -> None:
        with pytest.raises(ValueError, match="max_sentences is 0"):
            ExtractiveGenerator(tiny_corpus, max_sentences=0)

    @pytest.mark.parametrize("question", QUESTIONS)
    def test_numbers_quoted_verbatim(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever, question: str
    ) -> None:
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        draft = ExtractiveGenerator(tiny_corpus).generate(question, sources)
        assert draft.text and draft.cited
        cited_text = " ".join(u.text for u in draft.cited)
        assert numbers_in(draft.text), "a question asking for a figure gets a sentence with one"
        for number in numbers_in(draft.text):
            assert number in cited_text
        for unit in draft.cited:
            assert tiny_corpus.units[unit.id] == unit

    def test_annual_leave_answer_quotes_12_days(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever
    ) -> None:
        question = QUESTIONS[0]
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        draft = ExtractiveGenerator(tiny_corpus).generate(question, sources)
        assert "12 ngày làm việc" in draft.text
        assert draft.cited[0].id == "45/2019/QH14:d113:k1"

    def test_stream_joins_to_generate(self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever) -> None:
        question = QUESTIONS[1]
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        generator = ExtractiveGenerator(tiny_corpus)
        chunks = list(generator.stream(question, sources))
        assert len(chunks) >= 1
        assert "".join(chunks) == generator.generate(question, sources).text

    def test_no_sources_no_text(self, tiny_corpus: Corpus) -> None:
        draft = ExtractiveGenerator(tiny_corpus).generate("bất kỳ", [])
        assert draft.text == "" and draft.cited == ()
