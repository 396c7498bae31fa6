"""The verifier removes citations the sources do not support (hand-built LLM drafts)."""

from __future__ import annotations

from assistant_fixtures import KeywordRetriever

from assistant.evidence import numbered_sources
from assistant.verify import verify_draft
from corpus.store import Corpus

QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"


def _sources(corpus: Corpus, retriever: KeywordRetriever):  # type: ignore[no-untyped-def]
    return numbered_sources(retriever.search(QUESTION), corpus, 2)


class TestVerifyDraft:
    def test_valid_draft_kept(self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever) -> None:
        sources = _sources(tiny_corpus, tiny_retriever)
        draft = "Người lao động đủ 12 tháng được nghỉ 12 ngày làm việc [1]. Theo Điều 113 là như vậy [1]."
        check = verify_draft(draft, sources, tiny_corpus)
        assert check.failure is None
        assert check.valid_sources == (1,) and check.removed == ()

    def test_marker_beyond_sources_removed(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever
    ) -> None:
        sources = _sources(tiny_corpus, tiny_retriever)
        draft = "Được nghỉ 12 ngày làm việc mỗi năm [1]. Ngoài ra còn được thưởng 5 triệu đồng [7]."
        check = verify_draft(draft, sources, tiny_corpus)
        assert "[7]" not in check.text and "5 triệu" not in check.text
        assert any("[7]" in r for r in check.removed)
        assert check.valid_sources == (1,)

    def test_article_not_retrieved_removed(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever
    ) -> None:
        sources = _sources(tiny_corpus, tiny_retriever)
        draft = "Được nghỉ 12 ngày làm việc [1]. Điều 999 Bộ luật Lao động cho nghỉ thêm 30 ngày [1]."
        check = verify_draft(draft, sources, tiny_corpus)
        assert "Điều 999" not in check.text
        assert any("Điều 999" in r for r in check.removed)

    def test_law_absent_from_corpus_removed(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever
    ) -> None:
        sources = _sources(tiny_corpus, tiny_retriever)
        draft = "Được nghỉ 12 ngày [1]. Điều 113 Luật 99/2099/QH99 quy định khác [1]."
        check = verify_draft(draft, sources, tiny_corpus)
        assert "99/2099" not in check.text
        assert any("không có trong kho" in r for r in check.removed)

    def test_only_invented_citations_fails(
        self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever
    ) -> None:
        sources = _sources(tiny_corpus, tiny_retriever)
        check = verify_draft("Được nghỉ 30 ngày [5]. Theo Điều 200 [6].", sources, tiny_corpus)
        assert check.failure is not None and check.text == ""

    def test_no_marker_fails(self, tiny_corpus: Corpus, tiny_retriever: KeywordRetriever) -> None:
        sources = _sources(tiny_corpus, tiny_retriever)
        check = verify_draft("Người lao động được nghỉ nhiều ngày trong năm.", sources, tiny_corpus)
        assert check.failure == "no valid citation"
