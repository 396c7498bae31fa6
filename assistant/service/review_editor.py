"""What the advisor's editor starts from: the direct answer and its own citations, not the whole text.

The whole answer (often 1,500 words: the rule, related provisions, steps) and all its citations
made a verified answer that repeated unrelated clauses under the "Đã được tư vấn viên xác nhận"
badge. A verified answer is the short direct answer with the citations it rests on: the ones
it names ("Điều 113"), and the unit it quotes (the first citation of an extractive answer).
A saved draft, when there is one, wins over both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from assistant.service.results import ReviewItem

_ARTICLE = re.compile(r"\bĐiều\s+(\d+)", re.IGNORECASE)


def direct_text(answer: Mapping[str, Any]) -> str:
    """The direct answer (the whole answer when there is none)."""
    return str(answer.get("direct_answer") or answer.get("answer") or "").strip()


def direct_citations(answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The citations the direct answer rests on: those whose article it names, and the first."""
    citations: Sequence[Mapping[str, Any]] = answer.get("citations") or ()
    if not citations:
        return []
    named = {int(n) for n in _ARTICLE.findall(direct_text(answer))}
    kept = [dict(c) for i, c in enumerate(citations) if i == 0 or c.get("article") in named]
    return kept


def editor_start(item: ReviewItem) -> tuple[str, list[dict[str, Any]]]:
    """(text, citations) the editor opens with: the saved draft, else the direct answer."""
    if item.draft:
        return str(item.draft.get("answer") or ""), [dict(c) for c in item.draft.get("citations") or ()]
    source = item.final_answer or item.answer
    return direct_text(source), direct_citations(source)
