"""Sickness benefit (Điều 45 Luật BHXH 41/2024/QH15): 75% of the wage the last month's social
insurance was paid on, per month; a day is the monthly amount divided by 24 (khoản 5)."""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

BHXH = "41/2024/QH15"
RATE = 75  # khoản 2 Điều 45
DAYS_PER_MONTH = 24  # khoản 5 Điều 45


def compute_sickness(values: Values) -> CalculationResult:
    wage, days = values["luong_dong_bhxh"], float(values["so_ngay"])
    amount = fmt.round_half_up(wage * RATE / 100 / DAYS_PER_MONTH * days)
    return CalculationResult(
        calculator=CALC.name,
        headline=f"Trợ cấp ốm đau cho {fmt.days(days)} nghỉ của bạn là {fmt.money(amount)}.",
        inputs=CALC.shown(values),
        formula=(f"Trợ cấp = 75% × {fmt.money(wage)} ÷ 24 ngày × {fmt.days(days)} = {fmt.money(amount)}.",),
        figures=(Figure("tro_cap", "Trợ cấp ốm đau", amount, fmt.money(amount)),),
        citations=CALC.citations,
        notes=(
            "Áp dụng cho ốm đau thông thường (khoản 1 Điều 43); bệnh cần chữa trị dài ngày có mức riêng.",
        ),
    )


CALC = Calculator(
    name="om_dau",
    title="Trợ cấp ốm đau",
    description="75% tiền lương đóng bảo hiểm xã hội của tháng gần nhất, chia 24 ngày, nhân số ngày nghỉ.",
    inputs=(
        InputSpec(
            "luong_dong_bhxh",
            "Tiền lương đóng bảo hiểm xã hội của tháng gần nhất",
            "money",
            100_000,
            1_000_000_000,
        ),
        InputSpec("so_ngay", "Số ngày nghỉ ốm (ngày làm việc)", "number", 0.5, 180),
    ),
    citations=(UnitRef(BHXH, 45, 2), UnitRef(BHXH, 45, 5), UnitRef(BHXH, 45, 1)),
    compute=compute_sickness,
    example={"luong_dong_bhxh": "8 triệu", "so_ngay": 4},
)
