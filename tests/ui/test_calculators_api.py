"""The calculator routes of the real app through TestClient (the app's lifespan is not started:
these routes need no corpus, index or database)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.calculators.registry import CALCULATORS
from corpus.settings import Settings
from ui.api.app import create_app


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = create_app(Settings.from_env(), web_ui=False)
    yield TestClient(app)  # no "with": the lifespan would start building the whole service


def post(client: TestClient, name: str, **inputs: Any) -> Any:
    return client.post(f"/v1/calculators/{name}", json={"inputs": inputs})


def test_list_names_every_calculator_with_typed_labelled_inputs(client: TestClient) -> None:
    response = client.get("/v1/calculators")
    assert response.status_code == 200
    listed = response.json()["calculators"]
    assert [c["name"] for c in listed] == [c.name for c in CALCULATORS]
    severance = listed[0]
    first = severance["inputs"][0]
    assert first["type"] == "duration" and first["label"].startswith("Tổng thời gian làm việc")
    assert first["allowed"] == "từ 1 tháng đến 50 năm"
    assert severance["citations"][0] == {"law_id": "45/2019/QH14", "article": 46, "clause": 1, "point": None}


def test_run_returns_result_formula_and_citations(client: TestClient) -> None:
    response = post(client, "tro_cap_thoi_viec", thoi_gian_lam_viec="3 năm 8 tháng", luong_binh_quan="9tr")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["headline"] == "Trợ cấp thôi việc của bạn là 18.000.000 đồng."
    assert body["figures"][0]["value"] == 18_000_000
    assert any("4 năm" in line for line in body["formula"])
    assert body["citations"][1] == {"law_id": "145/2020/NĐ-CP", "article": 8, "clause": 3, "point": "c"}


def test_numbers_and_booleans_are_accepted_as_json_values(client: TestClient) -> None:
    response = post(client, "lam_them_gio", luong_gio=40_000, so_gio=2, loai_ngay="nghi_le", ban_dem=True)
    assert response.status_code == 200, response.text
    # 300% + 30% + 20% × 300% = 390%; 40.000 × 390% × 2 = 312.000
    assert response.json()["figures"][0]["value"] == 312_000


@pytest.mark.parametrize(
    ("name", "inputs", "input_name", "said"),
    [
        (
            "tro_cap_thoi_viec",
            {"thoi_gian_lam_viec": "200 năm", "luong_binh_quan": "9tr"},
            "thoi_gian_lam_viec",
            "từ 1 tháng đến 50 năm",
        ),
        (
            "tro_cap_thoi_viec",
            {"thoi_gian_lam_viec": "3 năm", "luong_binh_quan": 0},
            "luong_binh_quan",
            "100.000 đồng",
        ),
        ("tro_cap_thoi_viec", {"thoi_gian_lam_viec": "3 năm"}, "luong_binh_quan", "Thiếu thông tin"),
        ("tuoi_nghi_huu", {"gioi_tinh": "nu", "thang_sinh": "3/2090"}, "thang_sinh", "tương lai"),
        ("tro_cap_thoi_viec", {"so_nam": 3}, "so_nam", "không có thông tin"),
    ],
)
def test_bad_input_is_a_422_naming_the_input_and_range(
    client: TestClient, name: str, inputs: dict[str, Any], input_name: str, said: str
) -> None:
    response = post(client, name, **inputs)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid_input" and body["input"] == input_name
    assert said in body["message"]


def test_unknown_calculator_is_a_404_listing_the_names(client: TestClient) -> None:
    response = post(client, "tinh_thue")
    assert response.status_code == 404
    assert "tro_cap_thoi_viec" in response.json()["message"]


def test_malformed_body_is_a_vietnamese_422(client: TestClient) -> None:
    response = client.post("/v1/calculators/tro_cap_thoi_viec", json={"inputs": {"x": [1, 2]}})
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request"
