"""Token lifecycle through the admin API, and validation of advisors' text."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from http_auth import bearer

from assistant.service.auth import create_user

pytestmark = pytest.mark.slow

LAW = "45/2019/QH14"


def test_admin_creates_lists_revokes_and_rotates(client: TestClient, service: Any) -> None:
    admin = bearer(create_user(service.store, "Quản trị", "admin")[1])
    created = client.post("/v1/admin/users", json={"name": "Tư vấn A", "role": "advisor"}, headers=admin)
    assert created.status_code == 200, created.text
    token, user_id = created.json()["token"], created.json()["id"]
    assert created.json()["expires_at"]  # 365 days by default
    assert client.get("/v1/reviews", headers=bearer(token)).status_code == 200
    listed = {u["id"]: u for u in client.get("/v1/admin/users", headers=admin).json()["items"]}
    assert listed[user_id]["last_used_at"] is not None and listed[user_id]["active"] is True
    assert "token" not in listed[user_id] and token not in str(listed)

    revoked = client.post(f"/v1/admin/users/{user_id}/revoke", headers=admin)
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    refused = client.get("/v1/reviews", headers=bearer(token))
    assert refused.status_code == 401 and "thu hồi" in refused.json()["message"]

    rotated = client.post(f"/v1/admin/users/{user_id}/rotate", json={"expires_days": 7}, headers=admin)
    assert rotated.status_code == 200 and rotated.json()["token"] != token
    assert client.get("/v1/reviews", headers=bearer(rotated.json()["token"])).status_code == 200
    assert client.get("/v1/reviews", headers=bearer(token)).status_code == 401
    actions = [e["action"] for e in service.store.audit_entries(entity="user")]
    assert "user.revoke" in actions and "user.rotate" in actions


def test_only_admins_manage_tokens(client: TestClient, service: Any) -> None:
    advisor = bearer(create_user(service.store, "Tư vấn", "advisor")[1])
    member = bearer(create_user(service.store, "Đoàn viên", "member")[1])
    for headers, status in ((advisor, 403), (member, 403), ({}, 401)):
        assert client.get("/v1/admin/users", headers=headers).status_code == status
        body = {"name": "X", "role": "admin"}
        assert client.post("/v1/admin/users", json=body, headers=headers).status_code == status
    admin = bearer(create_user(service.store, "Quản trị", "admin")[1])
    assert client.post("/v1/admin/users/424242/revoke", headers=admin).status_code == 404


def _pending_review(client: TestClient) -> int:
    body = client.post("/v1/ask", json={"question": "Thời gian thử việc tối đa là bao lâu?"}).json()
    own = {"interaction_id": body["interaction_id"], "conversation_key": body["conversation_key"]}
    return int(client.post("/v1/advisor-requests", json=own).json()["review_id"])


def test_advisor_edits_refuse_control_characters_and_keep_markup_as_text(
    client: TestClient, service: Any
) -> None:
    advisor = bearer(create_user(service.store, "Tư vấn", "advisor")[1])
    review_id = _pending_review(client)
    citations = [{"law_id": LAW, "article": 25, "clause": 1}]
    for bad in ("Không quá 180 ngày.\x00", "\x1b[31mđỏ", "   \n  "):
        response = client.post(
            f"/v1/reviews/{review_id}/edit", json={"answer": bad, "citations": citations}, headers=advisor
        )
        assert response.status_code == 422, bad
        assert response.json()["message"]
    markup = "<b>Không quá 180 ngày</b> <script>x()</script>"
    good = client.post(
        f"/v1/reviews/{review_id}/edit", json={"answer": markup, "citations": citations}, headers=advisor
    )
    assert good.status_code == 200
    served = client.post("/v1/ask", json={"question": "Thời gian thử việc tối đa là bao lâu?"}).json()
    assert served["verified"] and served["answer"] == markup and served["direct_answer"] == markup
