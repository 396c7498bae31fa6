"""Final answer text: direct answer, legal basis with exact text, related provisions, notes."""

from __future__ import annotations

from collections.abc import Sequence

from assistant import messages
from assistant.answer import Citation
from assistant.citations import citation_heading, document_name
from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus

MAX_RELATED = 3


def legal_basis(
    citations: Sequence[Citation], quotes: Sequence[str], numbers: Sequence[int] | None = None
) -> str:
    """ "Căn cứ pháp lý:" then one entry per citation: label, law, số hiệu, the unit quoted with
    its context (``assistant.unit_context``), for answers whose direct part quotes nothing."""
    lines = [messages.LEGAL_BASIS]
    for i, (citation, quote) in enumerate(zip(citations, quotes, strict=True)):
        number = numbers[i] if numbers is not None else i + 1
        lines.append(f"[{number}] {citation_heading(citation)}:\n«{quote.strip()}»")
    return "\n".join(lines)


def references(citations: Sequence[Citation], related: Sequence[str]) -> str:
    """ "Xem thêm:" and one short label per further unit: the member unfolds it, never reads it twice."""
    labels = [citation_heading(c) for c in citations] + [r for r in related if r]
    return "\n".join([messages.SEE_ALSO, *(f"- {label}" for label in dict.fromkeys(labels))])


def related_provisions(corpus: Corpus, cited: Sequence[LegalUnit]) -> list[str]:
    """Labels of units the cited ones refer to (resolved cross-references), not already cited,
    one per article: "các khoản 1, 2, 3, 4, 6, 7, 9 và 10 Điều 34" is one reference to Điều 34,
    not three untitled lines for its first three clauses."""
    cited_ids = {u.id for u in cited}
    cited_articles = {(u.law_id, u.article) for u in cited}
    groups: dict[tuple[str, int], list[LegalUnit]] = {}
    for unit in cited:
        for target_id in unit.references:
            target = corpus.units.get(target_id)
            if target is None or target.id in cited_ids or target.article is None:
                continue
            if target.clause is None and (target.law_id, target.article) in cited_articles:
                continue
            key = (target.law_id, target.article)
            if key not in groups and len(groups) >= MAX_RELATED:
                continue
            if target not in groups.setdefault(key, []):
                groups[key].append(target)
    return [_related_label(corpus, targets) for targets in groups.values()]


def _related_label(corpus: Corpus, targets: list[LegalUnit]) -> str:
    """ "Điều 47 <law> — <title>", "Khoản 1 Điều 7 <law> — <title>", "Các khoản 1, 2 và 3 Điều 34
    <law> — <title>" (labelled as the cited units are)."""
    first = targets[0]
    assert first.article is not None
    article = corpus.get(first.law_id, first.article)
    law = document_name(corpus, first.law_id)
    if len(targets) == 1 and first.kind is not UnitKind.ARTICLE:
        where = first.heading
    elif len(targets) > 1 and all(t.kind is UnitKind.CLAUSE for t in targets):
        numbers = [str(t.number) for t in targets]
        where = f"Các khoản {', '.join(numbers[:-1])} và {numbers[-1]} Điều {first.article}"
    else:  # the article itself, or points of several clauses
        where = f"Điều {first.article}"
    return f"{where} {law} — {article.title}".rstrip(" —")


def tail_sections(
    citations: Sequence[Citation],
    *,
    quotes: Sequence[str] | None,
    numbers: Sequence[int] | None,
    related: Sequence[str],
    validity: Sequence[str],
    escalate: bool,
    steps: str = "",
) -> str:
    """Everything after the direct answer (starts with a blank line).

    ``quotes`` is None when the direct answer already quotes (or computes from) its units: the
    ``citations`` given are then listed as short references only, never quoted again, after the
    "Bạn có thể làm gì" steps.
    """
    if quotes is None:
        # What the member can do comes before further reading.
        parts = ["", steps] if steps else [""]
        if citations or related:
            parts.append(references(citations, related))
    else:
        parts = ["", legal_basis(citations, quotes, numbers)]
        if related:
            parts.append(f"{messages.RELATED} " + "; ".join(related) + ".")
        if steps:
            parts.append(steps)
    parts.extend(validity)
    if escalate:  # the caveat already sends the member to an advisor: not said twice
        parts.extend([messages.ESCALATE_CAVEAT, messages.DISCLAIMER])
    else:
        parts.extend([messages.DISCLAIMER, messages.ADVISOR])
    return "\n\n".join(parts)
