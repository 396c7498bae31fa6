"""The "Tính toán" tab: its layout builds, and its two handlers give the calculators' replies."""

from __future__ import annotations

import gradio as gr

from assistant.calculators import answer_calculation
from assistant.calculators.registry import CALCULATORS, get_calculator
from ui.web.calculator_tab import (
    MAX_INPUTS,
    build_calculator_tab,
    calculate,
    form_updates,
    reply_form_updates,
)


def test_tab_builds_with_a_box_for_the_largest_form() -> None:
    with gr.Blocks() as demo:
        build_calculator_tab()
    ids = {getattr(block, "elem_id", None) for block in demo.blocks.values()}
    assert {"la-calc-picker", "la-calc-run", "la-calc-result"} <= ids
    assert f"la-calc-input-{MAX_INPUTS - 1}" in ids
    assert max(len(c.inputs) for c in CALCULATORS) == MAX_INPUTS


def test_choosing_a_calculator_relabels_and_hides_boxes() -> None:
    updates = form_updates("thoi_han_bao_truoc")
    calculator = get_calculator("thoi_han_bao_truoc")
    assert len(updates) == 1 + MAX_INPUTS
    assert updates[1]["label"] == calculator.inputs[0].label
    assert updates[1]["visible"] is True
    assert all(u["visible"] is False for u in updates[1 + len(calculator.inputs) :])


def test_result_shows_figure_and_legal_basis() -> None:
    text = calculate("tro_cap_thoi_viec", "3 năm 8 tháng", "9 triệu", "", "")
    assert text.startswith("Trợ cấp thôi việc của bạn là 18.000.000 đồng.")
    assert "**Căn cứ pháp lý:** khoản 1 Điều 46 45/2019/QH14" in text


def test_bad_or_missing_input_is_explained_not_raised() -> None:
    text = calculate("tro_cap_thoi_viec", "200 năm", "9 triệu", "", "")
    assert "từ 1 tháng đến 50 năm" in text and "Căn cứ pháp lý" not in text
    text = calculate("tro_cap_thoi_viec", "3 năm", "", "", "")
    assert "Tiền lương bình quân" in text


def test_a_chat_request_for_inputs_becomes_a_prefilled_form() -> None:
    reply = answer_calculation("Lương tôi 10,4 triệu, làm thêm 4 giờ ngày chủ nhật được bao nhiêu tiền?")
    assert reply is not None and reply.missing == ("so_ngay_lam_viec_thang",)
    picker, _, *boxes = reply_form_updates(reply)
    names = [s.name for s in get_calculator("lam_them_gio").inputs]
    assert picker["value"] == "lam_them_gio"
    assert boxes[names.index("luong_thang")]["value"] == "10400000"
    assert boxes[names.index("so_ngay_lam_viec_thang")]["label"].endswith("(cần nhập)")
    filled = [str(b.get("value", "")) for b in boxes[: len(names)]]
    filled[names.index("so_ngay_lam_viec_thang")] = "26"
    assert "400.000 đồng" in calculate("lam_them_gio", *filled)
