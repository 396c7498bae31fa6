"""``legal-assistant calc`` through the real console entry point."""

from __future__ import annotations

import json

import pytest

from assistant.calculators.registry import CALCULATORS
from ui.cli import main


def test_list_names_every_calculator(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calc", "list"]) == 0
    out = capsys.readouterr().out
    for calculator in CALCULATORS:
        assert f"{calculator.name}: {calculator.title}" in out


def test_run_prints_result_first_and_the_legal_basis(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "calc",
            "tro_cap_thoi_viec",
            "-i",
            "thoi_gian_lam_viec=3 năm 8 tháng",
            "--input",
            "luong_binh_quan=9tr",
        ]
    )
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Trợ cấp thôi việc của bạn là 18.000.000 đồng."
    assert any(line.strip().startswith("Căn cứ: khoản 1 Điều 46 45/2019/QH14") for line in lines)


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calc", "tuoi_nghi_huu", "-i", "gioi_tinh=nữ", "-i", "thang_sinh=3/1970", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["figures"][1]["text"] == "tháng 7/2027"


def test_examples_give_one_worked_example_each(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calc", "examples"]) == 0
    out = capsys.readouterr().out
    assert out.count("== ") == len(CALCULATORS)
    assert out.count("Căn cứ: ") == len(CALCULATORS)


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (
            ["calc", "tro_cap_thoi_viec", "-i", "thoi_gian_lam_viec=300 năm", "-i", "luong_binh_quan=9tr"],
            "50 năm",
        ),
        (["calc", "tinh_thue"], "Các máy tính"),
        (["calc", "tro_cap_thoi_viec", "-i", "luong_binh_quan=9tr"], "Thiếu thông tin"),
    ],
)
def test_bad_input_exits_2_with_a_vietnamese_message(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    assert main(argv) == 2
    assert said in capsys.readouterr().err


def test_malformed_pair_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["calc", "tro_cap_thoi_viec", "-i", "luong_binh_quan"])
    assert info.value.code == 2
    assert "TÊN=GIÁ_TRỊ" in capsys.readouterr().err


def test_docs_list_every_calculator() -> None:
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[3] / "docs" / "calculators.md").read_text(encoding="utf-8")
    for calculator in CALCULATORS:
        assert f"`{calculator.name}`" in docs
