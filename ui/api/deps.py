"""Request dependencies: the service (503 until ready) and the caller's identity."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assistant.service.application import AssistantService
from assistant.service.auth import bearer_token
from assistant.service.errors import (
    AuthenticationError,
    InvalidRequestError,
    PermissionDeniedError,
    ServiceNotReadyError,
)
from assistant.service.results import DASHBOARD_ROLES, UserInfo

ADVISOR_ROLES = frozenset({"advisor", "admin"})
# Declares the bearer scheme in the OpenAPI document; the header is parsed by ``bearer_token``.
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="Mã truy cập do quản trị viên cấp: Authorization: Bearer la_…",
)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(bearer_scheme)]


class ServiceHolder:
    """Holds the service once the lifespan has built it; ``failure`` says why it could not."""

    def __init__(self, service: AssistantService | None = None) -> None:
        self._service = service
        self._ready = threading.Event()
        self.failure: str | None = None
        if service is not None:
            self._ready.set()

    def set(self, service: AssistantService) -> None:
        self._service = service
        self._ready.set()

    def get(self) -> AssistantService:
        if self._service is None:
            raise ServiceNotReadyError(self.failure or "starting")
        return self._service

    @property
    def service(self) -> AssistantService | None:
        return self._service

    def wait(self, timeout: float | None = None) -> bool:
        return self._ready.wait(timeout)


class LazyService:
    """Stands in for the service before it is built (the Gradio UI is mounted at app creation)."""

    def __init__(self, holder: ServiceHolder) -> None:
        self._holder = holder

    def __getattr__(self, name: str) -> Any:
        return getattr(self._holder.get(), name)


def _query_names(dependant: Any) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def no_unknown_query(request: Request) -> None:
    """Refuses query parameters the operation does not declare (a typo must not be ignored)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not request.query_params:
        return
    unknown = sorted(set(request.query_params.keys()) - _query_names(dependant))
    if unknown:
        raise InvalidRequestError(
            f"Tham số «{unknown[0][:50]}» không được hỗ trợ ở địa chỉ này; hãy bỏ tham số đó."
        )


def get_service(request: Request) -> AssistantService:
    holder: ServiceHolder = request.app.state.holder
    return holder.get()


def optional_user(request: Request, _: Credentials = None) -> UserInfo | None:
    """The caller when a token is sent; anonymous members only when the settings allow."""
    token = bearer_token(request.headers.get("authorization"))
    service = get_service(request)
    if token is None:
        if request.headers.get("authorization"):
            raise AuthenticationError("Tiêu đề Authorization phải có dạng: Bearer <token>.")
        if not request.app.state.settings.anonymous_chat:
            raise AuthenticationError("Cần đăng nhập để sử dụng trợ lý.")
        return None
    return service.authenticate(token)


def advisor_user(request: Request, _: Credentials = None) -> UserInfo:
    token = bearer_token(request.headers.get("authorization"))
    user = get_service(request).authenticate(token)
    if user.role not in ADVISOR_ROLES:
        raise PermissionDeniedError("Chỉ tư vấn viên hoặc quản trị viên được truy cập chức năng này.")
    return user


def leader_user(request: Request, _: Credentials = None) -> UserInfo:
    """A union leader, advisor or admin: the roles that read the dashboard."""
    token = bearer_token(request.headers.get("authorization"))
    user = get_service(request).authenticate(token)
    if user.role not in DASHBOARD_ROLES:
        raise PermissionDeniedError(
            "Chỉ lãnh đạo công đoàn, tư vấn viên hoặc quản trị viên được xem thống kê."
        )
    return user
