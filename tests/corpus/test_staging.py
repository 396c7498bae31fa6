"""Staging an upload: parse report, diff against the replaced version, bad input refused."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from corpus.model import Document, UnitKind
from corpus.normalize import normalize_text
from corpus.staging import MAX_UPLOAD_BYTES, render, stage_file
from corpus.store import Corpus
from corpus.structure import parse_structure

OLD = "\n".join(
    [
        "Luật số: 7/2020/QH14",
        "Điều 1. Phạm vi",
        "Luật này quy định A.",
        "Điều 2. Đối tượng",
        "1. Người lao động.",
        "2. Người sử dụng lao động.",
        "Điều 3. Hiệu lực",
        "Có hiệu lực từ 2021.",
    ]
)
NEW = "\n".join(
    [
        "Luật số: 9/2025/QH15",
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi",
        "Luật này quy định A.",
        "Điều 2. Đối tượng",
        "1. Người lao động.",
        "2. Công đoàn.",
        "Điều 4. Thay thế",
        "Luật số 7/2020/QH14 hết hiệu lực.",
    ]
)


def _corpus() -> Corpus:
    doc = Document("7/2020/QH14", "Luật", "Luật thử", "Quốc hội", date(2020, 6, 1), date(2021, 1, 1))
    return Corpus([doc], parse_structure("7/2020/QH14", normalize_text(OLD)).units)


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_report_counts_levels_and_diffs_against_the_replaced_law(tmp_path: Path) -> None:
    report = stage_file(
        _file(tmp_path, "moi.txt", NEW), _corpus(), replaces="7/2020/QH14", effective=date(2026, 1, 1)
    )
    assert report.ok and report.law_id == "9/2025/QH15"
    assert report.counts[UnitKind.CHAPTER.value] == 1 and report.counts[UnitKind.ARTICLE.value] == 3
    assert report.counts[UnitKind.CLAUSE.value] == 2
    diff = report.diff
    assert diff is not None and (diff.added, diff.removed, diff.changed, diff.unchanged) == (
        ("4",),
        ("3",),
        ("2",),
        1,
    )
    text = render(report)
    assert "thêm 1 điều, bỏ 1 điều, sửa 1 điều, giữ nguyên 1 điều" in text and "Có thể công bố." in text
    assert "trước Điều 4: thiếu Điều 3 (đánh số bị nhảy)" in report.warnings  # where the gap is


def test_a_date_of_effect_before_the_replaced_law_is_refused(tmp_path: Path) -> None:
    report = stage_file(
        _file(tmp_path, "moi.txt", NEW), _corpus(), replaces="7/2020/QH14", effective=date(2020, 12, 31)
    )
    assert (
        not report.ok and "sớm hơn ngày có hiệu lực của văn bản bị thay thế 7/2020/QH14" in report.errors[0]
    )


def test_a_number_already_in_the_corpus_needs_new_version(tmp_path: Path) -> None:
    path = _file(tmp_path, "cu.txt", OLD.replace("Có hiệu lực từ 2021.", "Có hiệu lực từ 01/01/2021."))
    refused = stage_file(path, _corpus())
    assert not refused.ok and "Số hiệu 7/2020/QH14 đã có trong kho dữ liệu" in refused.errors[0]
    corrected = stage_file(path, _corpus(), new_version=True)
    assert corrected.ok and corrected.diff is not None and corrected.diff.changed == ("3",)


def test_a_file_without_articles_is_refused(tmp_path: Path) -> None:
    report = stage_file(
        _file(tmp_path, "thu.txt", "Số: 12/2026/NĐ-CP\nThông báo lịch họp công đoàn."), _corpus()
    )
    assert not report.ok and "Không nhận ra điều luật nào" in report.errors[0]
    nameless = stage_file(_file(tmp_path, "x.md", "# Ghi chú\nĐiều 1. Không có số hiệu"), _corpus())
    assert not nameless.ok and "Không tìm thấy số hiệu" in nameless.errors[0]


def test_a_scanned_pdf_without_text_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    report = stage_file(path, _corpus())
    assert not report.ok and "không có lớp chữ" in report.errors[0] and "OCR" in report.errors[0]


def test_oversize_and_unknown_formats_are_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "lon.pdf"
    with big.open("wb") as handle:
        handle.truncate(MAX_UPLOAD_BYTES + 1)  # sparse: nothing is read
    report = stage_file(big, _corpus())
    assert not report.ok and "vượt giới hạn 50 MB" in report.errors[0]
    odd = stage_file(_file(tmp_path, "x.json", "{}"), _corpus())
    assert not odd.ok and "chưa được hỗ trợ" in odd.errors[0]


@pytest.mark.slow
def test_cli_stage_reports_and_exits_1_on_errors(corpus: object, tmp_path: Path) -> None:
    path = _file(tmp_path, "cong-doan.txt", "Luật số: 50/2024/QH15\nĐiều 1. Công đoàn Việt Nam\nNội dung.")
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "corpus", "stage", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["law_id"] == "50/2024/QH15" and "đã có trong kho" in data["errors"][0]
