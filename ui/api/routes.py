"""API routes under ``/v1``: member chat, feedback, advisor review, sources, dashboard.

Every operation declares its response model and its errors (one shape, ``ErrorBody``).
Conversations are reached by their secret key, interactions through that key, so a caller
only ever touches their own (see ``assistant.service.ownership``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse

from assistant.service.application import AssistantService
from assistant.service.errors import ServiceError
from assistant.service.results import UserInfo
from ui.api.deps import advisor_user, get_service, leader_user, no_unknown_query, optional_user
from ui.api.errors import error_body
from ui.api.metrics import Metrics
from ui.api.responses import (
    AdvisorRequestResponse,
    AskResponse,
    ConversationResponse,
    DashboardResponse,
    FeedbackResponse,
    ReplyList,
    ReplyOut,
    ReviewList,
    ReviewOut,
    SourceResponse,
    StreamEventOut,
    errors,
)
from ui.api.schemas import (
    CONVERSATION_KEY_PATTERN,
    AdvisorRequest,
    AskRequest,
    DecisionRequest,
    DraftRequest,
    EditRequest,
    FeedbackRequest,
    PathId,
    ReplyRatingRequest,
)

router = APIRouter(prefix="/v1", dependencies=[Depends(no_unknown_query)])
Service = Annotated[AssistantService, Depends(get_service)]
Member = Annotated[UserInfo | None, Depends(optional_user)]
Advisor = Annotated[UserInfo, Depends(advisor_user)]
Leader = Annotated[UserInfo, Depends(leader_user)]
MEMBER_ERRORS = errors(401)
# Members may call these anonymously (when the settings allow) or with their token.
# ``ui.api.openapi`` turns this mark into ``security: [{}, {bearer: []}]`` (token optional).
OPTIONAL_AUTH: dict[str, Any] = {"x-auth-optional": True}
STAFF_ERRORS = errors(401, 403)
NDJSON = {
    "description": (
        "Các dòng JSON: delta (đoạn văn bản), rồi final (như /v1/ask) hoặc error; "
        "gửi Accept: text/event-stream để nhận cùng các sự kiện dạng SSE"
    ),
    "content": {"application/x-ndjson": {"schema": StreamEventOut.model_json_schema()}},
}


def _metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


@router.post(
    "/ask", summary="Hỏi trợ lý (trả lời kèm trích dẫn)", responses=MEMBER_ERRORS, openapi_extra=OPTIONAL_AUTH
)
def ask(body: AskRequest, request: Request, service: Service, user: Member) -> AskResponse:
    result = service.ask(
        body.question,
        user=user,
        conversation_key=body.conversation_key,
        share_with_advisor=body.share_with_advisor,
    )
    _metrics(request).observe_answer(result.answer, result.verified)
    return AskResponse.model_validate(result.to_json())


def _ndjson(events: Iterator[Any], metrics: Metrics, sse: bool = False) -> Iterator[bytes]:
    """NDJSON lines, or server-sent events (``event: delta|final|error``) when ``sse``."""

    def line(payload: dict[str, Any]) -> bytes:
        data = json.dumps(payload, ensure_ascii=False)
        return (f"event: {payload['type']}\ndata: {data}\n\n" if sse else data + "\n").encode("utf-8")

    try:
        for event in events:
            if event.kind == "final" and event.result is not None:
                metrics.observe_answer(event.result.answer, event.result.verified)
            yield line(event.to_json())
    except ServiceError as exc:  # headers are sent already: report the error as the last line
        yield line({"type": "error", **error_body(exc.code, str(exc))})
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()  # client gone: stop the pipeline; nothing is stored without the final event


@router.post(
    "/ask/stream",
    summary="Hỏi trợ lý, trả lời dạng luồng (NDJSON, hoặc SSE với Accept: text/event-stream)",
    response_class=StreamingResponse,
    responses={200: NDJSON, **MEMBER_ERRORS},
    openapi_extra=OPTIONAL_AUTH,
)
def ask_stream(body: AskRequest, request: Request, service: Service, user: Member) -> StreamingResponse:
    events = service.stream(
        body.question,
        user=user,
        conversation_key=body.conversation_key,
        share_with_advisor=body.share_with_advisor,
    )
    first = next(events)  # validation, ownership, storage and busy errors surface here, as a status code

    def chained() -> Iterator[Any]:
        yield first
        yield from events

    sse = "text/event-stream" in request.headers.get("accept", "")
    media = "text/event-stream" if sse else "application/x-ndjson"
    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}  # no proxy buffering
    return StreamingResponse(_ndjson(chained(), _metrics(request), sse), media_type=media, headers=headers)


@router.get(
    "/conversations/{conversation_key}",
    summary="Lịch sử cuộc hội thoại của bạn",
    responses=MEMBER_ERRORS,
    openapi_extra=OPTIONAL_AUTH,
)
def conversation(
    conversation_key: Annotated[str, Path(pattern=CONVERSATION_KEY_PATTERN)], service: Service, user: Member
) -> ConversationResponse:
    return ConversationResponse.model_validate(service.conversation(conversation_key, user=user).to_json())


@router.get(
    "/conversations/{conversation_key}/replies",
    summary="Trả lời của tư vấn viên trong cuộc hội thoại của bạn (cho các kênh khác)",
    responses=MEMBER_ERRORS,
    openapi_extra=OPTIONAL_AUTH,
)
def replies(
    conversation_key: Annotated[str, Path(pattern=CONVERSATION_KEY_PATTERN)],
    service: Service,
    user: Member,
    unread_only: bool = False,
) -> ReplyList:
    found = service.advisor_replies(conversation_key, user=user, unread_only=unread_only)
    return ReplyList.model_validate({"items": [r.to_json() for r in found]})


@router.post(
    "/reply-ratings",
    summary="Đánh giá trả lời của tư vấn viên (1 hoặc -1)",
    responses=errors(401, 409),
    openapi_extra=OPTIONAL_AUTH,
)
def rate_reply(body: ReplyRatingRequest, service: Service, user: Member) -> ReplyOut:
    reply = service.rate_reply(body.conversation_key, body.reference, body.rating, user=user)
    return ReplyOut.model_validate(reply.to_json())


@router.post(
    "/feedback",
    summary="Đánh giá câu trả lời của bạn (1 hoặc -1)",
    responses=MEMBER_ERRORS,
    openapi_extra=OPTIONAL_AUTH,
)
def feedback(body: FeedbackRequest, service: Service, user: Member) -> FeedbackResponse:
    result = service.feedback(
        body.interaction_id, body.rating, body.comment, user, conversation_key=body.conversation_key
    )
    return FeedbackResponse.model_validate(result.to_json())


@router.post(
    "/advisor-requests",
    summary="Chuyển câu hỏi của bạn cho tư vấn viên",
    responses=MEMBER_ERRORS,
    openapi_extra=OPTIONAL_AUTH,
)
def advisor_request(body: AdvisorRequest, service: Service, user: Member) -> AdvisorRequestResponse:
    item = service.request_advisor(
        body.interaction_id, user, body.share_personal_data, conversation_key=body.conversation_key
    )
    return AdvisorRequestResponse(
        review_id=item.id,
        reference=item.reference,
        status=item.status,
        reason=item.reason,
        personal_data_shared=item.personal_question is not None,
    )


@router.get("/reviews", summary="Hàng đợi duyệt (tư vấn viên)", responses=STAFF_ERRORS)
def reviews(
    service: Service,
    advisor: Advisor,
    status: Literal["pending", "approved", "edited", "rejected"] = "pending",
    law: Annotated[str | None, Query(max_length=100)] = None,
    reason: Literal["escalated", "low_confidence", "thumbs_down", "member_request"] | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    topic: Annotated[str | None, Query(max_length=300)] = None,
) -> ReviewList:
    items = service.review_queue(
        status=status, law=law, reason=reason, limit=limit, topic=topic, user=advisor
    )
    return ReviewList.model_validate({"items": [item.to_json() for item in items]})


@router.get("/reviews/{review_id}", summary="Một mục duyệt", responses=STAFF_ERRORS)
def review(review_id: PathId, service: Service, advisor: Advisor) -> ReviewOut:
    return ReviewOut.model_validate(service.get_review(review_id, user=advisor).to_json())


@router.post("/reviews/{review_id}/approve", summary="Duyệt câu trả lời", responses=errors(401, 403, 409))
def approve(review_id: PathId, body: DecisionRequest, service: Service, advisor: Advisor) -> ReviewOut:
    return ReviewOut.model_validate(service.approve(review_id, advisor, body.comment).to_json())


@router.post(
    "/reviews/{review_id}/draft",
    summary="Lưu nháp câu trả lời sửa (chưa duyệt)",
    responses=errors(401, 403, 409),
)
def save_draft(review_id: PathId, body: DraftRequest, service: Service, advisor: Advisor) -> ReviewOut:
    citations = [c.model_dump() for c in body.citations]
    return ReviewOut.model_validate(service.save_draft(review_id, advisor, body.answer, citations).to_json())


@router.post(
    "/reviews/{review_id}/edit",
    summary="Sửa và duyệt câu trả lời và trích dẫn",
    responses=errors(401, 403, 409),
)
def edit(review_id: PathId, body: EditRequest, service: Service, advisor: Advisor) -> ReviewOut:
    citations = [c.model_dump() for c in body.citations]
    item = service.edit(review_id, advisor, body.answer, citations, body.comment)
    return ReviewOut.model_validate(item.to_json())


@router.post("/reviews/{review_id}/reject", summary="Từ chối câu trả lời", responses=errors(401, 403, 409))
def reject(review_id: PathId, body: DecisionRequest, service: Service, advisor: Advisor) -> ReviewOut:
    return ReviewOut.model_validate(service.reject(review_id, advisor, body.comment).to_json())


@router.get("/sources/{law:path}/{article}", summary="Toàn văn một điều luật", responses=errors())
def source(
    law: Annotated[str, Path(min_length=1, max_length=100)],
    article: Annotated[int, Path(ge=1, le=10_000)],
    service: Service,
) -> SourceResponse:
    return SourceResponse.model_validate(service.source(law, article))


@router.get("/dashboard", summary="Thống kê cho lãnh đạo công đoàn", responses=STAFF_ERRORS)
def dashboard(
    service: Service, leader: Leader, days: Annotated[int, Query(ge=1, le=3650)] = 30
) -> DashboardResponse:
    return DashboardResponse.model_validate(service.dashboard(days, user=leader).to_json())
