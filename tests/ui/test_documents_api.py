"""Document management over HTTP (TestClient, real service): only admins, a parse report with the
refusal reasons, publish swaps the pipeline in the running service, rollback restores it.

Publishing rebuilds the corpus and index, so the service here runs on a copy of ``data/``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ui.api.app import create_app

pytestmark = pytest.mark.slow

LAW = "\n".join(
    [
        "Luật số: 3/2026/QH15",
        "Điều 1. Phụ cấp trách nhiệm thử nghiệm của tổ trưởng công đoàn",
        "Tổ trưởng công đoàn được hưởng phụ cấp trách nhiệm thử nghiệm bằng 7% lương tối thiểu vùng.",
        "Điều 2. Hiệu lực",
        "Luật này có hiệu lực từ ngày 01 tháng 6 năm 2026.",
    ]
)
QUERY = "phụ cấp trách nhiệm thử nghiệm của tổ trưởng công đoàn"


@pytest.fixture
def admin_client(service: Any, tmp_path: Path) -> Iterator[tuple[TestClient, Any, str]]:
    from assistant.service.auth import create_user

    data = tmp_path / "data"
    shutil.copytree(service.settings.data_dir / "corpus", data / "corpus")
    shutil.copytree(service.settings.data_dir / "index", data / "index")
    shutil.copytree(service.settings.data_dir / "cache", data / "cache")
    service.settings = replace(service.settings, data_dir=data)
    _, token = create_user(service.store, "Phạm Pháp Chế", "admin")
    with TestClient(create_app(service.settings, service=service, web_ui=False)) as client:
        yield client, service, token


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_only_admins_manage_documents(admin_client: tuple[TestClient, Any, str], advisor: Any) -> None:
    client, _, _ = admin_client
    refused = client.get("/v1/admin/documents/versions", headers=_auth(advisor[1]))
    assert refused.status_code == 403 and "quản trị viên" in refused.text


def test_stage_publish_swap_and_rollback(admin_client: tuple[TestClient, Any, str]) -> None:
    client, service, token = admin_client
    empty = client.post(
        "/v1/admin/documents/stage",
        params={"filename": "rong.txt"},
        content="Số: 5/2026/NĐ-CP\nKhông có điều nào.".encode(),
        headers=_auth(token),
    )
    assert empty.status_code == 200 and empty.json()["ok"] is False
    assert "Không nhận ra điều luật nào" in empty.json()["errors"][0]
    staged = client.post(
        "/v1/admin/documents/stage",
        params={"filename": "luat moi.txt"},
        content=LAW.encode(),
        headers=_auth(token),
    ).json()
    assert staged["ok"] and staged["law_id"] == "3/2026/QH15" and staged["counts"]["dieu"] == 2
    old_pipeline = service.pipeline
    body = {
        "staging_id": staged["staging_id"],
        "law_id": "3/2026/QH15",
        "doc_type": "Luật",
        "title": "Luật thử nghiệm",
        "issuer": "Quốc hội",
        "effective": "2026-06-01",
    }
    published = client.post("/v1/admin/documents/publish", json=body, headers=_auth(token))
    assert published.status_code == 200, published.text
    assert published.json()["version"]["who"] == "Phạm Pháp Chế" and 0 < published.json()["embedded"] < 10
    assert service.pipeline is not old_pipeline and "3/2026/QH15" in service.corpus.documents
    hits = service.pipeline.retriever.search(QUERY, k=3)
    assert "3/2026/QH15" in [h.law_id for h in hits]
    again = client.post("/v1/admin/documents/publish", json=body, headers=_auth(token))
    assert again.status_code == 409 and "đã có trong kho dữ liệu" in again.text
    back = client.post("/v1/admin/documents/rollback", json={"law_id": "3/2026/QH15"}, headers=_auth(token))
    assert back.status_code == 200 and back.json()["current_version"] is None
    assert "3/2026/QH15" not in service.corpus.documents
    record = client.get("/v1/admin/documents/versions", headers=_auth(token)).json()["versions"]
    assert [(v["id"], v["status"]) for v in record] == [("v1", "withdrawn")]
