"""The dashboard's charts as matplotlib figures (shown with ``gr.Plot``).

Horizontal bars carry the topic and law names whole and level (never cut, never rotated);
the questions-over-time chart is a bar per slot, so a single day or a single question still
draws a visible bar. ``Figure`` objects (no pyplot state) are safe in the server's threads.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from assistant.service.dashboard.report import DashboardReport

RED, GREY, AMBER = "#c0392b", "#95a5a6", "#e6a23c"
TIMELINE_TITLES = {
    "hour": "Số câu hỏi theo giờ, ngày {day}",
    "day": "Số câu hỏi mỗi ngày",
    "week": "Số câu hỏi mỗi tuần",
    "empty": "Số câu hỏi mỗi ngày",
}
MAX_TICKS = 12


def _figure(height: float) -> Figure:
    return Figure(figsize=(8, height), dpi=100, layout="constrained")


def _tick_label(kind: str, label: str) -> str:
    if kind in ("day", "empty"):
        day = date.fromisoformat(label)
        return f"{day:%d/%m}"
    return label.removeprefix("Tuần ")[:5] if kind == "week" else label


def timeline_figure(report: DashboardReport) -> Figure:
    figure = _figure(3.0)
    axes = figure.add_subplot()
    labels = [label for label, _ in report.timeline]
    counts = [n for _, n in report.timeline]
    day = f"{report.single_day or report.end:%d/%m/%Y}"
    axes.set_title(TIMELINE_TITLES[report.timeline_kind].format(day=day), loc="left", fontsize=12)
    positions = list(range(len(counts)))
    axes.bar(positions, counts, color=RED, width=0.8)
    step = max(1, -(-len(labels) // MAX_TICKS))
    ticks = positions[::step]
    axes.set_xticks(ticks, [_tick_label(report.timeline_kind, labels[i]) for i in ticks], rotation=0)
    axes.set_ylim(0, max([*counts, 1]) * 1.15)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    if report.total == 0:
        axes.text(
            0.5,
            0.5,
            "Chưa có câu hỏi nào trong khoảng thời gian này",
            ha="center",
            va="center",
            transform=axes.transAxes,
            fontsize=12,
            color="#555",
        )
    return figure


def _barh(title: str, names: Sequence[str], parts: Sequence[tuple[str, Sequence[int], str]]) -> Figure:
    rows = max(len(names), 1)
    figure = _figure(0.9 + 0.32 * rows)
    axes = figure.add_subplot()
    axes.set_title(title, loc="left", fontsize=12)
    positions = list(range(len(names)))
    left = [0] * len(names)
    for label, values, color in parts:
        axes.barh(positions, values, left=left, color=color, label=label, height=0.7)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, total in zip(positions, left, strict=True):
        axes.text(total, y, f" {total}", va="center", fontsize=10)
    axes.set_yticks(positions, list(names))
    axes.invert_yaxis()  # the largest first, at the top
    axes.set_xlim(0, max([*left, 1]) * 1.15)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    if len(parts) > 1 and names:
        axes.legend(loc="lower right", frameon=False, fontsize=9)
    if not names:
        axes.text(
            0.5, 0.5, "Chưa có dữ liệu", ha="center", va="center", transform=axes.transAxes, color="#555"
        )
        axes.set_yticks([])
    return figure


def topics_figure(report: DashboardReport, limit: int = 12) -> Figure:
    rows = [r for r in report.topics if r.questions][:limit]
    return _barh(
        "Chủ đề được hỏi nhiều nhất",
        [r.topic for r in rows],
        [
            ("Đã trả lời", [r.questions - r.declined for r in rows], RED),
            ("Từ chối trả lời", [r.declined for r in rows], GREY),
        ],
    )


def laws_figure(report: DashboardReport) -> Figure:
    return _barh(
        "Văn bản được dẫn nhiều nhất",
        [law for law, _ in report.laws],
        [("", [n for _, n in report.laws], AMBER)],
    )
