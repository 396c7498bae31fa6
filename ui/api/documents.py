"""Document management for union legal staff (role ``admin``) under ``/v1/admin/documents``.

- ``POST /stage?filename=...``: the raw file as the request body (no multipart dependency);
  returns the parse report (counts per level, warnings, errors, diff) and a staging id.
- ``POST /publish``: staging id + catalog metadata; records the version (who = the caller),
  rebuilds corpus and index in a child process (only new or changed chunks are embedded) and
  swaps the new pipeline into the running service: requests in flight finish on the old one.
- ``POST /rollback``: withdraws the current published version of a law; same swap.
- ``GET /versions``: the publishing record (who, when, what, status).

The logic lives in ``corpus.staging``, ``corpus.publish`` and ``indexing.publishing``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import uuid
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from corpus.published import load_versions, published_dir
from corpus.staging import MAX_UPLOAD_BYTES, StageReport, stage_file
from ui.api.deps import get_service
from ui.api.responses import _Out, errors
from ui.application import AssistantService
from ui.auth import bearer_token
from ui.errors import ConflictError, InvalidRequestError, NotFoundError, PermissionDeniedError
from ui.results import UserInfo

router = APIRouter(prefix="/v1/admin/documents", tags=["quản trị văn bản"])
UPLOAD_PATH = "/v1/admin/documents/stage"  # reads its body under MAX_UPLOAD_BYTES, not the API's limit
_SAFE_NAME = re.compile(r"[^\w.\-]+")
_SWAP_LOCK = threading.Lock()
_BUSY = (
    "Một cán bộ khác đang công bố văn bản. Hãy chờ vài phút rồi thử lại; "
    "kho dữ liệu hiện hành không thay đổi."
)


def admin_user(request: Request) -> UserInfo:
    user = get_service(request).authenticate(bearer_token(request.headers.get("authorization")))
    if user.role != "admin":
        raise PermissionDeniedError("Chỉ quản trị viên (cán bộ pháp chế) được quản lý văn bản.")
    return user


Service = Annotated[AssistantService, Depends(get_service)]
Admin = Annotated[UserInfo, Depends(admin_user)]


class PublishRequest(BaseModel):
    staging_id: str = Field(pattern=r"^[0-9a-f]{32}$")
    law_id: str = Field(min_length=3, max_length=60)
    doc_type: str = Field(min_length=2, max_length=40)
    title: str = Field(min_length=3, max_length=500)
    issuer: str = Field(min_length=2, max_length=200)
    issued: date | None = None
    effective: date
    replaces: list[str] = Field(default_factory=list, max_length=10)
    new_version: bool = False


class RollbackRequest(BaseModel):
    law_id: str = Field(min_length=3, max_length=60)


def _staging_dir(service: AssistantService, staging_id: str) -> Path:
    return published_dir(service.settings.data_dir) / "staging" / staging_id


def _report_json(report: StageReport) -> dict[str, Any]:
    data = {k: v for k, v in asdict(report).items() if k != "units"}
    return {**data, "ok": report.ok}


async def _read_limited(request: Request) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise InvalidRequestError(
                f"Tệp vượt giới hạn {MAX_UPLOAD_BYTES // 1024 // 1024} MB; hãy tách phụ lục rồi tải lại."
            )
        chunks.append(chunk)
    return b"".join(chunks)


class StageResponse(_Out):
    staging_id: str = Field(description="Mã tệp đã tải lên, dùng khi công bố")


class PublishResponse(_Out):
    """What the child process reported (version, counts, seconds)."""


class RollbackResponse(_Out):
    law_id: str


class VersionsResponse(_Out):
    versions: list[dict[str, Any]] = Field(description="Ai công bố, khi nào, văn bản nào, trạng thái")


STAFF_ERRORS = errors(401, 403, 409)


@router.post(
    "/stage",
    summary="Tải lên và kiểm tra một văn bản (chưa công bố)",
    response_model=StageResponse,
    responses=STAFF_ERRORS,
)
async def stage(
    request: Request,
    service: Service,
    user: Admin,
    filename: Annotated[str, Query(min_length=1, max_length=200)],
    replaces: str | None = None,
    effective: date | None = None,
    new_version: bool = False,
) -> dict[str, Any]:
    body = await _read_limited(request)
    staging_id = uuid.uuid4().hex
    folder = _staging_dir(service, staging_id)
    folder.mkdir(parents=True)
    path = folder / (_SAFE_NAME.sub("_", Path(filename).name) or "tai-len")
    path.write_bytes(body)
    report = stage_file(path, service.corpus, replaces=replaces, effective=effective, new_version=new_version)
    return {"staging_id": staging_id, **_report_json(report)}


def _swap_pipeline(service: AssistantService) -> None:
    """Load the rebuilt corpus and index and point the service at them (no restart).

    The assignment is atomic: a request already in the old pipeline finishes there. The
    answer cache is emptied so no answer from the old texts is served again."""
    from corpus.store import load_corpus
    from ui.bootstrap import _pipeline

    corpus = load_corpus(service.settings.corpus_dir)
    pipeline = _pipeline(service.settings, corpus)
    service.pipeline, service.corpus = pipeline, corpus
    service._answers = type(service._answers)(service._answers.size)


def _index_command(settings: Any, args: list[str]) -> dict[str, Any]:
    """Run ``legal-assistant index publish|rollback`` in a child process: the rebuild takes the
    CPU, not this process's interpreter lock, so answering goes on meanwhile."""
    env = {**os.environ}
    for name in ("sources_dir", "data_dir", "embedder", "embedder_model"):
        env[f"LEGAL_ASSISTANT_{name.upper()}"] = str(getattr(settings, name))
    done = subprocess.run(
        [sys.executable, "-m", "ui.cli", "index", *args, "--json"],
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


@router.post(
    "/publish",
    summary="Công bố văn bản đã kiểm tra (ghi nhật ký, cập nhật chỉ mục)",
    response_model=PublishResponse,
    responses=STAFF_ERRORS,
)
def publish_document(body: PublishRequest, service: Service, user: Admin) -> dict[str, Any]:
    files = [p for p in _staging_dir(service, body.staging_id).glob("*") if p.is_file()]
    if not files:
        raise NotFoundError("Không tìm thấy tệp đã tải lên với mã này; hãy tải lên lại.")
    args = [
        "publish",
        str(files[0]),
        "--law-id",
        body.law_id.strip(),
        "--type",
        body.doc_type,
        "--title",
        body.title,
        "--issuer",
        body.issuer,
        "--effective",
        body.effective.isoformat(),
        "--who",
        user.name,
    ]
    args += ["--issued", body.issued.isoformat()] if body.issued else []
    args += [item for law in body.replaces for item in ("--replaces", law)]
    args += ["--new-version"] if body.new_version else []
    if not _SWAP_LOCK.acquire(blocking=False):
        raise ConflictError(_BUSY)
    try:
        result = _index_command(service.settings, args)
        _swap_pipeline(service)
    finally:
        _SWAP_LOCK.release()
    return result


@router.post(
    "/rollback",
    summary="Rút lại phiên bản công bố gần nhất của một văn bản",
    response_model=RollbackResponse,
    responses=STAFF_ERRORS,
)
def rollback_document(body: RollbackRequest, service: Service, user: Admin) -> dict[str, Any]:
    if not _SWAP_LOCK.acquire(blocking=False):
        raise ConflictError(_BUSY)
    try:
        result = _index_command(service.settings, ["rollback", body.law_id.strip(), "--who", user.name])
        _swap_pipeline(service)
    finally:
        _SWAP_LOCK.release()
    return {"law_id": body.law_id, **result}


@router.get(
    "/versions",
    summary="Nhật ký công bố: ai, khi nào, văn bản nào",
    response_model=VersionsResponse,
    responses=STAFF_ERRORS,
)
def versions(service: Service, user: Admin) -> dict[str, Any]:
    return {"versions": [asdict(v) for v in load_versions(published_dir(service.settings.data_dir))]}
