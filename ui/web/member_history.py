"""The member's conversation across page reloads, with the advisors' replies in it (issue 14).

The conversation key lives in the browser (``gr.BrowserState``, localStorage); on load the chat is
rebuilt from the server (``AssistantService.conversation``), each question followed by the
assistant's answer and, when an advisor reviewed it, the advisor's reply (waiting, answered or
declined, "Mới" while unread). A browser that lost its key starts a new conversation: nothing
of an old one is shown. The member rates an advisor's reply by its reference.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.service.results import AdvisorReply, ConversationView
from corpus.settings import Settings
from ui.web.format import as_text, chat_answer, law_label, message_html, unit_label
from ui.web.service_view import error_text

STORAGE_KEY = "la-conversation"
NEW_BADGE = "**· Mới**"
RATE_HINT = "Chọn mã yêu cầu để đánh giá trả lời của tư vấn viên"
ChatHistory = list[dict[str, Any]]


def browser_secret(settings: Settings) -> str:
    """A stable encryption secret for the stored key (it survives a server restart).

    Not a security boundary: the key itself is the secret, kept in this browser only."""
    return hashlib.sha256(f"la-browser-state:{settings.db_url}".encode()).hexdigest()[:32]


def conversation_state(settings: Settings) -> gr.BrowserState:
    return gr.BrowserState(None, storage_key=STORAGE_KEY, secret=browser_secret(settings))


def _citation_line(citations: Sequence[Mapping[str, Any]]) -> str:
    names = [f"{unit_label(c)}, {law_label(c)}" for c in citations]
    return f"\n\nCăn cứ: {as_text('; '.join(names))}" if names else ""


def reply_message(reply: AdvisorReply) -> str:
    """The chat message of an advisor's reply (text escaped: advisors' words are shown as typed)."""
    ref = as_text(reply.reference)
    if reply.status == "waiting":
        return (
            f"**Đã gửi tư vấn viên** — mã yêu cầu **{ref}**. "
            "Trả lời của tư vấn viên sẽ hiện ngay dưới câu hỏi này, kể cả khi bạn tải lại trang."
        )
    new = f" {NEW_BADGE}" if reply.unread else ""
    head = f"**Tư vấn viên trả lời** (mã {ref}){new}"
    body = "\n".join(f"> {line}" if line.strip() else ">" for line in as_text(reply.text).splitlines())
    return f"{head}\n\n{body}{_citation_line(reply.citations)}"


def chat_from(view: ConversationView) -> ChatHistory:
    history: ChatHistory = []
    for turn in view.turns:
        history.append({"role": "user", "content": as_text(turn.question)})
        history.append({"role": "assistant", "content": chat_answer(turn.answer)})
        if turn.reply is not None:
            history.append({"role": "assistant", "content": reply_message(turn.reply)})
    return history


@dataclass(frozen=True)
class Restored:
    chat: ChatHistory
    status: str
    key: str | None
    interaction_id: int | None
    references: list[str]  # answered replies the member may rate


def restore(service: Any, key: Any, user: Any, *, sign_in_pending: bool = False) -> Restored:
    """The conversation of the stored key, or an empty start when there is none (or it is gone).

    ``sign_in_pending``: members must sign in and have not yet; a signed-in member's conversation
    answers 404 until then, so the stored key is kept for the load after the sign-in."""
    if not key:
        return Restored([], "", None, None, [])
    try:
        view = service.conversation(key, user=user)
    except Exception:  # unknown, malformed or someone else's key: start a new conversation
        return Restored([], "", key if sign_in_pending else None, None, [])
    last = view.turns[-1].interaction_id if view.turns else None
    replies = [t.reply for t in view.turns if t.reply is not None]
    references = [r.reference for r in replies if r.status == "answered"]
    status = ""
    if view.unread_replies:
        status = message_html(
            "ok", f"Bạn có {view.unread_replies} trả lời mới của tư vấn viên (đánh dấu «Mới»)."
        )
    return Restored(chat_from(view), status, key, last, references)


def build_reply_rating() -> tuple[gr.Group, gr.Dropdown, gr.Button, gr.Button]:
    """The small "rate the advisor's reply" row (hidden until there is an answered reply)."""
    with gr.Group(visible=False, elem_id="la-reply-rating") as box:
        reference = gr.Dropdown(choices=[], label=RATE_HINT, elem_id="la-reply-ref")
        with gr.Row(elem_classes=["la-feedback-row"]):
            up = gr.Button("✓ Trả lời hữu ích", elem_id="la-reply-up", min_width=100)
            down = gr.Button("✗ Chưa giải đáp được", elem_id="la-reply-down", min_width=100)
    return box, reference, up, down


def rate_reply(service: Any, key: Any, reference: Any, rating: int, user: Any) -> str:
    if not key or not reference:
        return message_html("error", "Hãy chọn mã yêu cầu có trả lời của tư vấn viên để đánh giá.")
    try:
        service.rate_reply(key, reference, rating, user=user)
    except Exception as exc:
        return message_html("error", error_text(exc))
    return message_html("ok", f"Cảm ơn bạn đã đánh giá trả lời của tư vấn viên ({reference}).")


def wire_history(
    service: Any,
    *,
    conversation: Any,
    member: Any,
    chat: Any,
    status: Any,
    interaction: Any,
    check: Any,
    logins: Sequence[Any] = (),
) -> None:
    """Rebuild the chat from the server on page load, after a member signs in and on "Xem trả
    lời của tư vấn viên"; lay out and wire the reply rating row."""
    box, reference, up, down = build_reply_rating()

    def load(key: Any, user: Any) -> tuple[Any, ...]:
        found = restore(service, key, user, sign_in_pending=bool(logins) and user is None)
        choices = gr.update(
            choices=found.references, value=found.references[-1] if found.references else None
        )
        return (
            found.chat,
            found.status,
            found.key,
            found.interaction_id,
            gr.update(visible=bool(found.references)),
            choices,
        )

    outputs = [chat, status, conversation, interaction, box, reference]
    root = gr.context.Context.root_block
    if root is not None:
        root.load(load, [conversation, member], outputs)
    check.click(load, [conversation, member], outputs)
    for event in logins:
        event.then(load, [conversation, member], outputs)
    for button, rating in ((up, 1), (down, -1)):
        button.click(
            lambda key, ref, user, r=rating: rate_reply(service, key, ref, r, user),
            [conversation, reference, member],
            [status],
        )


def request_sent_text(reference: str) -> str:
    return (
        f"Đã gửi câu hỏi cho tư vấn viên. Mã yêu cầu của bạn: {reference}. "
        "Trả lời sẽ hiện trong cuộc trò chuyện này (bấm «Xem trả lời của tư vấn viên» hoặc tải lại trang)."
    )
