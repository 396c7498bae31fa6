"""Final answer text: direct answer, legal basis with exact text, related provisions, notes."""

from __future__ import annotations

from collections.abc import Sequence

from assistant import messages
from assistant.answer import Citation
from assistant.citations import citation_heading
from corpus.model import LegalUnit
from corpus.store import Corpus

MAX_RELATED = 3


def legal_basis(citations: Sequence[Citation], numbers: Sequence[int] | None = None) -> str:
    """ "Căn cứ pháp lý:" then one entry per citation: label, law, số hiệu, exact quoted text."""
    lines = [messages.LEGAL_BASIS]
    for i, citation in enumerate(citations):
        number = numbers[i] if numbers is not None else i + 1
        lines.append(f"[{number}] {citation_heading(citation)}:\n«{citation.text.strip()}»")
    return "\n".join(lines)


def related_provisions(corpus: Corpus, cited: Sequence[LegalUnit]) -> list[str]:
    """Labels of units the cited ones refer to (resolved cross-references), not already cited."""
    cited_ids = {u.id for u in cited}
    cited_articles = {(u.law_id, u.article) for u in cited}
    labels: list[str] = []
    for unit in cited:
        for target_id in unit.references:
            target = corpus.units.get(target_id)
            if target is None or target.id in cited_ids or target.article is None:
                continue
            if target.clause is None and (target.law_id, target.article) in cited_articles:
                continue
            document = corpus.documents.get(target.law_id)
            law = document.title if document else target.law_id
            label = f"{target.heading} {law} ({target.law_id})"
            if label not in labels:
                labels.append(label)
            if len(labels) >= MAX_RELATED:
                return labels
    return labels


def tail_sections(
    citations: Sequence[Citation],
    *,
    numbers: Sequence[int] | None,
    related: Sequence[str],
    validity: Sequence[str],
    escalate: bool,
) -> str:
    """Everything after the direct answer (starts with a blank line)."""
    parts = ["", legal_basis(citations, numbers)]
    if related:
        parts.append(f"{messages.RELATED} " + "; ".join(related) + ".")
    parts.extend(validity)
    if escalate:
        parts.append(messages.ESCALATE_CAVEAT)
    parts.append(messages.DISCLAIMER)
    parts.append(messages.ADVISOR)
    return "\n\n".join(parts)
