"""Maternity leave and benefit when giving birth (Điều 139 BLLĐ; Điều 53, 58, 59 Luật BHXH 41/2024).

Leave: 6 months, one more month for each child from the second (khoản 1 Điều 139 BLLĐ).
Benefit: 100% of the average contribution wage of the last 6 months, per month of leave
(khoản 1 Điều 59); one-off allowance: 2 times the reference level per child (khoản 4 Điều 58), paid
to the father when the mother is not insured (khoản 1 Điều 58).
The reference level is set by the Government (Điều 7) and is not in the corpus: it is an input,
with the stated default of 2.340.000 đồng (the base salary since 01/7/2024, Nghị định 73/2024/NĐ-CP).
"""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

BLLD = "45/2019/QH14"
BHXH = "41/2024/QH15"
LEAVE_MONTHS = 6  # khoản 1 Điều 139 BLLĐ
EXTRA_MONTH_PER_CHILD = 1
BENEFIT_RATE = 100  # khoản 1 Điều 59: "bằng 100% mức bình quân tiền lương"
ONE_OFF_TIMES = 2  # khoản 4 Điều 58: "bằng 02 lần mức tham chiếu"
PATERNITY_DAYS_PER_MONTH = 24  # khoản 2 Điều 59: the father's day is a month's benefit "chia cho 24 ngày"
REFERENCE_LEVEL = 2_340_000


# The reference level (Điều 7 Luật BHXH 2024) as an input of the mother's and the father's calculators.
REFERENCE_INPUT = InputSpec(
    "muc_tham_chieu",
    "Mức tham chiếu (bằng mức lương cơ sở)",
    "money",
    1_000_000,
    100_000_000,
    required=False,
    default=REFERENCE_LEVEL,
)


def one_off_allowance(values: Values) -> int:
    """The one-off birth allowance: 2 times the reference level per child (khoản 4 Điều 58)."""
    return ONE_OFF_TIMES * values["muc_tham_chieu"] * int(values["so_con"])


def _one_off_formula(values: Values, one_off: int) -> str:
    reference, children = fmt.money(values["muc_tham_chieu"]), int(values["so_con"])
    return f"Trợ cấp một lần = 2 × {reference} (mức tham chiếu) × {children} con = {fmt.money(one_off)}"


def _one_off_figure(one_off: int) -> Figure:
    return Figure("tro_cap_mot_lan", "Trợ cấp một lần khi sinh con", one_off, fmt.money(one_off))


def _leave_only(values: Values, months: int, one_off: int) -> CalculationResult:
    """Without the wage: the months of leave and the one-off allowance, which need none."""
    return CalculationResult(
        calculator=CALC.name,
        headline=(
            f"Bạn được nghỉ thai sản {fmt.months(months)}, cộng trợ cấp một lần khi sinh con bằng 2 lần mức "
            f"tham chiếu mỗi con ({fmt.money(one_off)} với mức {fmt.money(values['muc_tham_chieu'])})."
        ),
        inputs=CALC.shown(values),
        formula=(
            f"Thời gian nghỉ = 6 tháng + 1 tháng cho mỗi con từ con thứ hai = {fmt.months(months)} "
            "(luật ghi: “06 tháng”, sinh đôi trở lên thì từ con thứ 02 mỗi con nghỉ thêm “01 tháng”).",
            "Mỗi tháng nghỉ được trợ cấp 100% mức bình quân tiền lương đóng bảo hiểm xã hội 6 tháng gần "
            "nhất; "
            "cho biết mức lương đó để tính số tiền.",
        ),
        figures=(
            Figure("so_thang_nghi", "Thời gian nghỉ thai sản", months, fmt.months(months)),
            _one_off_figure(one_off),
        ),
        citations=(UnitRef(BLLD, 139, 1), UnitRef(BHXH, 53, 1), UnitRef(BHXH, 58, 4)),
    )


