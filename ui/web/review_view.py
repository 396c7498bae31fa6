"""Presentation of the advisor's review queue: Vietnamese labels, the table, the detail panel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from html import escape
from typing import Any

import pandas as pd

from assistant.service.results import REVIEW_REASONS, REVIEW_STATUSES, ReviewItem, UserInfo
from assistant.service.review_editor import editor_start
from ui.web.format import as_mapping, law_label, source_card, unit_label

ALL = "Tất cả"
STATUS_LABELS = {
    "pending": "Chờ duyệt",
    "approved": "Đã duyệt",
    "edited": "Đã sửa",
    "rejected": "Từ chối",
}
REASON_LABELS = {
    "escalated": "Cần chuyên gia",
    "low_confidence": "Độ tin cậy thấp",
    "thumbs_down": "Thành viên chê",
    "member_request": "Thành viên yêu cầu",
}
PENDING = STATUS_LABELS["pending"]
QUEUE_COLUMNS = ("Mã yêu cầu", "Đã chờ", "Lý do", "Văn bản", "Chủ đề", "Câu hỏi", "Trạng thái")
QUEUE_COLUMN_WIDTHS = ("13%", "9%", "13%", "12%", "15%", "28%", "10%")
CITATION_COLUMNS = ("Số hiệu văn bản", "Điều", "Khoản", "Điểm")
DONE_MESSAGES = {
    "draft": "Đã lưu nháp cho mục #{id}; mục vẫn chờ duyệt (chưa gửi cho đoàn viên).",
    "approve": "Đã duyệt mục #{id}. Đoàn viên nhận trả lời trong cuộc trò chuyện của họ.",
    "edit": "Đã sửa và duyệt mục #{id}. Đoàn viên nhận câu trả lời đã sửa trong cuộc trò chuyện.",
    "reject": "Đã từ chối mục #{id}.",
}


def status_choices() -> list[str]:
    return [STATUS_LABELS.get(s, s) for s in REVIEW_STATUSES] + [ALL]


def reason_choices() -> list[str]:
    return [ALL] + [REASON_LABELS.get(r, r) for r in REVIEW_REASONS]


def _value_of(label: str | None, labels: Mapping[str, str]) -> str | None:
    if not label or label == ALL:
        return None
    for value, shown in labels.items():
        if shown == label:
            return value
    return label


def status_value(label: str | None) -> str | None:
    return _value_of(label, STATUS_LABELS)


def reason_value(label: str | None) -> str | None:
    return _value_of(label, REASON_LABELS)


def advisor_name(user: UserInfo | Any) -> str:
    return str(getattr(user, "name", "") or "tư vấn viên")


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _when(iso: str) -> str:
    """'2025-03-04T10:20:30+00:00' -> '2025-03-04 10:20'."""
    return iso.replace("T", " ")[:16]


def age_text(created_iso: str, now: datetime | None = None) -> str:
    """How long an item has waited: "12 phút", "3 giờ", "2 ngày" (stored times are naive UTC)."""
    try:
        created = datetime.fromisoformat(created_iso).replace(tzinfo=None)
    except ValueError:
        return "—"
    now = now or datetime.now(UTC).replace(tzinfo=None)
    minutes = max(0, int((now - created).total_seconds() // 60))
    if minutes < 60:
        return f"{minutes} phút"
    if minutes < 48 * 60:
        return f"{minutes // 60} giờ"
    return f"{minutes // (24 * 60)} ngày"


def queue_frame(items: Sequence[ReviewItem], now: datetime | None = None) -> pd.DataFrame:
    """The queue as the service orders it: members' own requests first, then the longest wait."""
    rows = [
        (
            item.reference,
            age_text(item.created_at, now),
            REASON_LABELS.get(item.reason, item.reason),
            item.law or "—",
            _short(item.topic or "—", 40),
            _short(item.question),
            STATUS_LABELS.get(item.status, item.status),
        )
        for item in items
    ]
    return pd.DataFrame(rows, columns=list(QUEUE_COLUMNS))


