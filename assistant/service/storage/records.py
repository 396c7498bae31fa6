"""Plain records passed into and out of the store (the ORM stays inside ``assistant.service.storage``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class InteractionDraft:
    """One answered question, as it will be stored (question already masked)."""

    question: str
    answer: dict[str, Any]
    confidence: float
    abstained: bool
    escalated: bool
    generator: str
    latency_ms: float
    user_id: int | None = None
    conversation_id: int | None = None  # None: start a new conversation
    conversation_key_hash: str | None = None  # sha256 of the new conversation's key
    verified_answer_id: int | None = None
    topic_law: str | None = None
    topic_chapter: str | None = None
    sources: tuple[dict[str, Any], ...] = ()  # retrieved evidence shown to advisors


@dataclass(frozen=True)
class ReviewDraft:
    """A queue entry to open for an interaction."""

    reason: str  # escalated | low_confidence | thumbs_down | member_request
    sources: tuple[dict[str, Any], ...] = ()
    law: str | None = None
    personal_question: str | None = None  # only when the member who typed it consented
    consent_by: int | None = None  # that member's user id (None: anonymous key holder)


@dataclass(frozen=True)
class StoredInteraction:
    id: int
    conversation_id: int
    user_id: int | None
    question: str
    answer: dict[str, Any]
    confidence: float
    abstained: bool
    escalated: bool
    generator: str
    created_at: datetime
    topic_law: str | None = None
    sources: tuple[dict[str, Any], ...] = field(default=())


@dataclass(frozen=True)
class UserRecord:
    """A user as the admin sees it (never the token or its hash)."""

    id: int
    name: str
    role: str
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None
    disabled: bool


@dataclass(frozen=True)
class VerifiedDraft:
    question: str
    embedding: tuple[float, ...]
    answer: str
    citations: tuple[dict[str, Any], ...]
    approved_by: int
    review_id: int


@dataclass(frozen=True)
class VerifiedRecord:
    id: int
    question: str
    embedding: tuple[float, ...]
    answer: str
    citations: tuple[dict[str, Any], ...]
    approved_by: int
    active: bool = True


@dataclass(frozen=True)
class Decision:
    """An advisor's decision on a review."""

    status: str  # approved | edited | rejected
    advisor_id: int
    advisor_name: str
    comment: str
    final_answer: dict[str, Any] | None = None
    verified: VerifiedDraft | None = None


@dataclass(frozen=True)
class DashboardRows:
    """Raw aggregates for the dashboard; the service adds titles from the corpus."""

    per_day: tuple[tuple[str, int], ...]
    laws: tuple[tuple[str, int], ...]
    chapters: tuple[tuple[str, str, int], ...]
    total: int
    abstained: int
    escalated: int
    verified: int
    thumbs_up: int
    feedback: int
    pending_reviews: int
