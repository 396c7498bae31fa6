"""The OpenAPI contract, checked by schemathesis against the real app (ASGI, in process).

Every operation, anonymous and with member and advisor tokens, with response validation on:
no 5xx, every status declared, every body matching its declared schema, declared content
types and headers. Bounded: a few examples per operation and identity (about 2 minutes).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from assistant.service.auth import create_user
from ui.api.app import create_app

pytestmark = pytest.mark.slow

EXAMPLES_PER_OPERATION = 6
# 413 is how an oversized body is refused (the body limit comes before any schema check).
REJECTED = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429"]
CONFIG = SchemathesisConfig.from_dict(
    {"checks": {"negative_data_rejection": {"expected-statuses": REJECTED}}}
)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@pytest.fixture(params=["anonymous", "member", "advisor"])
def identity(request: pytest.FixtureRequest, service: Any) -> dict[str, str]:
    if request.param == "anonymous":
        return {}
    role = "admin" if request.param == "advisor" else "member"  # admin: every staff route
    return {"Authorization": f"Bearer {create_user(service.store, request.param, role)[1]}"}


# Publishing and rolling back rebuild the corpus and index in a child process (minutes, and
# they change the running service): tested end to end in tests/ui/test_documents_api.py, not fuzzed.
NOT_FUZZED = ("/v1/admin/documents/publish", "/v1/admin/documents/rollback")


def _operations(app: Any) -> list[Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=CONFIG)
    operations = [result.ok() for result in schema.get_all_operations()]
    return [op for op in operations if op.path not in NOT_FUZZED]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_contract(service: Any, identity: dict[str, str], mode: GenerationMode) -> None:
    """Generated requests for every operation; the checks raise on the first violation."""
    app = create_app(service.settings, service=service, web_ui=False)
    operations = _operations(app)
    assert len(operations) >= 15
    calls: dict[str, int] = {}
    unsatisfiable: list[str] = []

    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def run(case: Any) -> None:
            # A case whose own headers are the invalid part keeps them (a token would mask them).
            headers = {} if case.meta and case.meta.is_negative_at(ParameterLocation.HEADER) else identity
            case.call_and_validate(headers=headers, checks=CHECKS, timeout=120)
            calls[case.operation.label] = calls.get(case.operation.label, 0) + 1

        try:
            run()
        except Unsatisfiable:
            # Nothing in the request can be made invalid (e.g. GET /healthz): positive mode covers it.
            assert mode is GenerationMode.NEGATIVE and not operation.path_parameters, operation.label
            unsatisfiable.append(operation.label)
    assert len(calls) + len(unsatisfiable) == len(operations)
    assert sum(calls.values()) >= len(operations) * 2


def test_openapi_declares_bearer_scheme_errors_and_bounds(service: Any) -> None:
    from fastapi.testclient import TestClient

    document = (
        TestClient(create_app(service.settings, service=service, web_ui=False)).get("/openapi.json").json()
    )
    assert document["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"404", "422", "429", "500"} <= set(responses), (method, path)
            assert responses["200"]["content"], (method, path)
            schema_ref = str(responses["422"]["content"]["application/json"]["schema"])
            assert "ErrorBody" in schema_ref, (method, path)
    review = document["paths"]["/v1/reviews/{review_id}"]["get"]["parameters"][0]["schema"]
    assert review["minimum"] == 1 and review["maximum"] == 2**31 - 1
    ask = document["components"]["schemas"]["AskResponse"]["properties"]
    assert {"direct_answer", "answer", "citations", "calculation", "conversation_key"} <= set(ask)


def test_framework_errors_have_the_one_shape(service: Any) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(create_app(service.settings, service=service, web_ui=True))
    wrong_method = client.get("/v1/ask")
    assert wrong_method.status_code == 405 and wrong_method.headers["allow"] == "POST"
    unknown = client.get("/v1/no-such-thing")
    assert unknown.status_code == 404 and unknown.json()["error"] == "not_found"
    bad_utf8 = client.post(
        "/v1/ask", content=b'{"question": "\xff\xfe"}', headers={"content-type": "application/json"}
    )
    deep = client.post("/v1/ask", content=b"[" * 30_000, headers={"content-type": "application/json"})
    huge_id = client.get(f"/v1/sources/45/2019/QH14/{2**63}")
    typo = client.get("/v1/sources/45/2019/QH14/113", params={"articel": 1})
    for response, status in ((bad_utf8, 400), (deep, 400), (huge_id, 422), (typo, 422)):
        assert response.status_code == status, response.text
        body = response.json()
        assert set(body) <= {"error", "message", "details"} and body["message"].endswith(".")
