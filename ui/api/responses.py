"""Response models of the API and the one error shape, declared for every operation."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    # Extra keys are kept: later additions (e.g. a calculator's result) pass through unchanged.
    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    loc: list[str]
    msg: str
    type: str


class ErrorBody(_Out):
    """Every error: a stable code, a Vietnamese message saying what was wrong and what to do."""

    error: str = Field(description="Mã lỗi ổn định, ví dụ not_found, invalid_request, rate_limited")
    message: str = Field(description="Thông báo tiếng Việt cho người dùng")
    details: list[ErrorDetail] | None = None
    limit: int | None = None


class CitationOut(_Out):
    law_id: str
    article: int
    clause: int | None = None
    point: str | None = None
    title: str | None = None
    in_force: bool | None = None
    law_title: str | None = None
    text: str | None = None
    replaced_by: list[str] = Field(default_factory=list)


class AskResponse(_Out):
    direct_answer: str = Field(description="Phần trả lời ngắn, đọc trước")
    answer: str = Field(description="Toàn văn câu trả lời")
    citations: list[CitationOut]
    calculation: dict[str, Any] | None = Field(
        default=None, description="Kết quả tính toán (tên công cụ, đầu vào, kết quả, công thức, trích dẫn)"
    )
    abstained: bool
    escalate: bool
    confidence: float
    generator: str
    fallback_reason: str | None = None
    warnings: list[str] = Field(default_factory=list)
    interaction_id: int
    conversation_key: str = Field(description="Mã bí mật của cuộc hội thoại; gửi lại để hỏi tiếp")
    verified: bool
    label: str | None = None
    verified_answer_id: int | None = None
    verified_question: str | None = Field(
        default=None, description="Câu hỏi mà tư vấn viên đã xác nhận câu trả lời (khi verified)"
    )
    review_id: int | None = None


class StreamEventOut(_Out):
    """One NDJSON line of /v1/ask/stream: deltas, then a final AskResponse (or an error line)."""

    type: str = Field(description="delta | final | error")
    text: str | None = None


class ReplyOut(_Out):
    """The advisors' reply to one question of the member's conversation."""

    reference: str = Field(description="Mã yêu cầu, ví dụ TV-2026-000123")
    interaction_id: int
    status: str = Field(description="waiting (đang chờ) | answered (đã trả lời) | declined")
    text: str
    citations: list[dict[str, Any]]
    requested_at: str
    answered_at: str | None = None
    unread: bool = Field(description="Đã có trả lời mà đoàn viên chưa đọc (lần đọc này xoá dấu)")
    rating: int | None = None


class ReplyList(_Out):
    items: list[ReplyOut]


class TurnOut(_Out):
    interaction_id: int
    question: str
    answer: dict[str, Any]
    created_at: str
    verified: bool
    advisor_reply: ReplyOut | None = None


class ConversationResponse(_Out):
    created_at: str
    unread_replies: int = Field(default=0, description="Số trả lời của tư vấn viên chưa đọc")
    turns: list[TurnOut]


class FeedbackResponse(_Out):
    feedback_id: int
    interaction_id: int
    rating: int
    review_id: int | None = None


class AdvisorRequestResponse(_Out):
    review_id: int
    reference: str = Field(description="Mã yêu cầu để đoàn viên tra cứu, ví dụ TV-2026-000123")
    status: str
    reason: str
    personal_data_shared: bool


class ReviewOut(_Out):
    id: int
    interaction_id: int
    status: str
    reason: str
    question: str
    personal_question: str | None = None
    consent_by: str | None = None
    consent_at: str | None = None
    answer: dict[str, Any]
    sources: list[dict[str, Any]]
    law: str | None = None
    created_at: str
    decided_by: str | None = None
    decided_at: str | None = None
    comment: str | None = None
    final_answer: dict[str, Any] | None = None
    reference: str | None = None
    draft: dict[str, Any] | None = None
    topic: str | None = None


class ReviewList(_Out):
    items: list[ReviewOut]


class ClauseOut(_Out):
    clause: int | str | None = None
    number: int | str | None = None
    text: str


class SourceResponse(_Out):
    law_id: str
    article: int
    title: str | None = None
    heading: str | None = None
    text: str
    path: list[str]
    in_force: bool
    status: str | None = None
    law_title: str | None = None
    replaced_by: list[str]
    clauses: list[ClauseOut]


class DayCount(BaseModel):
    date: str
    count: int


class TopicOut(BaseModel):
    law_id: str
    law_title: str
    chapter: str | None = None
    count: int


class DashboardResponse(_Out):
    days: int
    total_questions: int
    questions_per_day: list[DayCount]
    top_laws: list[TopicOut]
    top_chapters: list[TopicOut]
    share_declined: float
    share_escalated: float
    satisfaction: float | None = None
    feedback_count: int
    pending_reviews: int
    verified_served: int


class UserOut(_Out):
    id: int
    name: str
    role: str
    created_at: str | None = None
    expires_at: str | None = None
    last_used_at: str | None = None
    revoked_at: str | None = None
    active: bool


class UserList(_Out):
    items: list[UserOut]


class TokenIssued(_Out):
    id: int
    name: str
    role: str
    expires_at: str | None = None
    token: str = Field(description="Mã truy cập, chỉ hiển thị một lần")


class HealthResponse(BaseModel):
    status: str


class ReadyResponse(BaseModel):
    status: str
    corpus_units: int
    generator: str | None = None  # the answer generator in use, e.g. "extractive", "openai:local"


ERROR_TEXT = {
    400: "Nội dung yêu cầu không đọc được",
    401: "Thiếu, sai, hết hạn hoặc đã thu hồi mã truy cập",
    403: "Vai trò không được phép",
    404: "Không tìm thấy (hoặc không thuộc về người gọi)",
    405: "Phương thức không được hỗ trợ",
    409: "Xung đột trạng thái",
    413: "Yêu cầu quá lớn",
    422: "Dữ liệu không hợp lệ",
    429: "Quá nhiều yêu cầu",
    500: "Lỗi hệ thống",
    503: "Hệ thống đang khởi động hoặc lưu trữ đang bận",
}
ALWAYS = (400, 404, 405, 413, 422, 429, 500, 503)


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for an operation: the always-possible errors plus ``codes``, one shape."""
    return {code: {"model": ErrorBody, "description": ERROR_TEXT[code]} for code in sorted({*ALWAYS, *codes})}
