"""Errors of the service layer, mapped to HTTP statuses by ``ui.api.errors``.

Messages are Vietnamese because they reach members and advisors unchanged.
"""

from __future__ import annotations

from corpus.errors import LegalAssistantError


class ServiceError(LegalAssistantError):
    """Base class for errors the service reports to its callers."""

    code = "service_error"


class NotFoundError(ServiceError):
    """An interaction, conversation, review or legal unit id that does not exist."""

    code = "not_found"


class InvalidRequestError(ServiceError, ValueError):
    """A request value outside what is allowed (the message names both)."""

    code = "invalid_request"


class ConflictError(ServiceError):
    """The action does not fit the current state (e.g. a review already decided)."""

    code = "conflict"


class PermissionDeniedError(ServiceError):
    """The caller's role may not do this."""

    code = "forbidden"


class StorageUnavailableError(ServiceError):
    """The database is down, locked or timed out; nothing was acknowledged."""

    code = "storage_unavailable"

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__("Hệ thống lưu trữ đang bận, vui lòng thử lại sau.")


class ServiceNotReadyError(ServiceError):
    """The corpus, index or database is still loading."""

    code = "not_ready"

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__("Hệ thống đang khởi động, vui lòng thử lại sau ít phút.")


class AuthenticationError(ServiceError):
    """A missing, unknown, forged, disabled or expired bearer token."""

    code = "unauthorized"


class ServiceBusyError(ServiceError):
    """More answers are being computed than the service admits at once (503, retry shortly)."""

    code = "busy"
    retry_after_s = 2

    def __init__(self, limit: int) -> None:
        self.detail = f"{limit} answers in flight"
        super().__init__(
            f"Hệ thống đang trả lời {limit} câu hỏi cùng lúc, đã đạt giới hạn; "
            f"vui lòng gửi lại câu hỏi sau {self.retry_after_s} giây."
        )
