"""Pension rate (khoản 1 Điều 66 Luật BHXH 41/2024/QH15): women 45% for 15 years, men 45% for
20 years (40% for 15 to under 20 years, plus 1% a year), then 2% a year, at most 75%; odd
months count as half a year (1–6) or a year (7–11) (khoản 6 Điều 5)."""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values
from assistant.calculators.severance import counted_years

BHXH = "41/2024/QH15"
MIN_YEARS = 15
MAX_PERCENT = 75


def pension_percent(sex: str, years: float) -> float:
    if years < MIN_YEARS:
        return 0.0
    if sex == "nu":
        return min(45 + 2 * (years - 15), MAX_PERCENT)
    if years < 20:
        return 40 + 1 * (years - 15)
    return min(45 + 2 * (years - 20), MAX_PERCENT)


def compute_pension(values: Values) -> CalculationResult:
    sex, months = values["gioi_tinh"], int(values["thoi_gian_dong"])
    years = counted_years(months)
    percent = pension_percent(sex, years)
    if percent == 0:
        headline = (
            f"Bạn mới đóng {fmt.years_months(months)}, chưa đủ 15 năm nên chưa đủ điều kiện hưởng lương hưu."
        )
    else:
        headline = (
            f"Lương hưu của bạn bằng {fmt.percent(percent)} mức bình quân tiền lương đóng bảo hiểm xã hội."
        )
    if sex == "nu":
        rule = "Nữ: 45% cho 15 năm, mỗi năm thêm 2%, tối đa 75%"
    elif years < 20:
        rule = "Nam đóng 15 đến dưới 20 năm: 40% cho 15 năm, mỗi năm thêm 1%"
    else:
        rule = "Nam: 45% cho 20 năm, mỗi năm thêm 2%, tối đa 75%"
    lines: tuple[str, ...] = (f"{rule}; {fmt.years(years)} đóng → {fmt.percent(percent)}.",)
    amount = values.get("luong_binh_quan")
    figures = [Figure("ty_le", "Tỷ lệ hưởng lương hưu", percent, fmt.percent(percent))]
    if amount is not None and percent:
        pension = fmt.round_half_up(amount * percent / 100)
        headline += f" Mỗi tháng khoảng {fmt.money(pension)}."
        lines += (f"Lương hưu = {fmt.percent(percent)} × {fmt.money(amount)} = {fmt.money(pension)}.",)
        figures.append(Figure("luong_huu", "Lương hưu hằng tháng", pension, fmt.money(pension)))
    return CalculationResult(
        calculator=CALC.name,
        headline=headline,
        inputs=CALC.shown(values),
        formula=lines,
        figures=tuple(figures),
        citations=(
            UnitRef(BHXH, 66, 1, "a" if sex == "nu" else "b"),
            UnitRef(BHXH, 5, 6),
            UnitRef(BHXH, 64, 1),
        ),
        notes=(
            "Nghỉ hưu trước tuổi do suy giảm khả năng lao động: mỗi năm nghỉ sớm giảm 2% (khoản 3 Điều 66).",
        ),
    )


CALC = Calculator(
    name="ty_le_luong_huu",
    title="Tỷ lệ lương hưu",
    description="Tỷ lệ phần trăm lương hưu theo giới tính và số năm đóng bảo hiểm xã hội.",
    inputs=(
        InputSpec(
            "gioi_tinh", "Giới tính", "choice", choices=(("nam", "lao động nam"), ("nu", "lao động nữ"))
        ),
        InputSpec("thoi_gian_dong", "Thời gian đóng bảo hiểm xã hội", "duration", 1, 600),
        InputSpec(
            "luong_binh_quan",
            "Mức bình quân tiền lương đóng bảo hiểm xã hội",
            "money",
            100_000,
            1_000_000_000,
            required=False,
        ),
    ),
    citations=(UnitRef(BHXH, 66, 1, "a"), UnitRef(BHXH, 66, 1, "b"), UnitRef(BHXH, 5, 6)),
    compute=compute_pension,
    example={"gioi_tinh": "nam", "thoi_gian_dong": "18 năm"},
)
