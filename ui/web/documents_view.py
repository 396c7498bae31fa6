"""What the "Văn bản pháp luật" tab displays, from the application layer's results.

Tables (pandas frames) for the parse report and the publishing record, the staff's form
values read into ``assistant.service.documents.Metadata`` with Vietnamese messages for what is missing or
malformed. Nothing here decides anything about a document: staging and publishing do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

import pandas as pd

from assistant.service.documents import Metadata
from assistant.service.errors import InvalidRequestError
from corpus.published import Version
from corpus.staging import StageReport, warning_location
from ui.web.format import message_html

LEVEL_NAMES = {
    "phan": "Phần",
    "chuong": "Chương",
    "muc": "Mục",
    "dieu": "Điều",
    "khoan": "Khoản",
    "diem": "Điểm",
    "phu_luc": "Phụ lục",
}
COUNT_COLUMNS = ["Cấp", "Số lượng"]
WARNING_COLUMNS = ["Vị trí", "Cảnh báo"]
DIFF_COLUMNS = ["Thay đổi", "Số điều", "Các điều"]
HISTORY_COLUMNS = [
    "Phiên bản",
    "Văn bản",
    "Tên văn bản",
    "Người công bố",
    "Thời điểm (UTC)",
    "Trạng thái",
    "Ghi chú",
]
STATUS_NAMES = {"published": "Đang áp dụng", "superseded": "Bản cũ", "withdrawn": "Đã rút lại"}
DOC_TYPES = ["Luật", "Bộ luật", "Nghị định", "Thông tư", "Quyết định", "Văn bản hợp nhất"]
_LAW_LIST = re.compile(r"[,;\n]+")


def counts_frame(report: StageReport) -> pd.DataFrame:
    rows = [(LEVEL_NAMES.get(k, k), n) for k, n in report.counts.items() if n]
    return pd.DataFrame(rows, columns=COUNT_COLUMNS)


def warnings_frame(report: StageReport) -> pd.DataFrame:
    rows = [warning_location(w) for w in report.warnings]
    return pd.DataFrame([(where or "—", what) for where, what in rows], columns=WARNING_COLUMNS)


def _numbers(numbers: tuple[str, ...], limit: int = 40) -> str:
    shown = ", ".join(numbers[:limit])
    return shown + (f" … (và {len(numbers) - limit} điều khác)" if len(numbers) > limit else "")


def diff_frame(report: StageReport) -> pd.DataFrame:
    d = report.diff
    if d is None:
        return pd.DataFrame(columns=DIFF_COLUMNS)
    rows = [
        ("Điều mới", len(d.added), _numbers(d.added)),
        ("Điều bị bỏ", len(d.removed), _numbers(d.removed)),
        ("Điều có sửa đổi", len(d.changed), _numbers(d.changed)),
        ("Giữ nguyên", d.unchanged, ""),
    ]
    return pd.DataFrame(rows, columns=DIFF_COLUMNS)


def report_html(report: StageReport) -> str:
    """The verdict first, then each error on its own line (what, where, what to do)."""
    head = f"Tệp {report.file}" + (f" — số hiệu {report.law_id}" if report.law_id else "")
    if report.diff is not None:
        head += f"; so sánh với văn bản {report.diff.against}"
    if report.ok:
        return message_html("ok", f"{head}: đọc được, có thể công bố sau khi kiểm tra thông tin bên dưới.")
    lines = [message_html("error", f"{head}: chưa thể công bố.")]
    lines += [message_html("error", error) for error in report.errors]
    return "".join(lines)


def history_frame(versions: Iterable[Version]) -> pd.DataFrame:
    rows = [
        (
            v.id,
            v.law_id,
            str(v.document.get("title") or ""),
            v.who,
            _when(v.at),
            STATUS_NAMES.get(v.status, v.status),
            v.note,
        )
        for v in reversed(list(versions))  # newest first
    ]
    return pd.DataFrame(rows, columns=HISTORY_COLUMNS)


def rollback_choices(versions: Iterable[Version]) -> list[str]:
    """Laws that have a staff-published version now in force (the ones a rollback can undo)."""
    return sorted({v.law_id for v in versions if v.status == "published"})


def _when(at: str) -> str:
    try:
        return datetime.fromisoformat(at).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return at


def parse_day(raw: str | None, label: str, *, required: bool) -> date | None:
    """``dd/mm/yyyy`` (or ``yyyy-mm-dd``) as a date; a Vietnamese error naming the field."""
    text = (raw or "").strip()
    if not text:
        if required:
            raise InvalidRequestError(f"Hãy điền {label} (dạng ngày/tháng/năm, ví dụ 01/07/2025).")
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InvalidRequestError(
        f"{label.capitalize()} «{text}» không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 01/07/2025."
    )


def show_day(iso: str | None) -> str:
    try:
        return date.fromisoformat(iso or "").strftime("%d/%m/%Y")
    except ValueError:
        return ""


def law_list(raw: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in _LAW_LIST.split(raw or "") if part.strip())


def metadata(
    law_id: str,
    doc_type: str,
    title: str,
    issuer: str,
    issued: str,
    effective: str,
    replaces: str,
    replaced_by: str,
    new_version: bool,
) -> Metadata:
    """The form's values as ``Metadata``; ``InvalidRequestError`` says which field to fix."""
    required = (
        (law_id, "số hiệu văn bản"),
        (doc_type, "loại văn bản"),
        (title, "tên văn bản"),
        (issuer, "cơ quan ban hành"),
    )
    for value, label in required:
        if not (value or "").strip():
            raise InvalidRequestError(f"Hãy điền {label} trước khi công bố.")
    signed = parse_day(issued, "ngày ban hành", required=False)
    in_force = parse_day(effective, "ngày có hiệu lực", required=True)
    assert in_force is not None
    if signed is not None and in_force < signed:
        raise InvalidRequestError(
            f"Ngày có hiệu lực {in_force:%d/%m/%Y} sớm hơn ngày ban hành {signed:%d/%m/%Y}; hãy kiểm tra lại."
        )
    return Metadata(
        law_id=law_id.strip(),
        doc_type=doc_type.strip(),
        title=title.strip(),
        issuer=issuer.strip(),
        effective=in_force,
        issued=signed,
        replaces=law_list(replaces),
        replaced_by=law_list(replaced_by),
        new_version=bool(new_version),
    )
