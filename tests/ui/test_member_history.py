"""The member's chat rebuilt from the server, with the advisors' replies (issue 14)."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from assistant.service.auth import create_user
from assistant.service.results import AdvisorReply, ConversationView, Turn
from ui.web.member_history import NEW_BADGE, chat_from, reply_message, restore

CITATION = {"law_id": "45/2019/QH14", "article": 113, "clause": 1, "law_title": "Bộ luật Lao động 2019"}


def _reply(**changes: Any) -> AdvisorReply:
    values: dict[str, Any] = {
        "reference": "TV-2026-000042",
        "interaction_id": 5,
        "status": "answered",
        "text": "Được nghỉ 12 ngày <b>làm việc</b>.",
        "citations": (CITATION,),
        "requested_at": "2026-12-01T10:00:00",
        "unread": True,
    }
    values.update(changes)
    return AdvisorReply(**values)


def test_reply_message_shows_reference_text_basis_and_the_unread_mark() -> None:
    message = reply_message(_reply())
    assert "TV-2026-000042" in message and NEW_BADGE in message
    assert "&lt;b&gt;làm việc&lt;/b&gt;" in message  # the advisor's words shown as typed
    assert "Điều 113, khoản 1, Bộ luật Lao động 2019 (số hiệu 45/2019/QH14)" in message
    assert NEW_BADGE not in reply_message(_reply(unread=False))
    waiting = reply_message(_reply(status="waiting", text="", citations=(), unread=False))
    assert "TV-2026-000042" in waiting and "tải lại trang" in waiting


def test_chat_from_puts_each_reply_under_its_question() -> None:
    turns = (
        Turn(5, "Nghỉ phép mấy ngày?", {"answer": "12 ngày."}, "2026-12-01T10:00:00", reply=_reply()),
        Turn(6, "Còn nghỉ lễ?", {"answer": "11 ngày."}, "2026-12-01T10:01:00"),
    )
    chat = chat_from(ConversationView(1, "2026-12-01T10:00:00", turns))
    assert [m["role"] for m in chat] == ["user", "assistant", "assistant", "user", "assistant"]
    assert "TV-2026-000042" in chat[2]["content"] and chat[3]["content"] == "Còn nghỉ lễ?"


@pytest.mark.slow
def test_restore_starts_over_for_a_missing_or_unknown_key(service: Any) -> None:
    for key in (None, "", "cv_" + secrets.token_urlsafe(32), "not-a-key"):
        found = restore(service, key, None)
        assert (found.chat, found.key, found.interaction_id) == ([], None, None), key
    member = service.authenticate(member_token(service))
    signed_in = service.ask("Nghỉ lễ mấy ngày?", user=member)
    waiting = restore(service, signed_in.conversation_key, None, sign_in_pending=True)
    assert waiting.chat == [] and waiting.key == signed_in.conversation_key  # kept for after sign-in
    assert restore(service, signed_in.conversation_key, member).chat[0]["content"] == "Nghỉ lễ mấy ngày?"
    asked = service.ask("Thử việc tối đa bao lâu?")
    again = restore(service, asked.conversation_key, None)
    assert again.key == asked.conversation_key and again.interaction_id == asked.interaction_id
    assert again.chat[0]["content"] == "Thử việc tối đa bao lâu?" and again.references == []


def member_token(service: Any) -> str:
    return str(create_user(service.store, "Lê Đoàn Viên", "member")[1])
