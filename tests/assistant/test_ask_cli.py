"""``legal-assistant ask`` through the real console entry point (real corpus and index)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from ui.cli import main

pytestmark = pytest.mark.slow


def test_ask_json(capsys: pytest.CaptureFixture[str], pipeline: Any) -> None:
    # ``pipeline`` ensures the corpus and index are built before the CLI loads them.
    assert main(["ask", "Nghỉ phép năm được bao nhiêu ngày?", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["generator"] == "extractive" and payload["abstained"] is False
    assert payload["fallback_reason"] is None
    assert payload["citations"] and all(c["law_id"] and c["article"] for c in payload["citations"])


def test_ask_text_decline(capsys: pytest.CaptureFixture[str], pipeline: Any) -> None:
    assert main(["ask", "Giá vàng hôm nay bao nhiêu?"]) == 0
    assert "ngoài phạm vi" in capsys.readouterr().out


def test_ask_empty_question_is_an_error(capsys: pytest.CaptureFixture[str], pipeline: Any) -> None:
    assert main(["ask", "   "]) == 2
    assert "để trống" in capsys.readouterr().err
