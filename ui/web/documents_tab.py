"""Tab "Văn bản pháp luật": union legal staff (role ``admin``) upload, check, publish and roll back.

The workspace appears only after an admin logs in, and every handler checks the role again
(the visibility is a convenience, not the gate). The handlers call ``assistant.service.documents``, the
application layer the API also calls; ``ui.web.documents_view`` shapes what they return.
Each handler returns its outputs in the order the layout wires them, so it is tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.service import documents as desk
from assistant.service.errors import InvalidRequestError
from ui.web import documents_view as dv
from ui.web.format import message_html
from ui.web.login import build_login
from ui.web.service_view import error_text

LOGIN_FIRST = "Vui lòng đăng nhập bằng mã của cán bộ pháp chế (quản trị viên) để quản lý văn bản."
UPLOAD_FIRST = "Hãy tải tệp văn bản lên trước."
# Gradio queues a second click on the same button behind the first; letting it run instead
# means a second staff member is told at once that someone is publishing (assistant.service.documents.BUSY).
STAFF_AT_ONCE = 4
KEEP = object()  # placeholder replaced by gr.update() when wiring (keeps handlers free of Gradio)


@dataclass(frozen=True)
class ReportOutputs:
    """What a staging shows: id kept for publishing, verdict, and the three report tables."""

    staging_id: str | None
    verdict: str
    counts: pd.DataFrame
    warnings: pd.DataFrame
    diff: pd.DataFrame

    def as_tuple(self) -> tuple[Any, ...]:
        return self.staging_id, self.verdict, self.counts, self.warnings, self.diff


def _empty_report(staging_id: str | None, verdict: str) -> ReportOutputs:
    return ReportOutputs(
        staging_id,
        verdict,
        pd.DataFrame(columns=dv.COUNT_COLUMNS),
        pd.DataFrame(columns=dv.WARNING_COLUMNS),
        pd.DataFrame(columns=dv.DIFF_COLUMNS),
    )


def _report(staging_id: str | None, report: Any) -> ReportOutputs:
    """A refused upload stays kept: staff may tick "phiên bản mới" or fix a field and check again."""
    return ReportOutputs(
        staging_id or None,
        dv.report_html(report),
        dv.counts_frame(report),
        dv.warnings_frame(report),
        dv.diff_frame(report),
    )


def _lenient_day(raw: str) -> Any:
    try:
        return dv.parse_day(raw, "ngày có hiệu lực", required=False)
    except ValueError:
        return None


def upload(
    service: Any, user: Any, path: Any, replaces: str, effective: str, new_version: bool
) -> tuple[Any, ...]:
    """Stage the uploaded file: the report tables, then the metadata read from the text.

    Outputs: staging id, verdict, counts, warnings, diff, then number, type, title, issuer,
    signed date and effective date (``KEEP`` where the staff's value stays)."""
    keep6 = (KEEP,) * 6
    try:
        desk.require_admin(user)
        if not path:
            return (*_empty_report(None, message_html("error", UPLOAD_FIRST)).as_tuple(), *keep6)
        file = Path(str(path))
        staged = desk.stage_upload(
            service,
            file.name,
            file,
            replaces=next(iter(dv.law_list(replaces)), None),
            effective=_lenient_day(effective),
            new_version=bool(new_version),
        )
    except Exception as exc:
        return (*_empty_report(None, message_html("error", error_text(exc))).as_tuple(), *keep6)
    report, hint = staged.report, staged.report.suggested
    filled = (
        report.law_id or KEEP,
        hint.get("doc_type") or KEEP,
        hint.get("title") or report.title or KEEP,
        hint.get("issuer") or KEEP,
        dv.show_day(hint.get("issued")) or KEEP,
        dv.show_day(hint.get("effective")) or KEEP,
    )
    return (*_report(staged.staging_id, report).as_tuple(), *filled)


def check(
    service: Any, user: Any, staging_id: str | None, replaces: str, effective: str, new_version: bool
) -> tuple[Any, ...]:
    """Check the kept upload again with the metadata filled in since (outputs as ``upload``'s first five)."""
    try:
        desk.require_admin(user)
        if not staging_id:
            return _empty_report(None, message_html("error", UPLOAD_FIRST)).as_tuple()
        report = desk.restage(
            service,
            staging_id,
            replaces=next(iter(dv.law_list(replaces)), None),
            effective=dv.parse_day(effective, "ngày có hiệu lực", required=False),
            new_version=bool(new_version),
        )
    except Exception as exc:
        return _empty_report(staging_id, message_html("error", error_text(exc))).as_tuple()
    return _report(staging_id, report).as_tuple()


def publish(service: Any, user: Any, staging_id: str | None, *form: Any) -> tuple[Any, ...]:
    """Publish the checked upload with the form's metadata. Outputs: message, staging id, history.

    Refused uploads, bad metadata and a second publisher get a message; the service keeps
    answering from the corpus it had."""
    try:
        desk.require_admin(user)
        if not staging_id:
            raise InvalidRequestError(
                UPLOAD_FIRST + " Tệp phải đạt kiểm tra (không có lỗi) mới công bố được."
            )
        meta = dv.metadata(*form)
        result = desk.publish_staged(service, staging_id, meta, user)
    except Exception as exc:
        return message_html("error", error_text(exc)), staging_id, *history(service, user)[1:]
    version = result.get("version") or {}
    text = (
        f"Đã công bố {meta.law_id} (phiên bản {version.get('id', '?')}, "
        f"người công bố {version.get('who', '')}). Nhúng lại {result.get('embedded', 0)} đoạn "
        "văn bản mới hoặc thay đổi; trợ lý đã trả lời theo văn bản mới."
    )
    return message_html("ok", text), None, *history(service, user)[1:]


def rollback(service: Any, user: Any, law_id: str | None) -> tuple[Any, ...]:
    """Withdraw the current staff-published version of ``law_id``. Outputs: message, history, choices."""
    try:
        result = desk.rollback_law(service, law_id or "", user)
    except Exception as exc:
        return message_html("error", error_text(exc)), *history(service, user)[1:]
    back = result.get("current_version")
    now = f"phiên bản {back['id']}" if back else "văn bản trong kho nguồn (hoặc không còn văn bản này)"
    text = f"Đã rút lại phiên bản hiện hành của {result['law_id']}; nay áp dụng {now}."
    return message_html("ok", text), *history(service, user)[1:]


def history(service: Any, user: Any) -> tuple[Any, ...]:
    """Outputs: message, the publishing record (newest first), the laws a rollback can undo."""
    try:
        found = desk.versions(service, user)
    except Exception as exc:
        return message_html("error", error_text(exc)), pd.DataFrame(columns=dv.HISTORY_COLUMNS), gr.update()
    choices = dv.rollback_choices(found)
    return "", dv.history_frame(found), gr.update(choices=choices, value=choices[0] if choices else None)


def gate(user: Any) -> tuple[Any, ...]:
    """Show the workspace to an admin only. Outputs: workspace visibility, message."""
    if user is not None and getattr(user, "role", None) == "admin":
        return gr.update(visible=True), ""
    return gr.update(visible=False), message_html("info", LOGIN_FIRST)


def _gradio(values: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(gr.update() if v is KEEP else v for v in values)


def build_documents_tab(service: Any, tab: gr.Tab, staff: gr.State) -> None:
    """Lay out the document workspace inside ``tab`` and wire its events."""
    staging = gr.State(None)
    logins = build_login(service, staff, key="documents", label="Mã đăng nhập (token) của cán bộ pháp chế")
    notice = gr.HTML(message_html("info", LOGIN_FIRST), elem_id="la-doc-gate")
    with gr.Column(visible=False, elem_id="la-doc-desk") as workspace:
        gr.Markdown("### 1. Tải văn bản lên và kiểm tra")
        upload_box = gr.File(
            label="Tệp Word (.docx), PDF, HTML, Markdown hoặc văn bản (.txt), tối đa 50 MB",
            type="filepath",
            elem_id="la-doc-file",
        )
        verdict = gr.HTML(elem_id="la-doc-verdict")
        with gr.Row():
            counts = gr.Dataframe(
                headers=dv.COUNT_COLUMNS,
                interactive=False,
                label="Số đơn vị theo cấp",
                elem_id="la-doc-counts",
                min_width=200,
            )
            diff = gr.Dataframe(
                headers=dv.DIFF_COLUMNS,
                interactive=False,
                wrap=True,
                label="So với văn bản được thay thế",
                elem_id="la-doc-diff",
                min_width=300,
            )
        warnings = gr.Dataframe(
            headers=dv.WARNING_COLUMNS,
            interactive=False,
            wrap=True,
            label="Cảnh báo khi đọc tệp (vị trí, nội dung)",
            elem_id="la-doc-warnings",
        )
        gr.Markdown("### 2. Thông tin văn bản (kiểm tra, sửa nếu cần)")
        with gr.Row():
            law_id = gr.Textbox(label="Số hiệu", placeholder="vd. 50/2024/QH15", elem_id="la-doc-law")
            doc_type = gr.Dropdown(
                dv.DOC_TYPES, label="Loại văn bản", allow_custom_value=True, elem_id="la-doc-type"
            )
            issuer = gr.Textbox(label="Cơ quan ban hành", placeholder="vd. Quốc hội", elem_id="la-doc-issuer")
        title = gr.Textbox(label="Tên văn bản", elem_id="la-doc-title")
        with gr.Row():
            issued = gr.Textbox(
                label="Ngày ban hành (ngày/tháng/năm)", placeholder="15/01/2026", elem_id="la-doc-issued"
            )
            effective = gr.Textbox(
                label="Ngày có hiệu lực (ngày/tháng/năm)",
                placeholder="01/07/2026",
                elem_id="la-doc-effective",
            )
        with gr.Row():
            replaces = gr.Textbox(
                label="Thay thế văn bản (số hiệu, cách nhau bởi dấu phẩy)", elem_id="la-doc-replaces"
            )
            replaced_by = gr.Textbox(label="Bị thay thế bởi (nếu có)", elem_id="la-doc-replaced-by")
        new_version = gr.Checkbox(
            label="Đây là phiên bản mới (bản sửa) của văn bản đã có trong kho", elem_id="la-doc-new"
        )
        with gr.Row():
            recheck = gr.Button("Kiểm tra lại với thông tin trên", elem_id="la-doc-check", min_width=160)
            go = gr.Button("Công bố", variant="primary", elem_id="la-doc-publish", min_width=120)
        published = gr.HTML(elem_id="la-doc-status")
        gr.Markdown("### 3. Lịch sử công bố")
        record = gr.Dataframe(
            headers=dv.HISTORY_COLUMNS, interactive=False, wrap=True, elem_id="la-doc-history"
        )
        with gr.Row():
            undo_law = gr.Dropdown(
                [], label="Văn bản cần khôi phục về phiên bản trước", elem_id="la-doc-undo-law"
            )
            undo = gr.Button(
                "Khôi phục phiên bản trước", variant="stop", elem_id="la-doc-rollback", min_width=160
            )
        undone = gr.HTML(elem_id="la-doc-undo-status")

    report_out = [staging, verdict, counts, warnings, diff]
    form = [law_id, doc_type, title, issuer, issued, effective, replaces, replaced_by, new_version]
    record_out = [undone, record, undo_law]

    def on_upload(user: Any, path: Any, rep: str, eff: str, new: bool) -> tuple[Any, ...]:
        return _gradio(upload(service, user, path, rep, eff, new))

    upload_box.upload(
        on_upload,
        [staff, upload_box, replaces, effective, new_version],
        [*report_out, law_id, doc_type, title, issuer, issued, effective],
    )
    recheck.click(
        lambda u, s, r, e, n: check(service, u, s, r, e, n),
        [staff, staging, replaces, effective, new_version],
        report_out,
    )
    go.click(
        lambda u, s, *f: publish(service, u, s, *f),
        [staff, staging, *form],
        [published, staging, record, undo_law],
        concurrency_limit=STAFF_AT_ONCE,
    )
    undo.click(
        lambda u, law: rollback(service, u, law),
        [staff, undo_law],
        [undone, record, undo_law],
        concurrency_limit=STAFF_AT_ONCE,
    )
    for event in logins:
        event.then(gate, [staff], [workspace, notice]).then(
            lambda u: history(service, u), [staff], record_out
        )
    tab.select(gate, [staff], [workspace, notice]).then(lambda u: history(service, u), [staff], record_out)
