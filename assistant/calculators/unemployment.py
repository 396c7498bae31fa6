"""Unemployment benefit (Điều 38–39 Luật Việc làm 74/2025/QH15; Điều 15 NĐ 374/2025/NĐ-CP).

Monthly amount = 60% of the average monthly wage of the last 6 months of contributions, at
most 5 times the regional minimum wage; months = 3 for 12–36 months of contributions, then one
more for each further full 12 months, at most 12 (khoản 2 Điều 39). Eligible from 12 months of
contributions (within the 24 months, or 36 for contracts under 12 months, before leaving).
"""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values
from assistant.calculators.minimum_wage import MONTHLY, REGIONS

LVL = "74/2025/QH15"
ND374 = "374/2025/NĐ-CP"
RATE = 60  # "bằng 60% mức bình quân tiền lương tháng đóng bảo hiểm thất nghiệp"
CAP_TIMES = 5  # "tối đa không quá 05 lần mức lương tối thiểu tháng theo vùng"
MIN_CONTRIBUTION = 12
BASE_MONTHS, BASE_UP_TO, MAX_MONTHS = 3, 36, 12


def benefit_months(contribution_months: int) -> int:
    if contribution_months < MIN_CONTRIBUTION:
        return 0
    extra = max(contribution_months - BASE_UP_TO, 0) // 12
    return min(BASE_MONTHS + extra, MAX_MONTHS)


def _needs(values: Values) -> tuple[str, ...]:
    # The cap can bind only above 5 × the lowest regional minimum; then the region matters.
    wage = values.get("luong_binh_quan")
    if wage is not None and wage * RATE / 100 > CAP_TIMES * min(MONTHLY.values()):
        return ("vung",)
    return ()


def _months_line(contributed: int, months: int) -> str:
    return (
        f"Đóng {fmt.years_months(contributed)}: 12–36 tháng được 3 tháng, mỗi 12 tháng thêm được 1 tháng, "
        f"tối đa 12 tháng → {fmt.months(months)}."
    )


def _months_only(values: Values, contributed: int, months: int) -> CalculationResult:
    """The number of months, which needs no wage; the amount is explained, never guessed."""
    return CalculationResult(
        calculator=CALC.name,
        headline=(
            f"Đóng bảo hiểm thất nghiệp {fmt.years_months(contributed)}, bạn được hưởng trợ cấp thất nghiệp "
            f"{fmt.months(months)}."
        ),
        inputs=CALC.shown(values),
        formula=(
            _months_line(contributed, months),
            "Mỗi tháng được 60% lương bình quân 6 tháng đóng bảo hiểm thất nghiệp gần nhất, tối đa 5 lần "
            "lương tối thiểu vùng; cho biết mức lương đó để tính số tiền.",
        ),
        figures=(Figure("so_thang", "Số tháng hưởng", months, fmt.months(months)),),
        citations=(UnitRef(LVL, 39, 2), UnitRef(LVL, 39, 1), UnitRef(ND374, 15, 1)),
    )


def compute_unemployment(values: Values) -> CalculationResult:
    wage, contributed = values.get("luong_binh_quan"), int(values["so_thang_dong"])
    months = benefit_months(contributed)
    if months and wage is None:
        return _months_only(values, contributed, months)
    if months == 0:
        return CalculationResult(
            calculator=CALC.name,
            headline=(
                f"Bạn mới đóng bảo hiểm thất nghiệp {fmt.years_months(contributed)}, chưa đủ 12 tháng "
                "nên chưa được hưởng trợ cấp thất nghiệp."
            ),
            inputs=CALC.shown(values),
            formula=(
                "Điều kiện: đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong 24 tháng trước khi "
                "chấm dứt hợp đồng.",
            ),
            figures=(Figure("so_thang", "Số tháng hưởng", 0, fmt.months(0)),),
            citations=(UnitRef(LVL, 38, 1, "b"), UnitRef(LVL, 39, 2)),
        )
    assert wage is not None
    raw = fmt.round_half_up(wage * RATE / 100)
    region = values.get("vung")
    cap = CAP_TIMES * MONTHLY[region] if region else None
    monthly = min(raw, cap) if cap is not None else raw
    total = monthly * months
    formula = [f"Mức hưởng = 60% × {fmt.money(wage)} = {fmt.money(raw)}/tháng."]
    if cap is not None:
        formula.append(
            f"Tối đa 5 × lương tối thiểu vùng {region} = {fmt.money(cap)}/tháng → {fmt.money(monthly)}."
        )
    formula.append(_months_line(contributed, months))
    formula.append(f"Tổng = {fmt.money(monthly)} × {months} = {fmt.money(total)}.")
    return CalculationResult(
        calculator=CALC.name,
        headline=(
            f"Trợ cấp thất nghiệp của bạn là {fmt.money(monthly)}/tháng, trong {fmt.months(months)} "
            f"(tổng {fmt.money(total)})."
        ),
        inputs=CALC.shown(values),
        formula=tuple(formula),
        figures=(
            Figure("muc_huong", "Mức hưởng hằng tháng", monthly, fmt.money(monthly)),
            Figure("so_thang", "Số tháng hưởng", months, fmt.months(months)),
            Figure("tong", "Tổng trợ cấp", total, fmt.money(total)),
        ),
        citations=CALC.citations,
        notes=(
            "Cần nộp hồ sơ trong 03 tháng kể từ ngày chấm dứt hợp đồng và không thuộc trường hợp đơn phương "
            "chấm dứt hợp đồng trái pháp luật hoặc đủ điều kiện hưởng lương hưu.",
        ),
    )


CALC = Calculator(
    name="tro_cap_that_nghiep",
    title="Trợ cấp thất nghiệp",
    description=(
        "Mức hưởng hằng tháng (60% lương bình quân, tối đa 5 lần lương tối thiểu vùng) và số tháng hưởng."
    ),
    inputs=(
        InputSpec(
            "luong_binh_quan",
            "Tiền lương bình quân 6 tháng đóng bảo hiểm thất nghiệp gần nhất",
            "money",
            100_000,
            1_000_000_000,
            required=False,
        ),
        InputSpec("so_thang_dong", "Số tháng đã đóng bảo hiểm thất nghiệp (chưa hưởng)", "duration", 1, 600),
        InputSpec("vung", "Vùng lương tối thiểu nơi làm việc", "choice", choices=REGIONS, required=False),
    ),
    citations=(
        UnitRef(LVL, 39, 1),
        UnitRef(LVL, 39, 2),
        UnitRef(ND374, 15, 1),
        UnitRef(LVL, 38, 1, "b"),
    ),
    compute=compute_unemployment,
    example={"luong_binh_quan": "9 triệu", "so_thang_dong": "4 năm"},
    needs=_needs,
)
