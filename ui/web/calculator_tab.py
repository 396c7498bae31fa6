"""Tab "Tính toán": pick a calculator, fill its short form, read the result with its legal basis.

The form has a fixed number of boxes relabelled for the chosen calculator (Gradio re-renders
nothing, so the layout stays light on a phone). Every decision, message and figure comes from
``assistant.calculators``: the tab only collects text and shows the reply.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.calculators import CalculationReply, reply_for
from assistant.calculators.base import Calculator, InputSpec
from assistant.calculators.registry import CALCULATORS, get_calculator

MAX_INPUTS = max(len(c.inputs) for c in CALCULATORS)


def _placeholder(spec: InputSpec) -> str:
    if spec.kind == "choice":
        return " / ".join(label for _, label in spec.choices)
    if spec.kind == "bool":
        return "có / không"
    return spec.help or spec.range_text()


def _box_update(spec: InputSpec | None) -> Any:
    if spec is None:
        return gr.update(visible=False, value="")
    label = spec.label + ("" if spec.required else " (không bắt buộc)")
    info = f"Cho phép: {spec.range_text()}"
    if spec.default is not None:
        info += f"; để trống = {spec.default if spec.kind != 'choice' else spec.choice_label(spec.default)}"
    return gr.update(visible=True, label=label, placeholder=_placeholder(spec), info=info, value="")


def form_updates(name: str) -> list[Any]:
    """Description and one update per box for calculator ``name``."""
    calculator = get_calculator(name)
    specs: list[InputSpec | None] = [*calculator.inputs, *([None] * (MAX_INPUTS - len(calculator.inputs)))]
    return [gr.update(value=f"**{calculator.title}.** {calculator.description}"), *map(_box_update, specs)]


def _as_text(spec: InputSpec, value: Any) -> str:
    if spec.kind == "month" and hasattr(value, "year"):
        return f"{value.month}/{value.year}"
    if spec.kind == "bool":
        return "có" if value else "không"
    return str(value)


def reply_form_updates(reply: CalculationReply) -> list[Any]:
    """The short form for a chat reply that asks for inputs: picker, description, then the boxes
    pre-filled with what was understood and the missing ones marked (outputs as ``form_updates``,
    with the picker first)."""
    calculator = get_calculator(reply.calculator)
    updates = form_updates(calculator.name)
    for index, spec in enumerate(calculator.inputs):
        value = reply.inputs.get(spec.name)
        update = updates[1 + index]
        if value is not None:
            update["value"] = _as_text(spec, value)
        if spec.name in reply.missing:
            update["label"] = f"{spec.label} (cần nhập)"
    return [gr.update(value=calculator.name), *updates]


def calculate(name: str, *texts: str) -> str:
    """The reply for the boxes' text: the result, or what is missing or wrong, in Vietnamese."""
    calculator: Calculator = get_calculator(name)
    raw = {
        spec.name: text for spec, text in zip(calculator.inputs, texts, strict=False) if text and text.strip()
    }
    reply = reply_for(calculator, raw)
    lines = reply.direct_answer.splitlines()
    body = "\n\n".join(lines)
    if reply.result is not None:
        basis = "; ".join(ref.label() for ref in reply.result.citations)
        shown = reply.direct_answer
        notes = "".join(f"\n\n_Lưu ý: {note}_" for note in reply.result.notes if note not in shown)
        body += f"\n\n**Căn cứ pháp lý:** {basis}{notes}"
    return body


def build_calculator_tab() -> None:
    """Lay out the calculator form inside the current ``gr.Tab`` and wire its events."""
    choices = [(c.title, c.name) for c in CALCULATORS]
    first = CALCULATORS[0]
    picker = gr.Dropdown(choices=choices, value=first.name, label="Chọn phép tính", elem_id="la-calc-picker")
    description = gr.Markdown(f"**{first.title}.** {first.description}")
    boxes = []
    for index in range(MAX_INPUTS):
        spec = first.inputs[index] if index < len(first.inputs) else None
        boxes.append(
            gr.Textbox(
                label=(spec.label + ("" if spec.required else " (không bắt buộc)")) if spec else "",
                placeholder=_placeholder(spec) if spec else "",
                info=f"Cho phép: {spec.range_text()}" if spec else None,
                visible=spec is not None,
                lines=1,
                max_lines=1,
                max_length=200,
                elem_id=f"la-calc-input-{index}",
            )
        )
    run = gr.Button("Tính", variant="primary", elem_id="la-calc-run")
    output = gr.Markdown(elem_id="la-calc-result")
    picker.change(form_updates, inputs=picker, outputs=[description, *boxes])
    run.click(calculate, inputs=[picker, *boxes], outputs=output)
