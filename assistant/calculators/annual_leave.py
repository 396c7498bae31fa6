"""Annual leave days (Điều 113–114 BLLĐ; Điều 66–67 NĐ 145/2020) and pay for untaken days.

12, 14 or 16 working days by working conditions, one more day for every full 5 years with the
employer; under 12 months, (days + seniority days) ÷ 12 × months worked (khoản 1 Điều 66 NĐ
145/2020), where a partial month counts as a month if working days and paid leave reach 50% of
the month's normal working days (khoản 2). The decree states no rounding of the result, so a
fraction is shown with two decimals.
"""

from __future__ import annotations

import math

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

BLLD = "45/2019/QH14"
ND145 = "145/2020/NĐ-CP"
BASE_DAYS = {"binh_thuong": 12, "nang_nhoc": 14, "dac_biet": 16}  # khoản 1 Điều 113
BASE_POINT = {"binh_thuong": "a", "nang_nhoc": "b", "dac_biet": "c"}
SENIORITY_STEP_MONTHS = 5 * 12  # Điều 114: "Cứ đủ 05 năm ... tăng thêm tương ứng 01 ngày"
# Unpaid leave the employer agreed to counts as working time "cộng dồn không quá 01 tháng trong
# một năm" (khoản 4 Điều 65 NĐ 145/2020): of N months of it, at most one per year it spans counts.
UNPAID_COUNTED_PER_YEAR = 1
PARTIAL_MONTH_NOTE = (
    "Tháng làm chưa đủ được tính là 01 tháng nếu số ngày làm việc và ngày nghỉ có hưởng lương từ 50% số "
    "ngày làm việc bình thường trong tháng (khoản 2 Điều 66 Nghị định 145/2020/NĐ-CP)."
)
CONDITIONS = (
    ("binh_thuong", "điều kiện bình thường"),
    ("nang_nhoc", "nặng nhọc, độc hại, nguy hiểm, hoặc là người chưa thành niên, người khuyết tật"),
    ("dac_biet", "đặc biệt nặng nhọc, độc hại, nguy hiểm"),
)


def leave_days(condition: str, seniority_months: int, months_worked: int) -> float:
    full_year = BASE_DAYS[condition] + seniority_months // SENIORITY_STEP_MONTHS
    if months_worked >= 12:
        return float(full_year)
    return full_year * months_worked / 12


def _needs(values: Values) -> tuple[str, ...]:
    if values.get("so_ngay_chua_nghi") is None:
        return ("tham_nien",)
    return ("luong_thang", "so_ngay_lam_viec_thang")


def _unused_from_taken(values: Values, days: float, formula: list[str]) -> float:
    """The days not taken, from the year's days and those the member says she took; priced below
    when the wage is given (khoản 3 Điều 113: a member who leaves is paid for them)."""
    taken = float(values["so_ngay_da_nghi"])
    unused = max(0.0, days - taken)
    formula.append(f"Số ngày chưa nghỉ = {fmt.days(days)} − {fmt.days(taken)} đã nghỉ = {fmt.days(unused)}.")
    return unused


def uncounted_unpaid(unpaid_months: int) -> int:
    """The months of unpaid leave that do not count towards annual leave: all but one a year."""
    counted = min(unpaid_months, UNPAID_COUNTED_PER_YEAR * math.ceil(unpaid_months / 12))
    return unpaid_months - counted


def _days_part(values: Values) -> tuple[list[str], Figure, str, list[UnitRef], int]:
    condition, seniority = values["dieu_kien"], int(values["tham_nien"])
    unpaid = int(values.get("nghi_khong_luong") or 0)
    uncounted = min(uncounted_unpaid(unpaid), seniority - 1)
    counted = seniority - uncounted
    months = int(values.get("so_thang_lam_viec_trong_nam") or min(counted, 12))
    extra = counted // SENIORITY_STEP_MONTHS
    days = leave_days(condition, counted, months)
    formula = [
        f"Ngày nghỉ cơ bản: {fmt.days(BASE_DAYS[condition])} "
        f"({CALC.spec('dieu_kien').choice_label(condition)}).",
    ]
    if unpaid:
        formula.append(
            f"Nghỉ không lương {fmt.years_months(unpaid)}: chỉ tính tối đa 01 tháng mỗi năm, nên không tính "
            f"{fmt.years_months(uncounted)}; thâm niên tính là {fmt.years_months(seniority)} − "
            f"{fmt.years_months(uncounted)} = {fmt.years_months(counted)}."
        )
    formula.append(
        f"Thâm niên {fmt.years_months(counted)}: cộng {fmt.days(extra)} (mỗi đủ 5 năm thêm 1 ngày)."
    )
    citations = [UnitRef(BLLD, 113, 1, BASE_POINT[condition]), UnitRef(BLLD, 114)]
    if unpaid:
        citations.append(UnitRef(ND145, 65, 4))
    if months < 12:
        full_year = BASE_DAYS[condition] + extra
        formula.append(
            f"Làm chưa đủ 12 tháng: {fmt.days(full_year)} ÷ 12 × {months} tháng = {fmt.days(days)}."
        )
        # The proportional rule decides a year not worked in full: it is cited first.
        citations[0:0] = [UnitRef(BLLD, 113, 2)]
        citations[2:2] = [UnitRef(ND145, 66, 1), UnitRef(ND145, 66, 2)]
    headline = f"Bạn được nghỉ hằng năm {fmt.days(days)} làm việc, hưởng nguyên lương."
    figure = Figure("so_ngay", "Số ngày nghỉ hằng năm", days, fmt.days(days))
    return formula, figure, headline, citations, months


