"""Load and validate evaluation question sets (JSONL, one question a line).

A line looks like::

    {"id": "q001", "question": "...", "kind": "in_scope",
     "gold": [{"law": "45/2019/QH14", "article": 137, "clause": 1, "point": "a"}],
     "facts": ["tháng thứ 07"], "history": ["an earlier message of the member"],
     "reference_answer": "...", "twin": "q000"}

Only ``id``, ``question``, ``gold`` and ``kind`` are required; an empty ``gold`` means the
assistant should decline. ``facts`` are short strings a correct direct answer must contain
(verbatim from a gold unit, or the figure a ``calculation`` must state); ``history`` holds the
member's earlier messages of the conversation, asked first and in order; ``asks_for`` names the
word a question for a missing input must contain; ``calc_note`` is the hand arithmetic;
``pending_corpus`` marks questions whose gold cites documents not yet in the built corpus.
Every problem names the file and line; with ``on_error="skip"`` the bad line is left out and
counted (``Dataset.skipped``), never silently dropped.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from corpus.errors import LegalAssistantError, UnknownUnitError
from corpus.model import canonical_law_id

logger = logging.getLogger(__name__)

KNOWN_KINDS = frozenset(
    {
        "in_scope",
        "out_of_scope",
        "no_diacritics",
        "colloquial",
        "injection",
        "multi_article",
        "past_law",
        "long_story",
        "abbreviation",
        "scenario",
        "procedure",
        "calculation",
    }
)
OnError = Literal["skip", "stop"]
ON_ERROR_CHOICES = ("skip", "stop")
_REQUIRED: dict[str, type] = {"id": str, "question": str, "gold": list, "kind": str}
_OPTIONAL: dict[str, type] = {"reference_answer": str, "twin": str, "calc_note": str, "pending_corpus": bool}
_STRING_LISTS = ("facts", "history", "asks_for")


class DatasetError(LegalAssistantError, ValueError):
    """A question file that cannot be used as given (names the file and line)."""


@dataclass(frozen=True)
class GoldRef:
    """One expected article (and optionally clause and point) of the answer."""

    law: str
    article: int
    clause: int | None = None
    point: str | None = None

    @property
    def article_key(self) -> tuple[str, int]:
        return (canonical_law_id(self.law), self.article)

    @property
    def clause_key(self) -> tuple[str, int, int] | None:
        return None if self.clause is None else (canonical_law_id(self.law), self.article, self.clause)

    def to_json(self) -> dict[str, Any]:
        row: dict[str, Any] = {"law": self.law, "article": self.article}
        if self.clause is not None:
            row["clause"] = self.clause
        if self.point is not None:
            row["point"] = self.point
        return row


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    gold: tuple[GoldRef, ...]
    kind: str
    reference_answer: str = ""
    twin: str | None = None
    source: str = ""  # "file.jsonl:12"
    facts: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    asks_for: tuple[str, ...] = ()
    calc_note: str = ""
    pending_corpus: bool = False

    @property
    def should_decline(self) -> bool:
        return not self.gold


@dataclass(frozen=True)
class SkippedLine:
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}"


@dataclass(frozen=True)
class Dataset:
    questions: tuple[EvalQuestion, ...]
    files: tuple[str, ...]
    sha256: str  # of the files' bytes, in order: identifies the exact question set
    skipped: tuple[SkippedLine, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.questions)

    def limited(self, limit: int | None) -> Dataset:
        """The first ``limit`` questions (a quick smoke run); None keeps all."""
        if limit is None:
            return self
        if limit < 1:
            raise DatasetError(f"limit must be at least 1, got {limit}")
        return Dataset(self.questions[:limit], self.files, self.sha256, self.skipped, self.warnings)

    def describe(self) -> dict[str, Any]:
        return {
            "files": list(self.files),
            "sha256": self.sha256,
            "questions": len(self.questions),
            "skipped_lines": [str(s) for s in self.skipped],
            "warnings": list(self.warnings),
        }


class _LawChecker:
    """Resolves gold law ids against the corpus (or a plain set of ids) to their official spelling."""

    def __init__(self, corpus: Any | None, known_laws: Collection[str] | None) -> None:
        self._corpus = corpus
        self._known = {canonical_law_id(law): law for law in known_laws} if known_laws is not None else None

        self.pending: set[str] = set()  # documents cited by pending_corpus questions, not in the corpus

    def resolve(self, ref: GoldRef, pending: bool = False) -> GoldRef:
        law = ref.law
        if self._corpus is not None:
            try:
                law = self._corpus.resolve_law(ref.law)
            except UnknownUnitError:
                if pending:  # the document is still to be ingested: keep the citation as written
                    self.pending.add(ref.law)
                    return ref
                raise ValueError(f"gold cites law {ref.law!r}, which the corpus does not hold") from None
            if not self._corpus.has(law, ref.article, ref.clause, ref.point):
                if pending:
                    self.pending.add(law)
                    return GoldRef(law, ref.article, ref.clause, ref.point)
                raise ValueError(f"gold cites {describe_ref(ref)} of {law}, which the corpus does not hold")
        elif self._known is not None:
            if canonical_law_id(ref.law) not in self._known:
                allowed = ", ".join(sorted(self._known.values()))
                raise ValueError(f"gold cites unknown law {ref.law!r} (known: {allowed})")
            law = self._known[canonical_law_id(ref.law)]
        return GoldRef(law, ref.article, ref.clause, ref.point)


def describe_ref(ref: GoldRef) -> str:
    """``Điều 137 khoản 1 điểm a``."""
    where = f"Điều {ref.article}"
    if ref.clause is not None:
        where += f" khoản {ref.clause}"
    if ref.point is not None:
        where += f" điểm {ref.point}"
    return where


def _check_type(row: dict[str, Any], name: str, expected: type) -> None:
    value = row[name]
    if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        raise ValueError(f"field {name!r} must be {expected.__name__}, got {type(value).__name__} {value!r}")


def _positive_int(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what} must be a positive integer, got {value!r}")
    return value


def _parse_gold(items: list[Any]) -> tuple[GoldRef, ...]:
    refs = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise ValueError(f"gold[{i}] must be an object, got {item!r}")
        if not isinstance(item.get("law"), str) or not item["law"].strip():
            raise ValueError(f"gold[{i}].law must be a non-empty string, got {item.get('law')!r}")
        if "article" not in item:
            raise ValueError(f"gold[{i}] lacks 'article'")
        article = _positive_int(item["article"], f"gold[{i}].article")
        clause = item.get("clause")
        if clause is not None:
            clause = _positive_int(clause, f"gold[{i}].clause")
        point = item.get("point")
        if point is not None:
            if not isinstance(point, str) or not point.strip():
                raise ValueError(f"gold[{i}].point must be a non-empty string such as 'a', got {point!r}")
            if clause is None:
                raise ValueError(f"gold[{i}] gives point {point!r} without its clause")
            point = point.strip()
        refs.append(GoldRef(item["law"].strip(), article, clause, point))
    return tuple(refs)


def _string_list(row: dict[str, Any], name: str) -> tuple[str, ...]:
    value = row.get(name)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"field {name!r} must be a list of non-empty strings, got {value!r}")
    return tuple(value)


def parse_question(line: str, checker: _LawChecker, source: str) -> EvalQuestion:
    """One JSONL line to a question; raises ``ValueError`` saying what is wrong."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(row, dict):
        raise ValueError(f"expected a JSON object, got {type(row).__name__}")
    missing = [name for name in _REQUIRED if name not in row]
    if missing:
        raise ValueError(f"missing field(s) {', '.join(missing)} (required: {', '.join(_REQUIRED)})")
    for name, expected in _REQUIRED.items():
        _check_type(row, name, expected)
    for name, expected in _OPTIONAL.items():
        if row.get(name) is not None:
            _check_type(row, name, expected)
    if not row["id"].strip() or not row["question"].strip():
        raise ValueError("'id' and 'question' must not be empty")
    pending = bool(row.get("pending_corpus"))
    gold = tuple(checker.resolve(ref, pending) for ref in _parse_gold(row["gold"]))
    return EvalQuestion(
        id=row["id"].strip(),
        question=row["question"],
        gold=gold,
        kind=row["kind"].strip(),
        reference_answer=row.get("reference_answer") or "",
        twin=row.get("twin"),
        source=source,
        facts=_string_list(row, "facts"),
        history=_string_list(row, "history"),
        asks_for=_string_list(row, "asks_for"),
        calc_note=row.get("calc_note") or "",
        pending_corpus=pending,
    )


