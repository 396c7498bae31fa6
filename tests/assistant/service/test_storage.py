"""Store against SQLite and PostgreSQL: schema, round trips, workflow, concurrency, retention."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import inspect, update

from assistant.service.auth import authenticate, create_user, hash_token
from assistant.service.errors import (
    AuthenticationError,
    ConflictError,
    NotFoundError,
    StorageUnavailableError,
)
from assistant.service.storage.models import Interaction, utcnow
from assistant.service.storage.records import Decision, InteractionDraft, ReviewDraft, VerifiedDraft
from assistant.service.storage.store import Store

TABLES = {"users", "conversations", "interactions", "feedback", "reviews", "verified_answers", "audit_log"}


def draft(question: str = "Nghỉ hằng năm bao nhiêu ngày?", **changes: Any) -> InteractionDraft:
    values: dict[str, Any] = {
        "question": question,
        "answer": {"answer": "12 ngày làm việc", "citations": [{"law_id": "45/2019/QH14", "article": 113}]},
        "confidence": 0.8,
        "abstained": False,
        "escalated": False,
        "generator": "extractive",
        "latency_ms": 12.5,
        "topic_law": "45/2019/QH14",
        "topic_chapter": "Chương VII",
    }
    values.update(changes)
    return InteractionDraft(**values)


class TestSchema:
    def test_migrations_create_all_tables_and_are_idempotent(self, db_url: str) -> None:
        first = Store(db_url).open()
        assert set(inspect(first.engine).get_table_names()) >= TABLES
        first.close()
        again = Store(db_url).open()  # upgrade head on an up-to-date schema is a no-op
        assert "alembic_version" in inspect(again.engine).get_table_names()
        again.close()

    def test_sqlite_runs_in_wal_with_full_sync(self, sqlite_url: str) -> None:
        store = Store(sqlite_url).open()
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        store.close()


class TestInteractions:
    def test_record_and_read_back_a_conversation(self, store: Store) -> None:
        iid, cid, rid = store.record_interaction(draft(), None)
        assert rid is None
        iid2, cid2, _ = store.record_interaction(draft("Còn nghỉ lễ?", conversation_id=cid), None)
        assert cid2 == cid and iid2 > iid
        view = store.get_conversation(cid)
        assert [t.question for t in view.turns] == ["Nghỉ hằng năm bao nhiêu ngày?", "Còn nghỉ lễ?"]
        assert store.history(cid, 1) == [("Còn nghỉ lễ?", "12 ngày làm việc")]
        assert store.get_interaction(iid).answer["answer"] == "12 ngày làm việc"

    def test_unknown_ids_raise_not_found(self, store: Store) -> None:
        with pytest.raises(NotFoundError):
            store.get_conversation(999)
        with pytest.raises(NotFoundError):
            store.record_interaction(draft(conversation_id=999), None)
        with pytest.raises(NotFoundError):
            store.get_review(999)

    def test_a_committed_write_is_visible_to_a_new_engine(self, store: Store) -> None:
        iid, _, _ = store.record_interaction(draft(), None)
        other = Store(store.url).open()
        assert other.get_interaction(iid).question == "Nghỉ hằng năm bao nhiêu ngày?"
        other.close()

    def test_concurrent_writers_lose_nothing(self, store: Store) -> None:
        ids: list[int] = []
        errors: list[BaseException] = []
        lock = threading.Lock()

        def writer(n: int) -> None:
            try:
                for i in range(15):
                    iid, _, _ = store.record_interaction(draft(f"câu {n}-{i}"), ReviewDraft("low_confidence"))
                    _fid, _ = store.add_feedback(iid, 1 if i % 2 else -1, "", None, None)
                    with lock:
                        ids.append(iid)
            except BaseException as exc:  # collected and asserted below
                errors.append(exc)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert len(set(ids)) == 120
        assert len(store.list_reviews(limit=500)) == 120
        assert store.dashboard_rows(1).feedback == 120


class TestReviewWorkflow:
    def test_open_decide_and_audit(self, store: Store) -> None:
        advisor = store.create_user("Tư vấn", "advisor", hash_token("t1"))
        iid, _, rid = store.record_interaction(draft(), ReviewDraft("escalated", law="45/2019/QH14"))
        assert rid is not None
        # a second request for the same interaction reuses the pending review and adds shared data
        again = store.open_review(iid, ReviewDraft("member_request", personal_question="Tôi tên là An"), None)
        assert again == rid
        item = store.get_review(rid)
        assert (item.reason, item.personal_question, item.law) == (
            "member_request",
            "Tôi tên là An",
            "45/2019/QH14",
        )
        verified = VerifiedDraft(
            "câu hỏi", (1.0, 0.0), "Trả lời", ({"law_id": "45/2019/QH14", "article": 113},), advisor.id, rid
        )
        decided = store.decide_review(
            rid, Decision("approved", advisor.id, advisor.name, "ok", item.answer, verified)
        )
        assert (decided.status, decided.decided_by, decided.comment) == ("approved", "Tư vấn", "ok")
        with pytest.raises(ConflictError):
            store.decide_review(rid, Decision("rejected", advisor.id, advisor.name, "no"))
        records = store.verified_since(0)
        assert [r.answer for r in records] == ["Trả lời"] and records[0].embedding == (1.0, 0.0)
        actions = [(e["action"], e["actor"]) for e in store.audit_entries()]
        assert ("review.approved", "Tư vấn") in actions and ("verified.create", "Tư vấn") in actions
        approved = next(e for e in store.audit_entries("review") if e["action"] == "review.approved")
        assert approved["before"]["status"] == "pending" and approved["after"]["status"] == "approved"
        assert store.list_reviews() == [] and len(store.list_reviews(status="approved")) == 1

    def test_feedback_with_review_and_filters(self, store: Store) -> None:
        iid, _, _ = store.record_interaction(draft(), None)
        _fid, rid = store.add_feedback(iid, -1, "sai", None, ReviewDraft("thumbs_down", law="45/2019/QH14"))
        assert rid is not None
        assert [r.id for r in store.list_reviews(reason="thumbs_down")] == [rid]
        assert store.list_reviews(reason="escalated") == []
        assert store.list_reviews(law="12/2022/NĐ-CP") == []
        with pytest.raises(NotFoundError):
            store.add_feedback(12345, 1, "", None, None)


class TestUsers:
    def test_tokens_are_hashed_and_checked(self, store: Store) -> None:
        user, token = create_user(store, "Quản trị", "admin")
        with store.engine.connect() as conn:
            stored = conn.exec_driver_sql("SELECT token_hash FROM users").scalar()
        assert stored == hash_token(token) and token not in str(stored)
        assert authenticate(store, token) == user
        with pytest.raises(AuthenticationError):
            authenticate(store, token + "x")
        with pytest.raises(AuthenticationError):
            authenticate(store, None)

    def test_expired_token_is_refused(self, store: Store) -> None:
        store.create_user("Cũ", "advisor", hash_token("old"), expires_at=utcnow() - timedelta(minutes=1))
        with pytest.raises(AuthenticationError, match="hết hạn"):
            authenticate(store, "old")


class TestRetentionAndStats:
    def test_purge_removes_only_old_data(self, store: Store) -> None:
        old_id, old_conv, _ = store.record_interaction(draft("cũ"), ReviewDraft("escalated"))
        store.add_feedback(old_id, -1, "", None, None)
        new_id, _, _ = store.record_interaction(draft("mới"), None)
        past = utcnow() - timedelta(days=400)
        with store.engine.begin() as conn:
            conn.execute(update(Interaction).where(Interaction.id == old_id).values(created_at=past))
            conn.exec_driver_sql(
                f"UPDATE conversations SET created_at = '{past.isoformat(sep=' ')}' WHERE id = {old_conv}"
            )
        counts = store.purge(365)
        one_each = {"feedback": 1, "reviews": 1, "interactions": 1, "conversations": 1}
        assert counts == {**one_each, "pending_personal": 0}
        assert store.get_interaction(new_id).question == "mới"
        with pytest.raises(NotFoundError):
            store.get_interaction(old_id)
        assert store.audit_entries()[0]["action"] == "retention.purge"

    def test_dashboard_rows_count_outcomes(self, store: Store) -> None:
        store.record_interaction(draft(), None)
        store.record_interaction(draft(abstained=True, topic_law=None, topic_chapter=None), None)
        iid, _, _ = store.record_interaction(draft(escalated=True), None)
        store.add_feedback(iid, 1, "", None, None)
        rows = store.dashboard_rows(30)
        assert (rows.total, rows.abstained, rows.escalated, rows.thumbs_up, rows.feedback) == (3, 1, 1, 1, 1)
        assert rows.laws == (("45/2019/QH14", 2),)
        assert rows.chapters == (("45/2019/QH14", "Chương VII", 2),)
        assert sum(n for _, n in rows.per_day) == 3


class TestOutages:
    def test_locked_sqlite_raises_storage_unavailable(self, sqlite_url: str) -> None:
        store = Store(sqlite_url, busy_timeout_ms=200).open()
        locker = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StorageUnavailableError, match="Hệ thống lưu trữ đang bận"):
                store.record_interaction(draft(), None)
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        iid, _, _ = store.record_interaction(draft(), None)  # and works again once released
        assert store.get_interaction(iid).id == iid
        store.close()

    def test_unreachable_postgres_raises_storage_unavailable(self) -> None:
        store = Store("postgresql+psycopg://nobody:x@127.0.0.1:1/none", connect_timeout_s=1)
        with pytest.raises(StorageUnavailableError):
            store.open()
