"""``legal-assistant calc``: list the calculators, run one, or print a worked example of each.

legal-assistant calc list
legal-assistant calc tro_cap_thoi_viec -i thoi_gian_lam_viec="3 năm 8 tháng" -i luong_binh_quan=9tr
legal-assistant calc examples
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "calc",
        help="Máy tính trợ cấp, tiền lương, thời hạn (calculators)",
        description="Tính trợ cấp thôi việc, làm thêm giờ, phép năm, tuổi nghỉ hưu... kèm căn cứ pháp lý.",
    )
    parser.add_argument("target", help='"list", "examples" hoặc tên máy tính (xem "calc list")')
    parser.add_argument(
        "--input", "-i", action="append", default=[], metavar="TÊN=GIÁ_TRỊ", help="một thông tin đầu vào"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(func=_calc)


def _print_result(result: Any, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    print(result.headline)
    for label, value in result.inputs:
        print(f"  - {label}: {value}")
    for line in result.formula:
        print(f"  {line}")
    print("  Căn cứ: " + "; ".join(ref.label() for ref in result.citations))
    for note in result.notes:
        print(f"  Lưu ý: {note}")


def _list() -> int:
    from assistant.calculators.registry import CALCULATORS

    for calculator in CALCULATORS:
        print(f"{calculator.name}: {calculator.title} — {calculator.description}")
        for spec in calculator.inputs:
            need = "bắt buộc" if spec.required else "tùy chọn"
            print(f"    {spec.name} ({spec.kind}, {need}): {spec.label}; {spec.range_text()}")
    return 0


def _examples(as_json: bool) -> int:
    from assistant.calculators.registry import CALCULATORS

    for calculator in CALCULATORS:
        print(f"== {calculator.title} ({calculator.name})")
        shown = " ".join(f'--input {k}="{v}"' for k, v in calculator.example.items())
        print(f"   legal-assistant calc {calculator.name} {shown}")
        _print_result(calculator.run(calculator.example), as_json)
        print()
    return 0


def _parse_inputs(pairs: list[str]) -> dict[str, str]:
    inputs: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            print(
                f'Lỗi: "--input {pair}" phải có dạng TÊN=GIÁ_TRỊ, ví dụ luong_binh_quan="9 triệu".',
                file=sys.stderr,
            )
            raise SystemExit(2)
        inputs[name.strip()] = value.strip()
    return inputs


def _calc(args: argparse.Namespace) -> int:
    from assistant.calculators.registry import get_calculator

    if args.target == "list":
        return _list()
    if args.target == "examples":
        return _examples(args.json)
    calculator = get_calculator(args.target)  # an unknown name raises a LegalAssistantError: exit 2
    _print_result(calculator.run(_parse_inputs(args.input)), args.json)
    return 0
