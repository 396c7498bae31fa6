"""Employer's unlawful unilateral termination (khoản 1 Điều 41 BLLĐ): besides the wages, social,
health and unemployment insurance for the days the worker was kept from work, at least 2 months'
contract wage; plus the wage of the notice days not given (khoản 2 Điều 36)."""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

BLLD = "45/2019/QH14"
MINIMUM_MONTHS = 2  # "ít nhất bằng 02 tháng tiền lương theo hợp đồng lao động"


def compute_wrongful(values: Values) -> CalculationResult:
    wage = values["luong"]
    amount = MINIMUM_MONTHS * wage
    lines = [f"Khoản trả thêm ≥ 2 tháng × {fmt.money(wage)} = {fmt.money(amount)}."]
    days, workdays = values.get("so_ngay_khong_bao_truoc"), values.get("so_ngay_lam_viec_thang")
    figures = [Figure("tra_them", "Khoản trả thêm tối thiểu", amount, fmt.money(amount))]
    headline = (
        "Ngoài tiền lương những ngày không được làm việc, công ty phải trả thêm bạn ít nhất "
        f"{fmt.money(amount)}."
    )
    if days and workdays:
        notice_pay = fmt.round_half_up(wage / workdays * days)
        lines.append(
            f"Ngày không báo trước: {fmt.money(wage)} ÷ {workdays} × {days} ngày = {fmt.money(notice_pay)}."
        )
        figures.append(
            Figure(
                "ngay_khong_bao_truoc", "Tiền lương ngày không báo trước", notice_pay, fmt.money(notice_pay)
            )
        )
        headline += f" Cộng {fmt.money(notice_pay)} tiền lương những ngày không báo trước."
    return CalculationResult(
        calculator=CALC.name,
        headline=headline,
        inputs=CALC.shown(values),
        formula=tuple(lines),
        figures=tuple(figures),
        citations=CALC.citations,
        notes=(
            "Nếu bạn không muốn quay lại làm việc, công ty còn phải trả trợ cấp thôi việc (khoản 2 Điều 41).",
        ),
    )


CALC = Calculator(
    name="cham_dut_trai_luat",
    title="Khoản phải trả khi công ty chấm dứt hợp đồng trái luật",
    description="Ít nhất 2 tháng lương theo hợp đồng, ngoài tiền lương những ngày không được làm việc.",
    inputs=(
        InputSpec("luong", "Tiền lương theo hợp đồng lao động", "money", 100_000, 1_000_000_000),
        InputSpec("so_ngay_khong_bao_truoc", "Số ngày công ty không báo trước", "int", 1, 45, required=False),
        InputSpec(
            "so_ngay_lam_viec_thang", "Số ngày làm việc bình thường trong tháng", "int", 1, 31, required=False
        ),
    ),
    citations=(UnitRef(BLLD, 41, 1), UnitRef(BLLD, 41, 2)),
    compute=compute_wrongful,
    example={"luong": "12 triệu"},
)
