"""Request bodies of the API (pydantic lives only at this edge).

Ids are bounded to the database's 32-bit integer range, so an id like 2^63 is a clear 422,
never a storage error.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

from corpus.questions import MAX_QUESTION_CHARS

MAX_ID = 2**31 - 1
CONVERSATION_KEY_PATTERN = r"^cv_[A-Za-z0-9_-]{43}$"

Id = Annotated[int, Field(ge=1, le=MAX_ID, description="Mã số (1 … 2 147 483 647)")]
PathId = Annotated[int, Path(ge=1, le=MAX_ID, description="Mã số (1 … 2 147 483 647)")]
ConversationKey = Annotated[
    str,
    Field(
        pattern=CONVERSATION_KEY_PATTERN,
        description="Mã cuộc hội thoại (bí mật) mà trợ lý trả về cùng câu trả lời đầu tiên",
    ),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class AskRequest(_Strict):
    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS, description="Câu hỏi của đoàn viên")
    conversation_key: ConversationKey | None = None
    share_with_advisor: bool = False


class FeedbackRequest(_Strict):
    interaction_id: Id
    conversation_key: ConversationKey
    rating: Literal[1, -1]
    comment: str = Field(default="", max_length=2000)


class AdvisorRequest(_Strict):
    interaction_id: Id
    conversation_key: ConversationKey
    share_personal_data: bool = False


class ReplyRatingRequest(_Strict):
    conversation_key: ConversationKey
    reference: str = Field(
        pattern=r"^TV-\d{4}-\d{6,10}$", description="Mã yêu cầu, ví dụ TV-2026-000123", max_length=20
    )
    rating: Literal[1, -1]


class DecisionRequest(_Strict):
    comment: str = Field(default="", max_length=4000)


class CitationIn(_Strict):
    law_id: str = Field(min_length=1, max_length=100)
    article: int = Field(ge=1, le=10_000)
    clause: int | None = Field(default=None, ge=1, le=1000)
    point: str | None = Field(default=None, min_length=1, max_length=5)


class EditRequest(_Strict):
    answer: str = Field(min_length=1, max_length=20000)
    citations: list[CitationIn] = Field(default_factory=list, max_length=50)
    comment: str = Field(default="", max_length=4000)


class DraftRequest(_Strict):
    answer: str = Field(min_length=1, max_length=20000)
    citations: list[CitationIn] = Field(default_factory=list, max_length=50)


class UserCreateRequest(_Strict):
    name: str = Field(min_length=1, max_length=200)
    role: Literal["member", "leader", "advisor", "admin"]
    expires_days: int | None = Field(default=365, ge=1, le=3650)


class RotateRequest(_Strict):
    expires_days: int | None = Field(default=365, ge=1, le=3650)
