"""Deleting member data older than the retention period (``legal-assistant admin purge``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assistant.service.storage.models import Conversation, Feedback, Interaction, Review


def purge_before(session: Session, cutoff: datetime) -> dict[str, int]:
    """Delete interactions (with their feedback and reviews) and conversations older than
    ``cutoff``. Verified answers stay: they hold masked, advisor-approved text only."""

    def run(statement: Any) -> int:
        return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]

    old = select(Interaction.id).where(Interaction.created_at < cutoff)
    counts = {
        "feedback": run(delete(Feedback).where(Feedback.interaction_id.in_(old))),
        "reviews": run(delete(Review).where(Review.interaction_id.in_(old))),
    }
    counts["interactions"] = run(delete(Interaction).where(Interaction.created_at < cutoff))
    still_used = select(Interaction.conversation_id)
    counts["conversations"] = run(
        delete(Conversation).where(Conversation.created_at < cutoff, Conversation.id.not_in(still_used))
    )
    return counts
