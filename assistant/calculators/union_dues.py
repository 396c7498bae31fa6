"""Trade-union funding: kinh phí công đoàn, 2% of the wage fund for social insurance (điểm b
khoản 1 Điều 29 Luật Công đoàn 50/2024/QH15), paid by the employer monthly with social
insurance, by the last day of the next month (Điều 4 NĐ 105/2026/NĐ-CP).

Đoàn phí paid by members is set by the Charter of Vietnam Trade Union (điểm a khoản 1 Điều 29),
which is not in the corpus: the calculator says so instead of guessing a rate.
"""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

LCD = "50/2024/QH15"
ND105 = "105/2026/NĐ-CP"
RATE_PERCENT = 2  # "đóng bằng 2% quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội bắt buộc"


def compute_union_fund(values: Values) -> CalculationResult:
    fund = values["quy_luong"]
    amount = fmt.round_half_up(fund * RATE_PERCENT / 100)
    return CalculationResult(
        calculator=CALC.name,
        headline=(
            f"Kinh phí công đoàn người sử dụng lao động phải đóng là {fmt.money(amount)}/tháng "
            f"(2% quỹ tiền lương đóng bảo hiểm xã hội)."
        ),
        inputs=CALC.shown(values),
        formula=(f"Kinh phí công đoàn = 2% × {fmt.money(fund)} = {fmt.money(amount)}.",),
        figures=(
            Figure("kinh_phi", "Kinh phí công đoàn", amount, fmt.money(amount)),
            Figure("ty_le", "Tỷ lệ", RATE_PERCENT, fmt.percent(RATE_PERCENT)),
        ),
        citations=CALC.citations,
        notes=(
            "Đây là khoản do doanh nghiệp đóng, không trừ vào lương của bạn. Đoàn phí của đoàn viên do "
            "Điều lệ "
            "Công đoàn Việt Nam quy định (điểm a khoản 1 Điều 29 Luật Công đoàn).",
        ),
    )


CALC = Calculator(
    name="kinh_phi_cong_doan",
    title="Kinh phí công đoàn",
    description="Kinh phí công đoàn doanh nghiệp đóng: 2% quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội.",
    inputs=(
        InputSpec(
            "quy_luong",
            "Quỹ tiền lương làm căn cứ đóng bảo hiểm xã hội (tháng)",
            "money",
            100_000,
            1_000_000_000_000,
        ),
    ),
    citations=(UnitRef(LCD, 29, 1, "b"), UnitRef(LCD, 29, 1, "a"), UnitRef(ND105, 4, 2, "a")),
    compute=compute_union_fund,
    example={"quy_luong": "500 triệu"},
)
