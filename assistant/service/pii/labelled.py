"""The labelled masking set and its scoring (per kind precision and recall).

Lines hold one message with personal data marked ``[[kind:text]]``. A marked item counts as
found when every letter and digit of it lies inside predicted spans of the same kind (half a
CCCD masked, or a CCCD masked as a phone number, is a miss). A predicted span counts as
correct when at least 70% of its letters and digits lie inside marked items of its kind;
anything predicted in a message with no personal data is a false positive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.service.pii.spans import KINDS, Span

MARK_RE = re.compile(r"\[\[(?P<kind>[a-z_]+):(?P<text>.+?)\]\]")
MIN_PRECISE_SHARE = 0.7


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[Span, ...]


@dataclass
class Score:
    found: int = 0
    gold: int = 0
    correct: int = 0
    predicted: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


def parse_line(line: str) -> Example:
    text, spans, last = [], [], 0
    length = 0
    for match in MARK_RE.finditer(line):
        plain = line[last : match.start()]
        text.append(plain)
        length += len(plain)
        kind = match.group("kind")
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} in {line!r}")
        spans.append(Span(length, length + len(match.group("text")), kind))
        text.append(match.group("text"))
        length += len(match.group("text"))
        last = match.end()
    text.append(line[last:])
    return Example("".join(text), tuple(spans))


def load(path: Path) -> list[Example]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [parse_line(line) for line in lines if line.strip() and not line.startswith("#")]


def _alnum(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if text[i].isalnum()}


def score(examples: Iterable[Example], find: Callable[[str], list[Span]]) -> dict[str, Score]:
    scores = {kind: Score() for kind in KINDS}
    for example in examples:
        predicted = find(example.text)
        for gold in example.spans:
            s = scores[gold.kind]
            s.gold += 1
            covered = set().union(
                *(_alnum(example.text, p.start, p.end) for p in predicted if p.kind == gold.kind)
            )
            if _alnum(example.text, gold.start, gold.end) <= covered:
                s.found += 1
            else:
                s.misses.append(f"{example.text[gold.start : gold.end]!r} in {example.text!r}")
        for pred in predicted:
            s = scores[pred.kind]
            s.predicted += 1
            chars = _alnum(example.text, pred.start, pred.end)
            inside = set().union(
                *(_alnum(example.text, g.start, g.end) for g in example.spans if g.kind == pred.kind)
            )
            if chars and len(chars & inside) / len(chars) >= MIN_PRECISE_SHARE:
                s.correct += 1
            else:
                s.false_positives.append(f"{example.text[pred.start : pred.end]!r} in {example.text!r}")
    return scores
