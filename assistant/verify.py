"""Citation verification for LLM drafts: every [n] and every "Điều N" must be a retrieved source.

A marker [n] beyond the numbered sources, or an article ("Điều N", optionally with a law id)
that was not among the sources or is absent from the corpus, is removed together with the
sentence that carries it, and reported. A draft with no valid citation left, or mostly removed,
fails verification and the pipeline falls back to the extractive answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.evidence import Source
from corpus.store import Corpus

MARKER = re.compile(r"\[(\d{1,3})\]")
ARTICLE_MENTION = re.compile(
    r"\bĐiều\s+(\d{1,3})\b(?:[^\n.;\[]{0,80}?\b(\d{1,4}/\d{4}/[A-ZĐa-zđ0-9-]+))?", re.IGNORECASE
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
# Fail when more than this share of the draft's characters had to be removed.
MAX_REMOVED_SHARE = 0.5
MIN_ANSWER_LETTERS = 12


@dataclass(frozen=True)
class Verification:
    text: str  # the draft with unverifiable sentences removed
    valid_sources: tuple[int, ...]  # source numbers cited by kept sentences, in first-use order
    removed: tuple[str, ...]  # human-readable reasons, e.g. "[7] không có trong nguồn"
    removed_share: float

    @property
    def failure(self) -> str | None:
        """None when the draft may be shown; else the reason for 'verification_failed: ...'."""
        letters = sum(ch.isalpha() for ch in self.text)
        if letters < MIN_ANSWER_LETTERS:
            return "no verifiable text left"
        if not self.valid_sources:
            return "no valid citation"
        if self.removed_share > MAX_REMOVED_SHARE:
            return f"{self.removed_share:.0%} of the answer cited unknown sources"
        return None


def verify_draft(text: str, sources: Sequence[Source], corpus: Corpus) -> Verification:
    retrieved = {(s.article.law_id, s.article.article) for s in sources}
    retrieved_articles = {a for _, a in retrieved}
    kept: list[str] = []
    valid: list[int] = []
    removed: list[str] = []
    removed_chars = 0
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        if not sentence.strip():
            continue
        problems = _problems(sentence, len(sources), retrieved, retrieved_articles, corpus)
        if problems:
            removed.extend(problems)
            removed_chars += len(sentence.strip())
            continue
        kept.append(sentence.strip())
        valid.extend(int(n) for n in MARKER.findall(sentence))
    total = max(1, len(text.strip()))
    return Verification(
        text=" ".join(kept),
        valid_sources=tuple(dict.fromkeys(valid)),
        removed=tuple(removed),
        removed_share=removed_chars / total,
    )


def _problems(
    sentence: str,
    n_sources: int,
    retrieved: set[tuple[str, int | None]],
    retrieved_articles: set[int | None],
    corpus: Corpus,
) -> list[str]:
    problems = [
        f"[{n}] không có trong danh sách nguồn (chỉ có {n_sources})"
        for n in MARKER.findall(sentence)
        if not 1 <= int(n) <= n_sources
    ]
    for match in ARTICLE_MENTION.finditer(sentence):
        article, law = int(match.group(1)), match.group(2)
        if law is None:
            if article not in retrieved_articles:
                problems.append(f"Điều {article} không thuộc các nguồn đã truy xuất")
            continue
        if not corpus.has(law, article):
            problems.append(f"Điều {article} {law} không có trong kho dữ liệu")
        elif (corpus.resolve_law(law), article) not in retrieved:
            problems.append(f"Điều {article} {law} không thuộc các nguồn đã truy xuất")
    return problems
