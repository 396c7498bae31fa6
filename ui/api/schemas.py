"""Request bodies of the API (pydantic lives only at this edge)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class AskRequest(_Strict):
    question: str = Field(min_length=1, description="Câu hỏi của đoàn viên")
    conversation_id: int | None = None
    share_with_advisor: bool = False


class FeedbackRequest(_Strict):
    interaction_id: int
    rating: Literal[1, -1]
    comment: str = Field(default="", max_length=2000)


class AdvisorRequest(_Strict):
    interaction_id: int
    share_personal_data: bool = False


class DecisionRequest(_Strict):
    comment: str = Field(default="", max_length=4000)


class CitationIn(_Strict):
    law_id: str = Field(min_length=1)
    article: int
    clause: int | None = None
    point: str | None = None


class EditRequest(_Strict):
    answer: str = Field(min_length=1, max_length=20000)
    citations: list[CitationIn] = Field(default_factory=list)
    comment: str = Field(default="", max_length=4000)
