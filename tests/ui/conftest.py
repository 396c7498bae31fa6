"""The API edge over the real application service (``service`` comes from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ui.api.app import create_app


@pytest.fixture
def client(service: Any) -> Iterator[TestClient]:
    """The FastAPI app (no web UI) over the test's service, lifespan included."""
    with TestClient(create_app(service.settings, service=service, web_ui=False)) as test_client:
        yield test_client
