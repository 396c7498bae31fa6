"""Tab "Tư vấn viên": token login, the review queue with filters, and approve/edit/reject."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from assistant.service.results import ReviewItem
from ui.web import review_view as rv
from ui.web.format import message_html
from ui.web.login import build_login
from ui.web.service_view import error_text

LOGIN_FIRST = "Vui lòng đăng nhập bằng mã tư vấn viên."


def build_advisor_tab(service: Any, staff: gr.State) -> None:
    """Lay out the advisor workspace inside the current ``gr.Tab`` and wire its events."""
    items = gr.State([])  # review items currently listed, in table order
    selected = gr.State(None)  # id of the review item being handled

    logins = build_login(service, staff, key="advisor")
    with gr.Row(elem_classes=["la-filters"]):
        status = gr.Dropdown(choices=rv.status_choices(), value=rv.PENDING, label="Trạng thái", min_width=140)
        law = gr.Textbox(label="Văn bản (số hiệu)", placeholder="vd. 45/2019/QH14", min_width=140)
        topic = gr.Textbox(
            label="Chủ đề (chương)", placeholder="vd. Chương VII", min_width=140, elem_id="la-topic"
        )
        reason = gr.Dropdown(choices=rv.reason_choices(), value=rv.ALL, label="Lý do", min_width=140)
        refresh = gr.Button("Lọc / làm mới", min_width=120, elem_id="la-refresh")
    queue_status = gr.HTML(elem_id="la-queue-status")
    table = gr.Dataframe(
        value=pd.DataFrame(columns=list(rv.QUEUE_COLUMNS)),
        interactive=False,
        wrap=True,
        column_widths=list(rv.QUEUE_COLUMN_WIDTHS),
        label="Hàng chờ: yêu cầu của đoàn viên trước, rồi mục chờ lâu nhất (bấm một dòng để xem)",
        elem_id="la-queue",
    )
    with gr.Column(visible=False, elem_id="la-review") as review_box:
        detail = gr.HTML(elem_id="la-review-detail")
        answer_text = gr.Textbox(
            label="Câu trả lời ngắn gửi đoàn viên («Duyệt»: giữ nguyên; sửa rồi bấm «Sửa và duyệt»)",
            lines=6,
            elem_id="la-edit",
        )
        citations = gr.Dataframe(
            headers=list(rv.CITATION_COLUMNS),
            datatype=["str", "number", "number", "str"],
            interactive=True,
            label="Căn cứ pháp lý giữ lại hoặc thêm (mỗi dòng được đối chiếu với kho văn bản)",
            elem_id="la-edit-citations",
        )
        comment = gr.Textbox(
            label="Ghi chú của tư vấn viên (bắt buộc khi từ chối)", lines=2, elem_id="la-review-comment"
        )
        with gr.Row(elem_classes=["la-review-actions"]):
            draft = gr.Button("Lưu nháp", variant="secondary", elem_id="la-save-draft", min_width=90)
            approve = gr.Button("Duyệt", variant="primary", elem_id="la-approve", min_width=90)
            edit = gr.Button("Sửa và duyệt", variant="primary", elem_id="la-edit-btn", min_width=90)
            reject = gr.Button("Từ chối", variant="stop", elem_id="la-reject", min_width=90)
    action_status = gr.HTML(elem_id="la-action-status")

    filters = [staff, status, law, topic, reason]
    queue_outputs = [table, items, queue_status]
    review_outputs = [selected, review_box, detail, answer_text, citations, comment]

    def do_list(user: Any, st: str, law_id: str, chapter: str, why: str) -> tuple[Any, ...]:
        if user is None:
            return pd.DataFrame(columns=list(rv.QUEUE_COLUMNS)), [], message_html("info", LOGIN_FIRST)
        try:
            found = service.review_queue(
                rv.status_value(st) or "pending",
                (law_id or "").strip() or None,
                rv.reason_value(why),
                topic=(chapter or "").strip() or None,
                user=user,
            )
        except Exception as exc:
            return gr.update(), gr.update(), message_html("error", error_text(exc))
        return rv.queue_frame(found), list(found), message_html("info", rv.count_text(len(found)))

    def do_select(rows: list[ReviewItem], event: gr.SelectData) -> tuple[Any, ...]:
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        if not isinstance(row, int) or not 0 <= row < len(rows):
            return _closed_review()
        item = rows[row]
        return (
            item.id,
            gr.update(visible=True),
            rv.detail_html(item),
            rv.answer_text(item),
            rv.citations_frame(item),
            "",
        )

    def act(kind: str) -> Any:
        def handler(user: Any, review_id: Any, text: str, cites: Any, note: str) -> tuple[Any, ...]:
            keep = gr.update()
            if user is None:
                return message_html("error", LOGIN_FIRST), keep, keep
            if review_id is None:
                return message_html("error", "Hãy chọn một mục trong hàng chờ."), keep, keep
            note = (note or "").strip()
            try:
                if kind == "draft":
                    service.save_draft(review_id, user, text, rv.citation_rows(cites))
                    return message_html("ok", rv.DONE_MESSAGES[kind].format(id=review_id)), keep, keep
                if kind == "approve":
                    service.approve(review_id, user, note)
                elif kind == "edit":
                    service.edit(review_id, user, text, rv.citation_rows(cites), note)
                else:
                    service.reject(review_id, user, note)
            except Exception as exc:
                return message_html("error", error_text(exc)), keep, keep
            return (
                message_html("ok", rv.DONE_MESSAGES[kind].format(id=review_id)),
                None,
                gr.update(visible=False),
            )

        return handler

    for event in logins:
        event.then(do_list, filters, queue_outputs)
    for trigger in (refresh.click, status.change, reason.change, law.submit, topic.submit):
        trigger(do_list, filters, queue_outputs).then(_closed_review, None, review_outputs)
    table.select(do_select, [items], review_outputs)
    for button, kind in ((draft, "draft"), (approve, "approve"), (edit, "edit"), (reject, "reject")):
        inputs = [staff, selected, answer_text, citations, comment]
        button.click(act(kind), inputs, [action_status, selected, review_box]).then(
            do_list, filters, queue_outputs
        )


def _closed_review() -> tuple[Any, ...]:
    return None, gr.update(visible=False), "", "", None, ""
