"""Read the dashboard's facts from the database (no question text is read) and build the report."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from assistant.service.dashboard.report import (
    MAX_DAYS,
    DashboardReport,
    InteractionFact,
    RatingFact,
    build_report,
    fetch_start,
)
from assistant.service.dashboard.topics import TopicTable, first_unit, topic_table
from assistant.service.storage.models import Feedback, Interaction, Review, utcnow

COLUMNS = (
    Interaction.id,
    Interaction.created_at,
    Interaction.abstained,
    Interaction.escalated,
    Interaction.verified_answer_id,
    Interaction.topic_law,
    Interaction.answer["citations"],
    Interaction.sources,
)


def _topic(table: TopicTable, citations: Any, sources: Any, law: str | None) -> tuple[str, str | None]:
    """(topic, short law name) from the answer's first cited unit, else the first retrieved one."""
    cited = citations if isinstance(citations, list) else None
    found_law, article = first_unit(cited, sources if isinstance(sources, list) else None)
    found_law = found_law or law
    return table.topic(found_law, article), table.short_name(found_law) if found_law else None


def read_facts(
    session: Session, since: datetime, table: TopicTable
) -> tuple[list[InteractionFact], list[RatingFact]]:
    facts: list[InteractionFact] = []
    topics: dict[int, str] = {}
    for row in session.execute(select(*COLUMNS).where(Interaction.created_at >= since)):
        iid, created, abstained, escalated, verified_id, law, citations, sources = row
        topic, short = _topic(table, citations, sources, law)
        topics[iid] = topic
        facts.append(
            InteractionFact(created, topic, short, bool(abstained), bool(escalated), verified_id is not None)
        )
    ratings = []
    rated = select(Feedback.created_at, Feedback.rating, Feedback.interaction_id).where(
        Feedback.created_at >= since
    )
    for created, rating, iid in session.execute(rated):
        known = topics.get(iid)
        if known is None:  # a rating today of an answer given before the window
            old = session.execute(select(*COLUMNS[5:]).where(Interaction.id == iid)).first()
            known = _topic(table, old[1], old[2], old[0])[0] if old is not None else table.unknown
        ratings.append(RatingFact(created, int(rating), known))
    return facts, ratings


def load_report(engine: Engine, days: int, now: datetime | None = None) -> DashboardReport:
    """The dashboard of the ``days`` local days ending today, read in one transaction."""
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"Số ngày thống kê phải từ 1 đến {MAX_DAYS}; nhận được {days}.")
    now = now or utcnow()
    with Session(engine) as session, session.begin():
        facts, ratings = read_facts(session, fetch_start(days, now), topic_table())
        pending = session.scalar(select(func.count()).select_from(Review).where(Review.status == "pending"))
    return build_report(days, facts, ratings, now=now, pending_reviews=int(pending or 0))
