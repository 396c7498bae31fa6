"""The "Văn bản pháp luật" tab's handlers with the real service (real corpus, index, pipeline,
SQLite file): role gate, parse report as tables, every bad input the issue lists reported in
Vietnamese with the running corpus unchanged, then publish (a second publisher refused while it
runs), history and rollback. Staging writes under a temporary ``data_dir``; the publishing test
runs on a copy of the built ``data/``."""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from assistant.service import documents as desk
from corpus.settings import PROJECT_ROOT
from corpus.staging import MAX_UPLOAD_BYTES
from ui.api.deps import LazyService, ServiceHolder
from ui.web import documents_tab as tab
from ui.web.service_view import answer_view

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "documents" / "luat-thu-nghiem.txt"
LAW_ID = "99/2026/QH15"
QUERY = "phụ cấp trách nhiệm thử nghiệm của tổ trưởng công đoàn"
QUESTION = "Tổ trưởng công đoàn được hưởng phụ cấp trách nhiệm thử nghiệm bao nhiêu?"
FORM = (LAW_ID, "Luật", "Luật phụ cấp thử nghiệm", "Quốc hội", "15/01/2026", "01/06/2026", "", "", False)


@pytest.fixture
def admin(service: Any) -> Any:
    from assistant.service.auth import create_user

    return create_user(service.store, "Phạm Pháp Chế", "admin")[0]


@pytest.fixture
def staging_service(service: Any, tmp_path: Path) -> Any:
    """The real service, its uploads kept under a temporary data folder."""
    service.settings = replace(service.settings, data_dir=tmp_path / "data")
    return service


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _errors(outputs: tuple[Any, ...]) -> str:
    return str(outputs[1])


def test_only_an_admin_sees_and_uses_the_workspace(staging_service: Any, advisor: Any, admin: Any) -> None:
    hidden, notice = tab.gate(advisor[0])
    assert hidden["visible"] is False and "cán bộ pháp chế" in notice
    assert tab.gate(admin)[0]["visible"] is True
    refused = tab.upload(staging_service, advisor[0], str(FIXTURE), "", "", False)
    assert refused[0] is None and "quản trị viên" in _errors(refused)
    assert "đăng nhập" in tab.publish(staging_service, None, "0" * 32, *FORM)[0]


def test_upload_shows_counts_and_fills_the_metadata(staging_service: Any, admin: Any) -> None:
    staging_id, verdict, counts, warnings, diff, *filled = tab.upload(
        staging_service, admin, str(FIXTURE), "", "", False
    )
    assert staging_id and "có thể công bố" in verdict
    assert dict(zip(counts["Cấp"], counts["Số lượng"], strict=True)) == {"Chương": 2, "Điều": 3, "Khoản": 2}
    assert warnings.empty and diff.empty
    assert filled == [
        LAW_ID,
        "Luật",
        "Luật phụ cấp thử nghiệm của tổ trưởng công đoàn",
        "Quốc hội",
        "15/01/2026",
        "01/06/2026",
    ]
    kept = desk.staging_dir(staging_service, staging_id)
    assert [p.name for p in kept.iterdir()] == [FIXTURE.name]


def test_replacing_a_law_shows_the_diff_and_checks_the_date(staging_service: Any, admin: Any) -> None:
    staging_id, *_ = tab.upload(staging_service, admin, str(FIXTURE), "", "", False)
    kept, verdict, _, _, diff = tab.check(
        staging_service, admin, staging_id, "12/2012/QH13", "01/01/2010", False
    )
    rows = dict(zip(diff["Thay đổi"], diff["Số điều"], strict=True))
    assert rows["Điều bị bỏ"] > 20 and rows["Điều mới"] + rows["Điều có sửa đổi"] == 3
    assert kept == staging_id and "sớm hơn ngày có hiệu lực của văn bản bị thay thế 12/2012/QH13" in verdict
    later = tab.check(staging_service, admin, staging_id, "12/2012/QH13", "01/07/2026", False)[1]
    assert "có thể công bố" in later and "la-msg-error" not in later


