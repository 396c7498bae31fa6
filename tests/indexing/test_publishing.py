"""Publishing end to end on a tiny corpus with the real embedding model: only the new chunks
are embedded, and the published law is found by search; rollback removes it again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from corpus.build import build_corpus
from corpus.model import Document
from corpus.published import published_dir
from corpus.settings import Settings
from corpus.store import load_corpus
from indexing.build import build_index
from indexing.publishing import publish_and_index, rollback_and_index
from indexing.retriever import HybridRetriever

pytestmark = pytest.mark.slow

OLD = "\n".join(
    [
        "Luật số: 7/2020/QH14",
        "Điều 1. Nghỉ hằng năm",
        "Người lao động được nghỉ 12 ngày mỗi năm.",
        "Điều 2. Tiền lương",
        "Tiền lương trả theo tháng.",
    ]
)
NEW = "\n".join(
    [
        "Luật số: 9/2025/QH15",
        "Điều 1. Đoàn phí công đoàn",
        "Đoàn viên công đoàn đóng đoàn phí theo Điều lệ Công đoàn Việt Nam.",
        "Điều 2. Hiệu lực",
        "Luật này có hiệu lực từ ngày 01 tháng 01 năm 2026.",
    ]
)


def test_publish_embeds_only_what_changed_and_is_searchable(tmp_path: Path) -> None:
    sources = tmp_path / "sources" / "txt"
    sources.mkdir(parents=True)
    (sources / "cu.txt").write_text(OLD, encoding="utf-8")
    settings = Settings(sources_dir=tmp_path / "sources", data_dir=tmp_path / "data")
    build_corpus(
        settings.sources_dir, settings.corpus_dir, progress=False, published=published_dir(settings.data_dir)
    )
    first = build_index(settings, load_corpus(settings.corpus_dir), progress=False)
    upload = tmp_path / "moi.txt"
    upload.write_text(NEW, encoding="utf-8")
    document = Document("9/2025/QH15", "Luật", "Luật thử", "Quốc hội", None, date(2026, 1, 1))
    result, manifest = publish_and_index(settings, upload, document, "Nguyễn Văn A")
    assert result.version.id == "v1"
    assert manifest["chunks"] == first["chunks"] + 2
    assert manifest["embedded"] == 2 and manifest["embedding_cache_hits"] == first["chunks"]
    corpus = load_corpus(settings.corpus_dir)
    retriever = HybridRetriever.load(settings, corpus)
    assert retriever.search("đoàn phí công đoàn đóng theo quy định nào", k=1)[0].law_id == "9/2025/QH15"
    back, after = rollback_and_index(settings, "9/2025/QH15", "Nguyễn Văn A")
    assert back is None and after["chunks"] == first["chunks"] and after["embedded"] == 0
