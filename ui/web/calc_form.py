"""The short form under a chat answer that asks for a calculator's missing inputs.

When the assistant answers a calculation question by asking for inputs (``Answer.calculation``
with ``missing``), the member chat shows a compact form with just those inputs: Vietnamese
labels, the allowed range, the values already understood. Submitting it checks each value with
the calculator's own rules (its Vietnamese message appears next to the field, nothing typed is
lost) and then sends the values as the member's next message, written so that the assistant
reads them back exactly: the conversation history and follow-ups work as if they were typed.
The form has a fixed number of slots relabelled per answer (Gradio re-renders nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import gradio as gr

from assistant.calculators import CalculatorInputError
from assistant.calculators.base import KIND_HINTS, Calculator, InputSpec
from assistant.calculators.formatting import format_value
from assistant.calculators.intent import read_answer_to
from assistant.calculators.registry import CALCULATORS, get_calculator
from assistant.calculators.validation import check_value
from ui.web.format import message_html

SLOTS = max(len(c.inputs) for c in CALCULATORS)
PICKED_KINDS = ("choice", "bool")  # answered with a drop-down, the rest with a text box
BOOL_CHOICES = ("có", "không")
# The unit a member writes after a bare number, read from the input's label ("Số giờ làm thêm").
NUMBER_UNITS = (("(%)", "%"), ("giờ", " giờ"), ("ngày", " ngày"), ("tháng", " tháng"), ("con", " con"))


def pending_calculation(payload: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The answer's calculation when it asks for inputs a known calculator has, else None."""
    calculation = (payload or {}).get("calculation") if isinstance(payload, Mapping) else None
    if not isinstance(calculation, Mapping) or not calculation.get("missing"):
        return None
    try:
        calculator = get_calculator(str(calculation.get("calculator")))
    except LookupError:
        return None
    names = {spec.name for spec in calculator.inputs}
    if not all(name in names for name in calculation["missing"]):
        return None
    return dict(calculation)


def missing_specs(calculation: Mapping[str, Any]) -> tuple[Calculator, tuple[InputSpec, ...]]:
    calculator = get_calculator(str(calculation["calculator"]))
    return calculator, tuple(calculator.spec(str(name)) for name in calculation["missing"][:SLOTS])


def _choices(spec: InputSpec) -> list[str]:
    return list(BOOL_CHOICES) if spec.kind == "bool" else [label for _, label in spec.choices]


def _intro(calculation: Mapping[str, Any]) -> str:
    lines = [f"**Nhập thêm để tính {str(calculation.get('title', '')).lower()}**"]
    understood = [
        f"{row['label']}: {row['value']}" for row in calculation.get("input_labels") or () if row.get("value")
    ]
    if understood:
        lines.append("Đã hiểu: " + "; ".join(understood) + ".")
    return "\n\n".join(lines)


def form_updates(calculation: Any) -> list[Any]:
    """Updates for [group, intro, *boxes, *pickers, *errors]: the form for the answer's missing
    inputs, or hidden when the answer asks for nothing."""
    hidden = gr.update(visible=False)
    calculation = pending_calculation({"calculation": calculation})
    if calculation is None:
        blank = [gr.update(visible=False, value="")] * SLOTS
        unpicked = [gr.update(visible=False, value=None)] * SLOTS
        return [hidden, gr.update(value=""), *blank, *unpicked, *blank]
    _, specs = missing_specs(calculation)
    boxes, pickers, errors = [], [], []
    error = str(calculation.get("error") or "")
    for index in range(SLOTS):
        spec = specs[index] if index < len(specs) else None
        picked = spec is not None and spec.kind in PICKED_KINDS
        info = f"Cho phép: {spec.range_text()}" if spec is not None else None
        boxes.append(
            gr.update(
                visible=spec is not None and not picked,
                label=spec.label if spec else "",
                info=info,
                placeholder=(spec.help or KIND_HINTS[spec.kind]) if spec else "",
                value="",
            )
        )
        pickers.append(
            gr.update(
                visible=picked,
                label=spec.label if spec else "",
                info=info,
                choices=_choices(spec) if spec else [],
                value=None,
            )
        )
        # The calculator's message about a value it could not use stands next to that input.
        shown = error if index == 0 and error else ""
        errors.append(gr.update(visible=bool(shown), value=message_html("error", shown) if shown else ""))
    return [gr.update(visible=True), gr.update(value=_intro(calculation)), *boxes, *pickers, *errors]


def _raw(spec: InputSpec, box: Any, picked: Any) -> str:
    if spec.kind == "bool":
        return str(picked or "")
    if spec.kind == "choice":
        labels = dict((label, key) for key, label in spec.choices)
        return labels.get(str(picked), str(picked or ""))
    return str(box or "").strip()


def check_values(
    calculation: Mapping[str, Any], boxes: Sequence[Any], pickers: Sequence[Any]
) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """(checked values, raw texts, errors) by input name, each error the calculator's message."""
    _, specs = missing_specs(calculation)
    values: dict[str, Any] = {}
    raws: dict[str, str] = {}
    errors: dict[str, str] = {}
    for index, spec in enumerate(specs):
        raw = _raw(spec, boxes[index], pickers[index])
        raws[spec.name] = raw
        if not raw:
            errors[spec.name] = f"“{spec.label}”: chưa nhập. Cần nhập {KIND_HINTS[spec.kind]}; " + (
                f"giá trị cho phép: {spec.range_text()}."
            )
            continue
        try:
            values[spec.name] = check_value(spec, raw)
        except CalculatorInputError as exc:
            errors[spec.name] = str(exc)
    return values, raws, errors


