"""Corpus look-ups the service needs: citations, source views, topics (pure over a Corpus)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from assistant.answer import CITATION_REF_KEYS, citation_json
from assistant.citations import citation_for
from assistant.service.errors import InvalidRequestError, NotFoundError
from corpus.errors import UnknownUnitError
from corpus.model import LegalUnit
from corpus.store import Corpus


def fresh_citation(
    corpus: Corpus, law_id: str, article: int, clause: int | None, point: str | None
) -> dict[str, Any]:
    """A citation in ``Answer.to_json`` shape, read fresh from the corpus (raises UnknownUnitError)."""
    return citation_json(citation_for(corpus, corpus.get(law_id, article, clause, point)))


def _int_or_none(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidRequestError(f"{name} phải là số nguyên; nhận được {value!r}") from None


def resolve_citations(corpus: Corpus, items: Iterable[Mapping[str, Any]]) -> tuple[dict[str, Any], ...]:
    """Edited citations, each checked against the corpus; an unknown one is refused by name."""
    resolved = []
    for item in items:
        law_id = str(item.get("law_id") or "").strip()
        article = _int_or_none(item.get("article"), "article")
        if not law_id or article is None:
            raise InvalidRequestError(f"Trích dẫn cần có law_id và article; nhận được {dict(item)!r}")
        clause = _int_or_none(item.get("clause"), "clause")
        point = item.get("point") or None
        if point is not None and clause is None:
            raise InvalidRequestError(f"Trích dẫn điểm {point!r} cần có khoản (clause)")
        try:
            resolved.append(
                fresh_citation(corpus, law_id, article, clause, None if point is None else str(point))
            )
        except UnknownUnitError as exc:
            raise InvalidRequestError(f"Trích dẫn không có trong kho dữ liệu: {exc}") from None
    return tuple(resolved)


def refresh_citations(corpus: Corpus, stored: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Stored citations re-read from the corpus (current text and in-force status)."""
    fresh = []
    for item in stored:
        try:
            fresh.append(
                fresh_citation(
                    corpus, item["law_id"], int(item["article"]), item.get("clause"), item.get("point")
                )
            )
        except (UnknownUnitError, KeyError, TypeError, ValueError):
            fresh.append(dict(item))
    return fresh


def chapter_label(unit: LegalUnit) -> str | None:
    """The "Chương ..." heading enclosing a unit, if any."""
    for label in unit.path:
        if label.lower().startswith("chương"):
            return label
    return None


def topic_of(corpus: Corpus, citations: Iterable[Mapping[str, Any]]) -> tuple[str | None, str | None]:
    """(law id, chapter label) of the first citation: the answer's topic for the dashboard."""
    for item in citations:
        try:
            unit = corpus.get(item["law_id"], int(item["article"]))
        except (UnknownUnitError, KeyError, TypeError, ValueError):
            continue
        return unit.law_id, chapter_label(unit)
    return None, None


def hits_to_sources(retrieved: Iterable[Any]) -> tuple[dict[str, Any], ...]:
    """Retrieved evidence (``indexing.hit.Hit``-like objects) as JSON for the review queue."""
    sources = []
    for hit in retrieved:
        sources.append(
            {
                "law_id": getattr(hit, "law_id", None),
                "article": getattr(hit, "article", None),
                "clause": getattr(hit, "clause", None),
                "title": getattr(hit, "title", ""),
                "score": round(float(getattr(hit, "score", 0.0)), 4),
                "in_force": getattr(hit, "in_force", None),
                "text": getattr(hit, "text", ""),
            }
        )
    return tuple(sources)


def source_view(corpus: Corpus, law_id: str, article: int) -> dict[str, Any]:
    """One article for display: text, title, path, in-force status, replacements, clauses."""
    try:
        unit = corpus.get(law_id, article)
    except UnknownUnitError as exc:
        raise NotFoundError(f"Không tìm thấy Điều {article} của văn bản {law_id}: {exc}") from None
    doc = corpus.document(unit.law_id)
    today = date.today()
    return {
        "law_id": unit.law_id,
        "article": article,
        "title": unit.title,
        "heading": unit.heading,
        "text": unit.text,
        "path": list(unit.path),
        "in_force": doc.in_force_on(today),
        "status": doc.status_on(today),
        "law_title": doc.title,
        "replaced_by": list(doc.replaced_by),
        "clauses": [
            {"clause": child.clause, "number": child.number, "text": child.text}
            for child in corpus.children(unit.id)
        ],
    }


# --- retention: what is stored per question -------------------------------------------------
# The corpus holds the legal text; storing it again with every question made a question cost
# about 55 KB. Stored answers and sources keep references only and are re-read on display.
CITATION_KEYS = (*CITATION_REF_KEYS, "title")
SOURCE_KEYS = ("law_id", "article", "clause", "title", "score")


def slim_answer(answer: Mapping[str, Any]) -> dict[str, Any]:
    """The answer JSON to store: citation references instead of their full text, and the
    direct answer as a length when it is the beginning of the whole answer (it usually is)."""
    citations = [{k: dict(c).get(k) for k in CITATION_KEYS} for c in answer.get("citations") or ()]
    slim = {**answer, "citations": citations}
    direct, whole = answer.get("direct_answer"), str(answer.get("answer") or "")
    if isinstance(direct, str) and direct and whole.startswith(direct):
        del slim["direct_answer"]
        slim["direct_answer_chars"] = len(direct)
    return slim


def slim_sources(sources: Iterable[Mapping[str, Any]]) -> tuple[dict[str, Any], ...]:
    return tuple({k: s.get(k) for k in SOURCE_KEYS} for s in sources)


def full_answer(corpus: Corpus, answer: Mapping[str, Any]) -> dict[str, Any]:
    """A stored answer with its citations re-read from the corpus (text, in-force status)."""
    full = {**answer, "citations": refresh_citations(corpus, answer.get("citations") or ())}
    chars = full.pop("direct_answer_chars", None)
    if isinstance(chars, int):
        full["direct_answer"] = str(full.get("answer") or "")[:chars]
    return full


def full_sources(corpus: Corpus, sources: Iterable[Mapping[str, Any]]) -> tuple[dict[str, Any], ...]:
    """Stored source references with their text and in-force status re-read from the corpus."""
    out = []
    for source in sources:
        item = dict(source)
        if "text" not in item:
            try:
                law, article = str(item["law_id"]), int(item["article"])
                fresh = fresh_citation(corpus, law, article, item.get("clause"), None)
                item["text"] = fresh["text"]
                item["in_force"] = fresh["in_force"]
            except (UnknownUnitError, KeyError, TypeError, ValueError):
                item["text"] = ""
        out.append(item)
    return tuple(out)
