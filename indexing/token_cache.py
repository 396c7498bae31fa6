"""Cache of analyzed BM25 tokens keyed by text hash (word segmentation is the slow part).

One JSON file per analyzer version + stopword list, so a changed analyzer never reuses
stale tokens. No pickle.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from indexing.analyzer import ANALYZER_VERSION, stopwords_hash
from indexing.embedding_cache import passage_key


class TokenCache:
    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / "tokens" / f"{ANALYZER_VERSION}-{stopwords_hash()}.json"
        self._tokens: dict[str, list[str]] = {}
        self.misses = 0

    def load(self) -> TokenCache:
        if self.path.is_file():
            try:
                self._tokens = json.loads(self.path.read_text(encoding="utf-8"))
            except json.JSONDecodeError:
                self._tokens = {}
        return self

    def analyze(self, texts: list[str], analyze: Callable[[str], list[str]],
                progress: bool = False) -> list[list[str]]:
        from tqdm import tqdm

        out = []
        for text in tqdm(texts, desc="Tách từ (BM25)", unit="đoạn", disable=not progress):
            key = passage_key(text)
            tokens = self._tokens.get(key)
            if tokens is None:
                self.misses += 1
                tokens = self._tokens[key] = analyze(text)
            out.append(tokens)
        return out

    def save(self, keep: list[str] | None = None) -> None:
        """Write the cache; with ``keep``, only those texts' entries survive (drop old chunks)."""
        if keep is not None:
            wanted = {passage_key(t) for t in keep}
            self._tokens = {k: v for k, v in self._tokens.items() if k in wanted}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._tokens, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)
