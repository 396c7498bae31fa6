"""The readers' and parser's cache: a second build gets the same texts and units from it; a
changed file or changed code is read again; a damaged entry is rebuilt."""

from __future__ import annotations

from pathlib import Path

from corpus.build import _parse
from corpus.read_cache import SourceCache
from corpus.readers import read_source

LAW = "Luật số: 7/2026/QH15\nĐiều 1. Phạm vi\n1. Nội dung thử {n}.\n2. Khoản hai.\n"


def _expected(path: Path, root: Path) -> list[tuple[object, object]]:
    return [(text, _parse(text)) for text in read_source(path, root)]


def test_cached_texts_and_units_equal_a_fresh_read(tmp_path: Path) -> None:
    sources, cache_dir = tmp_path / "sources", tmp_path / "cache"
    sources.mkdir()
    law = sources / "luat.txt"
    law.write_text(LAW.format(n=1), encoding="utf-8")
    first = SourceCache(cache_dir, "v1")
    assert first.read(law, sources, _parse) == _expected(law, sources) and first.misses == 1
    again = SourceCache(cache_dir, "v1")
    assert again.read(law, sources, _parse) == _expected(law, sources)
    assert (again.hits, again.misses) == (1, 0)
    law.write_text(LAW.format(n=2), encoding="utf-8")
    changed = SourceCache(cache_dir, "v1")
    [(text, units)] = changed.read(law, sources, _parse)
    assert "thử 2" in text.text and changed.misses == 1 and len(units) == 3  # the article and its 2 clauses
    new_code = SourceCache(cache_dir, "v2")
    new_code.read(law, sources, _parse)
    assert new_code.misses == 1 and len(list((cache_dir / "sources").glob("*.json"))) == 3
    assert new_code.prune() == 2 and len(list((cache_dir / "sources").glob("*.json"))) == 1


def test_a_refused_text_is_cached_with_its_reason_and_a_damaged_entry_read_again(tmp_path: Path) -> None:
    law = tmp_path / "rong.txt"
    law.write_text("Luật số: 8/2026/QH15\nKhông có điều nào.\n", encoding="utf-8")
    [(_, reason)] = SourceCache(tmp_path / "cache").read(law, tmp_path, _parse)
    assert isinstance(reason, str) and "no recognisable article" in reason
    [entry] = (tmp_path / "cache" / "sources").glob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    cache = SourceCache(tmp_path / "cache")
    assert cache.read(law, tmp_path, _parse)[0][1] == reason and cache.misses == 1
