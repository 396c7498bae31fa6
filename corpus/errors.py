"""The project's exception tree. Every error says what was wrong, where, and what to do."""

from __future__ import annotations


class LegalAssistantError(Exception):
    """Base class for all errors raised by this project."""


class SourceError(LegalAssistantError):
    """A source file could not be read or parsed (names the file and the problem)."""

    def __init__(self, path: str, problem: str, hint: str = "") -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        message = f"{path}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class CorpusNotBuiltError(LegalAssistantError):
    """The built corpus is missing or unreadable."""


class UnknownUnitError(LegalAssistantError, KeyError):
    """A law, article, clause or point that the corpus does not hold."""

    def __str__(self) -> str:  # KeyError quotes its argument; keep the message readable
        return str(self.args[0]) if self.args else ""


class IndexNotBuiltError(LegalAssistantError):
    """The search index is missing or does not match the corpus/model (says how to rebuild)."""


class InvalidQueryError(LegalAssistantError, ValueError):
    """A question that cannot be searched or answered (empty, too long, no letters)."""
