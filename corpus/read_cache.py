"""Cache of what the readers made of each source file.

Text extraction from the shared PDFs is about 90% of a corpus build (pypdf: 80 of 88 s on a
loaded machine), and publishing one document rebuilds the corpus from every source. The
cache keys each file by its bytes, its path relative to the sources folder and the code of
the readers (``corpus/readers/`` and ``corpus/normalize.py``), so a changed file or reader is
read again; the parsing into units still runs on every build. Plain JSON, one file per
source version, under ``<cache_dir>/sources/``; no pickle. A file that cannot be read is not
cached (its error is raised again on the next build).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from corpus.readers import read_source
from corpus.readers.base import SourceText

PACKAGE_DIR = Path(__file__).resolve().parent
FOLDER = "sources"


@cache
def readers_version() -> str:
    h = hashlib.sha256()
    for path in sorted([*(PACKAGE_DIR / "readers").rglob("*.py"), PACKAGE_DIR / "normalize.py"]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _from_row(row: dict[str, Any]) -> SourceText:
    data = dict(row)
    for key in ("warnings", "articles"):
        data[key] = tuple(data.get(key) or ())
    return SourceText(**data)


class SourceCache:
    """``read(path, root)`` is ``read_source(path, root)``, from the cache when it can be."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.folder = cache_dir / FOLDER if cache_dir is not None else None
        self.hits = 0
        self.misses = 0

    def _entry(self, path: Path, root: Path) -> Path | None:
        if self.folder is None:
            return None
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        h = hashlib.sha256(f"{readers_version()}\n{rel}\n".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
        return self.folder / f"{h.hexdigest()[:32]}.json"

    def read(self, path: Path, root: Path) -> list[SourceText]:
        entry = self._entry(path, root)
        if entry is not None and entry.is_file():
            try:
                rows = json.loads(entry.read_text(encoding="utf-8"))
                texts = [_from_row(row) for row in rows]
            except (json.JSONDecodeError, TypeError, ValueError):
                texts = None  # a damaged entry is read again and rewritten
            if texts is not None:
                self.hits += 1
                return texts
        texts = read_source(path, root)
        self.misses += 1
        if entry is not None:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_name(f".{entry.name}.{os.getpid()}")
            tmp.write_text(json.dumps([asdict(t) for t in texts], ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, entry)
        return texts
