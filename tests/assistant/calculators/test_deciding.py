"""The provision that decides a case a calculator declines for a fact of the member's case."""

from __future__ import annotations

import pytest

from assistant.calculators import answer_calculation
from assistant.calculators.base import UnitRef
from assistant.calculators.deciding import deciding_rule

BLLD, BHXH, LVL = "45/2019/QH14", "41/2024/QH15", "74/2025/QH15"


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        (
            "em lam cty 6 nam, luong 8tr, thang roi em nghi ngang ko bao truoc. cty phai tra em tro cap "
            "thoi viec bao nhieu?",
            UnitRef(BLLD, 40, 1),
        ),
        (
            "Bố em 62 tuổi vẫn đi làm bảo vệ, hđ không xác định thời hạn. Bố em muốn nghỉ thì phải báo "
            "trước mấy ngày?",
            UnitRef(BLLD, 35, 2, "e"),
        ),
        (
            "Cty nợ lương em 2 tháng rồi, hđ 2 năm. Em muốn nghỉ thì phải báo trước bao nhiêu ngày?",
            UnitRef(BLLD, 35, 2, "b"),
        ),
        (
            "Em vẫn đang đi làm, đóng bhxh được 5 năm, lương 7 triệu. Rút bhxh 1 lần được bao nhiêu?",
            UnitRef(BHXH, 70, 1, "đ"),
        ),
        (
            "Con em 8 tuổi bị sốt, em nghỉ 3 ngày chăm con, lương đóng bhxh 6 triệu. Bảo hiểm trả em "
            "bao nhiêu?",
            UnitRef(BHXH, 42, 1, "e"),
        ),
        (
            "Em bị tạm đình chỉ 10 ngày, lương 9 triệu, sau đó cty kết luận em không có lỗi. Cty phải trả "
            "em bao nhiêu?",
            UnitRef(BLLD, 128, 4),
        ),
        (
            "Em đi muộn 2 lần bị trừ lương, lương 7 triệu. Cty được trừ tối đa bao nhiêu?",
            UnitRef(BLLD, 127, 2),
        ),
        (
            "Em đang hưởng tctn tháng thứ 2 thì tìm được việc mới, vậy tháng sau em còn được nhận bao "
            "nhiêu?",
            UnitRef(LVL, 41, 4, "a"),
        ),
        (
            "cty tru vao luong e 2% kinh phi cong doan, luong e 9tr. vay moi thang cty tru e bn la dung?",
            UnitRef("50/2024/QH15", 29, 1, "b"),
        ),
        (
            "Em đóng bhxh từ tháng 8/2019 đến tháng 9/2026 thì nghỉ việc, giờ ở nhà, lương bình quân 8 "
            "triệu. Em rút bhxh 1 lần ngay được bao nhiêu?",
            UnitRef(BHXH, 70, 1, "đ"),
        ),
    ],
)
def test_the_fact_that_takes_the_figure_away_names_its_provision(question: str, unit: UnitRef) -> None:
    """Each is declined by the calculators, and the provision that decides it is the one named."""
    assert answer_calculation(question, []) is None
    assert deciding_rule(question) == unit


@pytest.mark.parametrize(
    "question",
    [
        # a story that asks something else: whether the fall was a work accident
        "Giờ nghỉ giữa ca em đi xuống căng tin thì trượt ngã gãy tay, cty nói không phải tai nạn lao động, "
        "chỉ cho em nghỉ ốm thôi. Vậy có đúng không?",
        # leaving early to breastfeed is the nursing hour, not a fine
        "con e 4 thang, e di lam lai roi, moi ngay ve som 1 tieng cho con bu thi co bi tru luong ko",
        # whether a fall on the way to work is a work accident (Điều 45 Luật ATVSLĐ), not the employer's
        # allowance for one: no rule forced, though the accident calculator declines on the commute
        "Em đi làm về thì bị xe khác tông gãy tay, có được tính là tai nạn lao động không, cty phải bồi "
        "thường bao nhiêu?",
        # a calculation the calculator prices: nothing to force
        "Em làm 3 năm, lương 8 triệu, cty chưa đóng bhtn. Em nghỉ việc đúng luật, trợ cấp thôi việc bao "
        "nhiêu?",
    ],
)
def test_no_provision_is_forced_on_other_questions(question: str) -> None:
    assert deciding_rule(question) is None
