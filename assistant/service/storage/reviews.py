"""Review queue, verified answers and the audit trail (functions over an open Session)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session

from assistant.service.errors import ConflictError, NotFoundError
from assistant.service.results import ReviewItem
from assistant.service.storage.models import AuditLog, Interaction, Review, User, VerifiedAnswer, utcnow
from assistant.service.storage.records import Decision, ReviewDraft, VerifiedRecord


def audit(
    session: Session,
    actor_id: int | None,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditLog(
            actor_id=actor_id,
            actor=actor,
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
            created_at=utcnow(),
        )
    )


def actor_name(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return "anonymous"
    user = session.get(User, user_id)
    return user.name if user is not None else f"user:{user_id}"


def review_state(review: Review) -> dict[str, Any]:
    return {
        "status": review.status,
        "reason": review.reason,
        "comment": review.comment,
        "final_answer": review.final_answer,
        "personal_data_shared": review.personal_question is not None,
        "consent_by": review.consent_by,
        "consent_at": None if review.consent_at is None else review.consent_at.isoformat(),
    }


def open_review(
    session: Session, interaction: Interaction, draft: ReviewDraft, requested_by: int | None
) -> int:
    """Queue an interaction; an already pending review for it is reused (and gains shared data)."""
    existing = session.scalars(
        select(Review).where(Review.interaction_id == interaction.id, Review.status == "pending")
    ).first()
    if existing is not None:
        before = review_state(existing)
        if draft.personal_question and not existing.personal_question:
            existing.personal_question = draft.personal_question
            existing.consent_by = draft.consent_by
            existing.consent_at = utcnow()
        if draft.reason == "member_request":
            existing.reason = draft.reason
        audit(
            session,
            requested_by,
            actor_name(session, requested_by),
            "review.requeue",
            "review",
            existing.id,
            before,
            review_state(existing),
        )
        return existing.id
    review = Review(
        interaction_id=interaction.id,
        status="pending",
        reason=draft.reason,
        law=draft.law,
        sources=[],  # read from the interaction: stored once per question
        personal_question=draft.personal_question,
        consent_by=draft.consent_by if draft.personal_question else None,
        consent_at=utcnow() if draft.personal_question else None,
        requested_by=requested_by,
        created_at=utcnow(),
    )
    session.add(review)
    session.flush()
    audit(
        session,
        requested_by,
        actor_name(session, requested_by),
        "review.open",
        "review",
        review.id,
        None,
        {**review_state(review), "interaction_id": interaction.id},
    )
    return review.id


def to_item(session: Session, review: Review) -> ReviewItem:
    interaction = session.get(Interaction, review.interaction_id)
    if interaction is None:  # cascades make this unreachable; keep the error readable
        raise NotFoundError(f"Không tìm thấy lượt hỏi {review.interaction_id}.")
    decided = None if review.decided_by is None else actor_name(session, review.decided_by)
    return ReviewItem(
        id=review.id,
        interaction_id=review.interaction_id,
        status=review.status,
        reason=review.reason,
        question=interaction.question,
        answer=interaction.answer,
        sources=tuple(review.sources or interaction.sources or ()),
        law=review.law,
        created_at=review.created_at.isoformat(),
        personal_question=review.personal_question,
        consent_by=None if review.consent_at is None else actor_name(session, review.consent_by),
        consent_at=None if review.consent_at is None else review.consent_at.isoformat(),
        decided_by=decided,
        decided_at=None if review.decided_at is None else review.decided_at.isoformat(),
        comment=review.comment,
        final_answer=review.final_answer,
        draft=review.draft,
        topic=interaction.topic_chapter,
    )


def list_items(
    session: Session, status: str, law: str | None, reason: str | None, limit: int, topic: str | None
) -> list[ReviewItem]:
    """Members' own requests first, then the rest oldest first; filters by law and topic."""
    query = select(Review).join(Interaction, Interaction.id == Review.interaction_id)
    query = query.where(Review.status == status)
    if law is not None:
        query = query.where(Review.law == law)
    if reason is not None:
        query = query.where(Review.reason == reason)
    if topic is not None:
        query = query.where(_chapter_is(topic))
    first = case((Review.reason == "member_request", 0), else_=1)
    rows = session.scalars(query.order_by(first, Review.created_at, Review.id).limit(limit)).all()
    return [to_item(session, r) for r in rows]


