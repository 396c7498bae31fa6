"""The index manifest: what an index was built from; loading refuses any mismatch."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from corpus.errors import IndexNotBuiltError
from corpus.model import UnitKind
from corpus.store import Corpus

MANIFEST_FILE = "manifest.json"
REBUILD_HINT = "run: legal-assistant index build"
# Keys that must match between the manifest on disk and the current configuration.
CHECKED_KEYS = (
    "format",
    "model_id",
    "dimension",
    "analyzer_version",
    "stopwords_hash",
    "synonyms_hash",
    "accent_phrases_hash",
    "chunking",
    "bm25",
    "corpus_hash",
    "libraries",
    "package_version",
)


def library_versions() -> dict[str, str]:
    versions = {}
    for name in ("bm25s", "faiss-cpu", "underthesea"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def package_version() -> str:
    try:
        return metadata.version("legal-assistant")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def corpus_hash(corpus: Corpus) -> str:
    """Content hash of the units that get indexed (law, id, title, text) and the catalog dates."""
    digest = hashlib.sha256()
    for law, doc in sorted(corpus.documents.items()):
        digest.update(f"{law}|{doc.title}|{doc.doc_type}|{doc.effective}|{doc.expired}\n".encode())
    for unit in corpus.units.values():
        if unit.kind in (UnitKind.PART, UnitKind.CHAPTER, UnitKind.SECTION):
            continue
        digest.update(f"{unit.id}|{unit.title}|{'/'.join(unit.path)}|{unit.text}\n".encode())
    return digest.hexdigest()[:16]


def write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2)
    (directory / MANIFEST_FILE).write_text(text, encoding="utf-8")


def read_manifest(directory: Path) -> dict[str, Any]:
    path = directory / MANIFEST_FILE
    if not path.is_file():
        raise IndexNotBuiltError(
            f"Chưa có chỉ mục tìm kiếm tại {directory} (no search index); {REBUILD_HINT}"
        )
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise IndexNotBuiltError(f"{path}: unreadable manifest ({exc}); {REBUILD_HINT}") from exc
    return data


def mismatches(found: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    return [
        f"{key}: index has {found.get(key)!r}, expected {expected.get(key)!r}"
        for key in CHECKED_KEYS
        if found.get(key) != expected.get(key)
    ]


def check_manifest(directory: Path, expected: dict[str, Any]) -> dict[str, Any]:
    """The manifest on disk, or ``IndexNotBuiltError`` naming each mismatch and how to rebuild."""
    found = read_manifest(directory)
    problems = mismatches(found, expected)
    if problems:
        raise IndexNotBuiltError(
            f"Chỉ mục tìm kiếm tại {directory} đã cũ (stale index: {'; '.join(problems)}); {REBUILD_HINT}"
        )
    return found
