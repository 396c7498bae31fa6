"""Token lifecycle for admins: list users, create, revoke, rotate (API and CLI share these)."""

from __future__ import annotations

from typing import Any

from assistant.service.auth import create_user, rotate_token
from assistant.service.errors import PermissionDeniedError
from assistant.service.results import UserInfo
from assistant.service.storage.records import UserRecord
from assistant.service.storage.store import Store


def require_admin(user: UserInfo | None) -> UserInfo:
    if user is None or user.role != "admin":
        raise PermissionDeniedError("Chỉ quản trị viên được quản lý người dùng và mã truy cập.")
    return user


def user_json(record: UserRecord) -> dict[str, Any]:
    def iso(value: Any) -> str | None:
        return None if value is None else value.isoformat()

    return {
        "id": record.id,
        "name": record.name,
        "role": record.role,
        "created_at": iso(record.created_at),
        "expires_at": iso(record.expires_at),
        "last_used_at": iso(record.last_used_at),
        "revoked_at": iso(record.revoked_at),
        "active": not record.disabled and record.revoked_at is None,
    }


def list_users(store: Store, actor: UserInfo | None) -> list[dict[str, Any]]:
    require_admin(actor)
    return [user_json(u) for u in store.list_users()]


def new_user(
    store: Store, actor: UserInfo | None, name: str, role: str, expires_days: int | None
) -> tuple[UserInfo, str]:
    require_admin(actor)
    return create_user(store, name, role, expires_days)


def revoke(store: Store, actor: UserInfo | None, user_id: int) -> dict[str, Any]:
    admin = require_admin(actor)
    return user_json(store.revoke_user(user_id, admin.id, admin.name))


def rotate(
    store: Store, actor: UserInfo | None, user_id: int, expires_days: int | None
) -> tuple[UserInfo, str]:
    admin = require_admin(actor)
    return rotate_token(store, user_id, expires_days, admin.name)
