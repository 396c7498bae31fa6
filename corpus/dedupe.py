"""Merge the parses of one document coming from several sources: each unit once, with provenance.

Preference (best first), by how faithful each format is to the official text:
docx (official-format Word file) > pdf (printed from it; wrap repair can still misjoin lines)
> html (saved portal page) > json-tree (clean, ground-truth structure) > md > txt >
json-outline (article paragraphs only; site headings cut short) > json-decrees (glued "Mục"
headings, signature in the last article) > json-law-dict (articles only, no chapters).
The best source gives the chapters/sections and every article it holds; an article it lacks
(sanity fall-back) is taken from the next source that has it, and said so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from corpus.model import LegalUnit, SourceRef, UnitKind
from corpus.readers.base import FORMATS, SourceText

REASONS = {
    "docx": "Word is the official-format source",
    "pdf": "PDF printed from the official text (line wraps repaired)",
    "html": "page saved from an official portal",
    "json-tree": "structured JSON with character offsets (clean structure)",
    "md": "Markdown transcription",
    "txt": "plain-text transcription",
    "json-outline": "JSON outline from a legal site (commentary left out; headings may be cut short)",
    "json-decrees": "JSON article records (known glued headings and signature)",
    "json-law-dict": "JSON article dictionary (articles only, no chapters)",
}


@dataclass(frozen=True)
class Candidate:
    source: SourceText
    units: list[LegalUnit]

    @property
    def rank(self) -> int:
        return FORMATS.index(self.source.format) if self.source.format in FORMATS else len(FORMATS)

    def articles(self) -> dict[str, LegalUnit]:
        """Articles by number as written ("113", "33a")."""
        return {u.number: u for u in self.units if u.kind is UnitKind.ARTICLE}


def article_key(unit: LegalUnit) -> tuple[int, str]:
    """Sort key of the article a unit belongs to: ``...:d33a:k1`` -> (33, "a")."""
    segment = unit.id[len(unit.law_id) + 1 :].split(":", 1)[0]
    match = re.fullmatch(r"d(\d+)(\D*)", segment)
    return (int(match.group(1)), match.group(2)) if match else (0, "")


def _subtree(units: list[LegalUnit], article: LegalUnit) -> list[LegalUnit]:
    return [u for u in units if u.id == article.id or u.id.startswith(article.id + ":")]


def merge_candidates(candidates: list[Candidate]) -> tuple[list[LegalUnit], list[str]]:
    """One list of units for a document from every source that carried it."""
    ordered = sorted(candidates, key=lambda c: (c.rank, c.source.path))
    primary = ordered[0]
    warnings: list[str] = []
    carriers: dict[str, list[Candidate]] = {}
    for cand in ordered:
        for unit in cand.units:
            carriers.setdefault(unit.id, []).append(cand)

    chosen: dict[str, tuple[LegalUnit, Candidate]] = {}
    for unit in primary.units:
        chosen[unit.id] = (unit, primary)
    have = primary.articles()
    for cand in ordered[1:]:
        for number, art in cand.articles().items():
            if number in have:
                continue
            have[number] = art
            warnings.append(
                f"{art.law_id}: Điều {number} is missing in {primary.source.path}; "
                f"taken from {cand.source.path}"
            )
            for unit in _subtree(cand.units, art):
                parent_ok = (
                    unit.parent_id is None or unit.parent_id in chosen or unit.kind is not UnitKind.ARTICLE
                )
                chosen[unit.id] = (unit if parent_ok else replace(unit, parent_id=None), cand)

    out: list[LegalUnit] = []
    for unit, winner in _document_order(chosen):
        refs = tuple(
            SourceRef(
                path=c.source.path,
                format=c.source.format,
                chosen=c is winner,
                reason=REASONS.get(c.source.format, "") if c is winner else "",
            )
            for c in carriers.get(unit.id, [winner])
        )
        out.append(replace(unit, sources=refs))
    return out, warnings


def _document_order(chosen: dict[str, tuple[LegalUnit, Candidate]]) -> list[tuple[LegalUnit, Candidate]]:
    """Headings and articles in article order; appendices last (stable within a source)."""

    def key(item: tuple[int, tuple[LegalUnit, Candidate]]) -> tuple[int, tuple[int, str], int]:
        position, (unit, _) = item
        if unit.kind in (UnitKind.APPENDIX, UnitKind.APPENDIX_ROW):
            return (2, (0, ""), position)
        if unit.article is None:
            return (0, (0, ""), position)  # parts/chapters/sections: placed below, before their first article
        return (1, article_key(unit), position)

    items = sorted(enumerate(chosen.values()), key=key)
    # Re-interleave headings just before their first article, so the order reads as the law.
    headings = [it for it in items if key(it)[0] == 0]
    body = [it for it in items if key(it)[0] != 0]
    first_article_of: dict[str, int] = {}
    for _, (unit, _) in body:
        if unit.kind is UnitKind.ARTICLE and unit.article is not None:
            for label in unit.path:
                first_article_of.setdefault(label, unit.article)
    result: list[tuple[LegalUnit, Candidate]] = []
    pending = [(first_article_of.get(u.heading, 0), pos, (u, c)) for pos, (u, c) in headings]
    pending.sort(key=lambda p: (p[0], p[1]))
    for _, (unit, cand) in body:
        while pending and unit.article is not None and pending[0][0] <= unit.article:
            result.append(pending.pop(0)[2])
        result.append((unit, cand))
    result.extend(p[2] for p in pending)
    return result
