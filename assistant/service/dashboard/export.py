"""The dashboard as a CSV file a leader opens in a spreadsheet (UTF-8 with BOM, one table)."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from assistant.service.dashboard.report import DashboardReport

HEADER = ("Bảng", "Mục", "Số câu hỏi", "Từ chối trả lời", "Đánh giá chưa đúng", "Tuần này", "Tuần trước")
TIMELINE_NAMES = {"hour": "Theo giờ", "day": "Theo ngày", "week": "Theo tuần", "empty": "Theo ngày"}


def report_rows(report: DashboardReport) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [
        (
            "Tổng quan",
            f"{report.start:%d/%m/%Y}–{report.end:%d/%m/%Y}",
            report.total,
            report.declined,
            report.rated_down,
            report.this_week,
            report.last_week,
        ),
        ("Tổng quan", "Đã trả lời", report.answered, "", "", "", ""),
        ("Tổng quan", "Chuyển tư vấn viên", report.escalated, "", "", "", ""),
        ("Tổng quan", "Trả lời đã được xác nhận", report.verified, "", "", "", ""),
        ("Tổng quan", "Đánh giá hữu ích", report.rated_up, "", "", "", ""),
    ]
    kind = TIMELINE_NAMES[report.timeline_kind]
    rows += [(kind, label, n, "", "", "", "") for label, n in report.timeline]
    rows += [
        ("Chủ đề", r.topic, r.questions, r.declined, r.rated_down, r.this_week, r.last_week)
        for r in report.topics
    ]
    rows += [("Văn bản", law, n, "", "", "", "") for law, n in report.laws]
    return rows


def write_csv(report: DashboardReport, path: Path) -> Path:
    """Write the CSV whole, then move it into place: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8-sig", newline="", dir=path.parent, suffix=".part", delete=False
    ) as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(report_rows(report))
    os.replace(handle.name, path)
    return path