def _blank_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_bad_uploads_are_explained_and_the_corpus_is_unchanged(
    staging_service: Any, admin: Any, tmp_path: Path
) -> None:
    corpus, pipeline = staging_service.corpus, staging_service.pipeline
    no_articles = _write(
        tmp_path, "rong.txt", "Luật số: 98/2026/QH15\nLUẬT\nKHÔNG CÓ ĐIỀU NÀO\nChỉ có lời nói đầu."
    )
    taken = _write(tmp_path, "trung.txt", "Luật số: 45/2019/QH14\nĐiều 1. Phạm vi\nNội dung.")
    huge = tmp_path / "qua-lon.pdf"
    with huge.open("wb") as handle:
        handle.truncate(MAX_UPLOAD_BYTES + 1)  # sparse: 50 MB + 1 byte without writing them
    expected = {
        no_articles: "Không nhận ra điều luật nào",
        _blank_pdf(tmp_path / "ban-chup.pdf"): "không có lớp chữ",
        taken: "45/2019/QH14 đã có trong kho dữ liệu",
        huge: "vượt giới hạn 50 MB",
        _write(tmp_path, "bang.xlsx", "x"): "chưa được hỗ trợ",
    }
    for path, message in expected.items():
        outputs = tab.upload(staging_service, admin, str(path), "", "", False)
        assert message in _errors(outputs) and "chưa thể công bố" in _errors(outputs), (
            path.name,
            _errors(outputs),
        )
        assert (outputs[0] is None) == (path is huge)  # a refused upload is kept, to check again
    taken_id = tab.upload(staging_service, admin, str(taken), "", "", False)[0]
    taken_form = ("45/2019/QH14", *FORM[1:])
    refused = tab.publish(staging_service, admin, taken_id, *taken_form)[0]
    assert "Chưa thể công bố" in refused and "đã có trong kho dữ liệu" in refused
    assert (
        tab.check(staging_service, admin, taken_id, "", "", True)[1].count("la-msg-ok") == 1
    )  # a new version
    assert not (staging_service.settings.data_dir / "published" / "staging").exists() or not any(
        p.name == huge.name for p in (staging_service.settings.data_dir / "published").rglob("*")
    ), "an oversized upload is not copied"
    staging_id = tab.upload(staging_service, admin, str(FIXTURE), "", "", False)[0]
    bad_day = (*FORM[:5], "31/02/2026", *FORM[6:])
    assert "«31/02/2026» không hợp lệ" in tab.publish(staging_service, admin, staging_id, *bad_day)[0]
    no_title = (FORM[0], FORM[1], " ", *FORM[3:])
    assert "Hãy điền tên văn bản" in tab.publish(staging_service, admin, staging_id, *no_title)[0]
    assert "tải tệp văn bản lên trước" in tab.publish(staging_service, admin, None, *FORM)[0]
    assert staging_service.corpus is corpus and staging_service.pipeline is pipeline
    assert LAW_ID not in corpus.documents


@pytest.mark.slow
def test_publish_refuses_a_second_publisher_then_history_and_rollback(
    service: Any, admin: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    for part in ("corpus", "index", "cache"):
        shutil.copytree(service.settings.data_dir / part, data / part)
    service.settings = replace(service.settings, data_dir=data)
    web = LazyService(ServiceHolder(service))  # what the web UI holds: a proxy of the service
    staging_id = tab.upload(web, admin, str(FIXTURE), "", "", False)[0]
    first: list[tuple[Any, ...]] = []
    worker = threading.Thread(target=lambda: first.append(tab.publish(web, admin, staging_id, *FORM)))
    worker.start()
    deadline = time.monotonic() + 30
    while not desk.publishing_now() and worker.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    second = tab.publish(web, admin, staging_id, *FORM)
    assert "Một cán bộ khác đang công bố" in second[0] and LAW_ID not in service.corpus.documents
    worker.join(timeout=900)
    message, kept, record, choices = first[0]
    assert "Đã công bố 99/2026/QH15" in message and kept is None, message
    assert LAW_ID in service.corpus.documents
    assert LAW_ID in [h.law_id for h in service.pipeline.retriever.search(QUERY, k=3)]
    answer = answer_view(service.ask(QUESTION))
    assert LAW_ID in [c["law_id"] for c in answer.citations] and "7%" in answer.text
    assert record.iloc[0][["Văn bản", "Người công bố", "Trạng thái"]].tolist() == [
        LAW_ID,
        "Phạm Pháp Chế",
        "Đang áp dụng",
    ]
    assert choices["choices"] == [LAW_ID]
    again = tab.upload(service, admin, str(FIXTURE), "", "", False)
    assert "đã có trong kho dữ liệu" in _errors(again)
    undone, record, _ = tab.rollback(web, admin, LAW_ID)
    assert "Đã rút lại" in undone and LAW_ID not in service.corpus.documents
    assert record.iloc[0]["Trạng thái"] == "Đã rút lại"
