"""Final answer text: direct answer, legal basis with exact text, related provisions, notes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant import messages
from assistant.answer import Citation
from assistant.citations import citation_heading, document_name
from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus
from corpus.text import fold

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


def related_provisions(corpus: Corpus, cited: Sequence[LegalUnit], shown: Sequence[str] = ()) -> list[str]:
    """Labels of units the cited ones refer to (resolved cross-references), not already cited,
    one per article: "các khoản 1, 2, 3, 4, 6, 7, 9 và 10 Điều 34" is one reference to Điều 34,
    not three untitled lines for its first three clauses. ``shown``: ids of units the direct
    answer already quotes (the clause a rule takes its figure from), not listed again."""
    cited_ids = {u.id for u in cited} | set(shown)
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


# A question sentence of a member's message: text up to a "?", at least three words long. The
# message is split at sentence marks first: one pattern spanning the whole sentence backtracked
# quadratically on a long story (31 ms of a 500-character message's answer).
_SENTENCE_MARK = re.compile(r"([?.!\n])")
_THREE_WORDS = re.compile(r"\w+(?:\s+\w+){2}")


# A tag question asks nothing new: "Lương thử việc 70%? có đúng không?" is one question.
_TAG_WORDS = frozenset(
    {
        "vay", "the", "nhu", "lam", "co", "dung", "duoc", "phai", "sai", "luat", "quy", "dinh", "khong",
        "ko", "k", "kg", "khg", "hok", "chua", "ha", "a", "ah", "ak", "nhi", "hop", "phap", "vi", "pham",
        "sao", "nao", "oi",
    }
)  # fmt: skip


def asked_questions(text: str) -> list[str]:
    """The question sentences of a message ("nghỉ phép năm bao nhiêu ngày? làm thêm giờ tối đa
    bao nhiêu?"): each ends in "?", has three words or more and is not a tag question."""
    parts = _SENTENCE_MARK.split(text)
    found = (
        f"{sentence}?".strip()
        for sentence, mark in zip(parts[::2], parts[1::2], strict=False)
        if mark == "?" and _THREE_WORDS.search(sentence)
    )
    return [q for q in found if not set(fold(q).replace("?", " ").split()) <= _TAG_WORDS]


def tail_sections(
    citations: Sequence[Citation],
    *,
    quotes: Sequence[str] | None,
    numbers: Sequence[int] | None,
    related: Sequence[str],
    validity: Sequence[str],
    escalate: bool,
    steps: str = "",
    questions: int = 1,
) -> str:
    """Everything after the direct answer (starts with a blank line). ``questions``: how many
    questions the member's message asks (``asked_questions``); from two, a line right under the
    direct answer says that it answers one of them.

    ``quotes`` is None when the direct answer already quotes (or computes from) its units: the
    ``citations`` given are then listed as short references only, never quoted again, after the
    "Bạn có thể làm gì" steps.
    """
    several = [messages.SEVERAL_QUESTIONS.format(count=questions)] if questions > 1 else []
    if quotes is None:
        # What the member can do comes before further reading.
        parts = ["", *several, steps] if steps else ["", *several]
        if citations or related:
            parts.append(references(citations, related))
    else:
        parts = ["", *several, legal_basis(citations, quotes, numbers)]
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
