"""Publishing by union legal staff: recorded versions, replacement, one publisher at a time,
rollback, and a refused publish that leaves the running corpus as it was."""

from __future__ import annotations

import fcntl
import json
from datetime import date
from pathlib import Path

import pytest

from corpus.build import build_corpus
from corpus.model import Document
from corpus.publish import PublishError, publish, rollback
from corpus.published import load_versions, published_dir
from corpus.settings import Settings
from corpus.store import MANIFEST_FILE, load_corpus

OLD = "Luật số: 7/2020/QH14\nĐiều 1. Phạm vi\nLuật này quy định A.\nĐiều 2. Hiệu lực\nCó hiệu lực từ 2021."
NEW = (
    "Luật số: 9/2025/QH15\nĐiều 1. Phạm vi\nLuật này quy định A và B.\n"
    "Điều 2. Hiệu lực\nLuật số 7/2020/QH14 hết hiệu lực."
)
NEW_DOC = Document(
    "9/2025/QH15",
    "Luật",
    "Luật thử mới",
    "Quốc hội",
    date(2025, 6, 1),
    date(2026, 1, 1),
    replaces=("7/2020/QH14",),
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    sources = tmp_path / "sources" / "txt"
    sources.mkdir(parents=True)
    (sources / "cu.txt").write_text(OLD, encoding="utf-8")
    settings = Settings(sources_dir=tmp_path / "sources", data_dir=tmp_path / "data")
    build_corpus(
        settings.sources_dir, settings.corpus_dir, progress=False, published=published_dir(settings.data_dir)
    )
    return settings


def _upload(tmp_path: Path, text: str, name: str = "moi.txt") -> Path:
    path = tmp_path / "uploads" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_publish_records_the_version_and_marks_the_replaced_law(settings: Settings, tmp_path: Path) -> None:
    result = publish(settings, _upload(tmp_path, NEW), NEW_DOC, "Nguyễn Văn A")
    assert result.version.id == "v1" and result.version.who == "Nguyễn Văn A" and result.version.at
    corpus = load_corpus(settings.corpus_dir)
    assert corpus.document("9/2025/QH15").effective == date(2026, 1, 1)
    old = corpus.document("7/2020/QH14")
    assert old.replaced_by == ("9/2025/QH15",) and old.expired == date(2026, 1, 1)
    assert "A và B" in corpus.get("9/2025/QH15", 1).text
    assert corpus.manifest["published"] == ["v1"]
    [version] = load_versions(published_dir(settings.data_dir))
    assert (published_dir(settings.data_dir) / version.file).read_text(encoding="utf-8") == NEW


def test_a_refused_publish_leaves_the_corpus_and_registry_unchanged(
    settings: Settings, tmp_path: Path
) -> None:
    publish(settings, _upload(tmp_path, NEW), NEW_DOC, "Nguyễn Văn A")
    before = (settings.corpus_dir / MANIFEST_FILE).read_text(encoding="utf-8")
    newer = Document(
        "3/2026/QH15", "Luật", "Luật thử 2026", "Quốc hội", None, date(2025, 12, 1), replaces=("9/2025/QH15",)
    )
    text = NEW.replace("9/2025/QH15", "3/2026/QH15")
    with pytest.raises(PublishError, match="Không nhận ra điều luật nào"):
        publish(
            settings, _upload(tmp_path, "Luật số: 3/2026/QH15\nKhông có điều nào.", "rong.txt"), newer, "A"
        )
    with pytest.raises(PublishError, match="sớm hơn ngày có hiệu lực của văn bản bị thay thế 9/2025/QH15"):
        publish(settings, _upload(tmp_path, text, "som.txt"), newer, "Nguyễn Văn A")
    with pytest.raises(PublishError, match="Thiếu tên người công bố"):
        publish(settings, _upload(tmp_path, text, "som.txt"), newer, " ")
    assert (settings.corpus_dir / MANIFEST_FILE).read_text(encoding="utf-8") == before
    assert [v.id for v in load_versions(published_dir(settings.data_dir))] == ["v1"]


def test_two_staff_cannot_publish_at_once(settings: Settings, tmp_path: Path) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with (settings.data_dir / ".publish.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # someone else is publishing
        with pytest.raises(PublishError, match="Một cán bộ khác đang công bố"):
            publish(settings, _upload(tmp_path, NEW), NEW_DOC, "Trần Thị B")
    assert load_versions(published_dir(settings.data_dir)) == []


def test_new_version_then_rollback_step_by_step(settings: Settings, tmp_path: Path) -> None:
    publish(settings, _upload(tmp_path, NEW), NEW_DOC, "Nguyễn Văn A")
    with pytest.raises(PublishError, match="đã có trong kho dữ liệu"):
        publish(settings, _upload(tmp_path, NEW, "lai.txt"), NEW_DOC, "Nguyễn Văn A")
    fixed = NEW.replace("A và B", "A, B và C")
    second = publish(settings, _upload(tmp_path, fixed, "sua.txt"), NEW_DOC, "Trần Thị B", new_version=True)
    assert second.version.id == "v2" and second.stage.diff is not None and second.stage.diff.changed == ("1",)
    assert "A, B và C" in load_corpus(settings.corpus_dir).get("9/2025/QH15", 1).text
    back = rollback(settings, "9/2025/QH15", "Lê Văn C")
    assert back is not None and back.id == "v1"
    assert "A và B." in load_corpus(settings.corpus_dir).get("9/2025/QH15", 1).text
    statuses = [(v.id, v.status) for v in load_versions(published_dir(settings.data_dir))]
    assert statuses == [("v1", "published"), ("v2", "withdrawn")]
    assert rollback(settings, "9/2025/QH15", "Lê Văn C") is None  # back to the shared sources only
    assert "9/2025/QH15" not in load_corpus(settings.corpus_dir).documents
    with pytest.raises(PublishError, match="Không có phiên bản nào"):
        rollback(settings, "9/2025/QH15", "Lê Văn C")
    registry = json.loads((published_dir(settings.data_dir) / "registry.json").read_text(encoding="utf-8"))
    assert "Lê Văn C" in registry["versions"][1]["note"]
