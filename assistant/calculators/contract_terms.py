"""Notice periods (Điều 35–36 BLLĐ) and probation: maximum length and minimum pay (Điều 25–26 BLLĐ)."""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

BLLD = "45/2019/QH14"
CONTRACTS = (
    ("khong_xac_dinh", "hợp đồng không xác định thời hạn"),
    ("12_36_thang", "hợp đồng xác định thời hạn từ 12 đến 36 tháng"),
    ("duoi_12_thang", "hợp đồng xác định thời hạn dưới 12 tháng"),
    ("giup_viec", "hợp đồng với người giúp việc gia đình"),
)
SIDES = (("nguoi_lao_dong", "người lao động nghỉ việc"), ("nguoi_su_dung", "người sử dụng lao động cho nghỉ"))
# (days, working days?, point) for điểm a, b, c of khoản 1 Điều 35 and khoản 2 Điều 36; a
# domestic worker's contract has its own period, the same for both sides (khoản 2 Điều 162).
NOTICE = {
    "khong_xac_dinh": (45, False, "a"),
    "12_36_thang": (30, False, "b"),
    "duoi_12_thang": (3, True, "c"),
    "giup_viec": (15, False, None),
}
DOMESTIC = UnitRef(BLLD, 162, 2)
JOBS = (
    ("quan_ly", "người quản lý doanh nghiệp"),
    ("cao_dang", "công việc cần trình độ từ cao đẳng trở lên"),
    ("trung_cap", "công việc cần trình độ trung cấp, công nhân kỹ thuật, nhân viên nghiệp vụ"),
    ("khac", "công việc khác"),
)
PROBATION = {
    "quan_ly": (180, False, 1),
    "cao_dang": (60, False, 2),
    "trung_cap": (30, False, 3),
    "khac": (6, True, 4),
}
PROBATION_PAY_PERCENT = 85  # Điều 26: "ít nhất phải bằng 85% mức lương của công việc đó"


def _period(count: int, working: bool) -> str:
    return fmt.working_days(count) if working else fmt.days(count)


def law_wording(count: int, working: bool) -> str:
    """The period as the Labour Code writes it: "03 ngày làm việc", "45 ngày"."""
    return f"{count:02d} ngày" + (" làm việc" if working else "")


def compute_notice(values: Values) -> CalculationResult:
    side, contract = values["ben"], values["loai_hop_dong"]
    count, working, point = NOTICE[contract]
    if contract == "giup_viec":
        unit = DOMESTIC
    else:
        unit = UnitRef(BLLD, 35, 1, point) if side == "nguoi_lao_dong" else UnitRef(BLLD, 36, 2, point)
    who = (
        "Bạn phải báo trước" if side == "nguoi_lao_dong" else "Người sử dụng lao động phải báo trước cho bạn"
    )
    label = NOTICE_CALC.spec("loai_hop_dong").choice_label(contract)
    return CalculationResult(
        calculator=NOTICE_CALC.name,
        headline=f"{who} ít nhất {_period(count, working)} ({label}).",
        inputs=NOTICE_CALC.shown(values),
        formula=(
            f"{label[0].upper() + label[1:]}: báo trước ít nhất {_period(count, working)} "
            f"(luật ghi: “ít nhất {law_wording(count, working)}”).",
        ),
        figures=(Figure("thoi_han", "Thời hạn báo trước", count, _period(count, working)),),
        citations=(unit,),
        notes=(
            (
                "Với người giúp việc gia đình, mỗi bên có quyền đơn phương chấm dứt hợp đồng bất kỳ khi "
                "nào, chỉ cần báo trước ít nhất 15 ngày (khoản 2 Điều 162).",
            )
            if contract == "giup_viec"
            else (
                "Có trường hợp không phải báo trước (khoản 2 Điều 35, khoản 3 Điều 36) và ngành nghề đặc "
                "thù có thời hạn riêng.",
            )
        ),
    )


def compute_probation(values: Values) -> CalculationResult:
    job, wage = values.get("cong_viec"), values.get("luong_cong_viec")
    parts: list[str] = []
    formula: list[str] = []
    figures: list[Figure] = []
    citations: list[UnitRef] = []
    if job is not None:
        count, working, clause = PROBATION[job]
        label = PROBATION_CALC.spec("cong_viec").choice_label(job)
        parts.append(f"thời gian thử việc tối đa là {_period(count, working)} ({label})")
        formula.append(
            f"{label[0].upper() + label[1:]}: không quá {_period(count, working)} "
            f"(luật ghi: “không quá {law_wording(count, working)}”); chỉ thử việc một lần."
        )
        figures.append(Figure("toi_da", "Thời gian thử việc tối đa", count, _period(count, working)))
        citations.append(UnitRef(BLLD, 25, clause))
    if wage is not None:
        pay = fmt.round_half_up(wage * PROBATION_PAY_PERCENT / 100)
        parts.insert(0, f"lương thử việc ít nhất là {fmt.money(pay)} (85% mức lương của công việc)")
        formula.append(f"Lương thử việc ≥ 85% × {fmt.money(wage)} = {fmt.money(pay)}.")
        figures.insert(0, Figure("luong_thu_viec", "Lương thử việc tối thiểu", pay, fmt.money(pay)))
        citations.insert(0, UnitRef(BLLD, 26))
    headline = "; ".join(parts)
    return CalculationResult(
        calculator=PROBATION_CALC.name,
        headline=headline[0].upper() + headline[1:] + ".",
        inputs=PROBATION_CALC.shown(values),
        formula=tuple(formula),
        figures=tuple(figures),
        citations=tuple(citations),
        notes=("Không áp dụng thử việc với hợp đồng lao động dưới 01 tháng (Điều 24).",),
    )


def _probation_needs(values: Values) -> tuple[str, ...]:
    return () if values.get("luong_cong_viec") is not None else ("cong_viec",)


NOTICE_CALC = Calculator(
    name="thoi_han_bao_truoc",
    title="Thời hạn báo trước khi chấm dứt hợp đồng",
    description="Số ngày phải báo trước khi đơn phương chấm dứt hợp đồng lao động, theo loại hợp đồng.",
    inputs=(
        InputSpec("loai_hop_dong", "Loại hợp đồng lao động", "choice", choices=CONTRACTS),
        InputSpec(
            "ben", "Bên chấm dứt hợp đồng", "choice", choices=SIDES, required=False, default="nguoi_lao_dong"
        ),
    ),
    citations=(UnitRef(BLLD, 35, 1), UnitRef(BLLD, 36, 2), DOMESTIC),
    compute=compute_notice,
    example={"loai_hop_dong": "khong_xac_dinh"},
)

PROBATION_CALC = Calculator(
    name="thu_viec",
    title="Thời gian và tiền lương thử việc",
    description="Thời gian thử việc tối đa theo công việc và lương thử việc tối thiểu 85%.",
    inputs=(
        InputSpec("cong_viec", "Công việc thử việc", "choice", choices=JOBS, required=False),
        InputSpec(
            "luong_cong_viec", "Mức lương của công việc", "money", 100_000, 1_000_000_000, required=False
        ),
    ),
    citations=(UnitRef(BLLD, 25), UnitRef(BLLD, 26)),
    compute=compute_probation,
    example={"cong_viec": "cao_dang", "luong_cong_viec": "10 triệu"},
    needs=_probation_needs,
)
