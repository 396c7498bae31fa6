"""One-time social insurance payment (bảo hiểm xã hội một lần, Điều 70 Luật BHXH 41/2024/QH15).

Per year of contributions: 1,5 months of the average contribution wage for years before 2014,
2 months for years from 2014; leftover months before 2014 move to the period from 2014; a
leftover of 1–6 months counts as half a year and 7–11 as a year (khoản 6 Điều 5). Under one
year: the contributions paid, at most 2 months of the average wage (điểm c khoản 3 Điều 70).
"""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values
from assistant.calculators.severance import counted_years

BHXH = "41/2024/QH15"
BEFORE_2014 = 1.5  # điểm a khoản 3 Điều 70
FROM_2014 = 2.0  # điểm b khoản 3 Điều 70
UNDER_ONE_YEAR_CAP = 2  # điểm c khoản 3 Điều 70


def split_years(before: int, after: int) -> tuple[float, float]:
    """Counted years before 2014 and from 2014 (odd months before 2014 move to the later period)."""
    if before and after:
        whole, rest = divmod(before, 12)
        return float(whole), counted_years(after + rest)
    return counted_years(before), counted_years(after)


def _needs(values: Values) -> tuple[str, ...]:
    total = int(values.get("thoi_gian_truoc_2014") or 0) + int(values["thoi_gian_tu_2014"])
    return ("so_tien_da_dong",) if total < 12 else ()


def compute_lump_sum(values: Values) -> CalculationResult:
    before, after = int(values.get("thoi_gian_truoc_2014") or 0), int(values["thoi_gian_tu_2014"])
    wage = values["luong_binh_quan"]
    if before + after < 12:
        paid = values["so_tien_da_dong"]
        amount = min(paid, UNDER_ONE_YEAR_CAP * wage)
        formula: tuple[str, ...] = (
            f"Đóng chưa đủ 1 năm ({fmt.years_months(before + after)}): bằng số tiền đã đóng "
            f"{fmt.money(paid)}, tối đa 2 tháng lương bình quân = {fmt.money(2 * wage)}.",
        )
        years_before, years_after = 0.0, 0.0
        cited: tuple[UnitRef, ...] = (UnitRef(BHXH, 70, 3, "c"), UnitRef(BHXH, 70, 1))
    else:
        years_before, years_after = split_years(before, after)
        amount = fmt.round_half_up((BEFORE_2014 * years_before + FROM_2014 * years_after) * wage)
        formula = (
            f"Trước 2014: {fmt.years(years_before)} × 1,5 tháng; từ 2014: {fmt.years(years_after)} × 2 tháng "
            "(tháng lẻ trước 2014 chuyển sang sau 2014; lẻ 1–6 tháng tính nửa năm, 7–11 tháng tính 1 năm).",
            f"Mức hưởng = ({fmt.number(BEFORE_2014 * years_before)} + {fmt.number(FROM_2014 * years_after)}) "
            f"tháng × {fmt.money(wage)} = {fmt.money(amount)}.",
        )
        cited = CALC.citations
    return CalculationResult(
        calculator=CALC.name,
        headline=f"Bảo hiểm xã hội một lần của bạn là {fmt.money(amount)}.",
        inputs=CALC.shown(values),
        formula=formula,
        figures=(
            Figure("muc_huong", "Mức hưởng bảo hiểm xã hội một lần", amount, fmt.money(amount)),
            Figure("nam_truoc_2014", "Số năm tính trước 2014", years_before, fmt.years(years_before)),
            Figure("nam_tu_2014", "Số năm tính từ 2014", years_after, fmt.years(years_after)),
        ),
        citations=cited,
        notes=(
            "Chỉ được hưởng khi thuộc một trường hợp của khoản 1 Điều 70 (ví dụ đủ tuổi nghỉ hưu mà chưa "
            "đủ 15 năm "
            "đóng; hoặc đóng trước 01/7/2025, sau 12 tháng không tham gia bảo hiểm xã hội và chưa đủ 20 "
            "năm đóng).",
        ),
    )


CALC = Calculator(
    name="bhxh_mot_lan",
    title="Bảo hiểm xã hội một lần",
    description="1,5 tháng lương bình quân cho mỗi năm đóng trước 2014, 2 tháng cho mỗi năm từ 2014.",
    inputs=(
        InputSpec("thoi_gian_tu_2014", "Thời gian đóng bảo hiểm xã hội từ năm 2014", "duration", 0, 600),
        InputSpec(
            "luong_binh_quan",
            "Mức bình quân tiền lương tháng đóng bảo hiểm xã hội",
            "money",
            100_000,
            1_000_000_000,
        ),
        InputSpec(
            "thoi_gian_truoc_2014",
            "Thời gian đóng bảo hiểm xã hội trước năm 2014",
            "duration",
            0,
            600,
            required=False,
            default=0,
        ),
        InputSpec(
            "so_tien_da_dong",
            "Số tiền đã đóng (khi đóng chưa đủ 1 năm)",
            "money",
            1_000,
            1_000_000_000,
            required=False,
        ),
    ),
    citations=(UnitRef(BHXH, 70, 3), UnitRef(BHXH, 5, 6), UnitRef(BHXH, 70, 1)),
    compute=compute_lump_sum,
    example={"thoi_gian_tu_2014": "5 năm", "luong_binh_quan": "8 triệu"},
    needs=_needs,
)
