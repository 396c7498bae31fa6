"""Frozen result types returned by the application layer (``assistant.service.application``).

Both front ends (FastAPI and Gradio) read these; ``to_json`` gives the public JSON shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

VERIFIED_LABEL = "Đã được tư vấn viên xác nhận"

Role = Literal["member", "leader", "advisor", "admin"]
# A leader (lãnh đạo công đoàn) reads the dashboard only; an advisor also works the review queue.
ROLES: tuple[str, ...] = ("member", "leader", "advisor", "admin")
STAFF_ROLES = frozenset({"advisor", "admin"})
DASHBOARD_ROLES = frozenset({"leader", "advisor", "admin"})
REVIEW_STATUSES: tuple[str, ...] = ("pending", "approved", "edited", "rejected")
REVIEW_REASONS: tuple[str, ...] = ("escalated", "low_confidence", "thumbs_down", "member_request")


@dataclass(frozen=True)
class UserInfo:
    """An authenticated caller (never carries the token)."""

    id: int
    name: str
    role: str
    expires_at: str | None = None  # ISO timestamp (UTC) or None for no expiry

    @property
    def staff(self) -> bool:
        return self.role in STAFF_ROLES


@dataclass(frozen=True)
class AskResult:
    """One answered question as stored: the answer JSON plus its ids."""

    interaction_id: int
    conversation_id: int  # internal; never shown to clients
    answer: dict[str, Any]  # Answer.to_json() shape
    conversation_key: str = ""  # the client's unguessable handle on the conversation
    verified: bool = False
    label: str | None = None  # VERIFIED_LABEL when an advisor-verified answer was served
    verified_answer_id: int | None = None
    review_id: int | None = None  # set when the answer entered the advisor queue
    cached: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            **self.answer,
            "interaction_id": self.interaction_id,
            "conversation_key": self.conversation_key,
            "verified": self.verified,
            "label": self.label,
            "verified_answer_id": self.verified_answer_id,
            "review_id": self.review_id,
        }


@dataclass(frozen=True)
class StreamEvent:
    """One event of ``AssistantService.stream``: text deltas, then one final result."""

    kind: Literal["delta", "final"]
    text: str = ""
    result: AskResult | None = None

    def to_json(self) -> dict[str, Any]:
        if self.kind == "delta":
            return {"type": "delta", "text": self.text}
        assert self.result is not None
        return {"type": "final", **self.result.to_json()}


REFERENCE_PREFIX = "TV"


def reference_for(review_id: int, created_at: str) -> str:
    """The reference a member quotes for a request to advisors: "TV-2026-000123".

    Readable, not secret: it names a review, but reaches nothing without the conversation key."""
    return f"{REFERENCE_PREFIX}-{created_at[:4]}-{review_id:06d}"


@dataclass(frozen=True)
class AdvisorReply:
    """What the member sees of a review of their question: waiting, answered or declined."""

    reference: str
    interaction_id: int
    status: Literal["waiting", "answered", "declined"]
    text: str  # the advisor's answer ("" while waiting)
    citations: tuple[dict[str, Any], ...]
    requested_at: str
    answered_at: str | None = None
    unread: bool = False  # answered (or declined) and not yet read by the member
    rating: int | None = None  # the member's rating of the reply (1 or -1)

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "interaction_id": self.interaction_id,
            "status": self.status,
            "text": self.text,
            "citations": list(self.citations),
            "requested_at": self.requested_at,
            "answered_at": self.answered_at,
            "unread": self.unread,
            "rating": self.rating,
        }


@dataclass(frozen=True)
class Turn:
    interaction_id: int
    question: str  # masked
    answer: dict[str, Any]
    created_at: str
    verified: bool = False
    reply: AdvisorReply | None = None  # the advisors' reply to this turn, if it was reviewed

    def to_json(self) -> dict[str, Any]:
        return {
            "interaction_id": self.interaction_id,
            "question": self.question,
            "answer": self.answer,
            "created_at": self.created_at,
            "verified": self.verified,
            "advisor_reply": None if self.reply is None else self.reply.to_json(),
        }


@dataclass(frozen=True)
class ConversationView:
    id: int  # internal; the client knows the conversation by its key
    created_at: str
    turns: tuple[Turn, ...]

    @property
    def unread_replies(self) -> int:
        return sum(1 for t in self.turns if t.reply is not None and t.reply.unread)

    def to_json(self) -> dict[str, Any]:
        return {
            "created_at": self.created_at,
            "unread_replies": self.unread_replies,
            "turns": [t.to_json() for t in self.turns],
        }


@dataclass(frozen=True)
class FeedbackResult:
    feedback_id: int
    interaction_id: int
    rating: int
    review_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "feedback_id": self.feedback_id,
            "interaction_id": self.interaction_id,
            "rating": self.rating,
            "review_id": self.review_id,
        }


@dataclass(frozen=True)
class ReviewItem:
    """What an advisor sees for one queued answer."""

    id: int
    interaction_id: int
    status: str
    reason: str
    question: str  # masked question
    answer: dict[str, Any]  # the answer the member got
    sources: tuple[dict[str, Any], ...]  # retrieved evidence: law_id, article, clause, title, score
    law: str | None
    created_at: str
    personal_question: str | None = None  # unmasked, only when the member chose to share it
    consent_by: str | None = None  # who consented to share it ("anonymous": the key holder)
    consent_at: str | None = None  # when (ISO, UTC)
    decided_by: str | None = None
    decided_at: str | None = None
    comment: str | None = None
    final_answer: dict[str, Any] | None = None
    draft: dict[str, Any] | None = None  # an advisor's saved, not yet approved, edit
    topic: str | None = None  # the chapter of the cited law the question falls under

    @property
    def reference(self) -> str:
        return reference_for(self.id, self.created_at)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "interaction_id": self.interaction_id,
            "status": self.status,
            "reason": self.reason,
            "question": self.question,
            "personal_question": self.personal_question,
            "consent_by": self.consent_by,
            "consent_at": self.consent_at,
            "answer": self.answer,
            "sources": list(self.sources),
            "law": self.law,
            "created_at": self.created_at,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at,
            "comment": self.comment,
            "final_answer": self.final_answer,
            "draft": self.draft,
            "topic": self.topic,
        }


@dataclass(frozen=True)
class TopicCount:
    law_id: str
    law_title: str
    chapter: str | None  # None in the per-law list
    count: int

    def to_json(self) -> dict[str, Any]:
        return {
            "law_id": self.law_id,
            "law_title": self.law_title,
            "chapter": self.chapter,
            "count": self.count,
        }


@dataclass(frozen=True)
class DashboardStats:
    days: int
    total_questions: int
    questions_per_day: tuple[tuple[str, int], ...]  # (ISO date, count), oldest first
    top_laws: tuple[TopicCount, ...]
    top_chapters: tuple[TopicCount, ...]
    share_declined: float  # abstained answers / all answers in the window
    share_escalated: float
    satisfaction: float | None  # thumbs up / all feedback; None without feedback
    feedback_count: int
    pending_reviews: int
    verified_served: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "total_questions": self.total_questions,
            "questions_per_day": [{"date": d, "count": c} for d, c in self.questions_per_day],
            "top_laws": [t.to_json() for t in self.top_laws],
            "top_chapters": [t.to_json() for t in self.top_chapters],
            "share_declined": round(self.share_declined, 4),
            "share_escalated": round(self.share_escalated, 4),
            "satisfaction": None if self.satisfaction is None else round(self.satisfaction, 4),
            "feedback_count": self.feedback_count,
            "pending_reviews": self.pending_reviews,
            "verified_served": self.verified_served,
        }