def _chapter_is(topic: str) -> Any:
    """The chapter named in full, or by its number alone: "Chương VII" matches "Chương VII. THỜI
    GIỜ LÀM VIỆC…", never "Chương VIII"."""
    escaped = topic.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    column = Interaction.topic_chapter
    return or_(
        column == topic.strip(),
        column.like(f"{escaped}.%", escape="\\"),
        column.like(f"{escaped} %", escape="\\"),
    )


def save_draft(
    session: Session, review_id: int, draft: dict[str, Any], advisor_id: int, advisor: str
) -> ReviewItem:
    """Keep an advisor's edit without approving it ("Lưu nháp"); only while the review is pending."""
    review = get_review(session, review_id)
    if review.status != "pending":
        raise ConflictError(_already_decided(session, review))
    before = {"draft": review.draft}
    review.draft = {**draft, "saved_by": advisor, "saved_at": utcnow().isoformat()}
    audit(session, advisor_id, advisor, "review.draft", "review", review.id, before, {"draft": review.draft})
    session.flush()
    return to_item(session, review)


STATUS_WORDS = {"approved": "đã duyệt", "edited": "đã sửa và duyệt", "rejected": "đã từ chối"}


def _already_decided(session: Session, review: Review) -> str:
    who = actor_name(session, review.decided_by) if review.decided_by is not None else "một tư vấn viên khác"
    when = (
        ""
        if review.decided_at is None
        else f" lúc {review.decided_at.isoformat(sep=' ', timespec='minutes')}"
    )
    status = STATUS_WORDS.get(review.status, review.status)
    return (
        f"Mục duyệt #{review.id} đã được {who} xử lý{when} ({status}); "
        "thao tác của bạn không được lưu. Hãy làm mới hàng chờ để xem kết quả."
    )


NOT_FOUND = "Không tìm thấy mục duyệt #{id} (có thể đã bị xoá theo thời hạn lưu trữ); hãy làm mới hàng chờ."


def get_review(session: Session, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None:
        raise NotFoundError(NOT_FOUND.format(id=review_id))
    return review


def decide(session: Session, review_id: int, decision: Decision) -> ReviewItem:
    """Apply an advisor's decision; approved/edited answers become verified answers."""
    review = session.get(Review, review_id, with_for_update=True)
    if review is None:
        raise NotFoundError(NOT_FOUND.format(id=review_id))
    if review.status != "pending":
        raise ConflictError(_already_decided(session, review))
    before = review_state(review)
    review.status = decision.status
    review.decided_by = decision.advisor_id
    review.decided_at = utcnow()
    review.comment = decision.comment
    review.final_answer = decision.final_answer
    review.draft = None
    # The member shared personal data for this review only: it goes once the review is decided.
    review.personal_question = None
    if decision.verified is not None:
        v = decision.verified
        verified = VerifiedAnswer(
            question=v.question,
            embedding=list(v.embedding),
            answer=v.answer,
            citations=list(v.citations),
            approved_by=v.approved_by,
            review_id=review.id,
            active=True,
            created_at=utcnow(),
        )
        session.add(verified)
        session.flush()
        audit(
            session,
            decision.advisor_id,
            decision.advisor_name,
            "verified.create",
            "verified_answer",
            verified.id,
            None,
            {"question": v.question, "answer": v.answer, "citations": list(v.citations)},
        )
    audit(
        session,
        decision.advisor_id,
        decision.advisor_name,
        f"review.{decision.status}",
        "review",
        review.id,
        before,
        review_state(review),
    )
    session.flush()
    return to_item(session, review)


def verified_since(session: Session, last_id: int) -> list[VerifiedRecord]:
    rows = session.scalars(
        select(VerifiedAnswer).where(VerifiedAnswer.id > last_id).order_by(VerifiedAnswer.id)
    )
    return [to_verified(row) for row in rows]


def to_verified(row: VerifiedAnswer) -> VerifiedRecord:
    return VerifiedRecord(
        id=row.id,
        question=row.question,
        embedding=tuple(row.embedding),
        answer=row.answer,
        citations=tuple(row.citations),
        approved_by=row.approved_by or 0,
        active=row.active,
    )