def compute_maternity(values: Values) -> CalculationResult:
    wage, children, reference = values.get("luong_binh_quan"), int(values["so_con"]), values["muc_tham_chieu"]
    months = LEAVE_MONTHS + EXTRA_MONTH_PER_CHILD * (children - 1)
    one_off = one_off_allowance(values)
    if wage is None:
        return _leave_only(values, months, one_off)
    benefit = wage * BENEFIT_RATE // 100 * months
    total = benefit + one_off
    return CalculationResult(
        calculator=CALC.name,
        headline=(
            f"Bạn được nghỉ thai sản {fmt.months(months)}, trợ cấp thai sản {fmt.money(benefit)} "
            f"và trợ cấp một lần khi sinh con {fmt.money(one_off)} "
            f"(2 lần mức tham chiếu {fmt.money(reference)} mỗi con; tổng {fmt.money(total)})."
        ),
        inputs=CALC.shown(values),
        formula=(
            f"Thời gian nghỉ = 6 tháng + 1 tháng cho mỗi con từ con thứ hai = {fmt.months(months)} "
            "(luật ghi: “06 tháng”, từ con thứ 02 mỗi con nghỉ thêm “01 tháng”).",
            f"Trợ cấp thai sản = 100% × {fmt.money(wage)} × {months} tháng = {fmt.money(benefit)}.",
            _one_off_formula(values, one_off) + ".",
        ),
        figures=(
            Figure("so_thang_nghi", "Thời gian nghỉ thai sản", months, fmt.months(months)),
            Figure("tro_cap_thai_san", "Trợ cấp thai sản", benefit, fmt.money(benefit)),
            _one_off_figure(one_off),
            Figure("tong", "Tổng", total, fmt.money(total)),
        ),
        citations=CALC.citations,
        notes=(
            "Điều kiện: đã đóng bảo hiểm xã hội bắt buộc từ đủ 6 tháng trở lên trong 12 tháng trước khi "
            "sinh con "
            "(khoản 2 Điều 50 Luật Bảo hiểm xã hội).",
            f"Mức tham chiếu {fmt.money(reference)} do Chính phủ quyết định; nếu mức này đã thay đổi, hãy "
            "nhập "
            "mức mới.",
        ),
    )


CALC = Calculator(
    name="thai_san",
    title="Chế độ thai sản khi sinh con",
    description=(
        "Thời gian nghỉ thai sản, trợ cấp thai sản (100% lương bình quân) và trợ cấp một lần khi sinh."
    ),
    inputs=(
        InputSpec(
            "luong_binh_quan",
            "Mức bình quân tiền lương đóng bảo hiểm xã hội 6 tháng gần nhất",
            "money",
            100_000,
            1_000_000_000,
            required=False,
        ),
        InputSpec("so_con", "Số con sinh trong một lần sinh", "int", 1, 6, required=False, default=1),
        REFERENCE_INPUT,
    ),
    citations=(
        UnitRef(BHXH, 59, 1),
        UnitRef(BLLD, 139, 1),
        UnitRef(BHXH, 53, 1),
        UnitRef(BHXH, 58, 4),
        UnitRef(BHXH, 50, 2),
    ),
    compute=compute_maternity,
    example={"luong_binh_quan": "8 triệu"},
)


def paternity_days(children: int, surgery: bool) -> tuple[int, str]:
    """Working days of leave for a father (khoản 2 Điều 53) and the point that sets them."""
    if children == 1:
        return (7, "b") if surgery else (5, "a")
    base, point = (14, "d") if surgery else (10, "c")
    return base + 3 * max(children - 2, 0), point


