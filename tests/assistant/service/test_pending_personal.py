"""The unmasked question waits in the database, not in one process: another replica can hand it
to the advisor with the member's consent, and nobody can once it has expired."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update

from assistant.service.application import AssistantService
from assistant.service.matching import VerifiedMatcher
from assistant.service.storage.models import PendingPersonal
from assistant.service.storage.store import Store

STORY = "Tôi tên là Nguyễn Văn An, SĐT 0912345678, nghỉ hằng năm mấy ngày?"


def _replica(service: Any, matcher_embed: Any) -> tuple[AssistantService, Store]:
    store = Store(service.store.url, busy_timeout_ms=300).open()
    replica = AssistantService(
        service.settings, service.pipeline, store, VerifiedMatcher(matcher_embed), corpus=service.corpus
    )
    return replica, store


def test_another_replica_hands_the_typed_question_to_the_advisor(service: Any, matcher_embed: Any) -> None:
    asked = service.ask(STORY)
    assert "Nguyễn Văn An" not in service.store.get_interaction(asked.interaction_id).question
    other, store = _replica(service, matcher_embed)
    try:
        review = other.request_advisor(
            asked.interaction_id, None, True, conversation_key=asked.conversation_key
        )
    finally:
        store.close()
    assert review.personal_question is not None and "Nguyễn Văn An" in review.personal_question
    assert "0912345678" not in review.question


def test_an_expired_question_is_gone_for_good(service: Any) -> None:
    asked = service.ask(STORY)
    with service.store.engine.begin() as conn:
        conn.execute(update(PendingPersonal).values(expires_at=datetime(2000, 1, 1)))
    key = asked.conversation_key
    review = service.request_advisor(asked.interaction_id, None, True, conversation_key=key)
    assert review.personal_question is None
    assert service.store.purge(older_than_days=3650)["pending_personal"] == 1


def test_the_question_waits_only_for_its_typist(store: Any) -> None:
    """Both backends: kept, read back by its typist only, replaced by a newer keep, dropped when
    expired (the row needs its interaction: a foreign key with cascade)."""
    from assistant.service.storage.records import InteractionDraft

    draft = InteractionDraft(
        question="[họ tên] hỏi",
        answer={"answer": "..."},
        confidence=0.5,
        abstained=False,
        escalated=False,
        generator="extractive",
        latency_ms=1.0,
        conversation_key_hash="k" * 64,
    )
    interaction_id, _, _ = store.record_interaction(draft, None)
    store.keep_personal(interaction_id, "Nguyễn Văn An hỏi", None, timedelta(hours=1))
    assert store.personal_question(interaction_id, None) == "Nguyễn Văn An hỏi"
    assert store.personal_question(interaction_id, 7) is None  # someone else
    store.keep_personal(interaction_id, "Nguyễn Văn An hỏi lại", None, timedelta(seconds=-1))
    assert store.personal_question(interaction_id, None) is None  # expired
    assert store.purge(older_than_days=3650)["pending_personal"] == 1
