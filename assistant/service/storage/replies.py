"""The member's side of a review: the advisor's reply in their conversation, read and rated.

Functions over an open Session, and ``ReplyStore``, the ``Store`` methods that call them (one
committed transaction each). A review shows in the member's conversation when the member asked
for it ("Hỏi tư vấn viên": waiting, then answered or declined), or when an advisor answered it
on their own (approved or edited); an advisor's internal comment is never shown.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.service.errors import ConflictError, InvalidRequestError, NotFoundError
from assistant.service.results import REFERENCE_PREFIX, AdvisorReply, reference_for
from assistant.service.storage import reviews
from assistant.service.storage.models import Interaction, Review, utcnow

ANSWERED = ("approved", "edited")
REFERENCE_RE = re.compile(rf"{REFERENCE_PREFIX}-(\d{{4}})-(\d{{6,10}})")
DECLINED_TEXT = (
    "Tư vấn viên đã xem câu hỏi nhưng chưa thể xác nhận câu trả lời của trợ lý. "
    "Bạn hãy liên hệ trực tiếp công đoàn cơ sở để được tư vấn cụ thể."
)
REFERENCE_HELP = "Mã yêu cầu có dạng TV-2026-000123 (trong thông báo khi bạn bấm «Hỏi tư vấn viên»)."


def parse_reference(reference: object) -> tuple[int, int]:
    """(year, review id) of a reference; a clear 422 for anything else."""
    found = REFERENCE_RE.fullmatch(reference.strip()) if isinstance(reference, str) else None
    if found is None:
        raise InvalidRequestError(f"Mã yêu cầu không hợp lệ: {reference!r}. {REFERENCE_HELP}")
    return int(found.group(1)), int(found.group(2))


def _shown(review: Review) -> bool:
    return review.reason == "member_request" or review.status in ANSWERED


def _reply(review: Review) -> AdvisorReply:
    created = review.created_at.isoformat()
    decided = None if review.decided_at is None else review.decided_at.isoformat()
    final: dict[str, Any] = review.final_answer or {}
    if review.status == "pending":
        status, text = "waiting", ""
    elif review.status in ANSWERED:
        whole = str(final.get("answer") or "")
        chars = final.get("direct_answer_chars")
        direct = whole[:chars] if isinstance(chars, int) else final.get("direct_answer")
        status, text = "answered", str(direct or whole)
    else:
        status, text = "declined", DECLINED_TEXT
    return AdvisorReply(
        reference=reference_for(review.id, created),
        interaction_id=review.interaction_id,
        status=status,  # type: ignore[arg-type]
        text=text,
        citations=tuple(final.get("citations") or ()) if status == "answered" else (),
        requested_at=created,
        answered_at=decided,
        unread=status != "waiting" and review.reply_read_at is None,
        rating=review.reply_rating,
    )


def _conversation_reviews(session: Session, conversation_id: int) -> list[Review]:
    rows = session.scalars(
        select(Review)
        .join(Interaction, Interaction.id == Review.interaction_id)
        .where(Interaction.conversation_id == conversation_id)
        .order_by(Review.id)
    ).all()
    return [r for r in rows if _shown(r)]


def conversation_replies(session: Session, conversation_id: int) -> dict[int, AdvisorReply]:
    """The latest shown review of each interaction of the conversation, by interaction id."""
    return {r.interaction_id: _reply(r) for r in _conversation_reviews(session, conversation_id)}


def mark_replies_read(session: Session, conversation_id: int, now: datetime) -> int:
    """Mark the conversation's answered or declined replies read; returns how many were unread."""
    count = 0
    for review in _conversation_reviews(session, conversation_id):
        if review.status != "pending" and review.reply_read_at is None:
            review.reply_read_at = now
            count += 1
    return count


def _review_in(session: Session, conversation_id: int, reference: str) -> Review:
    year, review_id = parse_reference(reference)
    review = session.get(Review, review_id)
    interaction = None if review is None else session.get(Interaction, review.interaction_id)
    if (
        review is None
        or interaction is None
        or interaction.conversation_id != conversation_id
        or review.created_at.year != year
        or not _shown(review)
    ):
        raise NotFoundError(f"Không tìm thấy yêu cầu {reference} trong cuộc hội thoại của bạn.")
    return review


def rate(
    session: Session, conversation_id: int, reference: str, rating: int, user_id: int | None
) -> AdvisorReply:
    """The member's rating of an answered reply (a later rating replaces the earlier one)."""
    review = _review_in(session, conversation_id, reference)
    if review.status == "pending":
        raise ConflictError(
            f"Yêu cầu {reference} chưa có trả lời của tư vấn viên; hãy đánh giá sau khi có trả lời."
        )
    before = {"reply_rating": review.reply_rating}
    review.reply_rating = rating
    review.reply_rated_at = utcnow()
    review.reply_read_at = review.reply_read_at or review.reply_rated_at
    reviews.audit(
        session,
        user_id,
        reviews.actor_name(session, user_id),
        "reply.rate",
        "review",
        review.id,
        before,
        {"reply_rating": rating},
    )
    return _reply(review)


class ReplyStore:
    """``Store`` methods for the member's side of reviews (mixed into ``Store``)."""

    def _tx(self) -> Any:  # provided by Store
        raise NotImplementedError

    def conversation_replies(self, conversation_id: int, *, mark_read: bool) -> dict[int, AdvisorReply]:
        """Replies by interaction id, as they were before this read; then marked read if asked."""
        with self._tx() as session:
            found = conversation_replies(session, conversation_id)
            if mark_read:
                mark_replies_read(session, conversation_id, utcnow())
            return found

    def rate_reply(
        self, conversation_id: int, reference: str, rating: int, user_id: int | None
    ) -> AdvisorReply:
        with self._tx() as session:
            return rate(session, conversation_id, reference, rating, user_id)
