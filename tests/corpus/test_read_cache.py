"""The readers' cache: a second build reads the same texts from it; a changed file is read again."""

from __future__ import annotations

from pathlib import Path

from corpus.read_cache import SourceCache
from corpus.readers import read_source

LAW = "Luật số: 7/2026/QH15\nĐiều 1. Phạm vi\nNội dung thử {n}.\n"


def test_cached_texts_equal_what_the_reader_returns(tmp_path: Path) -> None:
    sources, cache_dir = tmp_path / "sources", tmp_path / "cache"
    sources.mkdir()
    law = sources / "luat.txt"
    law.write_text(LAW.format(n=1), encoding="utf-8")
    first = SourceCache(cache_dir)
    assert first.read(law, sources) == read_source(law, sources) and first.misses == 1
    again = SourceCache(cache_dir)
    assert again.read(law, sources) == read_source(law, sources) and (again.hits, again.misses) == (1, 0)
    law.write_text(LAW.format(n=2), encoding="utf-8")
    changed = SourceCache(cache_dir)
    texts = changed.read(law, sources)
    assert "thử 2" in texts[0].text and changed.misses == 1


def test_a_damaged_entry_is_read_again(tmp_path: Path) -> None:
    law = tmp_path / "luat.txt"
    law.write_text(LAW.format(n=3), encoding="utf-8")
    SourceCache(tmp_path / "cache").read(law, tmp_path)
    [entry] = (tmp_path / "cache" / "sources").glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    cache = SourceCache(tmp_path / "cache")
    assert cache.read(law, tmp_path) == read_source(law, tmp_path) and cache.misses == 1
