"""What is stored per question, and the retention job, through the real service."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from assistant.service.auth import create_user
from assistant.service.storage.models import utcnow

pytestmark = pytest.mark.slow

QUESTION = "Tôi tên là Nguyễn Văn An, người lao động được nghỉ hằng năm bao nhiêu ngày?"


def test_answers_are_stored_as_references_and_read_back_whole(service: Any) -> None:
    result = service.ask(QUESTION, share_with_advisor=True)
    stored = service.store.get_interaction(result.interaction_id)
    assert stored.answer["citations"] and all("text" not in c for c in stored.answer["citations"])
    assert stored.sources and all("text" not in s for s in stored.sources)
    assert "direct_answer" not in stored.answer or stored.answer["direct_answer"]
    raw = json.dumps(stored.answer, ensure_ascii=False)
    assert len(raw.encode()) < len(json.dumps(result.answer).encode()) / 2
    # Members and advisors still see the full texts, re-read from the corpus.
    view = service.conversation(result.conversation_key)
    citations = view.turns[0].answer["citations"]
    assert citations[0]["text"] == result.answer["citations"][0]["text"]
    assert view.turns[0].answer["direct_answer"] == result.answer["direct_answer"]
    advisor = service.authenticate(create_user(service.store, "Tư vấn viên", "advisor")[1])
    item = service.get_review(result.review_id, user=advisor)
    assert item.sources[0]["text"] and item.answer["citations"][0]["text"]
    assert item.personal_question is not None and "Nguyễn Văn An" in item.personal_question
    decided = service.approve(result.review_id, advisor, "Đúng")
    assert decided.personal_question is None  # shared for the review only: erased once decided
    assert decided.final_answer is not None and decided.final_answer["citations"][0]["text"]


def test_purge_keeps_recent_questions_and_removes_old_ones(service: Any) -> None:
    old = service.ask("Thời gian thử việc tối đa là bao lâu?")
    service.feedback(old.interaction_id, -1, "sai", None, conversation_key=old.conversation_key)
    counts = service.store.purge(30, now=utcnow() + timedelta(days=31))
    one_each = {"feedback": 1, "reviews": 1, "interactions": 1, "conversations": 1}
    assert counts == {**one_each, "pending_personal": 0}
    with pytest.raises(Exception, match="Không tìm thấy"):
        service.conversation(old.conversation_key)
    recent = service.ask("Nghỉ lễ, tết được mấy ngày?")
    nothing = {"feedback": 0, "reviews": 0, "interactions": 0, "conversations": 0, "pending_personal": 0}
    assert service.store.purge(30) == nothing
    assert service.conversation(recent.conversation_key).turns
    assert service.store.audit_entries()[0]["action"] == "retention.purge"
