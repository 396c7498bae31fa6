"""What a retriever returns: article-level hits with the best matching clause."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Hit:
    """One retrieved article (the citation unit), ranked.

    ``clause`` is the best-matching clause inside the article when the match came from
    a clause chunk (None for short articles indexed whole). ``unit_id`` is the id of the
    matched unit (article or clause). ``text`` is the matched chunk's text.
    """

    law_id: str
    article: int
    clause: int | None
    score: float
    unit_id: str
    title: str  # article title, e.g. "Nghỉ hằng năm"
    text: str
    in_force: bool
    rank: int = 0
    # Per-signal evidence kept for confidence scoring and debugging: {"bm25": rank, "dense": cos, ...}
    signals: dict[str, float] = field(default_factory=dict)


class Retriever(Protocol):
    """Batch-first retrieval role."""

    def search_batch(self, queries: list[str], k: int = 10) -> list[list[Hit]]: ...

    def search(self, query: str, k: int = 10) -> list[Hit]: ...
