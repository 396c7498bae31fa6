"""Domain types of the calculators: input specs, cited units, results, and the calculator itself.

Every calculator is a pure function from validated inputs to a ``CalculationResult``; its legal
basis is data (``UnitRef``) that a test resolves against the built corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from corpus.errors import LegalAssistantError

InputKind = Literal["money", "duration", "int", "number", "month", "choice", "bool", "text"]

# What a member reads for each kind of input when it is asked for or out of range.
KIND_HINTS: dict[str, str] = {
    "money": 'số tiền, ví dụ "9 triệu" hoặc "9.000.000"',
    "duration": 'thời gian, ví dụ "3 năm 8 tháng" hoặc "44 tháng"',
    "int": "một số nguyên",
    "number": "một số",
    "month": 'tháng và năm, ví dụ "3/1970"',
    "choice": "một trong các lựa chọn",
    "bool": '"có" hoặc "không"',
    "text": "tên địa phương",
}


class CalculatorInputError(LegalAssistantError, ValueError):
    """An input that is missing, unreadable or out of range; the message names it and the range."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        super().__init__(message)


class UnknownCalculatorError(LegalAssistantError, KeyError):
    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class UnitRef:
    """A unit of law a calculation rests on: law, article, clause, point."""

    law_id: str
    article: int
    clause: int | None = None
    point: str | None = None

    def label(self) -> str:
        """ "điểm c khoản 3 Điều 8 145/2020/NĐ-CP"."""
        text = f"Điều {self.article}"
        if self.clause is not None:
            text = f"khoản {self.clause} {text}"
            if self.point is not None:
                text = f"điểm {self.point} {text}"
        return f"{text} {self.law_id}"

    def to_json(self) -> dict[str, Any]:
        return {"law_id": self.law_id, "article": self.article, "clause": self.clause, "point": self.point}


@dataclass(frozen=True)
class InputSpec:
    """One input of a calculator: its type, Vietnamese label and allowed range."""

    name: str
    label: str
    kind: InputKind
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (key, Vietnamese label)
    required: bool = True
    default: Any = None  # used only when not required; always shown in the result
    help: str = ""

    def range_text(self) -> str:
        """The allowed range as a member reads it."""
        from assistant.calculators.formatting import format_value

        if self.kind == "choice":
            return "một trong: " + "; ".join(f"{key} ({label})" for key, label in self.choices)
        if self.kind == "bool":
            return '"có" hoặc "không"'
        low = format_value(self.kind, self.minimum) if self.minimum is not None else None
        high = format_value(self.kind, self.maximum) if self.maximum is not None else None
        if low is not None and high is not None:
            return f"từ {low} đến {high}"
        if low is not None:
            return f"từ {low} trở lên"
        if high is not None:
            return f"không quá {high}"
        return KIND_HINTS[self.kind]

    def choice_label(self, key: str) -> str:
        return dict(self.choices).get(key, key)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "type": self.kind,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "choices": [{"value": k, "label": v} for k, v in self.choices],
            "required": self.required,
            "default": self.default,
            "allowed": self.range_text(),
            "help": self.help,
        }


@dataclass(frozen=True)
class Figure:
    """One number of a result, with its formatted text ("18.000.000 đồng")."""

    name: str
    label: str
    value: int | float | str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "value": self.value, "text": self.text}


@dataclass(frozen=True)
class CalculationResult:
    """What a calculation found: the headline sentence first, then inputs, formula and figures."""

    calculator: str
    headline: str  # one Vietnamese sentence with the result figure
    inputs: tuple[tuple[str, str], ...]  # (Vietnamese label, formatted value) of what was used
    formula: tuple[str, ...]  # the formula in words, one step a line
    figures: tuple[Figure, ...]
    citations: tuple[UnitRef, ...]  # decisive unit first
    notes: tuple[str, ...] = ()

    def figure(self, name: str) -> Figure:
        for item in self.figures:
            if item.name == name:
                return item
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "calculator": self.calculator,
            "headline": self.headline,
            "inputs": [{"label": label, "value": value} for label, value in self.inputs],
            "formula": list(self.formula),
            "figures": [f.to_json() for f in self.figures],
            "citations": [c.to_json() for c in self.citations],
            "notes": list(self.notes),
        }


Values = Mapping[str, Any]


@dataclass(frozen=True)
class Calculator:
    """A named calculator: its inputs, legal basis and pure ``compute`` function."""

    name: str
    title: str
    description: str
    inputs: tuple[InputSpec, ...]
    citations: tuple[UnitRef, ...]
    compute: Callable[[Values], CalculationResult]
    example: Mapping[str, Any] = field(default_factory=dict)
    # Inputs needed only in some cases (a region only when the cap binds): names still missing.
    needs: Callable[[Values], tuple[str, ...]] | None = None

    def spec(self, name: str) -> InputSpec:
        for item in self.inputs:
            if item.name == name:
                return item
        raise CalculatorInputError(name, f"Máy tính {self.title} không có thông tin {name!r}.")

    def missing(self, values: Values) -> tuple[str, ...]:
        missing = [s.name for s in self.inputs if s.required and values.get(s.name) is None]
        if not missing and self.needs is not None:
            missing.extend(n for n in self.needs(values) if values.get(n) is None)
        return tuple(missing)

    def validate(self, raw: Values) -> dict[str, Any]:
        """Parse and range-check ``raw``; unknown names, unreadable or out-of-range values raise."""
        from assistant.calculators.validation import validate_inputs

        return validate_inputs(self, raw)

    def run(self, raw: Values) -> CalculationResult:
        values = self.validate(raw)
        missing = self.missing(values)
        if missing:
            labels = ", ".join(self.spec(n).label for n in missing)
            raise CalculatorInputError(missing[0], f"Thiếu thông tin: {labels}.")
        return self.compute(values)

    def shown(self, values: Values, short_money: bool = False) -> tuple[tuple[str, str], ...]:
        """(label, formatted value) of every input used, defaults included, in spec order;
        ``short_money`` writes amounts as a member does ("10 triệu"), so that a request for a
        missing input never reads like a computed figure."""
        from assistant.calculators.formatting import format_value, money_short

        rows = []
        for spec in self.inputs:
            value = values.get(spec.name)
            if value is None:
                continue
            text = spec.choice_label(value) if spec.kind == "choice" else format_value(spec.kind, value)
            if short_money and spec.kind == "money":
                text = money_short(value)
            rows.append((spec.label, text))
        return tuple(rows)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "inputs": [s.to_json() for s in self.inputs],
            "citations": [c.to_json() for c in self.citations],
        }


def today() -> date:
    """The day used to reject future dates (one place, so tests can reason about it)."""
    return date.today()
