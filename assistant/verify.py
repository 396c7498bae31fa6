"""Citation verification for LLM drafts: every [n] and every "Điều N" must be a retrieved source.

A marker [n] beyond the numbered sources, or an article ("Điều N", optionally with a law id)
that was not among the sources or is absent from the corpus, is removed together with the
sentence that carries it, and reported. So is a sentence stating a figure (a number, time
limit, percentage, amount) found neither in the sources it cites (all sources when it cites
none) nor in the member's question. A draft with no valid citation left, or mostly removed,
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
# A sentence ends at . ! ? followed by a space or the end ("1.490.000" and "1,5" stay whole).
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=[^\s.!?]))+(?:[.!?]+|$)", re.MULTILINE)
# A figure: digits with optional thousands or decimal separators ("12", "1.490.000", "1,5").
FIGURE = re.compile(r"(?<![\w/])\d+(?:[.,]\d+)*(?![\w/])")
# What is not a figure of the answer: source markers, article/clause/point numbers, law ids.
_NOT_FIGURES = re.compile(
    r"\[\d{1,3}\]|\b(?:điều|khoản|điểm|chương|mục)\s+\d+\w?|\b\d{1,4}/\d{4}/[\wĐđ-]+", re.IGNORECASE
)
# Fail when more than this share of the draft's characters had to be removed.
MAX_REMOVED_SHARE = 0.5
MIN_ANSWER_LETTERS = 12
# Vietnamese prose has accented letters (ă â đ ê ô ơ ư and the tones) in nearly every sentence;
# a reply with almost none is in another language (or unaccented) and is not shown to members.
MIN_VIETNAMESE_SHARE = 0.03


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
        if sum(ch.isalpha() and not ch.isascii() for ch in self.text) < MIN_VIETNAMESE_SHARE * letters:
            return "not Vietnamese"
        if not self.valid_sources:
            return "no valid citation"
        if self.removed_share > MAX_REMOVED_SHARE:
            return f"{self.removed_share:.0%} of the answer was not supported by the sources"
        return None


def figures(text: str) -> set[str]:
    """The figures of ``text``, normalised: "03" → "3", "1,5" → "1.5", "1.490.000" → "1490000"."""
    found = set()
    for raw in FIGURE.findall(_NOT_FIGURES.sub(" ", text)):
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):  # Vietnamese thousands: 1.490.000
            raw = raw.replace(".", "")
        value = raw.replace(",", ".")
        whole, _, decimals = value.partition(".")
        found.add(whole.lstrip("0") or "0" if not decimals else f"{whole.lstrip('0') or '0'}.{decimals}")
    return found


def _unsupported_figures(sentence: str, sources: Sequence[Source], question: str) -> list[str]:
    cited = {int(n) for n in MARKER.findall(sentence)}
    used = [s for s in sources if s.number in cited] or list(sources)
    allowed = figures(question)
    for source in used:
        allowed |= figures(f"{source.label} {source.law_title}\n{source.article.text}")
    return [
        f"số liệu «{figure}» không có trong nguồn được trích"
        for figure in sorted(figures(sentence) - allowed)
    ]


def verify_draft(text: str, sources: Sequence[Source], corpus: Corpus, question: str = "") -> Verification:
    """Keep the sentences whose citations, articles and figures the sources support.

    ``question``: the member's question; figures from it (their wage, their dates) may be repeated.
    """
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
        problems += _unsupported_figures(sentence, sources, question)
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
