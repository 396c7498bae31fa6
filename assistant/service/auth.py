"""Bearer tokens for members, advisors and admins.

A token is 32 random bytes (URL-safe base64, prefixed ``la_``) shown once at creation;
only its SHA-256 is stored, so a stolen database does not yield usable tokens. SHA-256
without salt is enough here because the token has 256 bits of entropy (no dictionary to
attack), and it keeps the lookup a single indexed equality.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from assistant.service.errors import AuthenticationError, InvalidRequestError
from assistant.service.results import ROLES, UserInfo
from assistant.service.storage.models import utcnow
from assistant.service.storage.store import Store

TOKEN_PREFIX = "la_"
CONVERSATION_KEY_PREFIX = "cv_"
# Tokens expire after this many days unless the admin says otherwise (rotate to renew).
DEFAULT_TOKEN_DAYS = 365
MAX_TOKEN_CHARS = 200


def generate_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def generate_conversation_key() -> str:
    """An unguessable handle on a conversation (256 random bits), given to its owner only."""
    return CONVERSATION_KEY_PREFIX + secrets.token_urlsafe(32)


def hash_conversation_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, or None."""
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def create_user(store: Store, name: str, role: str, expires_days: int | None = None) -> tuple[UserInfo, str]:
    """A new user and its token (the only time the token is visible)."""
    name = name.strip()
    if not name or len(name) > 200:
        raise InvalidRequestError(f"Tên người dùng phải có 1–200 ký tự; nhận được {name!r}")
    if role not in ROLES:
        raise InvalidRequestError(f"Vai trò không hợp lệ: {role!r}; cho phép: {', '.join(ROLES)}")
    if expires_days is not None and expires_days <= 0:
        raise InvalidRequestError(f"Số ngày hiệu lực phải lớn hơn 0; nhận được {expires_days}")
    expires_at = None if expires_days is None else utcnow() + timedelta(days=expires_days)
    token = generate_token()
    return store.create_user(name, role, hash_token(token), expires_at), token


def authenticate(store: Store, token: str | None) -> UserInfo:
    """The user owning ``token``; refuses missing, unknown, disabled and expired tokens."""
    if not token:
        raise AuthenticationError("Cần đăng nhập: thiếu mã truy cập (Authorization: Bearer <token>).")
    if len(token) > MAX_TOKEN_CHARS:
        raise AuthenticationError("Mã truy cập không hợp lệ.")
    found = store.user_by_token_hash(hash_token(token))
    if found is None:
        raise AuthenticationError("Mã truy cập không hợp lệ.")
    user, expires_at, disabled = found
    if disabled:
        raise AuthenticationError("Mã truy cập đã bị thu hồi; hãy xin quản trị viên cấp mã mới.")
    if expires_at is not None and expires_at <= utcnow():
        raise AuthenticationError("Mã truy cập đã hết hạn; hãy xin quản trị viên cấp mã mới.")
    store.touch_user(user.id)
    return user


def rotate_token(store: Store, user_id: int, expires_days: int | None, actor: str) -> tuple[UserInfo, str]:
    """A fresh token for an existing user; the old one stops working at once."""
    if expires_days is not None and expires_days <= 0:
        raise InvalidRequestError(f"Số ngày hiệu lực phải lớn hơn 0; nhận được {expires_days}")
    expires_at = None if expires_days is None else utcnow() + timedelta(days=expires_days)
    token = generate_token()
    return store.replace_token(user_id, hash_token(token), expires_at, actor), token
