"""Trợ cấp thôi việc (Điều 46 BLLĐ) and trợ cấp mất việc làm (Điều 47 BLLĐ), with Điều 8 NĐ 145/2020.

Working time counted = time actually worked − time covered by unemployment insurance − time
already paid; counted in years, a leftover of 1–6 months as half a year and 7–11 as a year
(điểm c khoản 3 Điều 8 NĐ 145/2020). Wage = the 6-month average under the contract.
"""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

BLLD = "45/2019/QH14"
ND145 = "145/2020/NĐ-CP"
MIN_MONTHS = 12  # "từ đủ 12 tháng trở lên" (khoản 1 Điều 46, khoản 1 Điều 47 BLLĐ)
SEVERANCE_MONTHS_PER_YEAR = 0.5  # "mỗi năm làm việc được trợ cấp một nửa tháng tiền lương"
JOB_LOSS_MONTHS_PER_YEAR = 1.0  # "cứ mỗi năm làm việc trả 01 tháng tiền lương"
JOB_LOSS_MINIMUM_MONTHS = 2  # "nhưng ít nhất bằng 02 tháng tiền lương"
MAX_CAREER_MONTHS = 50 * 12


def counted_years(months: int) -> float:
    """Years for the allowance: whole years, leftover ≤ 6 months = 0,5, > 6 months = 1."""
    whole, rest = divmod(max(months, 0), 12)
    if rest == 0:
        return float(whole)
    return whole + (0.5 if rest <= 6 else 1.0)


def _inputs(wage_label: str) -> tuple[InputSpec, ...]:
    return (
        InputSpec(
            "thoi_gian_lam_viec",
            "Tổng thời gian làm việc thực tế cho người sử dụng lao động",
            "duration",
            1,
            MAX_CAREER_MONTHS,
            help="gồm cả thời gian thử việc, nghỉ thai sản, ốm đau hưởng BHXH",
        ),
        InputSpec("luong_binh_quan", wage_label, "money", 100_000, 1_000_000_000),
        InputSpec(
            "thoi_gian_bhtn",
            "Thời gian đã tham gia bảo hiểm thất nghiệp tại đơn vị",
            "duration",
            0,
            MAX_CAREER_MONTHS,
            required=False,
            default=0,
        ),
        InputSpec(
            "thoi_gian_da_tra",
            "Thời gian đã được trả trợ cấp thôi việc, mất việc làm",
            "duration",
            0,
            MAX_CAREER_MONTHS,
            required=False,
            default=0,
        ),
    )


def _counted(values: Values) -> tuple[int, int, float]:
    worked = int(values["thoi_gian_lam_viec"])
    net = max(worked - int(values.get("thoi_gian_bhtn") or 0) - int(values.get("thoi_gian_da_tra") or 0), 0)
    return worked, net, counted_years(net)


def _time_lines(worked: int, net: int, years: float, values: Values) -> list[str]:
    lines = [
        f"Thời gian tính trợ cấp = {fmt.years_months(worked)} làm việc − "
        f"{fmt.years_months(int(values.get('thoi_gian_bhtn') or 0))} đóng BHTN − "
        f"{fmt.years_months(int(values.get('thoi_gian_da_tra') or 0))} đã được trả = "
        f"{fmt.years_months(net)}.",
        "Làm tròn theo năm (tháng lẻ đến 6 tháng tính 1/2 năm, trên 6 tháng tính 1 năm): "
        f"{fmt.years(years)}.",
    ]
    return lines


_UI_NOTE = (
    "Thời gian đã đóng bảo hiểm thất nghiệp không được tính; nếu bạn có đóng, hãy cho biết để tính lại."
)


