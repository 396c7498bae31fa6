"""What the assistant returns for one question."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Citation:
    law_id: str
    article: int
    clause: int | None
    point: str | None
    title: str  # article title
    in_force: bool
    law_title: str = ""
    text: str = ""  # exact text of the cited unit
    replaced_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    citations: tuple[Citation, ...]
    abstained: bool
    escalate: bool
    confidence: float
    generator: str  # "extractive", "openai:<model>", "gguf:<model>", "verified"
    fallback_reason: str | None = None
    warnings: tuple[str, ...] = ()
    retrieved: tuple[Any, ...] = ()  # indexing.hit.Hit objects used as evidence
    latency_ms: float = 0.0
    metadata: dict[str, Any] = field(default_factory=dict)
    # The short part a member reads first (the decisive rule, quoted once); ``answer`` is the whole text.
    direct_answer: str = ""

    def to_json(self) -> dict[str, Any]:
        """The public JSON shape (CLI ``ask --json`` and the API)."""
        return {
            "direct_answer": self.direct_answer or self.answer,
            "answer": self.answer,
            "citations": [
                {
                    "law_id": c.law_id,
                    "article": c.article,
                    "clause": c.clause,
                    "point": c.point,
                    "title": c.title,
                    "in_force": c.in_force,
                    "law_title": c.law_title,
                    "text": c.text,
                    "replaced_by": list(c.replaced_by),
                }
                for c in self.citations
            ],
            "abstained": self.abstained,
            "escalate": self.escalate,
            "confidence": round(self.confidence, 4),
            "generator": self.generator,
            "fallback_reason": self.fallback_reason,
            "warnings": list(self.warnings),
            "calculation": self.metadata.get("calculation"),
        }


class Answerer(Protocol):
    def ask(self, question: str, history: list[tuple[str, str]] | None = None) -> Answer: ...
