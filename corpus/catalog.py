"""The document catalog (``corpus/catalog.toml``): metadata of every known legal document."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from corpus.errors import SourceError
from corpus.model import ChangeKind, Document, UnitChange

CATALOG_PATH = Path(__file__).with_name("catalog.toml")
_ALLOWED = {
    "law_id",
    "doc_type",
    "title",
    "short_name",
    "issuer",
    "issued",
    "effective",
    "expired",
    "replaces",
    "replaced_by",
    "amended_by",
    "notes",
    "text",
}


def _date(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    raise SourceError(where, f"expected a TOML date (YYYY-MM-DD), got {value!r}")


def _document(raw: dict[str, Any], where: str) -> Document:
    unknown = set(raw) - _ALLOWED
    if unknown:
        raise SourceError(where, f"unknown catalog fields {sorted(unknown)}; allowed: {sorted(_ALLOWED)}")
    return Document(
        law_id=raw["law_id"],
        doc_type=raw["doc_type"],
        title=raw["title"],
        issuer=raw.get("issuer", ""),
        issued=_date(raw.get("issued"), where),
        effective=_date(raw.get("effective"), where),
        expired=_date(raw.get("expired"), where),
        replaces=tuple(raw.get("replaces", ())),
        replaced_by=tuple(raw.get("replaced_by", ())),
        amended_by=tuple(raw.get("amended_by", ())),
        short_name=raw.get("short_name", ""),
        notes=raw.get("notes", ""),
    )


def _entries(path: Path, table: str = "document") -> list[dict[str, Any]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return list(data.get(table, []))


_CHANGE_FIELDS = {"unit", "change", "by", "since", "instead", "notes"}


def load_unit_changes(path: Path = CATALOG_PATH) -> list[UnitChange]:
    """The ``[[unit_change]]`` entries: repeals/amendments of units by later provisions."""
    out: list[UnitChange] = []
    for position, raw in enumerate(_entries(path, "unit_change")):
        where = f"{path.name}: unit_change {position + 1} ({raw.get('unit', '?')})"
        unknown = set(raw) - _CHANGE_FIELDS
        if unknown:
            raise SourceError(where, f"unknown fields {sorted(unknown)}; allowed: {sorted(_CHANGE_FIELDS)}")
        if not raw.get("unit") or not raw.get("by"):
            raise SourceError(where, "'unit' and 'by' are required (unit ids such as 135/2020/NĐ-CP:d3:k2)")
        try:
            change = ChangeKind(raw.get("change", ""))
        except ValueError:
            raise SourceError(
                where, f"change {raw.get('change')!r} is not one of {[k.value for k in ChangeKind]}"
            ) from None
        out.append(
            UnitChange(
                unit_id=raw["unit"],
                change=change,
                by=raw["by"],
                since=_date(raw.get("since"), where),
                instead=tuple(raw.get("instead", ())),
                notes=raw.get("notes", ""),
            )
        )
    return out


def check_replacement_dates(catalog: dict[str, Document]) -> list[str]:
    """Problems with "replaces": a document cannot take effect before the one it replaces."""
    problems = []
    for doc in catalog.values():
        for old_id in doc.replaces:
            old = catalog.get(old_id)
            if old is None:
                continue
            if doc.effective and old.effective and doc.effective < old.effective:
                problems.append(
                    f"{doc.law_id}: in force from {doc.effective} but replaces {old_id}, "
                    f"in force only from {old.effective}; check the dates"
                )
            if doc.law_id not in old.replaced_by:
                problems.append(f"{old_id}: replaced by {doc.law_id} but its replaced_by does not say so")
    return problems


def load_catalog(path: Path = CATALOG_PATH) -> dict[str, Document]:
    """All catalog documents by official law id (including replacement targets without text)."""
    out: dict[str, Document] = {}
    for position, raw in enumerate(_entries(path)):
        doc = _document(raw, f"{path.name}: document {position + 1} ({raw.get('law_id', '?')})")
        if doc.law_id in out:
            raise SourceError(path.name, f"{doc.law_id} is listed twice")
        out[doc.law_id] = doc
    problems = check_replacement_dates(out)
    if problems:
        raise SourceError(path.name, "; ".join(problems))
    return out


def documents_without_text(path: Path = CATALOG_PATH) -> set[str]:
    """Law ids the catalog lists only as replacement targets (``text = false``)."""
    return {raw["law_id"] for raw in _entries(path) if raw.get("text") is False}
