"""The built corpus on disk and in memory.

Layout of a built corpus directory (written atomically by ``corpus build``):
- ``documents.jsonl``: one catalog ``Document`` per line (dates ISO);
- ``units.jsonl``: one ``LegalUnit`` per line, in document order;
- ``cross_references.jsonl``: one ``CrossReference`` per line;
- ``manifest.json``: package version, corpus hash, counts, build report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from corpus.errors import CorpusNotBuiltError, UnknownUnitError
from corpus.model import (
    ChangeKind,
    CrossReference,
    Document,
    LegalUnit,
    SourceRef,
    UnitChange,
    UnitKind,
    canonical_law_id,
    unit_id,
)

DOCUMENTS_FILE = "documents.jsonl"
UNITS_FILE = "units.jsonl"
XREFS_FILE = "cross_references.jsonl"
MANIFEST_FILE = "manifest.json"


class Corpus:
    """In-memory view of a built corpus with lookups by law / article / clause / point."""

    def __init__(
        self,
        documents: Iterable[Document],
        units: Iterable[LegalUnit],
        cross_references: Iterable[CrossReference] = (),
        manifest: dict[str, Any] | None = None,
    ) -> None:
        self.documents: dict[str, Document] = {d.law_id: d for d in documents}
        self.units: dict[str, LegalUnit] = {}
        self._children: dict[str, list[str]] = {}
        for unit in units:
            self.units[unit.id] = unit
            if unit.parent_id is not None:
                self._children.setdefault(unit.parent_id, []).append(unit.id)
        self.cross_references = list(cross_references)
        self.manifest = manifest or {}
        self._law_keys = {canonical_law_id(law): law for law in self.documents}
        # Units repealed or amended by a later provision (few): answers check their citations here.
        self.changed_units: tuple[LegalUnit, ...] = tuple(u for u in self.units.values() if u.changes)

    # --- lookups -------------------------------------------------------------
    def resolve_law(self, law_id: str) -> str:
        """Official spelling of a law id given in any case / normalisation form."""
        try:
            return self._law_keys[canonical_law_id(law_id)]
        except KeyError:
            raise UnknownUnitError(
                f"Không có văn bản {law_id!r} trong kho dữ liệu (law not in corpus)"
            ) from None

    def document(self, law_id: str) -> Document:
        return self.documents[self.resolve_law(law_id)]

    def get(
        self, law_id: str, article: int, clause: int | None = None, point: str | None = None
    ) -> LegalUnit:
        law = self.resolve_law(law_id)
        uid = unit_id(law, article, clause, point)
        try:
            return self.units[uid]
        except KeyError:
            raise UnknownUnitError(f"Không tìm thấy {uid} trong kho dữ liệu (unit not in corpus)") from None

    def has(self, law_id: str, article: int, clause: int | None = None, point: str | None = None) -> bool:
        try:
            self.get(law_id, article, clause, point)
        except UnknownUnitError:
            return False
        return True

    def children(self, uid: str) -> list[LegalUnit]:
        return [self.units[c] for c in self._children.get(uid, [])]

    def articles(self, law_id: str | None = None) -> list[LegalUnit]:
        law = self.resolve_law(law_id) if law_id is not None else None
        return [
            u
            for u in self.units.values()
            if u.kind is UnitKind.ARTICLE and (law is None or u.law_id == law)
        ]

    def iter_units(self, kind: UnitKind | None = None) -> Iterator[LegalUnit]:
        return (u for u in self.units.values() if kind is None or u.kind is kind)

    def in_force(self, law_id: str, day: date | None = None) -> bool:
        return self.document(law_id).in_force_on(day or date.today())

    def __len__(self) -> int:
        return len(self.units)


# --- (de)serialisation --------------------------------------------------------
def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UnitKind | ChangeKind):
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")


json_default = _json_default  # for other writers of the store's row format


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def document_from_dict(raw: dict[str, Any]) -> Document:
    return Document(
        law_id=raw["law_id"],
        doc_type=raw["doc_type"],
        title=raw["title"],
        issuer=raw.get("issuer", ""),
        issued=_date(raw.get("issued")),
        effective=_date(raw.get("effective")),
        expired=_date(raw.get("expired")),
        replaces=tuple(raw.get("replaces", ())),
        replaced_by=tuple(raw.get("replaced_by", ())),
        amended_by=tuple(raw.get("amended_by", ())),
        short_name=raw.get("short_name", ""),
        notes=raw.get("notes", ""),
    )


def unit_from_dict(raw: dict[str, Any]) -> LegalUnit:
    return LegalUnit(
        id=raw["id"],
        law_id=raw["law_id"],
        kind=UnitKind(raw["kind"]),
        number=raw["number"],
        title=raw["title"],
        text=raw["text"],
        parent_id=raw.get("parent_id"),
        path=tuple(raw.get("path", ())),
        article=raw.get("article"),
        clause=raw.get("clause"),
        point=raw.get("point"),
        sources=tuple(SourceRef(**s) for s in raw.get("sources", ())),
        references=tuple(raw.get("references", ())),
        changes=tuple(change_from_dict(c) for c in raw.get("changes", ())),
    )


def change_from_dict(raw: dict[str, Any]) -> UnitChange:
    return UnitChange(
        unit_id=raw["unit_id"],
        change=ChangeKind(raw["change"]),
        by=raw["by"],
        since=_date(raw.get("since")),
        instead=tuple(raw.get("instead", ())),
        notes=raw.get("notes", ""),
    )


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` gives, without its deep copies (a third of a corpus build)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def write_jsonl(path: Path, rows: Iterable[object]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(plain(row), ensure_ascii=False, default=_json_default))
            out.write("\n")


def save_corpus(corpus: Corpus, directory: Path) -> None:
    """Write the corpus files into ``directory`` (the caller makes the swap atomic)."""
    directory.mkdir(parents=True, exist_ok=True)
    write_jsonl(directory / DOCUMENTS_FILE, corpus.documents.values())
    write_jsonl(directory / UNITS_FILE, corpus.units.values())
    write_jsonl(directory / XREFS_FILE, corpus.cross_references)
    (directory / MANIFEST_FILE).write_text(
        json.dumps(corpus.manifest, ensure_ascii=False, indent=2, default=_json_default), encoding="utf-8"
    )


def load_corpus(directory: Path) -> Corpus:
    """Load a built corpus; a missing one raises ``CorpusNotBuiltError`` saying how to build it."""
    manifest_path = directory / MANIFEST_FILE
    if not manifest_path.is_file():
        raise CorpusNotBuiltError(
            f"Chưa có kho dữ liệu pháp luật tại {directory} (no built corpus). "
            "Run: legal-assistant corpus build"
        )
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))

    def rows(name: str) -> Iterator[dict[str, Any]]:
        with (directory / name).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)

    return Corpus(
        documents=(document_from_dict(r) for r in rows(DOCUMENTS_FILE)),
        units=(unit_from_dict(r) for r in rows(UNITS_FILE)),
        cross_references=(CrossReference(**r) for r in rows(XREFS_FILE)),
        manifest=manifest,
    )
