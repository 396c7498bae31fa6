"""Documents published by union legal staff: a versioned registry beside the built corpus.

Layout of ``<data_dir>/published/``:
- ``registry.json``: every version ever published, oldest first, with who/when/what and its
  catalog metadata; a version is ``published`` (current), ``superseded`` (an older text of the
  same law) or ``withdrawn`` (rolled back);
- ``files/<version id>/<file name>``: the uploaded file, kept as uploaded.

The corpus build reads the current version of each law from here next to the shared sources;
its metadata overrides nothing in ``corpus/catalog.toml`` except the law it describes and the
``replaced_by``/``expired`` of the documents it replaces.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from corpus.model import Document
from corpus.store import document_from_dict

REGISTRY_FILE = "registry.json"
FILES_DIR = "files"


@dataclass(frozen=True)
class Version:
    id: str  # "v3"
    law_id: str
    file: str  # relative to the published folder: "files/v3/luat.docx"
    who: str
    at: str  # ISO timestamp (UTC)
    document: dict[str, Any]  # catalog metadata, the Document fields
    status: str = "published"  # published | superseded | withdrawn
    note: str = ""

    def catalog_document(self) -> Document:
        return document_from_dict(self.document)


def published_dir(data_dir: Path) -> Path:
    return data_dir / "published"


def load_versions(folder: Path) -> list[Version]:
    path = folder / REGISTRY_FILE
    if not path.is_file():
        return []
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [Version(**row) for row in raw.get("versions", [])]


def save_versions(folder: Path, versions: list[Version]) -> None:
    """Write the registry atomically (a reader sees the old or the new file, never half)."""
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{REGISTRY_FILE}.{os.getpid()}"
    rows = [v.__dict__ for v in versions]
    tmp.write_text(json.dumps({"versions": rows}, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / REGISTRY_FILE)


def current(versions: list[Version]) -> list[Version]:
    return [v for v in versions if v.status == "published"]


def overlay_catalog(catalog: dict[str, Document], versions: list[Version]) -> dict[str, Document]:
    """The catalog with the published documents added and their predecessors marked replaced."""
    out = dict(catalog)
    for version in current(versions):
        doc = version.catalog_document()
        out[doc.law_id] = doc
        for old_id in doc.replaces:
            old = out.get(old_id)
            if old is None:
                continue
            expired: date | None = old.expired or doc.effective
            replaced_by = old.replaced_by if doc.law_id in old.replaced_by else (*old.replaced_by, doc.law_id)
            out[old_id] = replace(old, expired=expired, replaced_by=replaced_by)
    return out


def registry_hash(folder: Path | None) -> str:
    """Changes whenever a version is published or rolled back (part of the corpus staleness key)."""
    if folder is None or not (folder / REGISTRY_FILE).is_file():
        return ""
    import hashlib

    return hashlib.sha256((folder / REGISTRY_FILE).read_bytes()).hexdigest()[:16]
