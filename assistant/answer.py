"""What the assistant returns for one question."""

from __future__ import annotations

from collections.abc import Mapping
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
    law_name: str = ""  # the name a member reads ("Bộ luật Lao động 2019"); law_title when none


# What identifies a cited unit: stored answers and advisor edits keep only these keys.
CITATION_REF_KEYS = ("law_id", "article", "clause", "point")


def citation_json(citation: Citation) -> dict[str, Any]:
    """The one JSON shape of a citation: answers (CLI, API) and citations re-read by the service."""
    return {
        "law_id": citation.law_id,
        "article": citation.article,
        "clause": citation.clause,
        "point": citation.point,
        "title": citation.title,
        "in_force": citation.in_force,
        "law_title": citation.law_title,
        "law_name": citation.law_name or citation.law_title,
        "text": citation.text,
        "replaced_by": list(citation.replaced_by),
    }


def citation_ref(citation: Mapping[str, Any]) -> dict[str, Any]:
    """The reference part of a citation's JSON (``CITATION_REF_KEYS``; missing keys as None)."""
    return {key: citation.get(key) for key in CITATION_REF_KEYS}


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
            "citations": [citation_json(c) for c in self.citations],
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
