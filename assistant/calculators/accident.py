"""Employer's compensation for a work accident or occupational disease (khoản 4–5 Điều 38 Luật
An toàn, vệ sinh lao động 84/2015/QH13): at least 1,5 months' wage for a 5–10% loss of working
capacity, plus 0,4 month for each further 1% from 11% to 80%; at least 30 months from 81% or
on death; 40% of that when the accident was the worker's own fault."""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

ATVSLD = "84/2015/QH13"
BASE_MONTHS = 1.5  # "Ít nhất bằng 1,5 tháng tiền lương nếu bị suy giảm từ 5% đến 10%"
STEP_MONTHS = 0.4  # "cứ tăng 1% được cộng thêm 0,4 tháng tiền lương ... từ 11% đến 80%"
SEVERE_MONTHS = 30  # "Ít nhất 30 tháng tiền lương ... từ 81% trở lên hoặc ... bị chết"
OWN_FAULT_PERCENT = 40  # khoản 5


def compensation_months(loss_percent: int) -> float:
    if loss_percent >= 81:
        return float(SEVERE_MONTHS)
    return BASE_MONTHS + STEP_MONTHS * max(loss_percent - 10, 0)


def compute_accident(values: Values) -> CalculationResult:
    loss, wage, own_fault = (
        int(values["muc_suy_giam"]),
        values["luong"],
        bool(values["do_loi_nguoi_lao_dong"]),
    )
    months = round(compensation_months(loss), 1)
    amount = fmt.round_half_up(months * wage)
    lines = [
        f"Suy giảm {fmt.percent(loss)}: 1,5 tháng + 0,4 tháng × {max(loss - 10, 0)} = {fmt.number(months)} "
        "tháng lương."
        if loss < 81
        else "Suy giảm từ 81% trở lên: ít nhất 30 tháng lương.",
        f"Bồi thường = {fmt.number(months)} × {fmt.money(wage)} = {fmt.money(amount)}.",
    ]
    kind, unit = "bồi thường", UnitRef(ATVSLD, 38, 4, "b" if loss >= 81 else "a")
    if own_fault:
        amount = fmt.round_half_up(amount * OWN_FAULT_PERCENT / 100)
        lines.append(f"Do lỗi của chính bạn: trợ cấp ít nhất 40% mức trên = {fmt.money(amount)}.")
        kind, unit = "trợ cấp", UnitRef(ATVSLD, 38, 5)
    return CalculationResult(
        calculator=CALC.name,
        headline=f"Công ty phải {kind} cho bạn ít nhất {fmt.money(amount)}.",
        inputs=CALC.shown(values),
        formula=tuple(lines),
        figures=(
            Figure("so_tien", "Tiền bồi thường, trợ cấp tối thiểu", amount, fmt.money(amount)),
            Figure("so_thang", "Số tháng lương", months, fmt.months(months)),
        ),
        citations=(unit, UnitRef(ATVSLD, 38, 10)),
        notes=("Tiền lương tính bồi thường gồm mức lương, phụ cấp lương và các khoản bổ sung (khoản 10).",),
    )


CALC = Calculator(
    name="boi_thuong_tai_nan",
    title="Bồi thường tai nạn lao động, bệnh nghề nghiệp",
    description="Khoản người sử dụng lao động phải trả theo mức suy giảm khả năng lao động.",
    inputs=(
        InputSpec("muc_suy_giam", "Mức suy giảm khả năng lao động (%)", "int", 5, 100),
        InputSpec("luong", "Tiền lương theo hợp đồng (gồm phụ cấp lương)", "money", 100_000, 1_000_000_000),
        InputSpec(
            "do_loi_nguoi_lao_dong",
            "Tai nạn do lỗi của chính người lao động",
            "bool",
            required=False,
            default=False,
        ),
    ),
    citations=(UnitRef(ATVSLD, 38, 4, "a"), UnitRef(ATVSLD, 38, 4, "b"), UnitRef(ATVSLD, 38, 5)),
    compute=compute_accident,
    example={"muc_suy_giam": 20, "luong": "10 triệu"},
)
