"""Document management for union legal staff (role ``admin``): the application layer that the
API (``ui.api.documents``) and the web tab (``ui.web.documents_tab``) both call.

- ``stage_upload`` / ``restage``: keep the uploaded file under ``<data>/published/staging/<id>/``
  and return the parse report (``corpus.staging``); nothing reaches the running corpus.
- ``publish_staged`` / ``rollback_law``: run ``legal-assistant index publish|rollback`` in a
  child process (the rebuild takes the CPU, not this process's interpreter lock, so answering
  goes on), then swap the rebuilt corpus and index into the running service (no restart).
  One publisher per process at a time; a second is told to wait (``BUSY``), nothing queued.
- ``versions``: the publishing record (who, when, what, status).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from assistant.service.errors import ConflictError, InvalidRequestError, NotFoundError, PermissionDeniedError
from assistant.service.results import UserInfo
from corpus.published import Version, load_versions, published_dir
from corpus.staging import MAX_UPLOAD_BYTES, StageReport, stage_file

BUSY = (
    "Một cán bộ khác đang công bố văn bản. Hãy chờ vài phút rồi thử lại; "
    "kho dữ liệu hiện hành không thay đổi."
)
_SAFE_NAME = re.compile(r"[^\w.\-]+")
_STAGING_ID = re.compile(r"^[0-9a-f]{32}$")
_SWAP_LOCK = threading.Lock()


@dataclass(frozen=True)
class Metadata:
    """Catalog metadata staff give when publishing (the ``corpus.model.Document`` fields)."""

    law_id: str
    doc_type: str
    title: str
    issuer: str
    effective: date
    issued: date | None = None
    replaces: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()
    new_version: bool = False


@dataclass(frozen=True)
class Staged:
    staging_id: str
    report: StageReport


def require_admin(user: UserInfo | None) -> UserInfo:
    if user is None:
        raise PermissionDeniedError("Vui lòng đăng nhập bằng mã của cán bộ pháp chế (quản trị viên).")
    if user.role != "admin":
        raise PermissionDeniedError("Chỉ quản trị viên (cán bộ pháp chế) được quản lý văn bản.")
    return user


def publishing_now() -> bool:
    """True while a publish or rollback runs in this process."""
    return _SWAP_LOCK.locked()


def staging_dir(service: Any, staging_id: str) -> Path:
    if not _STAGING_ID.match(staging_id or ""):
        raise InvalidRequestError("Mã tệp tải lên không hợp lệ; hãy tải tệp lên lại.")
    return published_dir(service.settings.data_dir) / "staging" / staging_id


def _staged_file(service: Any, staging_id: str) -> Path:
    files = sorted(p for p in staging_dir(service, staging_id).glob("*") if p.is_file())
    if not files:
        raise NotFoundError("Không tìm thấy tệp đã tải lên với mã này; hãy tải lên lại.")
    return files[0]


def _new_staging(service: Any, filename: str) -> tuple[str, Path]:
    staging_id = uuid.uuid4().hex
    folder = staging_dir(service, staging_id)
    folder.mkdir(parents=True)
    return staging_id, folder / (_SAFE_NAME.sub("_", Path(filename).name) or "tai-len")


def stage_upload(
    service: Any,
    filename: str,
    body: bytes | Path,
    *,
    replaces: str | None = None,
    effective: date | None = None,
    new_version: bool = False,
) -> Staged:
    """Keep the upload (bytes, or a file the web server already received) and parse it.

    A file over the limit is reported without being copied."""
    if isinstance(body, Path) and body.is_file() and body.stat().st_size > MAX_UPLOAD_BYTES:
        report = stage_file(body, service.corpus)
        report.file = Path(filename).name
        return Staged("", report)
    staging_id, path = _new_staging(service, filename)
    if isinstance(body, Path):
        shutil.copyfile(body, path)
    else:
        path.write_bytes(body)
    report = stage_file(path, service.corpus, replaces=replaces, effective=effective, new_version=new_version)
    return Staged(staging_id, report)


def restage(
    service: Any,
    staging_id: str,
    *,
    replaces: str | None = None,
    effective: date | None = None,
    new_version: bool = False,
) -> StageReport:
    """Check the kept upload again with the metadata filled in since (diff, dates, number)."""
    path = _staged_file(service, staging_id)
    return stage_file(path, service.corpus, replaces=replaces, effective=effective, new_version=new_version)


REBUILD_NICENESS = 10  # the rebuild yields the CPU to the threads answering questions


def _index_command(settings: Any, args: list[str]) -> dict[str, Any]:
    """Run ``legal-assistant index publish|rollback --json`` in a child process, at a lower CPU
    priority than this process's request threads (``python -m indexing.cli``: the indexing
    layer's own commands, so this layer does not call up into the console script in ``ui``)."""
    env = {**os.environ}
    for name in ("sources_dir", "data_dir", "embedder", "embedder_model"):
        env[f"LEGAL_ASSISTANT_{name.upper()}"] = str(getattr(settings, name))
    done = subprocess.run(
        [sys.executable, "-m", "indexing.cli", "index", *args, "--json", "--nice", str(REBUILD_NICENESS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    try:
        data: dict[str, Any] = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        data = {}
    if done.returncode != 0:
        raise ConflictError(data.get("error") or f"Công bố thất bại: {done.stderr.strip()[-500:]}")
    return data


def swap_pipeline(service: Any) -> dict[str, float]:
    """Load the rebuilt corpus and index and have the service answer from them (no restart).

    Goes through ``service.use_pipeline`` (the web UI holds a proxy of the service, on which
    setting attributes would not reach the real one). Returns the seconds of each step."""
    from assistant.stack import build_stack
    from corpus.store import load_corpus

    started = time.perf_counter()
    corpus = load_corpus(service.settings.corpus_dir)
    loaded = time.perf_counter()
    embedder = getattr(getattr(service.pipeline, "retriever", None), "embedder", None)  # model stays loaded
    pipeline = build_stack(service.settings, corpus=corpus, build_missing=False, embedder=embedder).pipeline
    service.use_pipeline(pipeline, corpus)
    return {"swap_load_corpus_s": loaded - started, "swap_load_pipeline_s": time.perf_counter() - loaded}


def _publish_args(path: Path, meta: Metadata, who: str) -> list[str]:
    args = ["publish", str(path), "--law-id", meta.law_id.strip(), "--type", meta.doc_type.strip()]
    args += ["--title", meta.title.strip(), "--issuer", meta.issuer.strip()]
    args += ["--effective", meta.effective.isoformat(), "--who", who]
    args += ["--issued", meta.issued.isoformat()] if meta.issued else []
    args += [item for law in meta.replaces if law.strip() for item in ("--replaces", law.strip())]
    args += [item for law in meta.replaced_by if law.strip() for item in ("--replaced-by", law.strip())]
    return args + (["--new-version"] if meta.new_version else [])


def _locked(service: Any, args: list[str]) -> dict[str, Any]:
    if not _SWAP_LOCK.acquire(blocking=False):
        raise ConflictError(BUSY)
    try:
        started = time.perf_counter()
        result = _index_command(service.settings, args)
        child_s = time.perf_counter() - started
        swap = swap_pipeline(service)
    finally:
        _SWAP_LOCK.release()
    timings = {"child_total_s": child_s, **result.pop("timings", {}), **swap}
    return {**result, "timings": timings}


def publish_staged(service: Any, staging_id: str, meta: Metadata, user: UserInfo | None) -> dict[str, Any]:
    """Record and publish the kept upload under ``meta``; the service answers from it afterwards.

    Refused (``ConflictError`` with the reasons) when the staging checks fail or another staff
    member is publishing; the running corpus is then unchanged."""
    who = require_admin(user).name
    path = _staged_file(service, staging_id)
    report = restage(
        service,
        staging_id,
        replaces=next(iter(meta.replaces), None),
        effective=meta.effective,
        new_version=meta.new_version,
    )
    if not report.ok:  # refused here, without starting a rebuild (the child checks again)
        raise ConflictError("Chưa thể công bố: " + " ".join(report.errors))
    return _locked(service, _publish_args(path, meta, who))


def rollback_law(service: Any, law_id: str, user: UserInfo | None) -> dict[str, Any]:
    """Withdraw the current published version of ``law_id``; its previous version comes back."""
    who = require_admin(user).name
    law_id = (law_id or "").strip()
    if not law_id:
        raise InvalidRequestError("Hãy chọn văn bản cần khôi phục về phiên bản trước.")
    return {"law_id": law_id, **_locked(service, ["rollback", law_id, "--who", who])}


def versions(service: Any, user: UserInfo | None) -> list[Version]:
    require_admin(user)
    return load_versions(published_dir(service.settings.data_dir))
