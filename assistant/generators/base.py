"""The generator role: turn a question and numbered sources into a draft direct answer."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from assistant.evidence import Source
from corpus.model import LegalUnit


@dataclass(frozen=True)
class Draft:
    """A generator's direct answer (no legal-basis section) and the units it relies on.

    ``text`` of an LLM draft still carries its raw ``[n]`` markers; ``cited`` is filled by
    verification. ``cited`` of an extractive draft are the units its sentences were quoted from.
    """

    text: str
    cited: tuple[LegalUnit, ...]
    generator: str
    metadata: dict[str, Any] = field(default_factory=dict)


class GeneratorError(Exception):
    """The generator could not produce a draft; ``reason`` is the Answer.fallback_reason."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class Generator(Protocol):
    """Role of every answer generator. ``name`` goes into Answer.generator."""

    @property
    def name(self) -> str: ...

    def generate(self, question: str, sources: Sequence[Source]) -> Draft: ...

    def stream(self, question: str, sources: Sequence[Source]) -> Iterator[str]:
        """Chunks of the draft text as produced; raises GeneratorError like ``generate``."""
        ...