def compute_paternity(values: Values) -> CalculationResult:
    children, surgery = int(values["so_con"]), bool(values["phau_thuat"])
    days, point = paternity_days(children, surgery)
    case = ("sinh đôi" if children == 2 else f"sinh {children} con") if children > 1 else "sinh một con"
    if surgery:
        case += ", phải phẫu thuật hoặc sinh dưới 32 tuần"
    headline = f"Bạn được nghỉ hưởng chế độ thai sản {days} ngày làm việc khi vợ sinh con ({case})."
    formula: tuple[str, ...] = (
        f"Khoản 2 Điều 53 Luật Bảo hiểm xã hội: “{days:02d} ngày làm việc” ({case}).",
        "Một con 5 ngày, phẫu thuật hoặc dưới 32 tuần 7 ngày; sinh đôi 10 ngày, phẫu thuật 14 ngày; "
        "từ con thứ ba thêm 3 ngày mỗi con.",
    )
    figures: tuple[Figure, ...] = (Figure("so_ngay", "Số ngày nghỉ", days, f"{days} ngày làm việc"),)
    citations: tuple[UnitRef, ...] = (UnitRef(BHXH, 53, 2, point), UnitRef(BHXH, 53, 3))
    notes: tuple[str, ...] = ("Phải nghỉ trong 60 ngày kể từ ngày vợ sinh con (khoản 3 Điều 53).",)
    wage = values.get("luong_binh_quan")
    if wage is not None:  # his pay for those days: a month's benefit (100% of the wage) ÷ 24 a day
        pay = fmt.round_half_up(wage * BENEFIT_RATE / 100 / PATERNITY_DAYS_PER_MONTH * days)
        headline = headline.removesuffix(".") + f", trợ cấp thai sản {fmt.money(pay)}."
        formula = (
            f"Trợ cấp = {fmt.money(wage)} ÷ {PATERNITY_DAYS_PER_MONTH} ngày × {days} ngày = {fmt.money(pay)} "
            "(khoản 1 Điều 59: một tháng bằng 100% mức bình quân tiền lương; khoản 2: một ngày bằng một "
            "tháng chia cho 24 ngày).",
            *formula,
        )
        figures = (Figure("tro_cap", "Trợ cấp thai sản", pay, fmt.money(pay)), *figures)
        citations = (*citations, UnitRef(BHXH, 59, 2), UnitRef(BHXH, 59, 1))
    if values.get("vo_khong_bhxh"):  # the mother is not insured: the father is paid the one-off allowance
        reference = values["muc_tham_chieu"]
        one_off = one_off_allowance(values)
        paid = f", trợ cấp thai sản {fmt.money(pay)}" if wage is not None else ""
        headline = (
            "Vợ bạn không đóng bảo hiểm xã hội nên bạn được trợ cấp một lần khi sinh con "
            f"{fmt.money(one_off)} (2 lần mức tham chiếu {fmt.money(reference)} mỗi con), và được nghỉ "
            f"hưởng chế độ thai sản {days} ngày làm việc ({case}){paid}."
        )
        formula = (
            _one_off_formula(values, one_off) + " (khoản 1 Điều 58: lao động nữ không đủ điều kiện mà “người "
            "chồng có đủ điều kiện quy định tại khoản 2 Điều 50” thì “người chồng được trợ cấp một lần”; "
            "khoản 4: “bằng 02 lần mức tham chiếu”).",
            *formula,
        )
        figures = (_one_off_figure(one_off), *figures)
        citations = (UnitRef(BHXH, 58, 1), UnitRef(BHXH, 58, 4), UnitRef(BHXH, 50, 2), *citations)
        notes = (
            "Điều kiện: bạn đã đóng bảo hiểm xã hội bắt buộc từ đủ 6 tháng trở lên trong 12 tháng trước khi "
            "vợ sinh con (khoản 2 Điều 50).",
            *notes,
        )
    # the reference level is shown only where it prices something
    shown = (
        values if values.get("vo_khong_bhxh") else {k: v for k, v in values.items() if k != "muc_tham_chieu"}
    )
    return CalculationResult(
        calculator=PATERNITY.name,
        headline=headline,
        inputs=PATERNITY.shown(shown),
        formula=formula,
        figures=figures,
        citations=citations,
        notes=notes,
    )


PATERNITY = Calculator(
    name="thai_san_cha",
    title="Nghỉ thai sản của chồng khi vợ sinh con",
    description="Số ngày làm việc lao động nam được nghỉ hưởng chế độ thai sản khi vợ sinh con.",
    inputs=(
        InputSpec("so_con", "Số con sinh trong một lần sinh", "int", 1, 6, required=False, default=1),
        InputSpec(
            "phau_thuat",
            "Vợ sinh phải phẫu thuật hoặc sinh con dưới 32 tuần",
            "bool",
            required=False,
            default=False,
        ),
        InputSpec(
            "vo_khong_bhxh",
            "Vợ không đóng bảo hiểm xã hội (hoặc không đủ điều kiện hưởng thai sản)",
            "bool",
            required=False,
            default=False,
        ),
        InputSpec(
            "luong_binh_quan",
            "Mức bình quân tiền lương đóng bảo hiểm xã hội 6 tháng gần nhất của bạn",
            "money",
            100_000,
            1_000_000_000,
            required=False,
        ),
        REFERENCE_INPUT,
    ),
    citations=(UnitRef(BHXH, 53, 2), UnitRef(BHXH, 53, 3)),
    compute=compute_paternity,
    example={"so_con": 2, "phau_thuat": "có"},
)
