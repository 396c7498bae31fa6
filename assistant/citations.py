"""Citations resolved against the corpus, their labels, and validity notes from the catalog."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from assistant import messages
from assistant.answer import Citation
from corpus.model import ChangeKind, Document, LegalUnit, UnitChange, UnitKind, unit_id
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
    repeal = resolved.repeal_on(day or date.today())
    return Citation(
        law_id=resolved.law_id,
        article=unit.article,
        clause=resolved.clause,
        point=resolved.point,
        title=article.title,
        in_force=document.in_force_on(day or date.today()) and repeal is None,
        law_title=document.title,
        text=resolved.text,
        replaced_by=tuple(unit_label(corpus, u) for u in repeal.instead) if repeal else document.replaced_by,
        law_name=law_name(document),
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
    """ "Khoản 1 Điều 35 Bộ luật Lao động 2019 — Quyền đơn phương ...": the law by the short name
    the direct answer's "Căn cứ pháp lý" line uses, its number added when the name lacks it."""
    law = named_law(citation.law_name or citation.law_title, citation.law_id)
    return f"{citation_label(citation)} {law} — {citation.title}"


def named_law(name: str, law_id: str) -> str:
    """``name``, followed by ``(law_id)`` unless the name already carries the number."""
    return name if law_id in name else f"{name} ({law_id})"


def document_name(corpus: Corpus, law_id: str) -> str:
    """A law by the name a member reads, with its number ("Bộ luật Lao động 2019 (45/2019/QH14)",
    "Nghị định 145/2020/NĐ-CP"); the bare number for a law not in the catalog."""
    document = corpus.documents.get(law_id)
    return named_law(law_name(document), law_id) if document is not None else law_id


def unit_label(corpus: Corpus, uid: str) -> str:
    """ "khoản 2 Điều 3 Nghị định 135/2020/NĐ-CP (tuổi nghỉ hưu)" for a unit id; a law id as its name."""
    unit = corpus.units.get(uid)
    name = document_name(corpus, uid.split(":", 1)[0])
    if unit is None:
        return name
    if unit.article is None:  # appendix ("Phụ lục III ...") or one of its rows
        row = unit.kind is UnitKind.APPENDIX_ROW
        appendix = corpus.units.get(unit.parent_id or "", unit) if row else unit
        return f"{' '.join(appendix.title.split()[:3])} {name}"
    label = f"Điều {unit.article}"
    if unit.clause is not None:
        label = f"khoản {unit.clause} {label}"
        if unit.point is not None:
            label = f"điểm {unit.point} {label}"
    return f"{label} {name}"


def unit_change_notes(corpus: Corpus, unit_ids: Iterable[str], day: date | None = None) -> list[str]:
    """Notes for cited units (or units inside them) repealed/amended by a later provision on ``day``.

    A question about a past day gets no note for a change that came later (the text was in force)."""
    today = day or date.today()
    seen: dict[str, UnitChange] = {}
    for uid in dict.fromkeys(unit_ids):
        unit = corpus.units.get(uid)
        if unit is None:
            continue
        inside = [u for u in corpus.changed_units if u.id.startswith(uid + ":")]
        for change in (*unit.changes, *(c for u in inside for c in u.changes)):
            if change.applies_on(today):
                seen.setdefault(change.unit_id, change)
    return [_change_note(corpus, change) for change in seen.values()]


def _change_note(corpus: Corpus, change: UnitChange) -> str:
    since = _vn_date(change.since) if change.since else None
    label, by = unit_label(corpus, change.unit_id), unit_label(corpus, change.by)
    label = label[0].upper() + label[1:]
    if change.change is ChangeKind.REPEALED:
        instead = [unit_label(corpus, u) for u in change.instead]
        return messages.repealed_unit_note(label, since or "trước ngày hôm nay", by, instead)
    return messages.amended_unit_note(label, since, by)


def validity_notes(
    corpus: Corpus, law_ids: Iterable[str | Citation], day: date | None = None
) -> list[str]:
    """One note per cited document that is not in force on ``day`` (today by default).

    Given citations (not only law ids), also one note per cited clause/appendix repealed or
    amended by a later provision (``unit_change_notes``)."""
    today = day or date.today()
    items = list(law_ids)
    cited = [c for c in items if isinstance(c, Citation)]
    notes: list[str] = []
    for law_id in dict.fromkeys(c.law_id if isinstance(c, Citation) else c for c in items):
        document = corpus.document(law_id)
        if document.in_force_on(today):
            continue
        name = law_name(document)
        if document.effective is not None and today < document.effective:
            notes.append(messages.not_yet_in_force_note(name, law_id, _vn_date(document.effective)))
        else:
            expired = _vn_date(document.expired) if document.expired else "trước ngày hôm nay"
            notes.append(messages.expired_note(name, law_id, expired, document.replaced_by))
    cited_ids = (unit_id(c.law_id, c.article, c.clause, c.point) for c in cited)
    return notes + unit_change_notes(corpus, cited_ids, today)


def _vn_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")
