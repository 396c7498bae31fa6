"""The document catalog (``corpus/catalog.toml``): metadata of every known legal document."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

from corpus.errors import SourceError
from corpus.model import Document

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


def _entries(path: Path) -> list[dict[str, Any]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return list(data.get("document", []))


def load_catalog(path: Path = CATALOG_PATH) -> dict[str, Document]:
    """All catalog documents by official law id (including replacement targets without text)."""
    out: dict[str, Document] = {}
    for position, raw in enumerate(_entries(path)):
        doc = _document(raw, f"{path.name}: document {position + 1} ({raw.get('law_id', '?')})")
        if doc.law_id in out:
            raise SourceError(path.name, f"{doc.law_id} is listed twice")
        out[doc.law_id] = doc
    return out


def documents_without_text(path: Path = CATALOG_PATH) -> set[str]:
    """Law ids the catalog lists only as replacement targets (``text = false``)."""
    return {raw["law_id"] for raw in _entries(path) if raw.get("text") is False}
