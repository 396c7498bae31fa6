"""All calculators by name, in the order they are listed to members."""

from __future__ import annotations

from assistant.calculators import (
    accident,
    annual_leave,
    contract_terms,
    maternity,
    minimum_wage,
    overtime,
    pension,
    retirement,
    severance,
    sickness,
    social_insurance,
    termination,
    unemployment,
    union_dues,
    wage_protection,
)
from assistant.calculators.base import Calculator, UnknownCalculatorError

CALCULATORS: tuple[Calculator, ...] = (
    severance.SEVERANCE,
    severance.JOB_LOSS,
    overtime.OVERTIME,
    overtime.NIGHT_WORK,
    annual_leave.CALC,
    retirement.CALC,
    unemployment.CALC,
    social_insurance.CALC,
    pension.CALC,
    maternity.CALC,
    maternity.PATERNITY,
    minimum_wage.CALC,
    contract_terms.NOTICE_CALC,
    contract_terms.PROBATION_CALC,
    wage_protection.DEDUCTION,
    wage_protection.SUSPENSION,
    accident.CALC,
    termination.CALC,
    sickness.CALC,
    union_dues.CALC,
)
_BY_NAME = {c.name: c for c in CALCULATORS}


def get_calculator(name: str) -> Calculator:
    try:
        return _BY_NAME[name]
    except KeyError:
        names = ", ".join(_BY_NAME)
        raise UnknownCalculatorError(f"Không có máy tính {name!r}. Các máy tính: {names}.") from None


def calculator_names() -> tuple[str, ...]:
    return tuple(_BY_NAME)
