"""Publish a staged document, or roll a law back to its previous version; both recorded.

One publisher at a time (an exclusive, non-blocking lock: a second staff member is told to
wait, nothing is queued behind his back). Publishing stages the file again against the running
corpus, records the version, rebuilds the corpus into a temporary folder and swaps it in
(``corpus.build``); if anything fails the version is removed and the running corpus is the one
from before. Re-embedding is left to the index build, whose embedding cache makes it
incremental (only new or changed chunks are embedded).
"""

from __future__ import annotations

import fcntl
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from corpus.build import build_corpus
from corpus.errors import LegalAssistantError
from corpus.model import BuildReport, Document
from corpus.published import FILES_DIR, Version, load_versions, published_dir, save_versions
from corpus.settings import Settings
from corpus.staging import StageReport, stage_file
from corpus.store import load_corpus


class PublishError(LegalAssistantError):
    """Publishing or rolling back was refused; the message says why and what to do (Vietnamese)."""


@dataclass(frozen=True)
class PublishResult:
    version: Version
    stage: StageReport
    build: BuildReport


@contextmanager
def publish_lock(settings: Settings) -> Iterator[None]:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with (settings.data_dir / ".publish.lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PublishError(
                "Một cán bộ khác đang công bố văn bản. Hãy chờ vài phút rồi thử lại; "
                "kho dữ liệu hiện hành không thay đổi."
            ) from None
        yield


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _rebuild(settings: Settings) -> BuildReport:
    return build_corpus(
        settings.sources_dir,
        settings.corpus_dir,
        progress=False,
        published=published_dir(settings.data_dir),
        cache_dir=settings.cache_dir,
    )


def publish(
    settings: Settings,
    path: Path,
    document: Document,
    who: str,
    *,
    new_version: bool = False,
    timings: dict[str, float] | None = None,
) -> PublishResult:
    """Record ``path`` as the current text of ``document.law_id`` and rebuild the corpus.

    ``new_version``: the law is already in the corpus and this is its corrected/new text;
    ``timings``, when given, receives the seconds of checking and of rebuilding the corpus."""
    timings = timings if timings is not None else {}
    started = time.perf_counter()
    if not who.strip():
        raise PublishError("Thiếu tên người công bố; mỗi lần công bố phải ghi rõ ai thực hiện.")
    with publish_lock(settings):
        corpus = load_corpus(settings.corpus_dir)
        folder = published_dir(settings.data_dir)
        versions = load_versions(folder)
        mine = [v for v in versions if v.law_id == document.law_id]
        report = stage_file(
            path,
            corpus,
            replaces=document.replaces[0] if document.replaces else None,
            effective=document.effective,
            new_version=new_version,
        )
        if report.ok and report.law_id != document.law_id:
            report.errors.append(
                f"Số hiệu trong tệp ({report.law_id}) khác số hiệu đã khai ({document.law_id})."
            )
        if not report.ok:
            raise PublishError("Chưa thể công bố: " + " ".join(report.errors))
        vid = f"v{len(versions) + 1}"
        target = folder / FILES_DIR / vid / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        version = Version(
            vid, document.law_id, target.relative_to(folder).as_posix(), who, _now(), _document_row(document)
        )
        updated = [
            replace(v, status="superseded") if v in mine and v.status == "published" else v for v in versions
        ]
        save_versions(folder, [*updated, version])
        checked = time.perf_counter()
        timings["corpus_check_s"] = round(checked - started, 3)
        try:
            build = _rebuild(settings)
            timings["corpus_rebuild_s"] = round(time.perf_counter() - checked, 3)
        except Exception:
            save_versions(folder, versions)  # the old registry: the running corpus was not touched
            shutil.rmtree(target.parent, ignore_errors=True)
            raise
        return PublishResult(version, report, build)


def rollback(settings: Settings, law_id: str, who: str) -> Version | None:
    """Withdraw the current version of ``law_id``; its previous version (if any) becomes current.

    Returns the version now current, or None when the law goes back to the shared sources."""
    with publish_lock(settings):
        folder = published_dir(settings.data_dir)
        versions = load_versions(folder)
        live = [v for v in versions if v.law_id == law_id and v.status == "published"]
        if not live:
            raise PublishError(f"Không có phiên bản nào của {law_id} do cán bộ công bố để khôi phục.")
        older = [v for v in versions if v.law_id == law_id and v.status == "superseded"]
        back = older[-1] if older else None
        note = f"rút lại bởi {who} lúc {_now()}"
        updated = [
            replace(v, status="withdrawn", note=note)
            if v is live[-1]
            else replace(v, status="published")
            if v is back
            else v
            for v in versions
        ]
        save_versions(folder, updated)
        try:
            _rebuild(settings)
        except Exception:
            save_versions(folder, versions)
            raise
        return replace(back, status="published") if back else None


def _document_row(document: Document) -> dict[str, object]:
    row = asdict(document)
    for key in ("issued", "effective", "expired"):
        row[key] = row[key].isoformat() if row[key] else None
    for key in ("replaces", "replaced_by", "amended_by"):
        row[key] = list(row[key])
    return row
