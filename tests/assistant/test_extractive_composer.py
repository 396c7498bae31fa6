"""The extractive composer: the decisive rule first, in the law's words, then that unit quoted once."""

from __future__ import annotations

import pytest
from assistant_fixtures import KeywordRetriever

from assistant import messages
from assistant.decisive import UnitRanker
from assistant.evidence import select_sources
from assistant.generators.extractive import ExtractiveGenerator
from assistant.textnorm import numbers_in
from assistant.unit_context import strip_enumerator
from corpus.store import Corpus

QUESTIONS = [
    "Người lao động làm việc đủ 12 tháng được nghỉ hằng năm bao nhiêu ngày?",
    "Làm thêm giờ tối đa bao nhiêu giờ trong tháng?",
    "Làm việc ban đêm được trả thêm bao nhiêu phần trăm tiền lương?",
    "Lao động nữ sinh con được nghỉ thai sản mấy tháng?",
]


class TestExtractiveGenerator:
    def test_no_decisive_unit_says_so(self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever) -> None:
        question = QUESTIONS[0]
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        draft = ExtractiveGenerator(tiny_corpus, UnitRanker(min_score=1e9)).generate(question, sources)
        assert draft.text.startswith(messages.NO_DECISIVE_RULE), "a weak match is announced, not asserted"
        assert "Hỏi tư vấn viên" in draft.text

    @pytest.mark.parametrize("question", QUESTIONS)
    def test_numbers_quoted_verbatim(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever, question: str
    ) -> None:
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        draft = ExtractiveGenerator(tiny_corpus).generate(question, sources)
        assert draft.text and draft.cited
        rule, basis = draft.text.split("\n\n", 1)
        quote = basis.split("«", 1)[1]
        assert numbers_in(rule), "a question asking for a figure gets a rule with one"
        for number in numbers_in(rule):
            assert number in quote, "every figure of the rule is the quoted law's"
        article = tiny_corpus.get(draft.cited[0].law_id, draft.cited[0].article)
        for line in quote.rstrip("»").split("\n"):
            assert strip_enumerator(line) in article.text, "the quote is the law's own text"
        for unit in draft.cited:
            assert tiny_corpus.units[unit.id] == unit

    def test_decisive_unit_first_and_quoted_once(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever
    ) -> None:
        # The tiny corpus stores points inside their clause (no point units): the real-corpus
        # answer ("12 ngày làm việc", điểm a) is tested in test_pipeline_real.
        question = QUESTIONS[0]
        sources = select_sources(tiny_retriever.search(question), tiny_corpus, question)
        draft = ExtractiveGenerator(tiny_corpus).generate(question, sources)
        rule, basis = draft.text.split("\n\n", 1)
        first = draft.cited[0]
        assert (first.article, first.clause is not None) == (113, True), "a clause of Điều 113 decides"
        assert basis.startswith(f"Căn cứ pháp lý: Khoản {first.clause} Điều 113")
        assert basis.count("«") == 1, "the decisive unit is quoted once"
        assert rule.rstrip(".") in basis.replace("\n", " ") or "12 tháng" in rule

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
