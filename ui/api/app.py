"""``create_app``: the FastAPI application (API under ``/v1``, Gradio UI at ``/``).

Without a ``service`` the lifespan builds the real one in a worker thread, so ``/healthz``
answers at once and ``/readyz`` turns 200 when corpus, index and database are loaded.
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from assistant.service.application import AssistantService
from corpus.settings import Settings
from ui.api import admin_routes, calculators, documents, routes
from ui.api.deps import LazyService, ServiceHolder
from ui.api.errors import error_response, install_error_handlers
from ui.api.metrics import Metrics
from ui.api.middleware import BodyLimitMiddleware, MetricsMiddleware, RouteFallbackMiddleware
from ui.api.openapi import install_openapi
from ui.api.ratelimit import RateLimitMiddleware
from ui.api.responses import HealthResponse, ReadyResponse, errors

log = logging.getLogger(__name__)


def _build_in_background(app: FastAPI, settings: Settings, build_missing: bool) -> asyncio.Task[None]:
    holder: ServiceHolder = app.state.holder

    async def build() -> None:
        from ui.bootstrap import build_service

        try:
            service = await asyncio.to_thread(build_service, settings, build_missing=build_missing)
        except Exception as exc:
            holder.failure = f"{type(exc).__name__}: {exc}"
            log.error("could not start the service: %s", holder.failure)
            return
        holder.set(service)

    return asyncio.create_task(build())


def _mount_web_ui(app: FastAPI, settings: Settings) -> bool:
    if importlib.util.find_spec("ui.web") is None or importlib.util.find_spec("ui.web.app") is None:
        return False
    from ui.web import app as web

    service = LazyService(app.state.holder)
    if hasattr(web, "mount_ui"):
        web.mount_ui(app, service, settings, path="/")
    else:
        import gradio as gr

        gr.mount_gradio_app(app, web.build_ui(service), path="/")
    return True


def create_app(
    settings: Settings | None = None,
    *,
    service: AssistantService | None = None,
    build_missing: bool = False,
    web_ui: bool = True,
) -> FastAPI:
    settings = settings or Settings.from_env()
    holder = ServiceHolder(service)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = None if holder.service is not None else _build_in_background(app, settings, build_missing)
        yield
        if task is not None and not task.done():
            task.cancel()

    app = FastAPI(
        title="Trợ lý Pháp luật Công đoàn — API",
        version="0.1.0",
        description="Hỏi đáp pháp luật lao động có trích dẫn; hàng đợi duyệt cho tư vấn viên.",
        lifespan=lifespan,
    )
    app.state.holder = holder
    app.state.settings = settings
    app.state.metrics = metrics = Metrics()
    install_error_handlers(app)
    install_openapi(app)
    # One line per router; rate limit, error shape and JSON 404/405 cover them all.
    app.include_router(routes.router)
    app.include_router(admin_routes.router)
    app.include_router(calculators.router)
    app.include_router(documents.router)  # /v1/admin/documents

    # Health checks run on the event loop (and readyz's database ping on its own small pool),
    # never on the worker threads that compute answers, so they answer under any load.
    health_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="health")

    @app.get("/healthz", summary="Tiến trình còn sống", responses=errors())
    async def healthz() -> HealthResponse:
        return HealthResponse(status="ok")

    @app.get(
        "/readyz",
        summary="Sẵn sàng phục vụ (kho dữ liệu, chỉ mục, cơ sở dữ liệu)",
        response_model=ReadyResponse,
        responses=errors(),
    )
    async def readyz() -> Any:
        current = holder.service
        if current is None:
            message = "Hệ thống đang khởi động, vui lòng thử lại sau ít phút."
            if holder.failure:
                message = "Hệ thống không khởi động được; xem nhật ký máy chủ."
            return error_response(503, "not_ready", message)
        if not await asyncio.get_running_loop().run_in_executor(health_pool, current.ready):
            return error_response(
                503, "storage_unavailable", "Hệ thống lưu trữ đang bận, vui lòng thử lại sau."
            )
        generator = getattr(getattr(current.pipeline, "generator", None), "name", None)
        return JSONResponse({"status": "ready", "corpus_units": len(current.corpus), "generator": generator})

    @app.get("/metrics", summary="Số liệu Prometheus", include_in_schema=False)
    def prometheus(_: Request) -> Response:
        return Response(metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")

    # The last added runs first: metrics see every response (413, 429, 404/405 included), the
    # rate limit runs before anything reads a body, and it covers the web UI's routes too.
    app.add_middleware(RouteFallbackMiddleware)
    app.add_middleware(
        BodyLimitMiddleware, max_bytes=settings.max_body_bytes, own_limit=(documents.UPLOAD_PATH,)
    )
    app.add_middleware(RateLimitMiddleware, per_minute=settings.rate_limit_per_minute)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    if web_ui:
        _mount_web_ui(app, settings)
    return app
