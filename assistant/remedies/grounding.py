"""Is a step's line grounded in the unit it cites? Pure checks over folded text.

A step may only say what its unit says. Checked over accent-folded, whitespace-collapsed
text (the 2024 Trade Union Law is hard-wrapped in the corpus):

- every syllable of the line is in the unit's grounding text or in the framing vocabulary
  ("bạn", "hãy", "liên hệ"...), which addresses the worker without adding a rule;
- every number of the line ("05", "14", "02") is a number of the unit;
- every key term of the step is in the line and in the unit.

The grounding text of a unit is its headings (chapter, section, article title: they name the
subject of the clauses, e.g. "Điều 214. Nội dung thanh tra lao động", "Mục 1. QUYỀN, TRÁCH
NHIỆM CỦA CÔNG ĐOÀN"), the parent clause's text for a point (its lead-in) and the unit's own
text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.textnorm import numbers_in, words
from corpus.store import Corpus
from corpus.text import fold

_SPACE = re.compile(r"\s+")


def normalized(text: str) -> str:
    """Folded text with whitespace collapsed, for phrase containment."""
    return _SPACE.sub(" ", fold(text)).strip()


def grounding_text(corpus: Corpus, law_id: str, article: int, clause: int | None, point: str | None) -> str:
    """Headings + article title + (for a point) its clause + the unit text; raises UnknownUnitError."""
    unit = corpus.get(law_id, article, clause, point)
    head = corpus.get(law_id, article)
    parts = [*head.path, head.title]
    if point is not None:
        parts.append(corpus.get(law_id, article, clause).text)
    parts.append(unit.text)
    return "\n".join(parts)


def _numbers(text: str) -> set[str]:
    return {n.rstrip(".,") for n in numbers_in(text)}


def ungrounded(line: str, ground: str, terms: Iterable[str], framing: Iterable[str]) -> list[str]:
    """What in ``line`` its unit does not support: foreign syllables, numbers, missing terms.

    Empty when the line is grounded. Each entry says what is wrong, for a test failure or a log.
    """
    problems: list[str] = []
    allowed = set(words(ground)) | {w for phrase in framing for w in words(phrase)}
    foreign = sorted({w for w in words(line) if w not in allowed and not w.isdigit()})
    if foreign:
        problems.append(f"words not in the unit: {', '.join(foreign)}")
    extra_numbers = sorted(_numbers(line) - _numbers(ground))
    if extra_numbers:
        problems.append(f"numbers not in the unit: {', '.join(extra_numbers)}")
    line_n, ground_n = normalized(line), normalized(ground)
    for term in terms:
        term_n = normalized(term)
        if term_n not in line_n:
            problems.append(f"key term not in the line: {term!r}")
        if term_n not in ground_n:
            problems.append(f"key term not in the unit: {term!r}")
    return problems
