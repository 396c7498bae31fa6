"""Error responses: always JSON ``{"error": code, "message": Vietnamese text}``, never a trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.service.errors import (
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    ServiceBusyError,
    ServiceNotReadyError,
    StorageUnavailableError,
)
from corpus.errors import InvalidQueryError, LegalAssistantError

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
    (ServiceBusyError, 503, "busy"),
)
HTTP_MESSAGES = {
    400: (
        "invalid_body",
        "Nội dung yêu cầu không đọc được: gửi JSON hợp lệ, mã hoá UTF-8, lồng nhau không quá sâu, "
        "với Content-Type: application/json.",
    ),
    404: ("not_found", "Không tìm thấy địa chỉ yêu cầu."),
    405: ("method_not_allowed", "Phương thức không được hỗ trợ cho địa chỉ này."),
    413: ("payload_too_large", "Yêu cầu quá lớn."),
    429: ("rate_limited", "Bạn gửi quá nhiều yêu cầu, vui lòng thử lại sau ít phút."),
}


REASONS = {
    "string_type": "phải là chuỗi ký tự",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là danh sách",
    "model_type": "phải là đối tượng JSON",
    "dict_type": "phải là đối tượng JSON",
    "string_too_short": "quá ngắn hoặc để trống",
    "string_too_long": "quá dài",
    "too_long": "quá nhiều phần tử",
    "string_pattern_mismatch": "sai định dạng",
    "greater_than_equal": "nhỏ hơn giá trị tối thiểu",
    "less_than_equal": "lớn hơn giá trị tối đa",
    "literal_error": "không thuộc các giá trị cho phép",
    "enum": "không thuộc các giá trị cho phép",
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


def _validation_message(details: list[dict[str, Any]]) -> str:
    """Names the first wrong field (where) and says what to do; the values are not echoed."""
    if not details:
        return "Dữ liệu gửi lên không hợp lệ."
    first = details[0]
    where = ".".join(p for p in first["loc"] if p not in {"body", "query", "path"}) or "nội dung"
    if first["type"] == "json_invalid":
        return "Nội dung không phải JSON hợp lệ; hãy kiểm tra dấu ngoặc, dấu phẩy và mã hoá UTF-8."
    if first["type"] == "missing":
        return f"Thiếu trường bắt buộc «{where}»; hãy gửi kèm trường này."
    if first["type"] == "extra_forbidden":
        return f"Trường «{where}» không được hỗ trợ; hãy bỏ trường này."
    reason = REASONS.get(str(first["type"]), "sai định dạng")
    return f"Giá trị của «{where}» không hợp lệ ({reason}); hãy sửa lại rồi gửi lại."


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = _details(exc)
        log.info("invalid request %s %s: %s", request.method, request.url.path, [d["type"] for d in details])
        return error_response(422, "invalid_request", _validation_message(details), details=details)

    @app.exception_handler(LegalAssistantError)
    async def _service(request: Request, exc: LegalAssistantError) -> JSONResponse:
        for kind, status, code in STATUS_BY_ERROR:
            if isinstance(exc, kind):
                if status == 503:
                    log.warning("unavailable: %s", getattr(exc, "detail", exc))
                else:  # the code only: messages may echo what was sent, never logged
                    log.info("refused %s %s: %d %s", request.method, request.url.path, status, code)
                response = error_response(status, code, str(exc))
                if hasattr(exc, "retry_after_s"):
                    response.headers["Retry-After"] = str(exc.retry_after_s)
                return response
        log.exception("unhandled service error")
        return error_response(500, "internal_error", "Đã xảy ra lỗi hệ thống, vui lòng thử lại sau.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = HTTP_MESSAGES.get(exc.status_code, ("http_error", "Yêu cầu không hợp lệ."))
        response = error_response(exc.status_code, code, message)
        for name, value in (exc.headers or {}).items():
            response.headers[name] = value
        return response

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %r", exc, exc_info=exc)
        return error_response(500, "internal_error", "Đã xảy ra lỗi hệ thống, vui lòng thử lại sau.")
