"""Error responses: always JSON ``{"error": code, "message": Vietnamese text}``, never a trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from corpus.errors import InvalidQueryError, LegalAssistantError
from ui.errors import (
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    ServiceNotReadyError,
    StorageUnavailableError,
)

log = logging.getLogger(__name__)

STATUS_BY_ERROR: tuple[tuple[type[Exception], int, str], ...] = (
    (AuthenticationError, 401, "unauthorized"),
    (PermissionDeniedError, 403, "forbidden"),
    (NotFoundError, 404, "not_found"),
    (ConflictError, 409, "conflict"),
    (InvalidRequestError, 422, "invalid_request"),
    (InvalidQueryError, 422, "invalid_question"),
    (StorageUnavailableError, 503, "storage_unavailable"),
    (ServiceNotReadyError, 503, "not_ready"),
)
HTTP_MESSAGES = {
    404: ("not_found", "Không tìm thấy địa chỉ yêu cầu."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này."),
    413: ("payload_too_large", "Yêu cầu quá lớn."),
    429: ("rate_limited", "Bạn gửi quá nhiều yêu cầu, vui lòng thử lại sau ít phút."),
}


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": code, "message": message, **extra}


def error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if status == 503:
        headers = {"Retry-After": "5"}
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


def _details(exc: RequestValidationError) -> list[dict[str, Any]]:
    return [
        {"loc": [str(p) for p in err.get("loc", ())], "msg": err.get("msg", ""), "type": err.get("type", "")}
        for err in exc.errors()
    ]


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(
            422,
            "invalid_request",
            "Dữ liệu gửi lên không hợp lệ (sai định dạng JSON hoặc sai kiểu dữ liệu).",
            details=_details(exc),
        )

    @app.exception_handler(LegalAssistantError)
    async def _service(_: Request, exc: LegalAssistantError) -> JSONResponse:
        for kind, status, code in STATUS_BY_ERROR:
            if isinstance(exc, kind):
                if status == 503:
                    log.warning("unavailable: %s", getattr(exc, "detail", exc))
                return error_response(status, code, str(exc))
        log.exception("unhandled service error")
        return error_response(500, "internal_error", "Đã xảy ra lỗi hệ thống, vui lòng thử lại sau.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = HTTP_MESSAGES.get(exc.status_code, ("http_error", "Yêu cầu không hợp lệ."))
        return error_response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %r", exc, exc_info=exc)
        return error_response(500, "internal_error", "Đã xảy ra lỗi hệ thống, vui lòng thử lại sau.")
