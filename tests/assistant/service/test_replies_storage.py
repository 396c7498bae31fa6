"""The member's side of reviews in the Store, on SQLite and PostgreSQL (issue 14): replies in the
conversation with an unread mark, ratings, the queue's order and filters, drafts, and two advisors
deciding the same item at once."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from assistant.service.auth import hash_token
from assistant.service.errors import ConflictError, InvalidRequestError, NotFoundError
from assistant.service.results import reference_for
from assistant.service.storage.records import Decision, ReviewDraft
from assistant.service.storage.store import Store
from tests.assistant.service.test_storage import draft


def _edited(store: Store, rid: int, advisor: Any, text: str = "Được nghỉ 12 ngày làm việc.") -> None:
    final = {"answer": text, "direct_answer": text, "citations": [{"law_id": "45/2019/QH14", "article": 113}]}
    store.decide_review(rid, Decision("edited", advisor.id, advisor.name, "ghi chú nội bộ", final))


def test_reply_waits_then_shows_unread_once_and_takes_a_rating(store: Store) -> None:
    advisor = store.create_user("Tư vấn", "advisor", hash_token("t-replies"))
    iid, cid, _ = store.record_interaction(draft(), None)
    rid = store.open_review(iid, ReviewDraft("member_request"), None)
    waiting = store.conversation_replies(cid, mark_read=True)[iid]
    assert (waiting.status, waiting.unread, waiting.text) == ("waiting", False, "")
    reference = waiting.reference
    assert reference == reference_for(rid, store.get_review(rid).created_at)
    assert reference.startswith("TV-2") and reference.endswith(f"{rid:06d}")
    with pytest.raises(ConflictError, match="chưa có trả lời"):
        store.rate_reply(cid, reference, 1, None)
    _edited(store, rid, advisor)
    assert store.conversation_replies(cid, mark_read=False)[iid].unread  # a staff read keeps the mark
    first = store.conversation_replies(cid, mark_read=True)[iid]
    assert (first.status, first.unread, first.text) == ("answered", True, "Được nghỉ 12 ngày làm việc.")
    assert "nội bộ" not in first.text and first.citations[0]["article"] == 113
    assert not store.conversation_replies(cid, mark_read=True)[iid].unread
    assert store.rate_reply(cid, reference, -1, None).rating == -1
    assert store.rate_reply(cid, reference, 1, None).rating == 1  # a later rating replaces it
    other_iid, other_cid, _ = store.record_interaction(draft("Câu khác"), None)
    with pytest.raises(NotFoundError, match=reference):
        store.rate_reply(other_cid, reference, 1, None)  # not this conversation's request
    with pytest.raises(InvalidRequestError, match="TV-2026-000123"):
        store.rate_reply(cid, "123", 1, None)
    assert other_iid not in store.conversation_replies(cid, mark_read=False)


def test_rejected_request_says_so_without_the_internal_comment(store: Store) -> None:
    advisor = store.create_user("Tư vấn", "advisor", hash_token("t-reject"))
    iid, cid, _ = store.record_interaction(draft(), None)
    rid = store.open_review(iid, ReviewDraft("member_request"), None)
    store.decide_review(rid, Decision("rejected", advisor.id, advisor.name, "câu trả lời sai điều luật"))
    reply = store.conversation_replies(cid, mark_read=True)[iid]
    assert reply.status == "declined" and reply.unread and "sai điều luật" not in reply.text
    assert "công đoàn cơ sở" in reply.text


def _race(store: Store, rid: int, advisors: list[Any]) -> list[str]:
    """Two advisors decide the same review at the same moment; each outcome: "ok" or the error."""
    barrier = threading.Barrier(len(advisors))
    outcomes: list[str] = []

    def decide(advisor: Any) -> None:
        barrier.wait()
        try:
            _edited(store, rid, advisor, f"trả lời của {advisor.name}")
            outcomes.append("ok")
        except ConflictError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=decide, args=(a,)) for a in advisors]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


def test_two_advisors_deciding_at_once_one_wins(store: Store) -> None:
    advisors = [store.create_user(f"Tư vấn {i}", "advisor", hash_token(f"t-race-{i}")) for i in range(2)]
    for round_ in range(3):
        rid = store.record_interaction(draft(f"câu {round_}"), ReviewDraft("member_request"))[2]
        assert rid is not None
        outcomes = _race(store, rid, advisors)
        assert sorted(outcomes, key=len)[0] == "ok" and len(outcomes) == 2, outcomes
        loser = next(o for o in outcomes if o != "ok")
        winner = store.get_review(rid).decided_by
        assert winner is not None and winner in loser and "không được lưu" in loser
        final = store.get_review(rid).final_answer
        assert final is not None and final["answer"] == f"trả lời của {winner}"


def test_deciding_a_deleted_review_is_a_clear_not_found(store: Store) -> None:
    advisor = store.create_user("Tư vấn", "advisor", hash_token("t-gone"))
    with pytest.raises(NotFoundError, match=r"#999999.*làm mới hàng chờ"):
        store.decide_review(999_999, Decision("approved", advisor.id, advisor.name, ""))
    with pytest.raises(NotFoundError, match="#999999"):
        store.save_draft(999_999, {"answer": "x", "citations": []}, advisor.id, advisor.name)


def test_queue_puts_member_requests_first_then_oldest_and_filters(store: Store) -> None:
    old = store.record_interaction(draft("cũ nhất"), ReviewDraft("low_confidence", law="45/2019/QH14"))[2]
    other = store.record_interaction(
        draft("luật khác", topic_chapter="Chương II"), ReviewDraft("escalated", law="58/2014/QH13")
    )[2]
    asked = store.record_interaction(draft("tôi hỏi"), ReviewDraft("member_request", law="45/2019/QH14"))[2]
    assert [i.id for i in store.list_reviews()] == [asked, old, other]
    assert [i.id for i in store.list_reviews(law="58/2014/QH13")] == [other]
    assert [i.id for i in store.list_reviews(topic="Chương VII")] == [asked, old]
    assert store.list_reviews(topic="Chương II")[0].topic == "Chương II"
    long_name = store.record_interaction(
        draft("tên dài", topic_chapter="Chương VIII. KỶ LUẬT LAO ĐỘNG"), ReviewDraft("escalated")
    )[2]
    assert [i.id for i in store.list_reviews(topic="Chương VIII")] == [long_name]
    assert long_name not in [i.id for i in store.list_reviews(topic="Chương VII")]
    assert store.list_reviews(topic="Chương 100%_") == []


def test_a_draft_is_kept_until_the_decision(store: Store) -> None:
    advisor = store.create_user("Tư vấn", "advisor", hash_token("t-draft"))
    rid = store.record_interaction(draft(), ReviewDraft("member_request"))[2]
    assert rid is not None
    saved = store.save_draft(rid, {"answer": "nháp", "citations": []}, advisor.id, advisor.name)
    assert saved.status == "pending" and saved.draft is not None and saved.draft["answer"] == "nháp"
    assert saved.draft["saved_by"] == "Tư vấn"
    _edited(store, rid, advisor)
    assert store.get_review(rid).draft is None
    with pytest.raises(ConflictError, match="đã sửa và duyệt"):
        store.save_draft(rid, {"answer": "muộn", "citations": []}, advisor.id, advisor.name)
