"""Tab "Thống kê": the union leader's dashboard.

Questions over time (every day filled; one day of data by hour), topics in members' terms with
short law names, week-on-week trends, the share answered/declined/escalated/verified,
satisfaction, the topics the assistant could not answer well, and a CSV download. The figures
come from ``AssistantService.dashboard_report``; this module only lays them out.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.service.dashboard.export import write_csv
from assistant.service.dashboard.report import DashboardReport
from ui.web.charts import laws_figure, timeline_figure, topics_figure
from ui.web.format import message_html, percent, stat_cards_html
from ui.web.login import build_login
from ui.web.service_view import error_text

PERIODS = {"Hôm nay": 1, "7 ngày": 7, "30 ngày": 30, "90 ngày": 90, "365 ngày": 365}
DEFAULT_PERIOD = "30 ngày"
LOGIN_LABEL = "Mã đăng nhập (token) của lãnh đạo công đoàn"
TREND_COLUMNS = ["Chủ đề", "Tuần này", "Tuần trước", "Thay đổi"]
UNANSWERED_COLUMNS = ["Chủ đề", "Từ chối trả lời", "Đánh giá chưa đúng", "Số câu hỏi"]
EXPORT_DIR = Path(tempfile.gettempdir()) / "la-dashboard"


def build_dashboard_tab(service: Any, tab: gr.Tab, staff: gr.State) -> None:
    """Lay out the dashboard inside ``tab`` (the current ``gr.Tab``); figures load when it opens.

    Leaders sign in with a leader's token (advisors and admins may read it too); the login
    is shared with the advisor tab through ``staff``.
    """
    logins = build_login(service, staff, key="dashboard", label=LOGIN_LABEL)
    with gr.Row(equal_height=True):
        period = gr.Radio(list(PERIODS), value=DEFAULT_PERIOD, label="Khoảng thời gian", scale=3)
        refresh = gr.Button("Cập nhật", variant="primary", scale=1, min_width=120, elem_id="la-dash-refresh")
    cards = gr.HTML(elem_id="la-dash-cards")
    note = gr.Markdown(elem_id="la-dash-note")
    timeline = gr.Plot(label="Số câu hỏi", show_label=False, elem_id="la-plot-days")
    # One chart a row: the topic and law names stay whole and readable at full width.
    topics = gr.Plot(label="Chủ đề", show_label=False, elem_id="la-plot-topics")
    laws = gr.Plot(label="Văn bản", show_label=False, elem_id="la-plot-laws")
    with gr.Row():
        trends = gr.Dataframe(
            headers=TREND_COLUMNS,
            label="Xu hướng theo tuần (7 ngày gần nhất so với 7 ngày trước)",
            interactive=False,
            wrap=True,
            min_width=320,
            elem_id="la-dash-trends",
        )
        unanswered = gr.Dataframe(
            headers=UNANSWERED_COLUMNS,
            label="Chủ đề chưa được trả lời tốt",
            interactive=False,
            wrap=True,
            min_width=320,
            elem_id="la-dash-unanswered",
        )
    download = gr.File(label="Tải số liệu (CSV)", interactive=False, elem_id="la-dash-csv")
    error = gr.HTML(elem_id="la-dash-error")

    def load(user: Any, label: str) -> tuple[Any, ...]:
        keep = gr.update()
        if user is None:
            return (
                *([keep] * 8),
                message_html("info", "Vui lòng đăng nhập bằng mã lãnh đạo để xem thống kê."),
            )
        try:
            report = service.dashboard_report(PERIODS.get(label, PERIODS[DEFAULT_PERIOD]), user=user)
        except Exception as exc:
            return (*([keep] * 8), message_html("error", error_text(exc)))
        return (*dashboard_outputs(report), "")

    outputs = [cards, note, timeline, topics, laws, trends, unanswered, download, error]
    inputs = [staff, period]
    for event in logins:
        event.then(load, inputs, outputs)
    refresh.click(load, inputs, outputs)
    period.change(load, inputs, outputs)
    tab.select(load, inputs, outputs)


def dashboard_outputs(report: DashboardReport) -> tuple[Any, ...]:
    """Cards, the note on the time chart, the three charts, the two tables and the CSV file."""
    csv_path = write_csv(report, EXPORT_DIR / f"thong-ke-{report.start:%Y%m%d}-{report.end:%Y%m%d}.csv")
    return (
        summary_html(report),
        timeline_note(report),
        timeline_figure(report),
        topics_figure(report),
        laws_figure(report),
        trends_frame(report),
        unanswered_frame(report),
        str(csv_path),
    )


def timeline_note(report: DashboardReport) -> str:
    """What each bar of the time chart is, in a sentence above it."""
    if report.timeline_kind == "empty":
        span = f"{report.start:%d/%m/%Y}–{report.end:%d/%m/%Y}"
        return f"Chưa có câu hỏi nào trong {report.days} ngày qua ({span})."
    if report.timeline_kind == "hour" and report.single_day is not None:
        return (
            f"Chỉ ngày {report.single_day:%d/%m/%Y} có câu hỏi trong khoảng này, "
            "nên biểu đồ cho thấy số câu hỏi theo từng giờ của ngày đó."
        )
    if report.timeline_kind == "week":
        return (
            "Khoảng thời gian dài: mỗi cột là một tuần (từ thứ Hai); tuần không có câu hỏi hiện 0; "
            "tuần đầu và tuần cuối có thể chưa đủ 7 ngày."
        )
    return (
        f"Mỗi cột là một ngày, từ {report.start:%d/%m/%Y} đến {report.end:%d/%m/%Y}; "
        "ngày không có câu hỏi hiện 0."
    )


def _change(report: DashboardReport) -> str:
    change = report.week_change
    if change is None:
        return "chưa có tuần trước" if report.this_week else "—"
    return f"{'+' if change >= 0 else '−'}{abs(change) * 100:.0f}%"


def summary_html(report: DashboardReport) -> str:
    rated = report.rated_up + report.rated_down
    return stat_cards_html(
        [
            (f"Câu hỏi trong {report.days} ngày", str(report.total)),
            ("Đã trả lời", _share(report, report.answered)),
            ("Từ chối trả lời", _share(report, report.declined)),
            ("Chuyển tư vấn viên", _share(report, report.escalated)),
            ("Trả lời đã xác nhận", _share(report, report.verified)),
            (f"Hài lòng ({rated} đánh giá)", percent(report.satisfaction)),
            (f"Tuần này so với tuần trước ({report.this_week}/{report.last_week})", _change(report)),
            ("Đang chờ tư vấn viên", str(report.pending_reviews)),
        ]
    )


def _share(report: DashboardReport, count: int) -> str:
    share = report.share(count)
    return "—" if share is None else f"{percent(share)} ({count})"


def trends_frame(report: DashboardReport) -> pd.DataFrame:
    rows = []
    for row in sorted(report.topics, key=lambda r: (-(r.this_week + r.last_week), r.topic)):
        if not (row.this_week or row.last_week):
            continue
        delta = row.this_week - row.last_week
        rows.append((row.topic, row.this_week, row.last_week, f"{delta:+d}" if delta else "0"))
    return pd.DataFrame(rows, columns=TREND_COLUMNS)


def unanswered_frame(report: DashboardReport) -> pd.DataFrame:
    rows = [(r.topic, r.declined, r.rated_down, r.questions) for r in report.unanswered]
    return pd.DataFrame(rows, columns=UNANSWERED_COLUMNS)
