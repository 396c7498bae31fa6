"""Tab "Hỏi đáp": the member's chat with streamed answers, source cards and feedback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from corpus.settings import Settings
from ui.web.calc_form import build_calc_form, form_updates, pending_calculation, submit_steps
from ui.web.format import as_text, chat_answer, message_html, notices_markdown, sources_html
from ui.web.login import build_login
from ui.web.member_history import conversation_state, request_sent_text, wire_history
from ui.web.service_view import error_text, stream_answer

EXAMPLE_QUESTIONS = (
    "Nghỉ phép năm được bao nhiêu ngày?",
    "Công ty chậm trả lương thì phải làm sao?",
    "nghi viec co duoc tro cap khong",
)
THINKING = "Đang tra cứu văn bản pháp luật…"
# On a phone a long answer scrolled to its end hides its first line, which holds the rule:
# once the answer is complete, bring the start of the last reply into view.
SCROLL_TO_ANSWER = """() => {
  const replies = document.querySelectorAll('#la-chat .message-row.bot-row, #la-chat .bot');
  const last = replies[replies.length - 1];
  if (last) { last.scrollIntoView({block: 'start', behavior: 'smooth'}); }
}"""

ChatHistory = list[dict[str, Any]]


def build_member_tab(service: Any, settings: Settings) -> None:
    """Lay out the member chat inside the current ``gr.Tab`` and wire its events.

    With ``settings.anonymous_chat`` off (as the API does) members sign in with their token first.
    """
    member = gr.State(None)  # the signed-in member, or None for anonymous chat
    interaction = gr.State(None)  # id of the last answered interaction (for feedback)
    # The conversation's secret key, kept in this browser (localStorage): a reload continues the
    # conversation (history from the server); no other browser can continue, rate or share it.
    conversation = conversation_state(settings)
    calculation = gr.State(None)  # the last answer's request for calculator inputs, or None

    gr.Markdown(
        "Hỏi về quyền lợi của người lao động: hợp đồng, tiền lương, nghỉ phép, bảo hiểm, kỷ luật… "
        "Câu trả lời luôn kèm điều luật làm căn cứ.",
        elem_classes=["la-intro"],
    )
    logins: list[Any] = []
    if not settings.anonymous_chat:
        logins = build_login(service, member, key="member", label="Mã đăng nhập (token) của đoàn viên")
    chat = gr.Chatbot(
        label="Trò chuyện",
        height="55vh",
        min_height=280,
        elem_id="la-chat",
        placeholder="Đặt câu hỏi của bạn ở ô bên dưới hoặc chọn một câu hỏi mẫu.",
        feedback_options=None,
        buttons=["copy"],
    )
    calc_form = build_calc_form()  # right under the answer that asks for calculator inputs
    notices = gr.Markdown(elem_id="la-notices")
    with gr.Group(visible=False, elem_id="la-after-answer") as after:
        with gr.Row(elem_classes=["la-feedback-row"]):
            up = gr.Button("✓ Hữu ích", elem_id="la-up", min_width=100)
            down = gr.Button("✗ Chưa đúng", elem_id="la-down", min_width=100)
        comment = gr.Textbox(
            label="Góp ý thêm (không bắt buộc)",
            lines=2,
            elem_id="la-comment",
            placeholder="Điều gì chưa đúng?",
        )
        share = gr.Checkbox(
            label="Đồng ý chia sẻ thông tin cá nhân (tên, nơi làm việc) với tư vấn viên",
            value=False,
            elem_id="la-share",
        )
        advisor = gr.Button("Hỏi tư vấn viên", variant="secondary", elem_id="la-ask-advisor")
    status = gr.HTML(elem_id="la-member-status")
    check = gr.Button("Xem trả lời của tư vấn viên", size="sm", elem_id="la-check-replies")
    wire_history(
        service,
        conversation=conversation,
        member=member,
        chat=chat,
        status=status,
        interaction=interaction,
        check=check,
        logins=logins,
    )
    with gr.Row(elem_classes=["la-ask-row"]):
        question = gr.Textbox(
            show_label=False,
            placeholder="Nhập câu hỏi, ví dụ: Nghỉ phép năm được bao nhiêu ngày?",
            lines=1,
            max_lines=5,
            max_length=settings.max_question_chars,
            scale=5,
            min_width=200,
            elem_id="la-question",
        )
        send = gr.Button("Gửi câu hỏi", variant="primary", scale=1, min_width=120, elem_id="la-send")
    with gr.Row(elem_classes=["la-examples"]):
        example_buttons = [
            gr.Button(q, size="sm", variant="secondary", elem_classes=["la-example"])
            for q in EXAMPLE_QUESTIONS
        ]
    # Folded under the answer: the member reads the short answer first, unfolds the law if wanted.
    sources = gr.HTML(elem_id="la-sources")

    def answer(text: str, history: ChatHistory | None, conv: Any, user: Any) -> Iterator[tuple[Any, ...]]:
        if user is None and not settings.anonymous_chat:
            yield (gr.update(),) * 7 + (
                message_html("error", "Vui lòng đăng nhập để đặt câu hỏi."),
                gr.update(),
            )
            return
        yield from _answer(service, text, history or [], conv, user)

    outputs = [question, chat, sources, notices, after, interaction, conversation, status, calculation]
    show_form = (form_updates, [calculation], calc_form.outputs)
    send.click(answer, [question, chat, conversation, member], outputs).then(*show_form).then(
        None, js=SCROLL_TO_ANSWER
    )
    question.submit(answer, [question, chat, conversation, member], outputs).then(*show_form).then(
        None, js=SCROLL_TO_ANSWER
    )
    for button in example_buttons:
        button.click(answer, [button, chat, conversation, member], outputs).then(*show_form).then(
            None, js=SCROLL_TO_ANSWER
        )

    def submit_form(calc: Any, *rest: Any) -> Iterator[tuple[Any, ...]]:
        fields, args = rest[: len(calc_form.fields)], rest[len(calc_form.fields) :]
        yield from submit_steps(answer, len(outputs), calc, fields, *args)

    calc_form.submit.click(
        submit_form,
        [calculation, *calc_form.fields, chat, conversation, member],
        [*calc_form.outputs, *outputs],
    ).then(None, js=SCROLL_TO_ANSWER)

    def rate(rating: int) -> Any:
        def handler(interaction_id: Any, text: str, user: Any, key: Any) -> tuple[str, str]:
            return _feedback(service, interaction_id, rating, text, user, key)

        return handler

    up.click(rate(1), [interaction, comment, member, conversation], [status, comment])
    down.click(rate(-1), [interaction, comment, member, conversation], [status, comment])
    advisor.click(
        lambda interaction_id, consent, user, key: _request_advisor(
            service, interaction_id, consent, user, key
        ),
        [interaction, share, member, conversation],
        [status],
    )


def _answer(service: Any, text: str, history: ChatHistory, conv: Any, user: Any) -> Iterator[tuple[Any, ...]]:
    """Stream one answer into the chat: the question, a placeholder, the growing text, then sources."""
    question = (text or "").strip()
    keep = gr.update()
    if not question:
        yield "", history, keep, keep, keep, keep, keep, message_html("error", "Vui lòng nhập câu hỏi."), keep
        return
    history = [
        *history,
        {"role": "user", "content": as_text(question)},
        {"role": "assistant", "content": THINKING},
    ]
    yield "", history, "", "", gr.update(visible=False), None, conv, "", None
    try:
        for step in stream_answer(service, question, conversation_key=conv, user=user):
            if isinstance(step, str):
                history[-1] = {"role": "assistant", "content": as_text(step)}
                yield "", history, keep, keep, keep, keep, keep, keep, keep
                continue
            history[-1] = {"role": "assistant", "content": chat_answer(step.payload)}
            yield (
                "",
                history,
                sources_html(
                    step.citations,
                    verified=step.verified,
                    verified_question=str(step.payload.get("verified_question") or ""),
                ),
                notices_markdown(step.payload),
                gr.update(visible=True),
                step.interaction_id,
                step.conversation_key,
                "",
                pending_calculation(step.payload),
            )
    except Exception as exc:  # shown to the member instead of a stack trace
        history[-1] = {"role": "assistant", "content": "Xin lỗi, chưa trả lời được câu hỏi này."}
        yield (
            "",
            history,
            "",
            "",
            gr.update(visible=False),
            None,
            conv,
            message_html("error", error_text(exc)),
            None,
        )


def _feedback(
    service: Any, interaction_id: Any, rating: int, comment: str, user: Any, key: Any
) -> tuple[str, str]:
    if interaction_id is None:
        return message_html("error", "Chưa có câu trả lời nào để đánh giá."), comment
    try:
        service.feedback(interaction_id, rating, (comment or "").strip(), user, conversation_key=key)
    except Exception as exc:
        return message_html("error", error_text(exc)), comment
    return message_html("ok", "Cảm ơn bạn đã góp ý! Ý kiến đã được ghi nhận."), ""


def _request_advisor(service: Any, interaction_id: Any, consent: bool, user: Any, key: Any) -> str:
    if interaction_id is None:
        return message_html("error", "Hãy đặt câu hỏi trước khi gửi cho tư vấn viên.")
    try:
        item = service.request_advisor(interaction_id, user, bool(consent), conversation_key=key)
    except Exception as exc:
        return message_html("error", error_text(exc))
    return message_html("ok", request_sent_text(item.reference))
