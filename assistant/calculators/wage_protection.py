"""Limits on what an employer may withhold: wage deductions (khoản 3 Điều 102 BLLĐ, at most 30%
of the monthly wage actually paid after compulsory insurance and personal income tax) and the
advance during a suspension (khoản 2 Điều 128 BLLĐ, 50% of the wage before the suspension)."""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

BLLD = "45/2019/QH14"
DEDUCTION_CAP_PERCENT = 30  # khoản 3 Điều 102
SUSPENSION_ADVANCE_PERCENT = 50  # khoản 2 Điều 128


def compute_deduction(values: Values) -> CalculationResult:
    wage = values["luong_thuc_tra"]
    cap = fmt.round_half_up(wage * DEDUCTION_CAP_PERCENT / 100)
    return CalculationResult(
        calculator=DEDUCTION.name,
        headline=f"Mỗi tháng công ty được khấu trừ lương của bạn tối đa {fmt.money(cap)} (30%).",
        inputs=DEDUCTION.shown(values),
        formula=(f"Mức khấu trừ tối đa = 30% × {fmt.money(wage)} = {fmt.money(cap)}.",),
        figures=(Figure("toi_da", "Mức khấu trừ tối đa mỗi tháng", cap, fmt.money(cap)),),
        citations=DEDUCTION.citations,
        notes=("Chỉ được khấu trừ để bồi thường hư hỏng dụng cụ, thiết bị, tài sản (khoản 1 Điều 102).",),
    )


def compute_suspension(values: Values) -> CalculationResult:
    wage = values["luong_truoc_dinh_chi"]
    advance = fmt.round_half_up(wage * SUSPENSION_ADVANCE_PERCENT / 100)
    return CalculationResult(
        calculator=SUSPENSION.name,
        headline=f"Trong thời gian bị tạm đình chỉ, bạn được tạm ứng {fmt.money(advance)}/tháng (50% lương).",
        inputs=SUSPENSION.shown(values),
        formula=(f"Tạm ứng = 50% × {fmt.money(wage)} = {fmt.money(advance)}.",),
        figures=(Figure("tam_ung", "Tiền lương tạm ứng mỗi tháng", advance, fmt.money(advance)),),
        citations=SUSPENSION.citations,
        notes=(
            "Nếu cuối cùng không bị kỷ luật, bạn được trả đủ lương cho thời gian bị đình chỉ (khoản 4 Điều "
            "128).",
        ),
    )


DEDUCTION = Calculator(
    name="khau_tru_luong",
    title="Mức khấu trừ lương tối đa",
    description="Khấu trừ lương để bồi thường thiệt hại tối đa 30% lương thực trả sau bảo hiểm và thuế.",
    inputs=(
        InputSpec(
            "luong_thuc_tra",
            "Tiền lương thực trả hằng tháng (sau BHXH, BHYT, BHTN, thuế)",
            "money",
            100_000,
            1_000_000_000,
        ),
    ),
    citations=(UnitRef(BLLD, 102, 3), UnitRef(BLLD, 102, 1)),
    compute=compute_deduction,
    example={"luong_thuc_tra": "8 triệu"},
)

SUSPENSION = Calculator(
    name="tam_dinh_chi",
    title="Tạm ứng lương khi bị tạm đình chỉ công việc",
    description=(
        "Trong thời gian bị tạm đình chỉ công việc được tạm ứng 50% tiền lương trước khi bị đình chỉ."
    ),
    inputs=(
        InputSpec(
            "luong_truoc_dinh_chi", "Tiền lương trước khi bị tạm đình chỉ", "money", 100_000, 1_000_000_000
        ),
    ),
    citations=(UnitRef(BLLD, 128, 2), UnitRef(BLLD, 128, 4)),
    compute=compute_suspension,
    example={"luong_truoc_dinh_chi": "10 triệu"},
)
