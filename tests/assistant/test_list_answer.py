"""A question that asks for a list is answered with the whole list (``assistant.list_answer``)."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.list_answer import asks_for_list, list_answer
from assistant.unit_context import context_of
from corpus.store import Corpus


@pytest.mark.parametrize(
    "question",
    [
        "Điều kiện để được hưởng trợ cấp thất nghiệp theo Luật Việc làm 2025 là gì?",
        "e muon rut bhxh 1 lan thi can dieu kien gi",
        "Hồ sơ hưởng trợ cấp thất nghiệp cần những giấy tờ gì?",
        "Quấy rối tình dục tại nơi làm việc bao gồm những hành vi nào?",
        "Người lao động bị sa thải trong những trường hợp nào?",
    ],
)
def test_a_question_for_every_item_asks_for_a_list(question: str) -> None:
    assert asks_for_list(question)


@pytest.mark.parametrize(
    "question",
    [
        # A story that says there were no papers asks for none of them.
        "em nghi ko phep 1 tuan vi co viec gia dinh, ko co giay to gi. cty co dc cho e nghi luon khong",
        "Chủ quán chỉ nói miệng thuê em, không ký giấy tờ gì, như vậy có đúng không?",
        # Working conditions are not conditions asked for.
        "làm việc trong điều kiện nặng nhọc thì được nghỉ phép năm bao nhiêu ngày",
        "Nghỉ phép năm được bao nhiêu ngày?",
    ],
)
def test_a_question_about_one_thing_does_not(question: str) -> None:
    assert not asks_for_list(question)


def test_the_list_is_the_points_under_their_lead_in(corpus: Corpus) -> None:
    """Khoản 1 Điều 38 Luật Việc làm 2025: four conditions, cut where a point is long."""
    point = corpus.units["74/2025/QH15:d38:k1:b"]
    listed = list_answer(corpus, context_of(corpus, point))
    assert listed is not None and listed.unit.id == "74/2025/QH15:d38:k1"
    lines = listed.text.splitlines()
    assert lines[0].endswith("khi có đủ các điều kiện sau đây:")
    assert [line[:2] for line in lines[1:]] == ["a)", "b)", "c)", "d)"]
    assert "từ đủ 12 tháng trở lên" in listed.text and not listed.whole and "…" in listed.text
    # A short list is quoted whole; a clause (not a point) or a lone point is no list.
    harassment = list_answer(corpus, context_of(corpus, corpus.units["145/2020/NĐ-CP:d84:k2:a"]))
    assert harassment is not None and harassment.whole and "…" not in harassment.text
    assert list_answer(corpus, context_of(corpus, corpus.units["74/2025/QH15:d38:k1"])) is None


def test_the_pipeline_answers_a_list_question_with_the_list(pipeline: Any) -> None:
    answer = pipeline.ask("dieu kien de duoc huong tro cap that nghiep theo luat viec lam 2025 la gi")
    first = answer.citations[0]
    assert (first.law_id, first.article, first.clause, first.point) == ("74/2025/QH15", 38, 1, None)
    assert all(f"\n{p}) " in answer.direct_answer for p in "abcd")


def test_an_article_of_short_clauses_is_listed_under_its_title(corpus: Any) -> None:
    """Điều 57 Luật ATVSLĐ has no lead-in: its title, then its four papers."""
    listed = list_answer(corpus, context_of(corpus, corpus.units["84/2015/QH13:d57:k1"]))
    assert listed is not None and listed.unit.id == "84/2015/QH13:d57" and listed.whole
    lines = listed.text.splitlines()
    assert lines[0] == "Hồ sơ hưởng chế độ tai nạn lao động:"
    assert [x[:2] for x in lines[1:]] == ["1.", "2.", "3.", "4."]
    # An article whose clauses are whole rules is no list (Điều 36's are hundreds of characters).
    assert list_answer(corpus, context_of(corpus, corpus.units["45/2019/QH14:d36:k3"])) is None


def test_a_list_under_an_article_lead_in_keeps_it(corpus: Corpus) -> None:
    """Khoản 2 Điều 38 Luật ATVSLĐ ("Thanh toán chi phí y tế ... như sau:") has no subject of
    its own: the article's lead-in ("Người sử dụng lao động có trách nhiệm ...") heads the list,
    or the misleading-quote check flags it (it did, when a first version of another rule listed
    it without)."""
    point = corpus.get("84/2015/QH13", 38, 2, "c")
    listed = list_answer(corpus, context_of(corpus, point))
    assert listed is not None and listed.unit.id == "84/2015/QH13:d38:k2"
    first, second, *points = listed.text.splitlines()
    assert first.startswith("Người sử dụng lao động có trách nhiệm đối với người lao động bị tai nạn")
    assert second.startswith("2. Thanh toán chi phí y tế") and points[0].startswith("a) ")
