"""Tab "Thống kê": the leader's dashboard of questions, topics, declines and satisfaction."""

from __future__ import annotations

from typing import Any

import gradio as gr
import pandas as pd

from ui.results import DashboardStats, TopicCount
from ui.web.format import message_html, percent, stat_cards_html
from ui.web.login import build_login
from ui.web.service_view import error_text

PERIODS = {"7 ngày": 7, "30 ngày": 30, "90 ngày": 90, "365 ngày": 365}
DEFAULT_PERIOD = "30 ngày"
DAY_COLUMNS = ["Ngày", "Số câu hỏi"]
TOPIC_COLUMNS = ["Chủ đề", "Số câu hỏi"]


def build_dashboard_tab(service: Any, tab: gr.Tab, staff: gr.State) -> None:
    """Lay out the dashboard inside ``tab`` (the current ``gr.Tab``); figures load when it opens.

    The figures are for union leaders and advisors, so they need a staff login (shared with
    the advisor tab through ``staff``).
    """
    logins = build_login(service, staff, key="dashboard")
    with gr.Row(equal_height=True):
        period = gr.Radio(list(PERIODS), value=DEFAULT_PERIOD, label="Khoảng thời gian", scale=3)
        refresh = gr.Button("Cập nhật", variant="primary", scale=1, min_width=120, elem_id="la-dash-refresh")
    cards = gr.HTML(elem_id="la-dash-cards")
    per_day = gr.LinePlot(
        x="Ngày",
        y="Số câu hỏi",
        title="Số câu hỏi mỗi ngày",
        x_title="Ngày",
        x_axis_format="%d/%m",
        y_title="Số câu hỏi",
        y_lim=[0, None],
        height=260,
        elem_id="la-plot-days",
    )
    with gr.Row():
        by_law = gr.BarPlot(
            x="Chủ đề",
            y="Số câu hỏi",
            title="Văn bản được hỏi nhiều nhất",
            x_label_angle=-30,
            sort="-y",
            y_lim=[0, None],
            height=300,
            min_width=300,
            elem_id="la-plot-laws",
        )
        by_chapter = gr.BarPlot(
            x="Chủ đề",
            y="Số câu hỏi",
            title="Chương được hỏi nhiều nhất",
            x_label_angle=-30,
            sort="-y",
            y_lim=[0, None],
            height=300,
            min_width=300,
            elem_id="la-plot-chapters",
        )
    error = gr.HTML()

    def load(user: Any, label: str) -> tuple[Any, ...]:
        keep = gr.update()
        if user is None:
            return keep, keep, keep, keep, message_html("info", "Vui lòng đăng nhập để xem thống kê.")
        try:
            stats = service.dashboard(PERIODS.get(label, PERIODS[DEFAULT_PERIOD]), user=user)
        except Exception as exc:
            return keep, keep, keep, keep, message_html("error", error_text(exc))
        return (
            summary_html(stats),
            days_frame(stats),
            topics_frame(stats.top_laws, with_chapter=False),
            topics_frame(stats.top_chapters, with_chapter=True),
            "",
        )

    outputs = [cards, per_day, by_law, by_chapter, error]
    inputs = [staff, period]
    for event in logins:
        event.then(load, inputs, outputs)
    refresh.click(load, inputs, outputs)
    period.change(load, inputs, outputs)
    tab.select(load, inputs, outputs)


def summary_html(stats: DashboardStats) -> str:
    return stat_cards_html(
        [
            (f"Câu hỏi trong {stats.days} ngày", str(stats.total_questions)),
            ("Tỷ lệ từ chối trả lời", percent(stats.share_declined)),
            ("Tỷ lệ chuyển tư vấn viên", percent(stats.share_escalated)),
            (f"Mức hài lòng ({stats.feedback_count} đánh giá)", percent(stats.satisfaction)),
            ("Đang chờ duyệt", str(stats.pending_reviews)),
            ("Lượt trả lời đã xác nhận", str(stats.verified_served)),
        ]
    )


def days_frame(stats: DashboardStats) -> pd.DataFrame:
    frame = pd.DataFrame(list(stats.questions_per_day), columns=DAY_COLUMNS)
    frame["Ngày"] = pd.to_datetime(frame["Ngày"])
    return frame


def topics_frame(topics: tuple[TopicCount, ...], *, with_chapter: bool) -> pd.DataFrame:
    rows = []
    for t in topics:
        label = t.law_title or t.law_id
        if with_chapter and t.chapter:
            # "Chương VII. THỜI GIỜ ..." of "45/2019/QH14" -> "45/2019/QH14 · Chương VII. THỜI GIỜ ..."
            label = f"{t.law_id} · {t.chapter}"
        rows.append((_short(label), t.count))
    return pd.DataFrame(rows, columns=TOPIC_COLUMNS)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
