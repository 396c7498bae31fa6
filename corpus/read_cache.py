"""Cache of what the readers and the structure parser made of each source file.

Text extraction from the shared PDFs was about 90% of a corpus build (pypdf: 80 of 88 s on a
loaded machine) and parsing a third of the rest, and publishing one document rebuilds the
corpus from every source. The cache keys each file by its bytes, its path relative to the
sources folder and a version of the code that reads and parses it (the build passes the hash
of the whole corpus package and catalog), so a changed file or changed code is read again.
Plain JSON in the corpus store's own row format, one file per source version, under
``<cache_dir>/sources/``; no pickle. A file the readers cannot read is not cached (its error
is raised again on the next build); a text the parser refuses is cached with its reason.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from corpus.errors import SourceError
from corpus.model import LegalUnit
from corpus.readers import read_source
from corpus.readers.base import SourceText
from corpus.store import json_default, plain, unit_from_dict

FOLDER = "sources"
# One text read from a file, with its units or the reason the parser refused it.
Parsed = tuple[SourceText, list[LegalUnit] | str]


def _text_from_row(row: dict[str, Any]) -> SourceText:
    data = dict(row)
    for key in ("warnings", "articles"):
        data[key] = tuple(data.get(key) or ())
    return SourceText(**data)


def _parsed_row(text: SourceText, units: list[LegalUnit] | str) -> dict[str, Any]:
    return {"text": asdict(text), "units": units if isinstance(units, str) else [plain(u) for u in units]}


def _parsed_from_row(row: dict[str, Any]) -> Parsed:
    units = row["units"]
    if isinstance(units, str):
        return _text_from_row(row["text"]), units
    return _text_from_row(row["text"]), [unit_from_dict(u) for u in units]


class SourceCache:
    """``read(path, root, parse)``: each text of the file with its units, from the cache when it can be."""

    def __init__(self, cache_dir: Path | None, version: str = "") -> None:
        self.folder = cache_dir / FOLDER if cache_dir is not None else None
        self.version = version
        self.hits = 0
        self.misses = 0
        self._used: set[Path] = set()

    def _entry(self, path: Path, root: Path) -> Path | None:
        if self.folder is None:
            return None
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        h = hashlib.sha256(f"{self.version}\n{rel}\n".encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
        return self.folder / f"{h.hexdigest()[:32]}.json"

    def _load(self, entry: Path | None) -> list[Parsed] | None:
        if entry is None or not entry.is_file():
            return None
        try:
            return [_parsed_from_row(row) for row in json.loads(entry.read_text(encoding="utf-8"))]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            return None  # a damaged entry is read again and rewritten

    def read(self, path: Path, root: Path, parse: Callable[[SourceText], list[LegalUnit]]) -> list[Parsed]:
        """Raises the readers' ``SourceError``; a parser's ``SourceError`` becomes its message."""
        entry = self._entry(path, root)
        if entry is not None:
            self._used.add(entry)
        found = self._load(entry)
        if found is not None:
            self.hits += 1
            return found
        self.misses += 1
        parsed: list[Parsed] = []
        for text in read_source(path, root):
            try:
                parsed.append((text, parse(text)))
            except SourceError as exc:
                parsed.append((text, str(exc)))
        if entry is not None:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_name(f".{entry.name}.{os.getpid()}")
            rows = [_parsed_row(text, units) for text, units in parsed]
            tmp.write_text(json.dumps(rows, ensure_ascii=False, default=json_default), encoding="utf-8")
            os.replace(tmp, entry)
        return parsed

    def prune(self) -> int:
        """Delete the entries this build did not use (older files, older code); returns how many."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        stale = [p for p in self.folder.glob("*.json") if p not in self._used]
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)
