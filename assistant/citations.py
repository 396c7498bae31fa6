"""Citations resolved against the corpus, their labels, and validity notes from the catalog."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from assistant import messages
from assistant.answer import Citation
from corpus.model import Document, LegalUnit
from corpus.store import Corpus


def law_name(document: Document) -> str:
    """How a member reads a law's name: "Bộ luật Lao động 45/2019/QH14" style pieces."""
    return document.short_name or document.title


def citation_for(corpus: Corpus, unit: LegalUnit, day: date | None = None) -> Citation:
    """A Citation of ``unit`` (article, clause or point); raises UnknownUnitError if not in corpus."""
    if unit.article is None:
        raise ValueError(f"only article-level units and below can be cited; got {unit.id}")
    resolved = corpus.get(unit.law_id, unit.article, unit.clause, unit.point)
    document = corpus.document(resolved.law_id)
    article = corpus.get(resolved.law_id, unit.article)
    return Citation(
        law_id=resolved.law_id,
        article=unit.article,
        clause=resolved.clause,
        point=resolved.point,
        title=article.title,
        in_force=document.in_force_on(day or date.today()),
        law_title=document.title,
        text=resolved.text,
        replaced_by=document.replaced_by,
    )


def citation_label(citation: Citation) -> str:
    """ "Điểm a khoản 1 Điều 107" / "Khoản 1 Điều 113" / "Điều 113"."""
    label = f"Điều {citation.article}"
    if citation.clause is not None:
        label = f"khoản {citation.clause} {label}"
        if citation.point is not None:
            label = f"điểm {citation.point} {label}"
    return label[0].upper() + label[1:]


def citation_heading(citation: Citation) -> str:
    return f"{citation_label(citation)} {citation.law_title} ({citation.law_id}) — {citation.title}"


def validity_notes(corpus: Corpus, law_ids: Iterable[str], day: date | None = None) -> list[str]:
    """One note per cited document that is not in force on ``day`` (today by default)."""
    today = day or date.today()
    notes: list[str] = []
    for law_id in dict.fromkeys(law_ids):
        document = corpus.document(law_id)
        if document.in_force_on(today):
            continue
        name = law_name(document)
        if document.effective is not None and today < document.effective:
            notes.append(messages.not_yet_in_force_note(name, law_id, _vn_date(document.effective)))
        else:
            expired = _vn_date(document.expired) if document.expired else "trước ngày hôm nay"
            notes.append(messages.expired_note(name, law_id, expired, document.replaced_by))
    return notes


def _vn_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")
