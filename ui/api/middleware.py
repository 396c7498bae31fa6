"""ASGI middleware: request size limit (413), JSON 404/405 under ``/v1``, metrics.

The rate limit (429, every route) is in ``ui.api.ratelimit``.
"""

from __future__ import annotations

import json
import time
from typing import Any

from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ui.api.errors import error_body
from ui.api.metrics import Metrics

API_PREFIX = "/v1"
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


async def send_json(
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

    def __init__(self, app: ASGIApp, max_bytes: int, own_limit: tuple[str, ...] = ()) -> None:
        if max_bytes <= 0:
            raise ValueError(f"max_bytes must be greater than 0; got {max_bytes}")
        self.app = app
        self.max_bytes = max_bytes
        # Paths that read their body under a limit of their own (a document upload: 50 MB).
        self.own_limit = own_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith(API_PREFIX) or path in self.own_limit:
            await self.app(scope, receive, send)
            return
        too_large = error_body(
            "payload_too_large", f"Yêu cầu quá lớn: tối đa {self.max_bytes} byte.", limit=self.max_bytes
        )
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await send_json(send, 413, too_large, [(b"connection", b"close")])
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
                await send_json(send, 413, too_large, [(b"connection", b"close")])
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


class RouteFallbackMiddleware:
    """Under ``/v1`` an unknown path is a JSON 404 and a wrong method a JSON 405 with ``Allow``.

    Without it the web UI mounted at ``/`` would answer them with its own 404 page. Routes are
    matched at request time, so routers included later (e.g. calculators) are covered too.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        routes = [r for r in getattr(scope.get("app"), "routes", ()) if not isinstance(r, Mount)]
        allowed: set[str] = set()
        for route in routes:
            match, _ = route.matches(scope)
            if match == Match.FULL:
                await self.app(scope, receive, send)
                return
            if match == Match.PARTIAL:
                allowed |= {m for m in METHODS if route.matches({**scope, "method": m})[0] == Match.FULL}
        if allowed:
            body = error_body(
                "method_not_allowed",
                f"Phương thức không được hỗ trợ cho địa chỉ này; dùng: {', '.join(sorted(allowed))}.",
            )
            await send_json(send, 405, body, [(b"allow", ", ".join(sorted(allowed)).encode())])
            return
        await send_json(send, 404, error_body("not_found", "Không tìm thấy địa chỉ yêu cầu."), [])


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
