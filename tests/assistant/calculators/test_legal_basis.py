"""Every unit a calculator cites resolves in the built corpus, and the figures each calculator
takes from the law (rates, caps, tables) are in the text of the unit it cites for them."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from assistant.calculators import (
    accident,
    annual_leave,
    contract_terms,
    maternity,
    minimum_wage,
    overtime,
    retirement,
    severance,
    sickness,
    social_insurance,
    termination,
    unemployment,
    union_dues,
    wage_protection,
)
from assistant.calculators import formatting as fmt
from assistant.calculators.base import UnitRef
from assistant.calculators.registry import CALCULATORS

pytestmark = pytest.mark.slow  # loads the real built corpus


def _all_refs() -> list[UnitRef]:
    refs: set[UnitRef] = set()
    for calculator in CALCULATORS:
        refs.update(calculator.citations)
        refs.update(calculator.run(calculator.example).citations)
    return sorted(refs, key=lambda r: (r.law_id, r.article, r.clause or 0, r.point or ""))


def _text(corpus: Any, ref: UnitRef) -> str:
    try:
        corpus.resolve_law(ref.law_id)
    except KeyError:
        pytest.skip(f"{ref.law_id} is not in the built corpus yet (being ingested); cited as {ref.label()}")
    return str(corpus.get(ref.law_id, ref.article, ref.clause, ref.point).text)


@pytest.mark.parametrize("ref", _all_refs(), ids=lambda r: r.label())
def test_cited_unit_resolves(corpus: Any, ref: UnitRef) -> None:
    assert _text(corpus, ref).strip()


BLLD, ND145 = "45/2019/QH14", "145/2020/NĐ-CP"
FIGURES: list[tuple[UnitRef, tuple[str, ...]]] = [
    (UnitRef(BLLD, 46, 1), ("12 tháng", "một nửa tháng tiền lương")),
    (UnitRef(ND145, 8, 3, "c"), ("06 tháng được tính bằng 1/2 năm", "trên 06 tháng được tính bằng 01 năm")),
    (UnitRef(BLLD, 47, 1), ("01 tháng tiền lương", f"0{severance.JOB_LOSS_MINIMUM_MONTHS} tháng tiền lương")),
    *[
        (UnitRef(BLLD, 98, 1, point), (f"{overtime.OVERTIME_RATE[day]}%",))
        for point, day in (("a", "ngay_thuong"), ("b", "nghi_hang_tuan"), ("c", "nghi_le"))
    ],
    (UnitRef(BLLD, 98, 2), (f"{overtime.NIGHT_EXTRA}%",)),
    (UnitRef(BLLD, 98, 3), (f"{overtime.NIGHT_OVERTIME_EXTRA}%",)),
    (UnitRef(ND145, 57, 1, "b"), tuple(f"{p}%" for p in overtime.DAY_RATE.values())),
    *[
        (UnitRef(BLLD, 113, 1, annual_leave.BASE_POINT[k]), (f"{days} ngày",))
        for k, days in annual_leave.BASE_DAYS.items()
    ],
    (UnitRef(BLLD, 114), ("05 năm", "01 ngày")),
    (UnitRef("74/2025/QH15", 39, 1), (f"{unemployment.RATE}%", f"0{unemployment.CAP_TIMES} lần")),
    (UnitRef("74/2025/QH15", 39, 2), ("đủ 12 tháng đến đủ 36 tháng", "03 tháng", "tối đa 12 tháng")),
    (UnitRef("374/2025/NĐ-CP", 15, 1), (f"{unemployment.RATE}%", f"0{unemployment.CAP_TIMES} lần")),
    (UnitRef("41/2024/QH15", 70, 3), ("1,5 tháng", "02 tháng", "năm 2014")),
    (UnitRef("41/2024/QH15", 5, 6), ("từ 01 tháng đến 06 tháng được tính là nửa năm", "từ 07 tháng đến 11")),
    (UnitRef("41/2024/QH15", 59, 1), (f"{maternity.BENEFIT_RATE}%", "06 tháng")),
    (UnitRef("41/2024/QH15", 58, 4), (f"0{maternity.ONE_OFF_TIMES} lần mức tham chiếu",)),
    (UnitRef(BLLD, 139, 1), (f"0{maternity.LEAVE_MONTHS} tháng", "01 tháng")),
    (
        UnitRef("293/2025/NĐ-CP", 3, 1),
        tuple(fmt.group(v) for v in (*minimum_wage.MONTHLY.values(), *minimum_wage.HOURLY.values())),
    ),
    *[
        (UnitRef(BLLD, 35, 1, point), (f"{count:02d} ngày",))
        for contract, (count, _, point) in contract_terms.NOTICE.items()
        if contract != "giup_viec"
    ],
    *[
        (UnitRef(BLLD, 36, 2, point), (f"{count:02d} ngày",))
        for contract, (count, _, point) in contract_terms.NOTICE.items()
        if contract != "giup_viec"
    ],
    (contract_terms.DOMESTIC, (f"{contract_terms.NOTICE['giup_viec'][0]:02d} ngày",)),
    *[
        (UnitRef(BLLD, 25, clause), (f"{count:02d} ngày",))
        for count, _, clause in contract_terms.PROBATION.values()
    ],
    (UnitRef(BLLD, 26), (f"{contract_terms.PROBATION_PAY_PERCENT}%",)),
    (UnitRef("50/2024/QH15", 29, 1, "b"), (f"{union_dues.RATE_PERCENT}%",)),
    (UnitRef("41/2024/QH15", 66, 1, "a"), ("45%", "15 năm", "2%", "75%")),
    (UnitRef("41/2024/QH15", 66, 1, "b"), ("45%", "20 năm", "40%", "1%", "75%")),
    *[
        (UnitRef("41/2024/QH15", 53, 2, point), (f"{days:02d} ngày làm việc",))
        for point, days in (("a", 5), ("b", 7), ("c", 10), ("d", 14))
    ],
    (UnitRef("41/2024/QH15", 53, 2, "c"), ("03 ngày làm việc",)),
    (UnitRef(BLLD, 102, 3), (f"{wage_protection.DEDUCTION_CAP_PERCENT}%",)),
    (UnitRef(BLLD, 128, 2), (f"{wage_protection.SUSPENSION_ADVANCE_PERCENT}%",)),
    (UnitRef("84/2015/QH13", 38, 4, "a"), ("1,5 tháng", "0,4 tháng", "từ 5% đến 10%", "từ 11% đến 80%")),
    (UnitRef("84/2015/QH13", 38, 4, "b"), (f"{accident.SEVERE_MONTHS} tháng", "81%")),
    (UnitRef("84/2015/QH13", 38, 5), (f"{accident.OWN_FAULT_PERCENT}%",)),
    (UnitRef(BLLD, 41, 1), (f"0{termination.MINIMUM_MONTHS} tháng tiền lương",)),
    (UnitRef("41/2024/QH15", 45, 2), (f"{sickness.RATE}%",)),
    (UnitRef("41/2024/QH15", 45, 5), (f"{sickness.DAYS_PER_MONTH} ngày",)),
    (UnitRef("41/2024/QH15", 59, 1), (f"{maternity.BENEFIT_RATE}%",)),
    (UnitRef("41/2024/QH15", 59, 2), (f"{maternity.PATERNITY_DAYS_PER_MONTH} ngày", "khoản 2 Điều 53")),
]


@pytest.mark.parametrize(
    ("ref", "needles"), FIGURES, ids=lambda x: x.label() if isinstance(x, UnitRef) else ""
)
def test_figures_are_in_the_cited_text(corpus: Any, ref: UnitRef, needles: tuple[str, ...]) -> None:
    text = " ".join(_text(corpus, ref).split())
    for needle in needles:
        assert needle in text, f"{needle!r} not in {ref.label()}"


def test_lump_sum_rates_match_the_law() -> None:
    assert (social_insurance.BEFORE_2014, social_insurance.FROM_2014) == (1.5, 2.0)


@pytest.mark.parametrize(("sex", "reduced"), [("nam", False), ("nu", False), ("nam", True), ("nu", True)])
def test_roadmap_tables_of_article_4_and_5(corpus: Any, sex: str, reduced: bool) -> None:
    """Each year's age in the tables of khoản 2 Điều 4 / Điều 5 NĐ 135/2020 is the one computed."""
    ref = UnitRef(retirement.ND135, 5 if reduced else 4, 2)
    text = _text(corpus, ref)
    section = text.split("Lao động nữ")[1 if sex == "nu" else 0]
    for year in range(2021, 2036 if sex == "nu" else 2029):
        age = fmt.age(retirement.age_for_year(sex, year, reduced))
        label = str(year) if year < (2035 if sex == "nu" else 2028) else f"Từ năm {year} trở đi"
        assert f"{label} | {age}" in section


_ROW = re.compile(r"^(\d{1,2}) \| (\d{4}) \| ([^|]+?) \| (\d{1,2}) \| (\d{4})$")


@pytest.mark.parametrize(("appendix", "reduced"), [(1, False), (2, True)])
def test_every_row_of_the_appendix_is_reproduced(corpus: Any, appendix: int, reduced: bool) -> None:
    """Phụ lục I / II of NĐ 135/2020: month and year of birth -> age and first pension month."""
    unit = corpus.units[f"{corpus.resolve_law(retirement.ND135)}:pl{appendix}"]
    sex, checked = "nam", 0
    for line in unit.text.splitlines():
        line = line.strip()
        if line.startswith("Lao động nữ"):
            sex = "nu"
        match = _ROW.match(line)
        if match is None:
            continue
        month, year, age_text, pension_month, pension_year = match.groups()
        age, reached = retirement.retirement(sex, date(int(year), int(month), 1), reduced)
        assert fmt.age(age) == age_text.strip(), line
        assert retirement.add_months(reached, 1) == date(int(pension_year), int(pension_month), 1), line
        checked += 1
    assert checked > 100  # both sexes' month-by-month rows were read
