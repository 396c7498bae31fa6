"""Turn raw inputs (strings from a form, numbers from JSON) into checked values, or say why not."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.calculators import parsing
from assistant.calculators.base import KIND_HINTS, CalculatorInputError, InputSpec, today
from corpus.text import fold

if TYPE_CHECKING:
    from assistant.calculators.base import Calculator


def _choice(spec: InputSpec, raw: Any) -> str:
    key = fold(str(raw)).strip().replace(" ", "_")
    for value, label in spec.choices:
        if key in (fold(value), fold(label).replace(" ", "_")):
            return value
    raise ValueError("giá trị không nằm trong danh sách")


def convert(spec: InputSpec, raw: Any) -> Any:
    if spec.kind == "money":
        return parsing.parse_money(raw)
    if spec.kind == "duration":
        return parsing.parse_duration(raw)
    if spec.kind == "month":
        return parsing.parse_month(raw)
    if spec.kind == "bool":
        return parsing.parse_bool(raw)
    if spec.kind == "choice":
        return _choice(spec, raw)
    if spec.kind == "int":
        value = parsing.parse_number(raw)
        if not value.is_integer():
            raise ValueError("cần một số nguyên")
        return int(value)
    if spec.kind == "number":
        return parsing.parse_number(raw)
    return str(raw).strip()


def check_value(spec: InputSpec, raw: Any) -> Any:
    """One input converted and range-checked; raises CalculatorInputError naming it and the range."""
    try:
        value = convert(spec, raw)
    except (ValueError, TypeError) as exc:
        raise CalculatorInputError(
            spec.name,
            f"“{spec.label}”: {exc}. Cần nhập {KIND_HINTS[spec.kind]}; giá trị cho phép: "
            f"{spec.range_text()}.",
        ) from None
    if spec.kind == "month":
        assert isinstance(value, date)
        if value > today():
            raise CalculatorInputError(
                spec.name,
                f"“{spec.label}” là {value.month}/{value.year}, một ngày trong tương lai; "
                "hãy nhập tháng/năm đã qua.",
            )
        numeric = value.year
    elif spec.kind in ("money", "duration", "int", "number"):
        numeric = value
    else:
        return value
    low, high = spec.minimum, spec.maximum
    if (low is not None and numeric < low) or (high is not None and numeric > high):
        raise CalculatorInputError(
            spec.name, f"“{spec.label}” không hợp lệ: giá trị cho phép {spec.range_text()}."
        )
    return value


def validate_inputs(calculator: Calculator, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Checked values by name; inputs not given are None, or the spec's stated default."""
    known = {s.name for s in calculator.inputs}
    unknown = sorted(set(raw) - known)
    if unknown:
        names = ", ".join(unknown)
        allowed = ", ".join(sorted(known))
        raise CalculatorInputError(
            unknown[0],
            f"Máy tính “{calculator.title}” không có thông tin: {names}. Các thông tin: {allowed}.",
        )
    values: dict[str, Any] = {}
    for spec in calculator.inputs:
        given = raw.get(spec.name)
        if given is None or (isinstance(given, str) and not given.strip()):
            values[spec.name] = None if spec.required else spec.default
            continue
        values[spec.name] = check_value(spec, given)
    return values
