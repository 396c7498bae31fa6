"""Per-caller rate limit (429) for every route of the app: API, web UI and anything mounted.

The key is the authenticated identity (``u:<user id>``) when a valid bearer token is sent,
else the client address (``ip:<addr>``): a made-up token counts against the sender's address,
so random bearer values cannot buy fresh buckets. Memory is bounded by an LRU of buckets;
when it is full the least recently seen bucket is dropped, and a bucket idle for a minute is
full again anyway, so nothing is freed that was still limiting anyone active (no global reset).
The buckets live in this process: with N replicas each enforces its own limit (see
docs/decisions.md). X-Forwarded-For is not trusted; run uvicorn with --proxy-headers behind
a trusted proxy so ``scope["client"]`` is the real client.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import threading
import time
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.service.auth import bearer_token, hash_token
from ui.api.errors import error_body

log = logging.getLogger(__name__)

MAX_TRACKED_CLIENTS = 50_000  # about 5 MB of buckets at most
IDENTITY_CACHE_SIZE = 4_096
IDENTITY_TTL_S = 30.0  # a revoked token may still be keyed as its user for this long (never served)
UNLIMITED_PATHS = ("/healthz", "/readyz", "/metrics")
TOKEN_SHAPE = re.compile(r"la_[A-Za-z0-9_-]{43}")  # what assistant.service.auth.generate_token makes


class TokenBuckets:
    """Token bucket per key: ``per_minute`` requests, refilled continuously; LRU-bounded."""

    def __init__(self, per_minute: int, max_keys: int = MAX_TRACKED_CLIENTS) -> None:
        if per_minute <= 0:
            raise ValueError(f"per_minute must be greater than 0; got {per_minute}")
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float, bool]] = OrderedDict()
        self._lock = threading.Lock()

    def _level(self, key: str, now: float) -> tuple[float, bool]:
        tokens, last, refused = self._buckets.get(key, (self.capacity, now, False))
        return min(self.capacity, tokens + (now - last) * self.rate), refused

    def take(self, key: str, now: float) -> float:
        """0.0 when allowed (one token taken), else seconds until the next token."""
        return self.take_noting(key, now)[0]

    def take_noting(self, key: str, now: float) -> tuple[float, bool]:
        """(wait, first refusal since the key was last allowed): callers log only the first."""
        with self._lock:
            tokens, refused = self._level(key, now)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now, not allowed)
            self._buckets.move_to_end(key)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)  # the longest idle: closest to full again
            return (0.0, False) if allowed else ((1.0 - tokens) / self.rate, not refused)

    def __len__(self) -> int:
        return len(self._buckets)


class IdentityCache:
    """token hash -> user id, for keying only (routes still authenticate every request)."""

    def __init__(self, size: int = IDENTITY_CACHE_SIZE, ttl_s: float = IDENTITY_TTL_S) -> None:
        self.size = size
        self.ttl_s = ttl_s
        self._items: OrderedDict[str, tuple[int, float]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, token_hash: str, now: float) -> int | None:
        with self._lock:
            found = self._items.get(token_hash)
            if found is None or now - found[1] > self.ttl_s:
                return None
            return found[0]

    def put(self, token_hash: str, user_id: int, now: float) -> None:
        with self._lock:
            self._items[token_hash] = (user_id, now)
            self._items.move_to_end(token_hash)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def client_address(scope: Scope) -> str:
    """``ip:<address>``; IPv6 clients by their /64 network (one host owns a whole /64)."""
    client = scope.get("client")
    host = str(client[0]) if client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "ip:" + host
    if address.version == 6:
        return "ip:" + str(ipaddress.ip_network(f"{address}/64", strict=False))
    return "ip:" + host


def _authorization(scope: Scope) -> str | None:
    for name, value in scope.get("headers") or []:
        if name == b"authorization":
            return bytes(value).decode("latin-1")
    return None


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, per_minute: int) -> None:
        self.app = app
        self.buckets = TokenBuckets(per_minute)
        self.identities = IdentityCache()

    def _identity(self, scope: Scope, token: str, ip_key: str, now: float) -> str | None:
        """``u:<id>`` for a valid token; None for an invalid one (counted by address)."""
        token_hash = hash_token(token)
        user_id = self.identities.get(token_hash, now)
        if user_id is not None:
            return f"u:{user_id}"
        if not TOKEN_SHAPE.fullmatch(token):
            return None  # not a token we could have issued: no database look-up
        holder: Any = getattr(getattr(scope.get("app"), "state", None), "holder", None)
        service = None if holder is None else holder.service
        if service is None:
            return None
        try:
            user = service.authenticate(token)
        except Exception:  # invalid, expired, revoked, or storage down: count by address
            return None
        self.identities.put(token_hash, user.id, now)
        return f"u:{user.id}"

    def key(self, scope: Scope, now: float) -> str:
        ip_key = client_address(scope)
        token = bearer_token(_authorization(scope))
        if token is None:
            return ip_key
        return self._identity(scope, token, ip_key, now) or ip_key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        now = time.monotonic()
        key = self.key(scope, now)
        wait, first = self.buckets.take_noting(key, now)
        if wait > 0:
            if first:  # one line per blocked client and episode; the address only as a hash
                log.info("rate limited client %s on %s", hash_token(key)[:12], scope["path"])
            from ui.api.middleware import send_json

            retry = str(max(1, int(wait + 0.999))).encode()
            body = error_body("rate_limited", "Bạn gửi quá nhiều yêu cầu, vui lòng thử lại sau ít phút.")
            await send_json(send, 429, body, [(b"retry-after", retry)])
            return
        await self.app(scope, receive, send)
