"""Document management for union legal staff (role ``admin``) under ``/v1/admin/documents``.

- ``POST /stage?filename=...``: the raw file as the request body (no multipart dependency);
  returns the parse report (counts per level, warnings, errors, diff) and a staging id.
- ``POST /publish``: staging id + catalog metadata; records the version (who = the caller),
  rebuilds corpus and index in a child process (only new or changed chunks are embedded) and
  swaps the new pipeline into the running service: requests in flight finish on the old one.
- ``POST /rollback``: withdraws the current published version of a law; same swap.
- ``GET /versions``: the publishing record (who, when, what, status).

The logic lives in ``assistant.service.documents`` (shared with the web tab), ``corpus.staging``,
``corpus.publish`` and ``indexing.publishing``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from assistant.service import documents as desk
from assistant.service.application import AssistantService
from assistant.service.auth import bearer_token
from assistant.service.errors import InvalidRequestError
from assistant.service.results import UserInfo
from corpus.staging import MAX_UPLOAD_BYTES, StageReport
from ui.api.deps import get_service
from ui.api.responses import _Out, errors

router = APIRouter(prefix="/v1/admin/documents", tags=["quản trị văn bản"])
UPLOAD_PATH = "/v1/admin/documents/stage"  # reads its body under MAX_UPLOAD_BYTES, not the API's limit


def admin_user(request: Request) -> UserInfo:
    user = get_service(request).authenticate(bearer_token(request.headers.get("authorization")))
    return desk.require_admin(user)


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
    replaced_by: list[str] = Field(default_factory=list, max_length=10)
    new_version: bool = False


class RollbackRequest(BaseModel):
    law_id: str = Field(min_length=3, max_length=60)


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
    staged = desk.stage_upload(
        service, filename, body, replaces=replaces, effective=effective, new_version=new_version
    )
    return {"staging_id": staged.staging_id, **_report_json(staged.report)}


@router.post(
    "/publish",
    summary="Công bố văn bản đã kiểm tra (ghi nhật ký, cập nhật chỉ mục)",
    response_model=PublishResponse,
    responses=STAFF_ERRORS,
)
def publish_document(body: PublishRequest, service: Service, user: Admin) -> dict[str, Any]:
    meta = desk.Metadata(
        law_id=body.law_id,
        doc_type=body.doc_type,
        title=body.title,
        issuer=body.issuer,
        effective=body.effective,
        issued=body.issued,
        replaces=tuple(body.replaces),
        replaced_by=tuple(body.replaced_by),
        new_version=body.new_version,
    )
    return desk.publish_staged(service, body.staging_id, meta, user)


@router.post(
    "/rollback",
    summary="Rút lại phiên bản công bố gần nhất của một văn bản",
    response_model=RollbackResponse,
    responses=STAFF_ERRORS,
)
def rollback_document(body: RollbackRequest, service: Service, user: Admin) -> dict[str, Any]:
    return desk.rollback_law(service, body.law_id, user)


@router.get(
    "/versions",
    summary="Nhật ký công bố: ai, khi nào, văn bản nào",
    response_model=VersionsResponse,
    responses=STAFF_ERRORS,
)
def versions(service: Service, user: Admin) -> dict[str, Any]:
    return {"versions": [asdict(v) for v in desk.versions(service, user)]}
