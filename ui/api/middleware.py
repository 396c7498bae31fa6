"""ASGI middleware: request size limit (413), per-client rate limit (429), metrics.

Limits apply to the API under ``/v1``; the Gradio UI has its own upload limits and calls
the service in-process.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ui.api.errors import error_body
from ui.api.metrics import Metrics

API_PREFIX = "/v1"
MAX_TRACKED_CLIENTS = 10_000


async def _send_json(
    send: Send, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]]
) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class BodyLimitMiddleware:
    """Refuses bodies over ``max_bytes`` with 413, by header or by counting a chunked body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        if max_bytes <= 0:
            raise ValueError(f"max_bytes must be greater than 0; got {max_bytes}")
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        too_large = error_body(
            "payload_too_large", f"Yêu cầu quá lớn: tối đa {self.max_bytes} byte.", limit=self.max_bytes
        )
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await _send_json(send, 413, too_large, [(b"connection", b"close")])
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await _send_json(send, 413, too_large, [(b"connection", b"close")])
                return
            chunks.append(chunk)
            more = bool(message.get("more_body"))
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


class _TokenBuckets:
    """Token bucket per client: ``per_minute`` requests, refilled continuously."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, key: str, now: float) -> float:
        """0.0 when allowed, else seconds until the next token."""
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if len(self._buckets) > MAX_TRACKED_CLIENTS:
                self._buckets.clear()
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate


def client_key(scope: Scope) -> str:
    """A bearer token's hash when there is one (one member behind a shared proxy), else the IP."""
    for name, value in scope.get("headers") or []:
        if name == b"authorization" and value:
            return "t:" + hashlib.sha256(value).hexdigest()[:32]
    client = scope.get("client")
    return "ip:" + (client[0] if client else "unknown")


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, per_minute: int) -> None:
        if per_minute <= 0:
            raise ValueError(f"per_minute must be greater than 0; got {per_minute}")
        self.app = app
        self.buckets = _TokenBuckets(per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(client_key(scope), time.monotonic())
        if wait > 0:
            retry = str(max(1, int(wait + 0.999))).encode()
            body = error_body("rate_limited", "Bạn gửi quá nhiều yêu cầu, vui lòng thử lại sau ít phút.")
            await _send_json(send, 429, body, [(b"retry-after", retry)])
            return
        await self.app(scope, receive, send)


class MetricsMiddleware:
    """Counts requests by route template and status, and times them."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None)
            label = (
                path
                if isinstance(path, str) and path.startswith(("/v1", "/healthz", "/readyz", "/metrics"))
                else ("other")
            )
            self.metrics.requests.labels(method=scope["method"], route=label, status=str(status)).inc()
            self.metrics.latency.labels(route=label).observe(time.perf_counter() - started)