def compute_annual_leave(values: Values) -> CalculationResult:
    formula: list[str] = []
    figures: list[Figure] = []
    headlines: list[str] = []
    citations: list[UnitRef] = []
    shown = dict(values)
    unpaid = values.get("so_ngay_chua_nghi")
    if values.get("tham_nien") is not None:
        lines, figure, headline, cited, months = _days_part(values)
        formula, figures, headlines, citations = lines, [figure], [headline], cited
        shown["so_thang_lam_viec_trong_nam"] = months
        if unpaid is None and values.get("so_ngay_da_nghi") is not None:
            unpaid = _unused_from_taken(values, float(figure.value), formula)
            if not (values.get("luong_thang") and values.get("so_ngay_lam_viec_thang")):
                headlines.append(f"Bạn còn {fmt.days(unpaid)} phép chưa nghỉ.")
                unpaid = None
    if unpaid is not None:
        wage, workdays = values["luong_thang"], values["so_ngay_lam_viec_thang"]
        pay = fmt.round_half_up(wage / workdays * unpaid)
        formula.append(
            f"Tiền lương ngày chưa nghỉ = {fmt.money(wage)} ÷ {workdays} ngày × {fmt.days(unpaid)} "
            f"= {fmt.money(pay)}."
        )
        figures.append(Figure("tien_ngay_chua_nghi", "Tiền lương những ngày chưa nghỉ", pay, fmt.money(pay)))
        headlines.append(
            f"Tiền lương cho {fmt.days(unpaid)} phép chưa nghỉ khi thôi việc là {fmt.money(pay)}."
        )
        citations = [UnitRef(BLLD, 113, 3), UnitRef(ND145, 67, 3), *citations]
        if values.get("tham_nien") is not None:
            headlines.reverse()  # the figure asked for (the pay) first
    notes: tuple[str, ...] = ()
    if values.get("tham_nien") is not None and int(shown["so_thang_lam_viec_trong_nam"]) < 12:
        notes = (PARTIAL_MONTH_NOTE,)
    return CalculationResult(
        calculator=CALC.name,
        headline=" ".join(headlines),
        notes=notes,
        inputs=CALC.shown(shown),
        formula=tuple(formula),
        figures=tuple(figures),
        citations=tuple(citations),
    )


CALC = Calculator(
    name="nghi_hang_nam",
    title="Ngày nghỉ hằng năm (phép năm)",
    description=(
        "Số ngày phép năm theo điều kiện làm việc, thâm niên và số tháng làm việc; tiền ngày chưa nghỉ."
    ),
    inputs=(
        InputSpec(
            "dieu_kien",
            "Điều kiện làm việc",
            "choice",
            choices=CONDITIONS,
            required=False,
            default="binh_thuong",
        ),
        InputSpec(
            "tham_nien",
            "Thời gian làm việc cho người sử dụng lao động hiện tại",
            "duration",
            1,
            600,
            required=False,
        ),
        InputSpec(
            "nghi_khong_luong",
            "Thời gian nghỉ không lương trong thời gian làm việc đó",
            "duration",
            1,
            600,
            required=False,
        ),
        InputSpec("so_thang_lam_viec_trong_nam", "Số tháng làm việc trong năm", "int", 1, 12, required=False),
        InputSpec(
            "so_ngay_chua_nghi", "Số ngày phép chưa nghỉ khi thôi việc", "number", 0.5, 100, required=False
        ),
        InputSpec("so_ngay_da_nghi", "Số ngày phép đã nghỉ trong năm", "number", 0, 100, required=False),
        InputSpec(
            "luong_thang",
            "Tiền lương tháng theo hợp đồng của tháng trước khi thôi việc",
            "money",
            100_000,
            1_000_000_000,
            required=False,
        ),
        InputSpec(
            "so_ngay_lam_viec_thang", "Số ngày làm việc bình thường trong tháng", "int", 1, 31, required=False
        ),
    ),
    citations=(UnitRef(BLLD, 113, 1), UnitRef(BLLD, 114), UnitRef(BLLD, 113, 2), UnitRef(ND145, 66, 1)),
    compute=compute_annual_leave,
    example={"tham_nien": "7 năm", "dieu_kien": "binh_thuong"},
    needs=_needs,
)
