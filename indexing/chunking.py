"""Chunking by legal unit: the article is the citation unit.

A short article is one chunk. A long article (more than ``max_chars`` characters) is
split by clause (khoản): each clause chunk carries the article's lead-in sentence, its
own points (điểm) and the heading path (law title › chương › "Điều N. title").
Appendix units (phụ lục and their table rows) are chunks too, aggregated under the
appendix. Chunk ids are stable: law id + unit path + a hash of the text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus

# Articles longer than this are split by clause. Measured on the dev-tune split:
# around the median article length (~800 chars) the dense model still sees whole
# provisions while long articles (leave, dismissal, wages) get one vector per clause.
DEFAULT_MAX_CHARS = 1200
# The lead-in sentence of an article ("Người lao động có quyền sau đây:") is repeated
# in each clause chunk, capped so it does not dominate the clause.
MAX_LEAD_CHARS = 300
HEADING_SEP = " › "


@dataclass(frozen=True)
class Chunk:
    """One indexed passage. ``group_id`` is the citation unit it counts for (article or appendix)."""

    id: str
    law_id: str
    unit_id: str
    group_id: str
    article: int | None
    clause: int | None
    heading: str  # law title › chương › Điều N. title
    title: str  # article (or appendix) title
    text: str  # the passage itself, without the heading

    @property
    def index_text(self) -> str:
        """Text given to BM25 and the dense model: heading path, then the passage."""
        return f"{self.heading}\n{self.text}"

    @property
    def text_hash(self) -> str:
        return text_hash(self.index_text)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _chunk_id(unit_id: str, text: str) -> str:
    return f"{unit_id}#{text_hash(text)[:12]}"


def heading_path(law_title: str, unit: LegalUnit) -> str:
    parts = [law_title, *[p for p in unit.path if p.lower().startswith("chương")], unit.heading]
    return HEADING_SEP.join(p for p in parts if p)


def _make(unit: LegalUnit, article: LegalUnit, law_title: str, text: str) -> Chunk:
    heading = heading_path(law_title, article)
    return Chunk(
        id=_chunk_id(unit.id, f"{heading}\n{text}"),
        law_id=unit.law_id,
        unit_id=unit.id,
        group_id=article.id,
        article=article.article,
        clause=unit.clause if unit.kind is UnitKind.CLAUSE else None,
        heading=heading,
        title=article.title,
        text=text,
    )


def _lead_in(article: LegalUnit, clauses: list[LegalUnit]) -> str:
    first = clauses[0].text.strip()[:40]
    cut = article.text.find(first) if first else -1
    lead = article.text[:cut].strip() if cut > 0 else ""
    return lead[:MAX_LEAD_CHARS]


def chunk_article(corpus: Corpus, article: LegalUnit, law_title: str, max_chars: int) -> list[Chunk]:
    clauses = [c for c in corpus.children(article.id) if c.kind is UnitKind.CLAUSE]
    if len(article.text) <= max_chars or len(clauses) < 2:
        return [_make(article, article, law_title, article.text.strip())]
    lead = _lead_in(article, clauses)
    chunks = []
    for clause in clauses:
        body = clause.text.strip()
        if not body.startswith(f"{clause.number}."):
            body = f"{clause.number}. {body}"
        chunks.append(_make(clause, article, law_title, f"{lead}\n{body}" if lead else body))
    return chunks


def chunk_appendix(unit: LegalUnit, law_title: str, group: LegalUnit) -> Chunk:
    heading = HEADING_SEP.join(p for p in (law_title, group.title or group.heading) if p)
    text = unit.text.strip() or unit.title
    return Chunk(
        id=_chunk_id(unit.id, f"{heading}\n{text}"),
        law_id=unit.law_id,
        unit_id=unit.id,
        group_id=group.id,
        article=None,
        clause=None,
        heading=heading,
        title=group.title,
        text=text,
    )


def _appendix_group(corpus: Corpus, unit: LegalUnit) -> LegalUnit:
    if unit.kind is UnitKind.APPENDIX_ROW and unit.parent_id in corpus.units:
        return corpus.units[unit.parent_id]
    return unit


def iter_chunks(corpus: Corpus, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Chunk]:
    if max_chars < 200:
        raise ValueError(f"max_chars must be at least 200. Currently, max_chars is {max_chars}")
    titles = {law: doc.title for law, doc in corpus.documents.items()}
    for unit in corpus.units.values():
        law_title = titles.get(unit.law_id, unit.law_id)
        if unit.kind is UnitKind.ARTICLE and unit.article is not None and unit.text.strip():
            yield from chunk_article(corpus, unit, law_title, max_chars)
        elif unit.kind in (UnitKind.APPENDIX, UnitKind.APPENDIX_ROW) and unit.text.strip():
            if unit.kind is UnitKind.APPENDIX and corpus.children(unit.id):
                continue  # its rows are indexed one by one
            yield chunk_appendix(unit, law_title, _appendix_group(corpus, unit))


def chunk_corpus(corpus: Corpus, *, max_chars: int = DEFAULT_MAX_CHARS) -> list[Chunk]:
    """All chunks of a corpus, in corpus order, with duplicate ids dropped."""
    return list(_unique(iter_chunks(corpus, max_chars=max_chars)))


def _unique(chunks: Iterable[Chunk]) -> Iterator[Chunk]:
    seen: set[str] = set()
    for chunk in chunks:
        if chunk.id not in seen:
            seen.add(chunk.id)
            yield chunk
