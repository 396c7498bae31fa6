"""The leaders' dashboard as the web tab draws it: the matplotlib charts (``ui.web.charts``),
the notes and tables (``ui.web.dashboard_tab``) over reports read from a real SQLite file. The
aggregates themselves: ``tests/assistant/service/test_dashboard_report.py``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from matplotlib.patches import Rectangle

from assistant.service.dashboard.query import load_report
from assistant.service.dashboard.report import local_day
from assistant.service.dashboard.sample import generated_rows, store_rows
from assistant.service.storage.store import Store
from tests.assistant.service.test_dashboard_report import (
    LEAVE,
    MATERNITY,
    NOW,
    OVERTIME,
    at,
    row,
)
from ui.web.charts import laws_figure, timeline_figure, topics_figure
from ui.web.dashboard_tab import dashboard_outputs, timeline_note, trends_frame, unanswered_frame


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[Store]:
    store = Store(sqlite_url).open()
    yield store
    store.close()


def test_one_day_of_data_is_drawn_by_local_hour(sqlite_store: Store) -> None:
    store_rows(sqlite_store, [row(at(0, 8), LEAVE), row(at(0, 8), MATERNITY), row(at(0, 9), LEAVE)])
    report = load_report(sqlite_store.engine, 30, now=NOW)
    assert f"{local_day(NOW):%d/%m/%Y}" in timeline_note(report)
    figure = timeline_figure(report)
    heights = [bar.get_height() for bar in figure.axes[0].patches if isinstance(bar, Rectangle)]
    assert len(heights) == 24 and sum(heights) == 3
    assert all(t.get_rotation() == 0 for t in figure.axes[0].get_xticklabels())


def test_no_data_gives_empty_figures_not_errors(sqlite_store: Store) -> None:
    report = load_report(sqlite_store.engine, 90, now=NOW)
    assert "Chưa có câu hỏi" in timeline_note(report)
    assert unanswered_frame(report).empty and trends_frame(report).empty
    assert len(dashboard_outputs(report)) == 8


def test_week_on_week_table_reads_topic_this_week_last_week_change(sqlite_store: Store) -> None:
    this_week = [row(at(0, 9), LEAVE), row(at(2, 9), LEAVE), row(at(6, 9), MATERNITY)]
    store_rows(sqlite_store, [*this_week, row(at(7, 9), LEAVE), row(at(13, 9), OVERTIME)])
    report = load_report(sqlite_store.engine, 7, now=NOW)
    assert trends_frame(report).iloc[0].tolist() == ["Thời giờ làm việc, nghỉ ngơi", 2, 1, "+1"]


def test_charts_show_whole_level_labels(sqlite_store: Store) -> None:
    store_rows(sqlite_store, generated_rows(14, NOW, per_day=6, seed=5))
    report = load_report(sqlite_store.engine, 14, now=NOW)
    names = [r.topic for r in report.topics if r.questions][:12]
    topics = topics_figure(report).axes[0]
    assert [t.get_text() for t in topics.get_yticklabels()] == names
    assert all(t.get_rotation() == 0 for t in topics.get_yticklabels())
    laws = laws_figure(report).axes[0]
    assert [t.get_text() for t in laws.get_yticklabels()] == [law for law, _ in report.laws]
    assert "BLLĐ 2019" in [t.get_text() for t in laws.get_yticklabels()]


def test_the_tab_asks_a_leader_for_a_leaders_token() -> None:
    import gradio as gr

    from ui.web.dashboard_tab import LOGIN_LABEL, build_dashboard_tab

    with gr.Blocks() as demo, gr.Tab("Thống kê") as tab:
        build_dashboard_tab(None, tab, gr.State(None))
    blocks = {getattr(b, "elem_id", None): b for b in demo.blocks.values()}
    assert {"la-dash-note", "la-plot-days", "la-plot-topics", "la-plot-laws", "la-dash-csv"} <= set(blocks)
    assert blocks["la-token-dashboard"].label == LOGIN_LABEL and "lãnh đạo" in LOGIN_LABEL
    assert "tư vấn viên" not in LOGIN_LABEL
