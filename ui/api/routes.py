"""API routes under ``/v1``: member chat, feedback, advisor review, sources, dashboard."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from ui.api.deps import advisor_user, get_service, optional_user
from ui.api.errors import error_body
from ui.api.metrics import Metrics
from ui.api.schemas import AdvisorRequest, AskRequest, DecisionRequest, EditRequest, FeedbackRequest
from ui.application import AssistantService
from ui.errors import ServiceError
from ui.results import UserInfo

router = APIRouter(prefix="/v1")
Service = Annotated[AssistantService, Depends(get_service)]
Member = Annotated[UserInfo | None, Depends(optional_user)]
Advisor = Annotated[UserInfo, Depends(advisor_user)]


def _metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


@router.post("/ask", summary="Hỏi trợ lý (trả lời kèm trích dẫn)")
def ask(body: AskRequest, request: Request, service: Service, user: Member) -> dict[str, Any]:
    result = service.ask(
        body.question,
        user=user,
        conversation_id=body.conversation_id,
        share_with_advisor=body.share_with_advisor,
    )
    _metrics(request).observe_answer(result.answer, result.verified)
    return result.to_json()


def _ndjson(events: Iterator[Any], metrics: Metrics) -> Iterator[bytes]:
    try:
        for event in events:
            if event.kind == "final" and event.result is not None:
                metrics.observe_answer(event.result.answer, event.result.verified)
            yield (json.dumps(event.to_json(), ensure_ascii=False) + "\n").encode("utf-8")
    except ServiceError as exc:  # headers are sent already: report the error as the last line
        yield (
            json.dumps({"type": "error", **error_body(exc.code, str(exc))}, ensure_ascii=False) + "\n"
        ).encode()
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()  # client gone: stop the pipeline; nothing is stored without the final event


@router.post("/ask/stream", summary="Hỏi trợ lý, trả lời dạng luồng (NDJSON)")
def ask_stream(body: AskRequest, request: Request, service: Service, user: Member) -> StreamingResponse:
    events = service.stream(
        body.question,
        user=user,
        conversation_id=body.conversation_id,
        share_with_advisor=body.share_with_advisor,
    )
    first = next(events)  # validation and storage errors surface here, as a proper status code

    def chained() -> Iterator[Any]:
        yield first
        yield from events

    gen = chained()
    return StreamingResponse(_ndjson(gen, _metrics(request)), media_type="application/x-ndjson")


@router.get("/conversations/{conversation_id}", summary="Lịch sử một cuộc hội thoại")
def conversation(conversation_id: int, service: Service, user: Member) -> dict[str, Any]:
    return service.conversation(conversation_id, user=user).to_json()


@router.post("/feedback", summary="Đánh giá câu trả lời (1 hoặc -1)")
def feedback(body: FeedbackRequest, service: Service, user: Member) -> dict[str, Any]:
    return service.feedback(body.interaction_id, body.rating, body.comment, user).to_json()


@router.post("/advisor-requests", summary="Chuyển câu hỏi cho tư vấn viên")
def advisor_request(body: AdvisorRequest, service: Service, user: Member) -> dict[str, Any]:
    item = service.request_advisor(body.interaction_id, user, body.share_personal_data)
    return {"review_id": item.id, "status": item.status, "reason": item.reason}


@router.get("/reviews", summary="Hàng đợi duyệt (tư vấn viên)")
def reviews(
    service: Service,
    advisor: Advisor,
    status: str = "pending",
    law: str | None = None,
    reason: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    items = service.review_queue(status=status, law=law, reason=reason, limit=limit, user=advisor)
    return {"items": [item.to_json() for item in items]}


@router.get("/reviews/{review_id}", summary="Một mục duyệt")
def review(review_id: int, service: Service, advisor: Advisor) -> dict[str, Any]:
    return service.get_review(review_id, user=advisor).to_json()


@router.post("/reviews/{review_id}/approve", summary="Duyệt câu trả lời")
def approve(review_id: int, body: DecisionRequest, service: Service, advisor: Advisor) -> dict[str, Any]:
    return service.approve(review_id, advisor, body.comment).to_json()


@router.post("/reviews/{review_id}/edit", summary="Sửa câu trả lời và trích dẫn")
def edit(review_id: int, body: EditRequest, service: Service, advisor: Advisor) -> dict[str, Any]:
    citations = [c.model_dump() for c in body.citations]
    return service.edit(review_id, advisor, body.answer, citations, body.comment).to_json()


@router.post("/reviews/{review_id}/reject", summary="Từ chối câu trả lời")
def reject(review_id: int, body: DecisionRequest, service: Service, advisor: Advisor) -> dict[str, Any]:
    return service.reject(review_id, advisor, body.comment).to_json()


@router.get("/sources/{law:path}/{article}", summary="Toàn văn một điều luật")
def source(law: str, article: int, service: Service) -> dict[str, Any]:
    return service.source(law, article)


@router.get("/dashboard", summary="Thống kê cho lãnh đạo công đoàn")
def dashboard(
    service: Service, advisor: Advisor, days: Annotated[int, Query(ge=1, le=3650)] = 30
) -> dict[str, Any]:
    return service.dashboard(days, user=advisor).to_json()