def compute_severance(values: Values) -> CalculationResult:
    worked, net, years = _counted(values)
    wage = int(values["luong_binh_quan"])
    amount = 0 if worked < MIN_MONTHS else round(years * SEVERANCE_MONTHS_PER_YEAR * wage)
    if worked < MIN_MONTHS:
        headline = (
            f"Bạn làm việc {fmt.years_months(worked)}, chưa đủ 12 tháng nên chưa được trợ cấp thôi việc "
            f"(0 đồng)."
        )
    else:
        headline = f"Trợ cấp thôi việc của bạn là {fmt.money(amount)}."
    formula = [
        *_time_lines(worked, net, years, values),
        f"Trợ cấp = {fmt.years(years)} × 1/2 tháng × {fmt.money(wage)} = {fmt.money(amount)}.",
    ]
    return CalculationResult(
        calculator=SEVERANCE.name,
        headline=headline,
        inputs=SEVERANCE.shown(values),
        formula=tuple(formula),
        figures=(
            Figure("tro_cap", "Trợ cấp thôi việc", amount, fmt.money(amount)),
            Figure("so_nam", "Số năm tính trợ cấp", years, fmt.years(years)),
            Figure("thoi_gian_tinh", "Thời gian tính trợ cấp", net, fmt.years_months(net)),
        ),
        citations=SEVERANCE.citations,
        notes=(_UI_NOTE,) if not values.get("thoi_gian_bhtn") else (),
    )


def compute_job_loss(values: Values) -> CalculationResult:
    worked, net, years = _counted(values)
    wage = int(values["luong_binh_quan"])
    by_years = round(years * JOB_LOSS_MONTHS_PER_YEAR * wage)
    minimum = JOB_LOSS_MINIMUM_MONTHS * wage
    amount = 0 if worked < MIN_MONTHS else max(by_years, minimum)
    if worked < MIN_MONTHS:
        headline = (
            f"Bạn làm việc {fmt.years_months(worked)}, chưa đủ 12 tháng nên chưa được trợ cấp mất việc làm "
            f"(0 đồng)."
        )
    else:
        headline = f"Trợ cấp mất việc làm của bạn là {fmt.money(amount)}."
    formula = [
        *_time_lines(worked, net, years, values),
        f"Trợ cấp = {fmt.years(years)} × 1 tháng × {fmt.money(wage)} = {fmt.money(by_years)}; "
        f"ít nhất 2 tháng lương = {fmt.money(minimum)}.",
    ]
    return CalculationResult(
        calculator=JOB_LOSS.name,
        headline=headline,
        inputs=JOB_LOSS.shown(values),
        formula=tuple(formula),
        figures=(
            Figure("tro_cap", "Trợ cấp mất việc làm", amount, fmt.money(amount)),
            Figure("so_nam", "Số năm tính trợ cấp", years, fmt.years(years)),
            Figure("thoi_gian_tinh", "Thời gian tính trợ cấp", net, fmt.years_months(net)),
        ),
        citations=JOB_LOSS.citations,
        notes=(_UI_NOTE,) if not values.get("thoi_gian_bhtn") else (),
    )


SEVERANCE = Calculator(
    name="tro_cap_thoi_viec",
    title="Trợ cấp thôi việc",
    description="Nửa tháng lương bình quân 6 tháng cho mỗi năm làm việc không đóng bảo hiểm thất nghiệp.",
    inputs=_inputs("Tiền lương bình quân 6 tháng liền kề theo hợp đồng"),
    citations=(
        UnitRef(BLLD, 46, 1),
        UnitRef(ND145, 8, 3, "c"),
        UnitRef(BLLD, 46, 2),
        UnitRef(BLLD, 46, 3),
        UnitRef(ND145, 8, 1),
    ),
    compute=compute_severance,
    example={"thoi_gian_lam_viec": "3 năm 8 tháng", "luong_binh_quan": "9 triệu"},
)

JOB_LOSS = Calculator(
    name="tro_cap_mat_viec",
    title="Trợ cấp mất việc làm",
    description=(
        "Một tháng lương cho mỗi năm làm việc không đóng bảo hiểm thất nghiệp, ít nhất 2 tháng lương."
    ),
    inputs=_inputs("Tiền lương bình quân 6 tháng liền kề theo hợp đồng"),
    citations=(
        UnitRef(BLLD, 47, 1),
        UnitRef(ND145, 8, 2),
        UnitRef(ND145, 8, 3, "c"),
        UnitRef(BLLD, 47, 2),
        UnitRef(BLLD, 47, 3),
    ),
    compute=compute_job_loss,
    example={"thoi_gian_lam_viec": "1 năm 5 tháng", "luong_binh_quan": "8 triệu"},
)
