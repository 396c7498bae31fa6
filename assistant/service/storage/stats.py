"""Aggregates for the leaders' dashboard (counts only: no question text leaves here)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from assistant.service.storage.models import Feedback, Interaction, Review, utcnow
from assistant.service.storage.records import DashboardRows

TOP_TOPICS = 10


def dashboard_rows(session: Session, days: int, now: datetime | None = None) -> DashboardRows:
    now = now or utcnow()
    since = now - timedelta(days=days)
    window = Interaction.created_at >= since
    created = session.execute(select(Interaction.created_at).where(window)).scalars()
    per_day: dict[str, int] = {}
    for stamp in created:  # grouping by day in Python keeps SQLite and PostgreSQL alike
        key = stamp.date().isoformat()
        per_day[key] = per_day.get(key, 0) + 1
    laws = session.execute(
        select(Interaction.topic_law, func.count())
        .where(window, Interaction.topic_law.is_not(None))
        .group_by(Interaction.topic_law)
        .order_by(func.count().desc(), Interaction.topic_law)
        .limit(TOP_TOPICS)
    ).all()
    chapters = session.execute(
        select(Interaction.topic_law, Interaction.topic_chapter, func.count())
        .where(window, Interaction.topic_law.is_not(None), Interaction.topic_chapter.is_not(None))
        .group_by(Interaction.topic_law, Interaction.topic_chapter)
        .order_by(func.count().desc(), Interaction.topic_law, Interaction.topic_chapter)
        .limit(TOP_TOPICS)
    ).all()

    def count(*conditions: ColumnElement[bool]) -> int:
        return int(
            session.scalar(select(func.count()).select_from(Interaction).where(window, *conditions)) or 0
        )

    feedback_window = Feedback.created_at >= since
    thumbs_up = session.scalar(
        select(func.count()).select_from(Feedback).where(feedback_window, Feedback.rating > 0)
    )
    feedback = session.scalar(select(func.count()).select_from(Feedback).where(feedback_window))
    pending = session.scalar(select(func.count()).select_from(Review).where(Review.status == "pending"))
    return DashboardRows(
        per_day=tuple(sorted(per_day.items())),
        laws=tuple((str(law), int(n)) for law, n in laws),
        chapters=tuple((str(law), str(ch), int(n)) for law, ch, n in chapters),
        total=count(),
        abstained=count(Interaction.abstained.is_(True)),
        escalated=count(Interaction.escalated.is_(True)),
        verified=count(Interaction.verified_answer_id.is_not(None)),
        thumbs_up=int(thumbs_up or 0),
        feedback=int(feedback or 0),
        pending_reviews=int(pending or 0),
    )
