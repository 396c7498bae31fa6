"""One stack for every entry point: the service honours LEGAL_ASSISTANT_GENERATOR.

The generator is a real OpenAI-compatible HTTP server on loopback (a scripted stand-in for
vLLM / llama.cpp), the service is the real one the API builds at start-up.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from corpus.settings import Settings
from ui.api.app import create_app

sys.path.insert(0, str(Path(__file__).parents[1] / "assistant"))
from llm_servers import ScriptedChatServer

pytestmark = pytest.mark.slow
QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"
REPLY = "Người lao động làm đủ 12 tháng được nghỉ 12 ngày làm việc [1]."


def _wait_ready(client: TestClient, app: object) -> dict[str, object]:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        ready = client.get("/readyz")
        if ready.status_code == 200:
            return dict(ready.json())
        assert app.state.holder.failure is None, app.state.holder.failure  # type: ignore[attr-defined]
        time.sleep(0.2)
    raise AssertionError("the service did not become ready in 180 s")


def test_service_uses_the_generator_the_environment_names(settings: Settings, tmp_path: Path) -> None:
    with ScriptedChatServer(REPLY) as llm:
        environ = {
            **os.environ,
            "LEGAL_ASSISTANT_DATA_DIR": str(settings.data_dir),
            "LEGAL_ASSISTANT_DATABASE_URL": f"sqlite:///{tmp_path / 'service.db'}",
            "LEGAL_ASSISTANT_GENERATOR": "openai",
            "LEGAL_ASSISTANT_LLM_BASE_URL": llm.base_url,
            "LEGAL_ASSISTANT_LLM_MODEL": "scripted",
        }
        app = create_app(Settings.from_env(environ), web_ui=False)
        with TestClient(app) as client:
            ready = _wait_ready(client, app)
            assert ready["generator"] == "openai:scripted"
            calls_before = len(llm.requests)
            body = client.post("/v1/ask", json={"question": QUESTION}).json()
        assert len(llm.requests) == calls_before + 1  # this question reached the LLM server
        assert body["generator"] == "openai:scripted" and body["fallback_reason"] is None
        assert body["answer"].startswith(REPLY) and body["citations"]


def test_stack_describes_the_generator_it_runs(settings: Settings, corpus: object) -> None:
    from assistant.stack import build_stack

    with ScriptedChatServer(REPLY) as llm:
        llm_settings = Settings.from_env(
            {
                **os.environ,
                "LEGAL_ASSISTANT_GENERATOR": "openai",
                "LEGAL_ASSISTANT_LLM_BASE_URL": llm.base_url,
            }
        )
        stack = build_stack(llm_settings, corpus=corpus)  # type: ignore[arg-type]
        assert stack.describe()["generator"] == f"openai:{llm_settings.llm_model}"
        assert stack.pipeline.ask(QUESTION).generator == stack.generator_name
        assert llm.requests