def load_dataset(
    paths: Sequence[Path | str] | Path | str,
    *,
    corpus: Any | None = None,
    known_laws: Iterable[str] | None = None,
    on_error: OnError = "stop",
) -> Dataset:
    """Read one or more JSONL question files.

    Gold laws are checked against ``corpus`` (law and article must exist) or, without a
    corpus, against ``known_laws``; with neither, only the shape is checked.
    """
    if on_error not in ON_ERROR_CHOICES:
        raise DatasetError(f"on_error must be one of {ON_ERROR_CHOICES}, got {on_error!r}")
    files = [Path(paths)] if isinstance(paths, str | Path) else [Path(p) for p in paths]
    if not files:
        raise DatasetError("no dataset file given")
    checker = _LawChecker(corpus, list(known_laws) if known_laws is not None else None)
    digest = hashlib.sha256()
    questions: list[EvalQuestion] = []
    skipped: list[SkippedLine] = []
    seen: dict[str, str] = {}
    for path in files:
        if not path.is_file():
            raise DatasetError(f"{path}: dataset file not found")
        data = path.read_bytes()
        digest.update(data)
        for number, line in enumerate(data.decode("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            source = f"{path.name}:{number}"
            try:
                question = parse_question(line, checker, source)
                if question.id in seen:
                    raise ValueError(f"duplicate id {question.id!r} (first at {seen[question.id]})")
            except ValueError as exc:
                if on_error == "stop":
                    raise DatasetError(f"{path}:{number}: {exc}") from None
                skipped.append(SkippedLine(str(path), number, str(exc)))
                logger.warning("skipping %s:%d: %s", path, number, exc)
                continue
            seen[question.id] = source
            questions.append(question)
    if checker.pending:
        logger.info(
            "questions marked pending_corpus cite documents not in the corpus yet: %s",
            ", ".join(sorted(checker.pending)),
        )
    warnings = _dataset_warnings(questions)
    for message in warnings:
        logger.warning(message)
    return Dataset(
        tuple(questions), tuple(str(f) for f in files), digest.hexdigest(), tuple(skipped), warnings
    )


def _dataset_warnings(questions: Sequence[EvalQuestion]) -> tuple[str, ...]:
    warnings = []
    unknown = sorted({q.kind for q in questions} - KNOWN_KINDS)
    if unknown:
        warnings.append(f"unknown kind(s) {', '.join(unknown)} (known: {', '.join(sorted(KNOWN_KINDS))})")
    ids = {q.id for q in questions}
    for q in questions:
        if q.twin is not None and q.twin not in ids:
            warnings.append(f"{q.source}: twin {q.twin!r} is not in the loaded questions")
    return tuple(warnings)