def _written(spec: InputSpec, value: Any) -> str:
    if spec.kind == "choice":
        return spec.choice_label(value)
    if spec.kind == "month":
        return f"{value.month}/{value.year}"
    return format_value(spec.kind, value)


def _unit(spec: InputSpec) -> str:
    label = spec.label.lower()
    for marker, unit in NUMBER_UNITS:
        if spec.kind in ("int", "number") and marker in label:
            return unit
    return ""


def _phrasings(spec: InputSpec, value: Any, raw: str) -> list[str]:
    texts = list(dict.fromkeys([_written(spec, value), raw]))
    unit = _unit(spec)
    out = [f"{spec.label}: {text}" for text in texts]
    if unit:
        out += [f"{spec.label.lower()} {text}{unit}" for text in texts] + [f"{text}{unit}" for text in texts]
    return out + texts


def compose_message(calculator: Calculator, values: Mapping[str, Any], raws: Mapping[str, str]) -> str:
    """The member's message carrying ``values``: for each input the first wording the assistant
    reads back as exactly that value (checked with the conversation's own reader)."""
    missing = tuple(values)

    def reads_back(text: str, names: Sequence[str]) -> bool:
        got = read_answer_to(calculator, missing, text)
        if not all(name in got for name in names):
            return False
        try:
            checked = calculator.validate(got)
        except CalculatorInputError:
            return False
        return all(checked.get(name) == values[name] for name in names)

    parts: list[str] = []
    for index, name in enumerate(missing):
        options = _phrasings(calculator.spec(name), values[name], raws.get(name, ""))
        wanted = missing[: index + 1]
        parts.append(next((o for o in options if reads_back("; ".join([*parts, o]), wanted)), options[0]))
    return "; ".join(parts)


@dataclass
class CalcForm:
    """The form's components; ``fields`` are the inputs its submit reads."""

    group: Any
    intro: Any
    boxes: list[Any]
    pickers: list[Any]
    errors: list[Any]
    submit: Any

    @property
    def outputs(self) -> list[Any]:
        return [self.group, self.intro, *self.boxes, *self.pickers, *self.errors]

    @property
    def fields(self) -> list[Any]:
        return [*self.boxes, *self.pickers]


def build_calc_form() -> CalcForm:
    """Lay out the (hidden) form in the current Blocks context."""
    with gr.Group(visible=False, elem_id="la-calc-form") as group:
        intro = gr.Markdown(elem_id="la-calc-form-intro")
        boxes, pickers, errors = [], [], []
        for index in range(SLOTS):
            boxes.append(
                gr.Textbox(
                    visible=False, lines=1, max_lines=1, max_length=200, elem_id=f"la-calc-field-{index}"
                )
            )
            pickers.append(gr.Dropdown(visible=False, choices=[], elem_id=f"la-calc-pick-{index}"))
            errors.append(gr.HTML(visible=False, elem_id=f"la-calc-error-{index}"))
        submit = gr.Button("Tính", variant="primary", elem_id="la-calc-form-send")
    return CalcForm(group, intro, boxes, pickers, errors, submit)


AnswerSteps = Callable[..., Iterator[tuple[Any, ...]]]


def submit_steps(
    answer: AnswerSteps, kept: int, calculation: Any, fields: Sequence[Any], *answer_args: Any
) -> Iterator[tuple[Any, ...]]:
    """The submit handler's steps: (form updates..., *answer outputs).

    Invalid or empty values: each message next to its input, the form and what was typed kept,
    the chat untouched (``kept`` answer outputs left as they are). Valid: the form hides and
    ``answer(message, *answer_args)`` answers the composed message as if the member had typed it
    (its outputs end with the answer's pending calculation, which shows the form again).
    """
    if calculation is None:
        yield (*form_updates(None), *([gr.update()] * kept))
        return
    boxes, pickers = fields[:SLOTS], fields[SLOTS:]
    values, raws, errors = check_values(calculation, boxes, pickers)
    _, specs = missing_specs(calculation)
    if errors:
        error_updates = [
            gr.update(visible=bool(errors.get(s.name)), value=message_html("error", errors.get(s.name, "")))
            for s in specs
        ]
        error_updates += [gr.update(visible=False, value="")] * (SLOTS - len(specs))
        keep = [gr.update()] * (2 + 2 * SLOTS)
        yield (*keep, *error_updates, *([gr.update()] * kept))
        return
    calculator = get_calculator(str(calculation["calculator"]))
    message = compose_message(calculator, values, raws)
    hidden = form_updates(None)
    step: tuple[Any, ...] = ()
    for step in answer(message, *answer_args):
        yield (*hidden, *step)
    # The answer's last output is its calculation: a further request shows the form again.
    if step:
        yield (*form_updates(step[-1]), *([gr.update()] * kept))
