"""Is a question about labour law? A lexicon decision, combined later with retrieval evidence."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from corpus.text import fold

SCOPE_TERMS_FILE = Path(__file__).parent / "data" / "scope_terms.toml"
STRONG_WEIGHT = 2
WEAK_WEIGHT = 1
# Letters that only appear in text typed with Vietnamese diacritics.
_DIACRITIC = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


@dataclass(frozen=True)
class ScopeSignal:
    """Lexicon evidence: weighted domain terms and out-of-scope terms found in a question."""

    domain_score: int
    out_of_scope_score: int
    domain_terms: tuple[str, ...]
    out_of_scope_terms: tuple[str, ...]

    @property
    def clearly_out_of_scope(self) -> bool:
        return self.out_of_scope_score > self.domain_score

    @property
    def has_domain_terms(self) -> bool:
        return self.domain_score > 0


@dataclass(frozen=True)
class _Term:
    text: str
    accented: re.Pattern[str]
    folded: re.Pattern[str]
    weight: int


class ScopeLexicon:
    """Domain and out-of-scope terms read from ``assistant/data/scope_terms.toml``."""

    def __init__(self, domain: dict[str, int], out_of_scope: list[str]) -> None:
        self._domain = [_term(t, w) for t, w in domain.items()]
        self._strong = frozenset(t for t, w in domain.items() if w >= STRONG_WEIGHT)
        self._out = [_term(t, 1) for t in out_of_scope]

    @classmethod
    def load(cls, path: Path = SCOPE_TERMS_FILE) -> ScopeLexicon:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        domain = {t: WEAK_WEIGHT for t in raw["domain"].get("weak", [])}
        domain.update({t: STRONG_WEIGHT for t in raw["domain"].get("strong", [])})
        return cls(domain, list(raw["out_of_scope"]["terms"]))

    def signal(self, question: str) -> ScopeSignal:
        lowered = question.lower()
        accented = bool(_DIACRITIC.search(lowered))
        text = lowered if accented else fold(lowered)
        domain = _matches(self._domain, text, accented)
        # Folded one-syllable topic words collide with common words ("bão"/"bao nhiêu",
        # "vàng"/"vâng"), so unaccented text is only checked against multi-word topics.
        out_terms = self._out if accented else [t for t in self._out if " " in t.text]
        out = _matches(out_terms, text, accented)
        # A domain word inside a matched topic ("lao động" in "xuất khẩu lao động") is the topic's.
        domain = [t for t in domain if not any(t.text in o.text for o in out)]
        return ScopeSignal(
            domain_score=sum(t.weight for t in domain),
            out_of_scope_score=sum(t.weight for t in out),
            domain_terms=tuple(t.text for t in domain),
            out_of_scope_terms=tuple(t.text for t in out),
        )

    def strong_terms(self, question: str) -> tuple[str, ...]:
        """The strong domain terms the question names, longest first."""
        return tuple(t for t in self.signal(question).domain_terms if t in self._strong)


@cache
def default_lexicon() -> ScopeLexicon:
    return ScopeLexicon.load()


def _term(text: str, weight: int) -> _Term:
    def pattern(s: str) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)")

    return _Term(text, pattern(text.lower()), pattern(fold(text)), weight)


def _matches(terms: list[_Term], text: str, accented: bool) -> list[_Term]:
    """Terms found in ``text``; a term inside a longer matched term counts once (the longer)."""
    found = [t for t in terms if (t.accented if accented else t.folded).search(text)]
    found.sort(key=lambda t: -len(t.text))
    kept: list[_Term] = []
    for term in found:
        if not any(term.text in longer.text for longer in kept):
            kept.append(term)
    return kept
