"""The short calculator form under a chat answer: which inputs it shows, how it checks them, and
the message it sends, read back by the conversation's own calculator reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr
import pytest

from assistant.calculators import answer_calculation, reply_for
from assistant.calculators.registry import CALCULATORS, get_calculator
from ui.web.calc_form import (
    SLOTS,
    build_calc_form,
    check_values,
    compose_message,
    form_updates,
    pending_calculation,
    submit_steps,
)

SEVERANCE_QUESTION = "Tôi làm 3 năm 8 tháng thì được trợ cấp thôi việc bao nhiêu?"


def _asked(question: str) -> dict[str, Any]:
    reply = answer_calculation(question)
    assert reply is not None
    calculation = pending_calculation({"calculation": reply.to_json()})
    assert calculation is not None
    return calculation


def _slots(updates: list[Any]) -> tuple[Any, Any, list[Any], list[Any], list[Any]]:
    group, intro, rest = updates[0], updates[1], updates[2:]
    return group, intro, rest[:SLOTS], rest[SLOTS : 2 * SLOTS], rest[2 * SLOTS :]


def test_form_builds_with_a_slot_for_every_input_of_the_largest_calculator() -> None:
    with gr.Blocks() as demo:
        form = build_calc_form()
    ids = {getattr(block, "elem_id", None) for block in demo.blocks.values()}
    assert {"la-calc-form", "la-calc-form-send", f"la-calc-field-{SLOTS - 1}"} <= ids
    assert len(form.outputs) == 2 + 3 * SLOTS == len(form_updates(None))
    assert max(len(c.inputs) for c in CALCULATORS) == SLOTS


def test_only_a_request_for_inputs_opens_the_form() -> None:
    done = answer_calculation("Tôi làm 3 năm 8 tháng, lương 9 triệu, trợ cấp thôi việc bao nhiêu?")
    assert done is not None and done.result is not None
    assert pending_calculation({"calculation": done.to_json()}) is None
    assert pending_calculation({"answer": "Điều 113...", "calculation": None}) is None
    assert pending_calculation(None) is None
    assert form_updates(gr.update())[0]["visible"] is False  # a kept output is not a request


def test_missing_wage_gets_one_labelled_box_and_the_understood_values() -> None:
    group, intro, boxes, pickers, errors = _slots(form_updates(_asked(SEVERANCE_QUESTION)))
    wage = get_calculator("tro_cap_thoi_viec").spec("luong_binh_quan")
    assert group["visible"] is True
    assert "3 năm 8 tháng" in intro["value"] and "trợ cấp thôi việc" in intro["value"]
    assert boxes[0]["visible"] is True and boxes[0]["label"] == wage.label
    assert boxes[0]["info"] == f"Cho phép: {wage.range_text()}"
    assert all(b["visible"] is False for b in boxes[1:]) and all(p["visible"] is False for p in pickers)
    assert all(e["visible"] is False for e in errors)


def test_a_choice_is_a_drop_down_of_vietnamese_labels() -> None:
    calculation = reply_for(get_calculator("tuoi_nghi_huu"), {}).to_json()
    _, _, boxes, pickers, _ = _slots(form_updates(calculation))
    names = list(calculation["missing"])
    sex = get_calculator("tuoi_nghi_huu").spec("gioi_tinh")
    at = names.index("gioi_tinh")
    assert pickers[at]["visible"] is True and boxes[at]["visible"] is False
    assert pickers[at]["choices"] == [label for _, label in sex.choices]
    assert boxes[names.index("thang_sinh")]["visible"] is True


def test_invalid_and_empty_values_get_the_calculators_message() -> None:
    calculation = _asked(SEVERANCE_QUESTION)
    blank = [""] * SLOTS
    _, _, errors = check_values(calculation, ["0", *blank[1:]], [None] * SLOTS)
    assert "Tiền lương bình quân" in errors["luong_binh_quan"] and "cho phép" in errors["luong_binh_quan"]
    _, _, errors = check_values(calculation, blank, [None] * SLOTS)
    assert "chưa nhập" in errors["luong_binh_quan"]
    values, _, errors = check_values(calculation, ["9tr", *blank[1:]], [None] * SLOTS)
    assert not errors and values == {"luong_binh_quan": 9_000_000}


@pytest.mark.parametrize(
    "calculator", [c for c in CALCULATORS if c.missing(c.validate({}))], ids=lambda c: c.name
)
def test_the_sent_message_is_read_back_as_the_values_and_answered(calculator: Any) -> None:
    """Every calculator asked with nothing given: the form filled with its worked example sends
    a message the conversation reads back to exactly those values, and the chat computes."""
    asked = reply_for(calculator, {})
    example = calculator.validate(calculator.example)
    boxes: list[Any] = [""] * SLOTS
    pickers: list[Any] = [None] * SLOTS
    for index, name in enumerate(asked.missing):
        spec, value = calculator.spec(name), example[name]
        if spec.kind == "bool":
            pickers[index] = "có" if value else "không"
        elif spec.kind == "choice":
            pickers[index] = spec.choice_label(value)
        elif spec.kind == "month":
            boxes[index] = f"{value.month}/{value.year}"
        else:
            boxes[index] = str(value)
    values, raws, errors = check_values(asked.to_json(), boxes, pickers)
    assert not errors
    message = compose_message(calculator, values, raws)
    reply = answer_calculation(message, [("Cho tôi tính", asked.direct_answer)])
    assert reply is not None and reply.calculator == calculator.name
    assert {n: reply.inputs.get(n) for n in values} == values, message


def _calculator_chat(message: str, history: list[tuple[str, str]]) -> Iterator[tuple[Any, ...]]:
    """A stand-in (fake) for the member chat's answer handler: the calculators alone answer,
    and the last output is the pending calculation, as in the member tab."""
    reply = answer_calculation(message, history)
    assert reply is not None
    yield message, reply.direct_answer, pending_calculation({"calculation": reply.to_json()})


def test_submit_keeps_typed_values_on_error_then_answers_and_hides() -> None:
    calculation = _asked(SEVERANCE_QUESTION)
    history = [(SEVERANCE_QUESTION, str(calculation["direct_answer"]))]
    boxes = ["-5", *[""] * (SLOTS - 1)]
    (step,) = list(submit_steps(_calculator_chat, 3, calculation, [*boxes, *[None] * SLOTS], history))
    form, chat = step[: 2 + 3 * SLOTS], step[2 + 3 * SLOTS :]
    _, _, kept_boxes, _, errors = _slots(list(form))
    assert "value" not in kept_boxes[0], "what the member typed stays in the box"
    assert errors[0]["visible"] is True and "Tiền lương bình quân" in errors[0]["value"]
    assert all(not c.get("value") for c in chat if isinstance(c, dict)) and len(chat) == 3

    boxes[0] = "9 triệu"
    steps = list(submit_steps(_calculator_chat, 3, calculation, [*boxes, *[None] * SLOTS], history))
    sent, answered, _ = steps[0][2 + 3 * SLOTS :]
    assert steps[0][0]["visible"] is False
    assert "9.000.000 đồng" in sent and answered.startswith("Trợ cấp thôi việc của bạn là 18.000.000 đồng")
    assert steps[-1][0]["visible"] is False, "the form hides once the result is given"


def test_a_value_the_calculator_refused_is_asked_again_with_its_message() -> None:
    calculator = get_calculator("tro_cap_thoi_viec")
    asked = reply_for(calculator, {"thoi_gian_lam_viec": "200 năm", "luong_binh_quan": "9 triệu"})
    assert asked.missing == ("thoi_gian_lam_viec",) and asked.error
    _, intro, boxes, _, errors = _slots(form_updates(asked.to_json()))
    assert boxes[0]["label"] == calculator.spec("thoi_gian_lam_viec").label
    assert errors[0]["visible"] is True and "từ 1 tháng đến 50 năm" in errors[0]["value"]
    assert "9 triệu" in intro["value"] or "9.000.000" in intro["value"]
