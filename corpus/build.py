"""Build the corpus: read every source, parse, de-duplicate, resolve cross-references, write.

The build writes into a temporary directory beside the target and swaps it in at the end, so
a failed or interrupted build never leaves a half-written corpus. A bad source file is
reported (file + problem) and skipped; the rest is still built.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpus.catalog import CATALOG_PATH, documents_without_text, load_catalog, load_unit_changes
from corpus.crossrefs import resolve_all
from corpus.dedupe import Candidate, merge_candidates
from corpus.errors import SourceError
from corpus.model import (
    BuildReport,
    CrossReference,
    Document,
    LegalUnit,
    UnitChange,
    UnitKind,
    canonical_law_id,
)
from corpus.normalize import normalize_text
from corpus.published import current, load_versions, overlay_catalog, published_dir, registry_hash
from corpus.read_cache import SourceCache
from corpus.readers import SUFFIXES, SourceText, read_source
from corpus.roadmap import split_roadmap_rows
from corpus.settings import Settings
from corpus.store import MANIFEST_FILE, Corpus, load_corpus, save_corpus
from corpus.structure import parse_structure

# Files in the sources folder that describe it rather than hold a legal text.
IGNORED_NAMES = {"SOURCES.md", "README.md", "LICENSE", ".DS_Store"}
PACKAGE_DIR = Path(__file__).resolve().parent


def source_files(sources_dir: Path) -> list[Path]:
    return sorted(
        p
        for p in sources_dir.rglob("*")
        if p.is_file() and p.name not in IGNORED_NAMES and not p.name.startswith(".")
    )


def _digest(paths: list[Path], root: Path) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.relative_to(root).as_posix().encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]


def sources_hash(sources_dir: Path) -> str:
    """Content hash of every source file (names and bytes)."""
    return _digest(source_files(sources_dir), sources_dir)


def code_version() -> str:
    """Hash of the corpus code and catalog: a change in either makes a built corpus stale."""
    files = sorted([*PACKAGE_DIR.rglob("*.py"), CATALOG_PATH])
    return _digest(files, PACKAGE_DIR)


def _parse(source: SourceText) -> list[LegalUnit]:
    if not source.law_id:
        raise SourceError(source.path, 'no document number found ("Luật số: ...", "Số: ...")')
    result = parse_structure(source.law_id, normalize_text(source.text), source.articles)
    if not any(u.kind is UnitKind.ARTICLE for u in result.units):
        raise SourceError(source.path, f'no recognisable article ("Điều N. ...") in {source.law_id}')
    return result.units


def _read_all(
    sources_dir: Path, report: BuildReport, progress: bool, reader: SourceCache | None = None
) -> dict[str, list[Candidate]]:
    from tqdm import tqdm

    reader = reader or SourceCache(None)
    files = source_files(sources_dir)
    by_law: dict[str, list[Candidate]] = {}
    for path in tqdm(
        files, desc="corpus: reading sources", unit="file", file=sys.stderr, disable=not progress
    ):
        if not path.name.lower().endswith(SUFFIXES):
            report.skipped.append(
                str(
                    SourceError(
                        path.relative_to(sources_dir).as_posix(),
                        f"unknown format {path.suffix or '(no extension)'!r}",
                    )
                )
            )
            continue
        try:
            parsed = reader.read(path, sources_dir, _parse)
        except SourceError as exc:
            report.skipped.append(str(exc))
            continue
        for text, units in parsed:
            report.warnings.extend(text.warnings)
            if isinstance(units, str):  # the parser refused this text
                report.skipped.append(units)
                continue
            by_law.setdefault(canonical_law_id(text.law_id or ""), []).append(Candidate(text, units))
    return by_law


def _document_for(
    law_key: str, candidates: list[Candidate], catalog: dict[str, Document], report: BuildReport
) -> Document:
    keys = {canonical_law_id(k): d for k, d in catalog.items()}
    if law_key in keys:
        return keys[law_key]
    law = candidates[0].source.law_id or law_key
    report.warnings.append(f"{law}: not in corpus/catalog.toml; listed without dates (status unknown)")
    return Document(
        law_id=law,
        doc_type="",
        title=candidates[0].source.title or law,
        issuer="",
        issued=None,
        effective=None,
        notes="Not in the catalog.",
    )


def _with_references(units: list[LegalUnit], xrefs: list[CrossReference]) -> list[LegalUnit]:
    targets: dict[str, list[str]] = {}
    for ref in xrefs:
        if ref.target_id is not None and ref.target_id not in targets.setdefault(ref.source_id, []):
            targets[ref.source_id].append(ref.target_id)
    return [replace(u, references=tuple(targets[u.id])) if targets.get(u.id) else u for u in units]


def with_changes(
    units: list[LegalUnit], changes: list[UnitChange], catalog: dict[str, Document]
) -> tuple[list[LegalUnit], list[str]]:
    """Attach each repeal/amendment to the unit it names and to the units inside it.

    A change of a document that is not built is left out; one naming a unit that its built
    document lacks, or a changing provision of an unknown law, is reported and left out."""
    ids = {u.id for u in units}
    laws = {u.law_id for u in units}
    kept: list[UnitChange] = []
    warnings: list[str] = []
    for change in changes:
        where = f"{CATALOG_PATH.name}: unit_change {change.unit_id}"
        if change.unit_id.split(":", 1)[0] not in laws:
            continue
        if change.unit_id not in ids:
            warnings.append(f"{where}: unit not in the built corpus; change left out (check the unit id)")
            continue
        unknown = [
            t for t in (change.by, *change.instead) if t not in ids and t.split(":", 1)[0] not in catalog
        ]
        if unknown:
            warnings.append(
                f"{where}: {', '.join(unknown)} neither in the corpus nor in the catalog; left out"
            )
            continue
        kept.append(change)
    out = []
    for unit in units:
        mine = tuple(c for c in kept if unit.id == c.unit_id or unit.id.startswith(c.unit_id + ":"))
        out.append(replace(unit, changes=mine) if mine else unit)
    return out, warnings


def _read_published(folder: Path, report: BuildReport, by_law: dict[str, list[Candidate]]) -> list[str]:
    """The current published version of each law replaces every other source of that law."""
    ids = []
    for version in current(load_versions(folder)):
        try:
            texts = read_source(folder / version.file, folder)
            for text in texts:
                text = replace(text, path=f"published/{text.path}", law_id=version.law_id)
                by_law[canonical_law_id(version.law_id)] = [Candidate(text, _parse(text))]
        except SourceError as exc:
            report.skipped.append(f"published/{exc}")
            continue
        ids.append(version.id)
    return ids


def assemble(
    sources_dir: Path,
    report: BuildReport,
    progress: bool = False,
    published: Path | None = None,
    cache_dir: Path | None = None,
) -> Corpus:
    """Everything but the writing: the in-memory corpus built from ``sources_dir`` (and the
    documents published by staff under ``published``); ``cache_dir`` keeps what the readers
    extracted from each source file (``corpus.read_cache``)."""
    versions = load_versions(published) if published is not None else []
    catalog = overlay_catalog(load_catalog(), versions)
    reader = SourceCache(cache_dir, code_version())
    by_law = _read_all(sources_dir, report, progress, reader)
    reader.prune()
    published_ids = _read_published(published, report, by_law) if published is not None else []
    documents: list[Document] = []
    units: list[LegalUnit] = []
    provenance: dict[str, Any] = {}
    order = {canonical_law_id(k): i for i, k in enumerate(catalog)}
    for key in sorted(by_law, key=lambda k: (order.get(k, len(order)), k)):
        candidates = by_law[key]
        doc = _document_for(key, candidates, catalog, report)
        # Re-key units to the catalog's official spelling of the law id.
        candidates = [
            Candidate(c.source, [_rekey(u, doc.law_id) for u in c.units])
            if c.source.law_id != doc.law_id
            else c
            for c in candidates
        ]
        merged, warnings = merge_candidates(candidates)
        merged, table_warnings = split_roadmap_rows(merged)
        report.warnings.extend(warnings + table_warnings)
        documents.append(doc)
        units.extend(merged)
        provenance[doc.law_id] = {
            "sources": [
                {
                    "path": c.source.path,
                    "format": c.source.format,
                    "articles": sum(u.kind is UnitKind.ARTICLE for u in c.units),
                }
                for c in candidates
            ],
            "chosen": min(candidates, key=lambda c: (c.rank, c.source.path)).source.path,
        }
    if versions:  # a published document may replace one that the catalog does not list
        built = overlay_catalog({d.law_id: d for d in documents}, versions)
        documents = [built[d.law_id] for d in documents]
    xrefs = resolve_all(units, {**catalog, **{d.law_id: d for d in documents}})
    units = _with_references(units, xrefs)
    units, change_warnings = with_changes(units, load_unit_changes(), catalog)
    report.warnings.extend(change_warnings)
    report.documents = len(documents)
    report.articles = sum(u.kind is UnitKind.ARTICLE for u in units)
    counts = {kind.value: sum(u.kind is kind for u in units) for kind in UnitKind}
    manifest = {
        "code_version": code_version(),
        "sources_hash": sources_hash(sources_dir),
        "sources_dir": str(sources_dir),
        "published": published_ids,
        "published_hash": registry_hash(published),
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "counts": {
            "documents": len(documents),
            **counts,
            "cross_references": len(xrefs),
            "resolved_cross_references": sum(x.target_id is not None for x in xrefs),
        },
        "catalog_only": sorted(documents_without_text() - {d.law_id for d in documents}),
        "documents": provenance,
    }
    return Corpus(documents, units, xrefs, manifest)


def _rekey(unit: LegalUnit, law_id: str) -> LegalUnit:
    old = unit.law_id

    def fix(uid: str | None) -> str | None:
        return law_id + uid[len(old) :] if uid is not None and uid.startswith(old + ":") else uid

    return replace(unit, id=fix(unit.id) or unit.id, law_id=law_id, parent_id=fix(unit.parent_id))


def build_corpus(
    sources_dir: Path,
    out_dir: Path,
    *,
    progress: bool = True,
    published: Path | None = None,
    cache_dir: Path | None = None,
) -> BuildReport:
    """Build the corpus from ``sources_dir`` (and ``published``) into ``out_dir`` atomically."""
    started = time.perf_counter()
    if not sources_dir.is_dir():
        raise SourceError(str(sources_dir), "sources folder not found", "set LEGAL_ASSISTANT_SOURCES_DIR")
    report = BuildReport()
    corpus = assemble(sources_dir, report, progress, published, cache_dir)
    if not corpus.units:
        raise SourceError(
            str(sources_dir), "no legal document could be read; nothing built", "; ".join(report.skipped[:5])
        )
    report.seconds = round(time.perf_counter() - started, 2)
    corpus.manifest["report"] = asdict(report)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        save_corpus(corpus, tmp)
        _swap(tmp, out_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return report


def _swap(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` with renames (the old corpus stays whole until the last step)."""
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def is_stale(settings: Settings) -> bool:
    manifest_path = settings.corpus_dir / MANIFEST_FILE
    if not manifest_path.is_file():
        return True
    import json

    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    return (
        manifest.get("code_version") != code_version()
        or manifest.get("sources_hash") != sources_hash(settings.sources_dir)
        or manifest.get("published_hash", "") != registry_hash(published_dir(settings.data_dir))
    )


def ensure_corpus(settings: Settings) -> Corpus:
    """Load the corpus, building it first when missing or stale (one builder at a time)."""
    import fcntl

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with (settings.data_dir / ".corpus.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if is_stale(settings):
            build_corpus(
                settings.sources_dir,
                settings.corpus_dir,
                progress=False,
                published=published_dir(settings.data_dir),
                cache_dir=settings.cache_dir,
            )
    return load_corpus(settings.corpus_dir)
