"""Full builds from temporary source folders: bad inputs, atomic swap, stable ids."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from win1258 import windows_1258

from corpus.build import build_corpus
from corpus.errors import SourceError
from corpus.model import UnitKind
from corpus.store import load_corpus

GOOD = ("md/cong-doan-2012.md", "docx/293_2025_ND-CP.docx", "docx/74_2025_VL.docx")


@pytest.fixture()
def messy_sources(tmp_path: Path, sources_dir: Path) -> Path:
    """Copies of a few real files plus broken ones made here."""
    root = tmp_path / "sources"
    for rel in GOOD:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(sources_dir / rel, root / rel)
    pdf = (sources_dir / "pdf" / "145_2020_ND-CP.pdf").read_bytes()
    (root / "pdf").mkdir()
    (root / "pdf" / "cut.pdf").write_bytes(pdf[: len(pdf) // 3])
    import docx

    docx.Document().save(str(root / "docx" / "empty.docx"))
    (root / "txt").mkdir()
    (root / "txt" / "no-article.txt").write_text(
        "Luật số: 1/2020/QH14\nChỉ có lời nói đầu.", encoding="utf-8"
    )
    (root / "txt" / "win1258.txt").write_bytes(
        windows_1258("Luật số: 12/2012/QH13\nĐiều 1. Công đoàn\nCông đoàn là tổ chức.")
    )
    (root / "notes.xyz").write_text("?", encoding="utf-8")
    return root


@pytest.mark.slow
def test_bad_inputs_are_reported_and_the_rest_is_built(messy_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    report = build_corpus(messy_sources, out, progress=False)
    skipped = "\n".join(report.skipped)
    assert "pdf/cut.pdf: unreadable PDF" in skipped
    assert "docx/empty.docx: the Word file holds no text" in skipped
    assert "txt/no-article.txt: no recognisable article" in skipped
    assert "notes.xyz: unknown format" in skipped
    assert len(report.skipped) == 4
    assert any("win1258.txt: decoded as Windows-1258" in w for w in report.warnings)
    corpus = load_corpus(out)
    assert set(corpus.documents) == {"12/2012/QH13", "293/2025/NĐ-CP", "74/2025/QH15"}
    assert len(corpus.articles("12/2012/QH13")) == 33
    article = corpus.get("12/2012/QH13", 1)
    assert [s.path for s in article.sources] == ["md/cong-doan-2012.md", "txt/win1258.txt"]
    assert [s.chosen for s in article.sources] == [True, False]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["report"]["skipped"] == report.skipped


def test_a_failed_build_leaves_the_previous_corpus_intact(messy_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    only_md = tmp_path / "one"
    (only_md / "md").mkdir(parents=True)
    shutil.copy(messy_sources / "md" / "cong-doan-2012.md", only_md / "md")
    build_corpus(only_md, out, progress=False)
    before = (out / "units.jsonl").read_bytes()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.pdf").write_bytes(b"%PDF-1.4 garbage")
    with pytest.raises(SourceError, match="no legal document could be read"):
        build_corpus(broken, out, progress=False)
    assert (out / "units.jsonl").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".corpus")]


def test_ids_are_stable_across_builds(messy_sources: Path, tmp_path: Path) -> None:
    first = load_corpus(_build(messy_sources, tmp_path / "a"))
    second = load_corpus(_build(messy_sources, tmp_path / "b"))
    assert list(first.units) == list(second.units)
    assert [u.text for u in first.units.values()] == [u.text for u in second.units.values()]
    assert "293/2025/NĐ-CP:pl1:r1" in first.units
    assert first.units["293/2025/NĐ-CP:pl1:r1"].kind is UnitKind.APPENDIX_ROW


def _build(sources: Path, out: Path) -> Path:
    build_corpus(sources, out, progress=False)
    return out
