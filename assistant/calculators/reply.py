"""``CalculationReply``: what the conversation shows for a calculation question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from assistant.calculators.base import CalculationResult, Calculator, UnitRef

ASK_PREFIX = "Để tính "  # how a request for missing inputs starts; read back from the history
MAX_LINES = 6  # headline, inputs, formula and basis; the condition note comes on top of these
NOTE_PREFIX = "Lưu ý: "


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}"
    return value


@dataclass(frozen=True)
class CalculationReply:
    calculator: str
    title: str
    inputs: dict[str, object]  # name -> value understood (checked)
    input_labels: tuple[tuple[str, str], ...]  # (Vietnamese label, value as shown)
    missing: tuple[str, ...]
    direct_answer: str
    citations: tuple[UnitRef, ...]
    result: CalculationResult | None = None
    error: str = ""  # an input given but not usable (out of range): asked again

    def to_json(self) -> dict[str, Any]:
        return {
            "calculator": self.calculator,
            "title": self.title,
            "inputs": {k: _json_value(v) for k, v in self.inputs.items()},
            "input_labels": [{"label": label, "value": value} for label, value in self.input_labels],
            "missing": list(self.missing),
            "direct_answer": self.direct_answer,
            "citations": [c.to_json() for c in self.citations],
            "result": self.result.to_json() if self.result is not None else None,
            "error": self.error,
        }


def _understood(labels: tuple[tuple[str, str], ...]) -> str:
    shown = [f"{label}: {value}" for label, value in labels if value != "không"]
    return "Thông tin đã hiểu: " + "; ".join(shown) + "."


def result_reply(
    calculator: Calculator, values: dict[str, Any], result: CalculationResult
) -> CalculationReply:
    """Result first in one sentence, then the condition it holds under (the result's first note:
    "Cần nộp hồ sơ trong 03 tháng ...", "Đây là khoản do doanh nghiệp đóng, không trừ vào lương của
    bạn"), the inputs, the formula in words and the decisive unit."""
    lines = [result.headline, _understood(result.inputs)]
    room = MAX_LINES - len(lines) - 1
    if result.notes:  # read right under the figure: it can take the figure away from the member
        lines.insert(1, NOTE_PREFIX + result.notes[0])
    lines.extend(result.formula[:room])
    lines.append("Căn cứ: " + result.citations[0].label() + ".")
    return CalculationReply(
        calculator=calculator.name,
        title=calculator.title,
        inputs={k: v for k, v in values.items() if v is not None},
        input_labels=result.inputs,
        missing=(),
        direct_answer="\n".join(lines),
        citations=result.citations,
        result=result,
    )


def ask_reply(
    calculator: Calculator,
    values: dict[str, Any],
    missing: tuple[str, ...],
    error: str = "",
    given: frozenset[str] | None = None,
) -> CalculationReply:
    """A question asking for exactly the missing inputs; never a guessed figure. ``given``: the
    inputs the member stated; the others' defaults ("0 tháng" of unemployment insurance) are not
    listed as understood, since she said nothing of them yet."""
    stated = values if given is None else {k: v for k, v in values.items() if k in given}
    labels = calculator.shown(stated, short_money=True)
    wanted = []
    for name in missing:
        spec = calculator.spec(name)
        hint = spec.range_text() if spec.kind in ("choice", "bool") else spec.help or ""
        wanted.append(f"{spec.label}" + (f" ({hint})" if hint else ""))
    # A question, so the member sees that a reply is expected (and the chat can offer the form).
    lines = [f"{ASK_PREFIX}{calculator.title.lower()}, bạn cho mình biết thêm: " + "; ".join(wanted) + "?"]
    if error:
        lines.insert(0, error)
    if labels:
        lines.append(_understood(labels))
    return CalculationReply(
        calculator=calculator.name,
        title=calculator.title,
        inputs={k: v for k, v in values.items() if v is not None},
        input_labels=labels,
        missing=missing,
        direct_answer="\n".join(lines),
        citations=calculator.citations,
        error=error,
    )
