"""Unmasked questions kept for a short while, for a later "Hỏi tư vấn viên" with consent.

A member's question is stored masked. The text as typed is kept here until ``expires_at`` so
that the member who typed it can still choose to share it with an advisor; after that only
the masked text exists. Expired rows are deleted whenever a new one is kept and by
``legal-assistant admin purge``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from assistant.service.storage.models import PendingPersonal


def keep(session: Session, interaction_id: int, question: str, typed_by: int | None,
         expires_at: datetime, now: datetime) -> None:
    drop_expired(session, now)
    session.merge(PendingPersonal(
        interaction_id=interaction_id, question=question, typed_by=typed_by, expires_at=expires_at
    ))


def shared_by(session: Session, interaction_id: int, caller: int | None, now: datetime) -> str | None:
    """The unmasked question when it has not expired and ``caller`` is who typed it."""
    row = session.get(PendingPersonal, interaction_id)
    if row is None or row.expires_at <= now or row.typed_by != caller:
        return None
    return row.question


def drop_expired(session: Session, now: datetime) -> int:
    result = session.execute(delete(PendingPersonal).where(PendingPersonal.expires_at <= now))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
