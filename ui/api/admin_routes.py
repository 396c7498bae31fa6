"""Admin API under ``/v1/admin``: users and their tokens (create, list, revoke, rotate)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from assistant.service import admin
from assistant.service.application import AssistantService
from assistant.service.results import UserInfo
from ui.api.deps import advisor_user, get_service, no_unknown_query
from ui.api.responses import TokenIssued, UserList, UserOut, errors
from ui.api.schemas import PathId, RotateRequest, UserCreateRequest

router = APIRouter(prefix="/v1/admin", tags=["admin"], dependencies=[Depends(no_unknown_query)])
Service = Annotated[AssistantService, Depends(get_service)]
Staff = Annotated[UserInfo, Depends(advisor_user)]
ADMIN_ERRORS = errors(401, 403)


def _issued(user: UserInfo, token: str) -> TokenIssued:
    return TokenIssued(id=user.id, name=user.name, role=user.role, expires_at=user.expires_at, token=token)


@router.get("/users", summary="Danh sách người dùng (quản trị viên)", responses=ADMIN_ERRORS)
def users(service: Service, actor: Staff) -> UserList:
    return UserList.model_validate({"items": admin.list_users(service.store, actor)})


@router.post("/users", summary="Tạo người dùng và cấp mã truy cập", responses=ADMIN_ERRORS)
def create(body: UserCreateRequest, service: Service, actor: Staff) -> TokenIssued:
    user, token = admin.new_user(service.store, actor, body.name, body.role, body.expires_days)
    return _issued(user, token)


@router.post("/users/{user_id}/revoke", summary="Thu hồi mã truy cập", responses=ADMIN_ERRORS)
def revoke(user_id: PathId, service: Service, actor: Staff) -> UserOut:
    return UserOut.model_validate(admin.revoke(service.store, actor, user_id))


@router.post(
    "/users/{user_id}/rotate", summary="Cấp mã truy cập mới (mã cũ hết hiệu lực)", responses=ADMIN_ERRORS
)
def rotate(user_id: PathId, body: RotateRequest, service: Service, actor: Staff) -> TokenIssued:
    user, token = admin.rotate(service.store, actor, user_id, body.expires_days)
    return _issued(user, token)
