"""``Store``: the service's repository over SQLite or PostgreSQL.

Every public method is one committed transaction; outages raise ``StorageUnavailableError``.
The constructor is cheap; ``open()`` connects and runs the migrations.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, or_, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from assistant.service.errors import NotFoundError
from assistant.service.results import ConversationView, ReviewItem, Turn, UserInfo
from assistant.service.storage import personal, reviews, stats
from assistant.service.storage.database import DEFAULT_BUSY_TIMEOUT_MS, make_engine, migrate, transaction
from assistant.service.storage.models import (
    AuditLog,
    Conversation,
    Feedback,
    Interaction,
    User,
    VerifiedAnswer,
    utcnow,
)
from assistant.service.storage.records import (
    DashboardRows,
    Decision,
    InteractionDraft,
    ReviewDraft,
    StoredInteraction,
    UserRecord,
    VerifiedRecord,
)
from assistant.service.storage.replies import ReplyStore
from assistant.service.storage.retention import purge_before

# last_used_at is written at most this often per user (one UPDATE per minute, not per request).
LAST_USED_RESOLUTION = timedelta(seconds=60)


def _user_info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        name=user.name,
        role=user.role,
        expires_at=None if user.expires_at is None else user.expires_at.isoformat(),
    )


def _user_record(user: User) -> UserRecord:
    return UserRecord(
        id=user.id,
        name=user.name,
        role=user.role,
        created_at=user.created_at,
        expires_at=user.expires_at,
        last_used_at=user.last_used_at,
        revoked_at=user.revoked_at,
        disabled=user.disabled,
    )


class Store(ReplyStore):
    def __init__(
        self, url: str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, connect_timeout_s: int = 5
    ) -> None:
        self.url = url
        self.busy_timeout_ms = busy_timeout_ms
        self.connect_timeout_s = connect_timeout_s
        self._engine: Engine | None = None
        self._factory: sessionmaker[Session] | None = None

    # --- lifecycle ----------------------------------------------------------------
    def open(self) -> Store:
        """Connect and bring the schema to the newest migration."""
        if self._engine is None:
            engine = make_engine(
                self.url, busy_timeout_ms=self.busy_timeout_ms, connect_timeout_s=self.connect_timeout_s
            )
            migrate(engine)
            self._engine = engine
            self._factory = sessionmaker(engine, expire_on_commit=False)
        return self

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._factory = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("Store is not open; call open() first")
        return self._engine

    def _tx(self) -> Any:
        if self._factory is None:
            raise RuntimeError("Store is not open; call open() first")
        return transaction(self._factory)

    def ping(self) -> bool:
        try:
            with self._tx() as session:
                session.execute(text("SELECT 1"))
        except Exception:  # readiness only reports up/down
            return False
        return True

    # --- users --------------------------------------------------------------------
    def create_user(
        self, name: str, role: str, token_hash: str, expires_at: datetime | None = None
    ) -> UserInfo:
        with self._tx() as session:
            user = User(
                name=name,
                role=role,
                token_hash=token_hash,
                created_at=utcnow(),
                expires_at=expires_at,
                disabled=False,
            )
            session.add(user)
            session.flush()
            reviews.audit(
                session,
                None,
                "system",
                "user.create",
                "user",
                user.id,
                None,
                {
                    "name": name,
                    "role": role,
                    "expires_at": None if expires_at is None else expires_at.isoformat(),
                },
            )
            return _user_info(user)

    def user_by_token_hash(self, token_hash: str) -> tuple[UserInfo, datetime | None, bool] | None:
        """(user, expiry, disabled or revoked) for a token hash, or None."""
        with self._tx() as session:
            user = session.scalars(select(User).where(User.token_hash == token_hash)).first()
            if user is None:
                return None
            return _user_info(user), user.expires_at, user.disabled or user.revoked_at is not None

    def touch_user(self, user_id: int, now: datetime | None = None) -> None:
        """Record a token use (at most once per ``LAST_USED_RESOLUTION``)."""
        now = now or utcnow()
        with self._tx() as session:
            session.execute(
                update(User)
                .where(
                    User.id == user_id,
                    or_(User.last_used_at.is_(None), User.last_used_at < now - LAST_USED_RESOLUTION),
                )
                .values(last_used_at=now)
            )

    def list_users(self) -> list[UserRecord]:
        with self._tx() as session:
            return [_user_record(u) for u in session.scalars(select(User).order_by(User.id))]

    def revoke_user(self, user_id: int, actor_id: int | None, actor: str) -> UserRecord:
        """Revoke the user's token now (idempotent); audited."""
        with self._tx() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFoundError(f"Không tìm thấy người dùng {user_id}.")
            if user.revoked_at is None:
                user.revoked_at = utcnow()
                reviews.audit(session, actor_id, actor, "user.revoke", "user", user.id, None, None)
            return _user_record(user)

    def replace_token(
        self, user_id: int, token_hash: str, expires_at: datetime | None, actor: str
    ) -> UserInfo:
        """A new token for the user (the old one stops working); clears a revocation."""
        with self._tx() as session:
            user = session.get(User, user_id)
            if user is None:
                raise NotFoundError(f"Không tìm thấy người dùng {user_id}.")
            user.token_hash = token_hash
            user.expires_at = expires_at
            user.revoked_at = None
            reviews.audit(session, None, actor, "user.rotate", "user", user.id, None, None)
            return _user_info(user)

    # --- conversations and interactions -------------------------------------------
    def conversation_by_key(self, key_hash: str) -> tuple[int, int | None] | None:
        """(conversation id, owner user id or None) for a conversation key's hash, or None."""
        with self._tx() as session:
            row = session.execute(
                select(Conversation.id, Conversation.user_id).where(Conversation.key_hash == key_hash)
            ).first()
            return None if row is None else (int(row[0]), row[1])

    def history(self, conversation_id: int, turns: int) -> list[tuple[str, str]]:
        with self._tx() as session:
            rows = session.scalars(
                select(Interaction)
                .where(Interaction.conversation_id == conversation_id)
                .order_by(Interaction.id.desc())
                .limit(turns)
            ).all()
            return [(r.question, str(r.answer.get("answer", ""))) for r in reversed(rows)]

    def get_conversation(self, conversation_id: int) -> ConversationView:
        with self._tx() as session:
            conv = session.get(Conversation, conversation_id)
            if conv is None:
                raise NotFoundError(f"Không tìm thấy cuộc hội thoại {conversation_id}.")
            rows = session.scalars(
                select(Interaction)
                .where(Interaction.conversation_id == conversation_id)
                .order_by(Interaction.id)
            ).all()
            turns = tuple(
                Turn(r.id, r.question, r.answer, r.created_at.isoformat(), r.verified_answer_id is not None)
                for r in rows
            )
            return ConversationView(conv.id, conv.created_at.isoformat(), turns)

    def record_interaction(
        self, draft: InteractionDraft, review: ReviewDraft | None
    ) -> tuple[int, int, int | None]:
        """Store an answered question and its queue entry atomically.

        Returns (interaction id, conversation id, review id or None)."""
        with self._tx() as session:
            conversation_id = draft.conversation_id
            if conversation_id is None:
                conv = Conversation(
                    user_id=draft.user_id, key_hash=draft.conversation_key_hash, created_at=utcnow()
                )
                session.add(conv)
                session.flush()
                conversation_id = conv.id
            elif session.get(Conversation, conversation_id) is None:
                raise NotFoundError(f"Không tìm thấy cuộc hội thoại {conversation_id}.")
            row = Interaction(
                conversation_id=conversation_id,
                user_id=draft.user_id,
                question=draft.question,
                answer=draft.answer,
                sources=list(draft.sources),
                confidence=draft.confidence,
                abstained=draft.abstained,
                escalated=draft.escalated,
                generator=draft.generator,
                latency_ms=draft.latency_ms,
                verified_answer_id=draft.verified_answer_id,
                topic_law=draft.topic_law,
                topic_chapter=draft.topic_chapter,
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            review_id = None if review is None else reviews.open_review(session, row, review, draft.user_id)
            return row.id, conversation_id, review_id

    def get_interaction(self, interaction_id: int) -> StoredInteraction:
        with self._tx() as session:
            row = session.get(Interaction, interaction_id)
            if row is None:
                raise NotFoundError(f"Không tìm thấy lượt hỏi {interaction_id}.")
            return StoredInteraction(
                id=row.id,
                conversation_id=row.conversation_id,
                user_id=row.user_id,
                question=row.question,
                answer=row.answer,
                confidence=row.confidence,
                abstained=row.abstained,
                escalated=row.escalated,
                generator=row.generator,
                created_at=row.created_at,
                topic_law=row.topic_law,
                sources=tuple(row.sources or ()),
            )

    # --- feedback and reviews --------------------------------------------------------
    def add_feedback(
        self, interaction_id: int, rating: int, comment: str, user_id: int | None, review: ReviewDraft | None
    ) -> tuple[int, int | None]:
        with self._tx() as session:
            interaction = session.get(Interaction, interaction_id)
            if interaction is None:
                raise NotFoundError(f"Không tìm thấy lượt hỏi {interaction_id}.")
            row = Feedback(
                interaction_id=interaction_id,
                user_id=user_id,
                rating=rating,
                comment=comment,
                created_at=utcnow(),
            )
            session.add(row)
            session.flush()
            reviews.audit(
                session,
                user_id,
                reviews.actor_name(session, user_id),
                "feedback.create",
                "feedback",
                row.id,
                None,
                {"interaction_id": interaction_id, "rating": rating},
            )
            review_id = None if review is None else reviews.open_review(session, interaction, review, user_id)
            return row.id, review_id

    def open_review(self, interaction_id: int, review: ReviewDraft, user_id: int | None) -> int:
        with self._tx() as session:
            interaction = session.get(Interaction, interaction_id)
            if interaction is None:
                raise NotFoundError(f"Không tìm thấy lượt hỏi {interaction_id}.")
            return reviews.open_review(session, interaction, review, user_id)

    def get_review(self, review_id: int) -> ReviewItem:
        with self._tx() as session:
            return reviews.to_item(session, reviews.get_review(session, review_id))

    def list_reviews(
        self,
        status: str = "pending",
        law: str | None = None,
        reason: str | None = None,
        limit: int = 50,
        topic: str | None = None,
    ) -> list[ReviewItem]:
        """Members' own requests first, then the rest oldest first (the longest wait on top)."""
        with self._tx() as session:
            return reviews.list_items(session, status, law, reason, limit, topic)

    def save_draft(self, review_id: int, draft: dict[str, Any], advisor_id: int, advisor: str) -> ReviewItem:
        with self._tx() as session:
            return reviews.save_draft(session, review_id, draft, advisor_id, advisor)

    def decide_review(self, review_id: int, decision: Decision) -> ReviewItem:
        with self._tx() as session:
            return reviews.decide(session, review_id, decision)

    # --- verified answers ----------------------------------------------------------------
    def verified_since(self, last_id: int) -> list[VerifiedRecord]:
        with self._tx() as session:
            return reviews.verified_since(session, last_id)

    def get_verified(self, verified_id: int) -> VerifiedRecord:
        with self._tx() as session:
            row = session.get(VerifiedAnswer, verified_id)
            if row is None:
                raise NotFoundError(f"Không tìm thấy câu trả lời đã xác nhận {verified_id}.")
            return reviews.to_verified(row)

    # --- analytics, audit, retention -------------------------------------------------------
    def dashboard_rows(self, days: int) -> DashboardRows:
        with self._tx() as session:
            return stats.dashboard_rows(session, days)

    def audit_entries(self, entity: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        with self._tx() as session:
            query = select(AuditLog)
            if entity is not None:
                query = query.where(AuditLog.entity == entity)
            rows = session.scalars(query.order_by(AuditLog.id.desc()).limit(limit)).all()
            return [
                {
                    "id": r.id,
                    "actor_id": r.actor_id,
                    "actor": r.actor,
                    "action": r.action,
                    "entity": r.entity,
                    "entity_id": r.entity_id,
                    "before": r.before,
                    "after": r.after,
                    "created_at": r.created_at.isoformat(),
                }
                for r in rows
            ]

    def keep_personal(self, interaction_id: int, question: str, typed_by: int | None, ttl: timedelta) -> None:
        """Keep the unmasked question until ``ttl`` from now (``assistant.service.storage.personal``)."""
        now = utcnow()
        with self._tx() as session:
            personal.keep(session, interaction_id, question, typed_by, now + ttl, now)

    def personal_question(self, interaction_id: int, caller: int | None) -> str | None:
        with self._tx() as session:
            return personal.shared_by(session, interaction_id, caller, utcnow())

    def purge(self, older_than_days: int, now: datetime | None = None) -> dict[str, int]:
        cutoff = (now or utcnow()) - timedelta(days=older_than_days)
        with self._tx() as session:
            expired = personal.drop_expired(session, now or utcnow())
            counts = {**purge_before(session, cutoff), "pending_personal": expired}
            reviews.audit(
                session,
                None,
                "system",
                "retention.purge",
                "interaction",
                None,
                None,
                {"cutoff": cutoff.isoformat(), **counts},
            )
            return counts
