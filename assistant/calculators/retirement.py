"""Retirement age and month (Điều 169 BLLĐ; Điều 3–5 and Phụ lục I–II of NĐ 135/2020).

The roadmap: normal conditions, men 60 years 3 months in 2021 plus 3 months a year up to 62
in 2028; women 55 years 4 months in 2021 plus 4 months a year up to 60 in 2035 (khoản 2 Điều
4). The reduced age for hard, dangerous or remote work (15 years and more) or a work-capacity
loss of 61% and more is 5 years lower (khoản 2 Điều 5). A person retires at the age set for
the year in which they reach it: the first year Y whose age, added to the month of birth,
falls in Y or before; this reproduces every row of Phụ lục I and II (checked by a test).
Retirement is at the end of the month the age is reached; the pension starts the next month
(Điều 3).
"""

from __future__ import annotations

from datetime import date

from assistant.calculators import formatting as fmt
from assistant.calculators.base import (
    CalculationResult,
    Calculator,
    CalculatorInputError,
    Figure,
    InputSpec,
    UnitRef,
    Values,
)

BLLD = "45/2019/QH14"
ND135 = "135/2020/NĐ-CP"
FIRST_YEAR = 2021
# (age in months in 2021, step in months a year, final age in months)
ROADMAP = {"nam": (60 * 12 + 3, 3, 62 * 12), "nu": (55 * 12 + 4, 4, 60 * 12)}
REDUCTION_MONTHS = 5 * 12
SEXES = (("nam", "lao động nam"), ("nu", "lao động nữ"))
CONDITIONS = (
    ("binh_thuong", "điều kiện lao động bình thường"),
    (
        "giam_tuoi",
        "được nghỉ hưu ở tuổi thấp hơn (đủ 15 năm nặng nhọc, độc hại hoặc vùng đặc biệt khó "
        "khăn; suy giảm khả năng lao động từ 61%)",
    ),
)


def age_for_year(sex: str, year: int, reduced: bool = False) -> int:
    """Retirement age in months for people who reach it in ``year`` (tables of Điều 4, 5)."""
    start, step, final = ROADMAP[sex]
    age = min(start + step * (year - FIRST_YEAR), final)
    return age - REDUCTION_MONTHS if reduced else age


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def retirement(sex: str, birth: date, reduced: bool = False) -> tuple[int, date]:
    """(age in months, month the age is reached); raises if reached before the roadmap."""
    # Before the roadmap the age was 60 (men) / 55 (women): whoever reached it in 2020 retired then.
    if add_months(birth, age_for_year(sex, FIRST_YEAR - 1, reduced)).year < FIRST_YEAR:
        raise CalculatorInputError(
            "thang_sinh",
            f"“Tháng, năm sinh” {birth.month}/{birth.year}: người sinh tháng này đã đủ tuổi nghỉ hưu trước "
            "năm "
            f"2021, trước khi lộ trình của Nghị định 135/2020/NĐ-CP áp dụng. Máy tính này áp dụng cho người "
            f"sinh từ tháng {earliest_birth(sex, reduced).month}/{earliest_birth(sex, reduced).year} trở đi.",
        )
    year = FIRST_YEAR
    while True:
        age = age_for_year(sex, year, reduced)
        reached = add_months(birth, age)
        if reached.year <= year:
            return age, reached
        year += 1


def earliest_birth(sex: str, reduced: bool = False) -> date:
    """First month of birth the roadmap covers (the first row of Phụ lục I or II)."""
    age = age_for_year(sex, FIRST_YEAR - 1, reduced)
    return add_months(date(FIRST_YEAR, 1, 1), -age)


def compute_retirement(values: Values) -> CalculationResult:
    sex, birth = values["gioi_tinh"], values["thang_sinh"]
    reduced = values["dieu_kien"] == "giam_tuoi"
    age, reached = retirement(sex, birth, reduced)
    pension = add_months(reached, 1)
    table = "Phụ lục II" if reduced else "Phụ lục I"
    kind = "tuổi nghỉ hưu thấp nhất" if reduced else "tuổi nghỉ hưu"
    headline = (
        f"Bạn đủ {kind} {fmt.age(age)} vào {fmt.month_year(reached)}; "
        f"thời điểm hưởng lương hưu từ {fmt.month_year(pension)}."
    )
    formula = (
        f"Năm {reached.year} là năm bạn đạt tuổi nghỉ hưu theo lộ trình ({table} Nghị định 135/2020/NĐ-CP): "
        f"{fmt.age(age)}.",
        f"Sinh {fmt.month_year(birth)} + {fmt.age(age)} = {fmt.month_year(reached)}; nghỉ hưu khi kết thúc "
        "ngày cuối cùng của tháng đó.",
        f"Hưởng lương hưu từ tháng liền kề sau: {fmt.month_year(pension)}.",
    )
    decisive = UnitRef(ND135, 5, 2) if reduced else UnitRef(ND135, 4, 2)
    return CalculationResult(
        calculator=CALC.name,
        headline=headline,
        inputs=CALC.shown(values),
        formula=formula,
        figures=(
            Figure("tuoi_nghi_huu", "Tuổi nghỉ hưu", age, fmt.age(age)),
            Figure(
                "thang_du_tuoi", "Tháng đủ tuổi nghỉ hưu", reached.isoformat()[:7], fmt.month_year(reached)
            ),
            Figure(
                "thang_huong_luong_huu",
                "Tháng bắt đầu hưởng lương hưu",
                pension.isoformat()[:7],
                fmt.month_year(pension),
            ),
        ),
        citations=(
            decisive,
            UnitRef(ND135, 3, 1),
            UnitRef(ND135, 3, 2),
            UnitRef(BLLD, 169, 3 if reduced else 2),
        ),
        notes=(
            ("Cần đủ điều kiện của khoản 1 Điều 5 Nghị định 135/2020/NĐ-CP để nghỉ hưu ở tuổi thấp hơn.",)
            if reduced
            else ()
        ),
    )


CALC = Calculator(
    name="tuoi_nghi_huu",
    title="Tuổi nghỉ hưu",
    description=(
        "Tuổi nghỉ hưu và tháng nghỉ hưu theo lộ trình, theo giới tính, tháng năm sinh, điều kiện làm việc."
    ),
    inputs=(
        InputSpec("gioi_tinh", "Giới tính", "choice", choices=SEXES),
        InputSpec("thang_sinh", "Tháng, năm sinh", "month", 1950, 2012),
        InputSpec(
            "dieu_kien",
            "Điều kiện lao động",
            "choice",
            choices=CONDITIONS,
            required=False,
            default="binh_thuong",
        ),
    ),
    citations=(UnitRef(ND135, 4, 2), UnitRef(ND135, 5, 2), UnitRef(ND135, 3, 1), UnitRef(BLLD, 169, 2)),
    compute=compute_retirement,
    example={"gioi_tinh": "nu", "thang_sinh": "3/1970"},
)
