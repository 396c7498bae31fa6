"""Readers: HTML fixture, bad encodings, unknown formats, the Markdown header/body conflict."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from win1258 import windows_1258

from corpus.errors import SourceError
from corpus.model import LegalUnit
from corpus.normalize import normalize_text
from corpus.readers import read_source
from corpus.structure import parse_structure

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def _parse_file(path: Path) -> list[LegalUnit]:
    source = read_source(path, path.parent)[0]
    assert source.law_id is not None
    return parse_structure(source.law_id, normalize_text(source.text)).units


def test_html_fixture_parses_like_the_official_text(sources_dir: Path) -> None:
    html = {u.id: u for u in _parse_file(FIXTURES / "bo-luat-lao-dong-trich.html")}
    word = {u.id: u for u in _parse_file(sources_dir / "docx" / "45_2019_LD.docx")}
    assert "45/2019/QH14:d113:k1:c" in html
    assert not any("Menu" in u.text or "Không phải điều luật" in u.text for u in html.values())
    for uid in ("45/2019/QH14:d1", "45/2019/QH14:d2:k4", "45/2019/QH14:d113:k1:b"):
        assert html[uid].text == word[uid].text
    assert html["45/2019/QH14:c7"].title == word["45/2019/QH14:c7"].title


@pytest.fixture()
def clean_text(sources_dir: Path) -> str:
    text = (sources_dir / "txt" / "luat-bao-hiem-xa-hoi-2014.txt").read_text(encoding="utf-8")
    return text[:40_000]  # the first articles are enough and keep the test fast


def test_nfd_and_windows_1258_give_identical_units(tmp_path: Path, clean_text: str) -> None:
    (tmp_path / "clean.txt").write_text(clean_text, encoding="utf-8")
    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", clean_text), encoding="utf-8")
    (tmp_path / "cp1258.txt").write_bytes(windows_1258(clean_text))
    with pytest.raises(UnicodeDecodeError):
        (tmp_path / "cp1258.txt").read_bytes().decode("utf-8")
    clean = _parse_file(tmp_path / "clean.txt")
    assert len(clean) > 50
    assert _parse_file(tmp_path / "nfd.txt") == clean
    assert _parse_file(tmp_path / "cp1258.txt") == clean
    warnings = read_source(tmp_path / "cp1258.txt", tmp_path)[0].warnings
    assert any("Windows-1258" in w for w in warnings)


def test_unknown_format_is_reported_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "van-ban.xyz"
    path.write_text("Điều 1. Thử", encoding="utf-8")
    with pytest.raises(SourceError, match=r"van-ban\.xyz: unknown format '\.xyz'"):
        read_source(path, tmp_path)


def test_unknown_json_shape_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    with pytest.raises(SourceError, match=r"data\.json: unknown JSON shape"):
        read_source(path, tmp_path)


def test_markdown_is_identified_by_its_body(sources_dir: Path) -> None:
    source = read_source(sources_dir / "md" / "cong-doan-2012.md", sources_dir)[0]
    assert source.law_id == "12/2012/QH13"
    assert any("50/2024/QH15" in w and "12/2012/QH13" in w for w in source.warnings)