def _source_line(source: Mapping[str, Any]) -> str:
    score = source.get("score")
    score_text = f" — điểm {float(score):.3f}" if isinstance(score, int | float) else ""
    title = str(source.get("title") or "")
    return (
        f"<li>{escape(law_label(source))}: {escape(unit_label(source))}"
        f"{'. ' + escape(title) if title else ''}{escape(score_text)}</li>"
    )


def _section(label: str, body: str) -> str:
    return f'<p class="la-label">{escape(label)}</p>{body}'


def _decision_line(item: ReviewItem) -> str:
    if not item.decided_by:
        return ""
    note = f": {item.comment}" if item.comment else ""
    text = f"Đã xử lý bởi {item.decided_by} lúc {_when(item.decided_at or '')}{note}"
    return f'<p class="la-muted">{escape(text)}</p>'


def detail_html(item: ReviewItem) -> str:
    """Question, answer, cited units and retrieved evidence of one review item."""
    answer = item.answer
    citations = "".join(source_card(c) for c in answer.get("citations") or ()) or "<p>Không có.</p>"
    retrieved = "".join(_source_line(as_mapping(s)) for s in item.sources) or "<li>Không có.</li>"
    personal = ""
    if item.personal_question:
        who = "đoàn viên ẩn danh" if item.consent_by in (None, "anonymous") else item.consent_by
        when = f" lúc {_when(item.consent_at)}" if item.consent_at else ""
        personal = _section(
            f"Câu hỏi gốc ({who} đồng ý chia sẻ{when})",
            f'<div class="la-q">{escape(item.personal_question)}</div>',
        )
    status = STATUS_LABELS.get(item.status, item.status)
    reason = REASON_LABELS.get(item.reason, item.reason)
    return (
        '<div class="la-review-detail">'
        f"<h4>Mục #{item.id} · {escape(item.reference)} · {escape(status)} · {escape(reason)}</h4>"
        + _section("Câu hỏi", f'<div class="la-q">{escape(item.question)}</div>')
        + personal
        + _section("Câu trả lời đã gửi", f'<div class="la-a">{escape(str(answer.get("answer") or ""))}</div>')
        + _section("Trích dẫn trong câu trả lời", citations)
        + _section("Văn bản tìm được khi trả lời", f'<ul class="la-retrieved">{retrieved}</ul>')
        + _decision_line(item)
        + "</div>"
    )


def answer_text(item: ReviewItem) -> str:
    """The editor's starting text: the saved draft, else the direct answer (not the whole text)."""
    return editor_start(item)[0]


def count_text(n: int) -> str:
    return "Không có mục nào." if n == 0 else f"Có {n} mục."


def citations_frame(item: ReviewItem) -> pd.DataFrame:
    """The direct answer's citations (or the draft's) as editable rows (law, article, clause, point)."""
    rows = []
    for c in editor_start(item)[1]:
        cm = as_mapping(c)
        rows.append((cm.get("law_id") or "", cm.get("article"), cm.get("clause"), cm.get("point") or ""))
    return pd.DataFrame(rows, columns=list(CITATION_COLUMNS))


def citation_rows(frame: Any) -> list[dict[str, Any]]:
    """Edited rows back to the service's citation mappings; blank rows are skipped.

    Values go through as typed (the service validates them against the corpus).
    """
    if frame is None:
        return []
    records = frame.to_dict("records") if isinstance(frame, pd.DataFrame) else list(frame)
    out = []
    for row in records:
        values = list(row.values()) if isinstance(row, Mapping) else list(row)
        values = [None if _blank(v) else v for v in values] + [None] * 4
        law_id, article, clause, point = values[:4]
        if law_id is None and article is None:
            continue
        out.append({"law_id": law_id, "article": _whole(article), "clause": _whole(clause), "point": point})
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value).strip() == ""


def _whole(value: Any) -> Any:
    """113.0 (how a numeric table cell comes back) -> 113; anything else unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value
