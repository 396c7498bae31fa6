"""Overtime, night work and night overtime pay (Điều 98 BLLĐ; Điều 55–57 NĐ 145/2020).

Rates are minimums on the hourly wage actually paid on a normal working day: overtime 150% on
a working day, 200% on a weekly rest day, 300% on a public holiday; night work +30%; night
overtime adds 20% of the day-time hourly wage of that day (100% or 150% on a working day,
200% on a weekly rest day, 300% on a holiday: điểm b khoản 1 Điều 57 NĐ 145/2020).
"""

from __future__ import annotations

from assistant.calculators import formatting as fmt
from assistant.calculators.base import CalculationResult, Calculator, Figure, InputSpec, UnitRef, Values

BLLD = "45/2019/QH14"
ND145 = "145/2020/NĐ-CP"
OVERTIME_RATE = {"ngay_thuong": 150, "nghi_hang_tuan": 200, "nghi_le": 300}  # khoản 1 Điều 98
NIGHT_EXTRA = 30  # khoản 2 Điều 98: "thêm ít nhất bằng 30%"
NIGHT_OVERTIME_EXTRA = 20  # khoản 3 Điều 98: "thêm 20% tiền lương ... làm vào ban ngày"
DAY_RATE = {"ngay_thuong": 100, "ngay_thuong_co_lam_them": 150, "nghi_hang_tuan": 200, "nghi_le": 300}
DAY_LABELS = (
    ("ngay_thuong", "ngày thường"),
    ("nghi_hang_tuan", "ngày nghỉ hằng tuần"),
    ("nghi_le", "ngày nghỉ lễ, tết, ngày nghỉ có hưởng lương"),
)
NORMAL_HOURS_PER_DAY = 8  # khoản 1 Điều 105 BLLĐ: "không quá 08 giờ trong 01 ngày"

WAGE_INPUTS = (
    InputSpec(
        "luong_gio",
        "Tiền lương giờ của ngày làm việc bình thường",
        "money",
        1_000,
        10_000_000,
        required=False,
    ),
    InputSpec(
        "luong_thang",
        "Tiền lương tháng theo công việc (không kể làm thêm, thưởng)",
        "money",
        100_000,
        1_000_000_000,
        required=False,
    ),
    InputSpec(
        "so_ngay_lam_viec_thang", "Số ngày làm việc bình thường trong tháng", "int", 1, 31, required=False
    ),
    InputSpec(
        "so_gio_moi_ngay",
        "Số giờ làm việc bình thường mỗi ngày",
        "number",
        1,
        10,
        required=False,
        default=NORMAL_HOURS_PER_DAY,
    ),
)


def wage_needs(values: Values) -> tuple[str, ...]:
    """An hourly wage, or a monthly wage with the working days of the month."""
    if values.get("luong_gio") is not None:
        return ()
    if values.get("luong_thang") is None:
        return ("luong_thang",)
    return ("so_ngay_lam_viec_thang",)


def hourly_wage(values: Values) -> tuple[float, str]:
    """The hourly wage and how it was found (điểm a khoản 1 Điều 55 NĐ 145/2020)."""
    if values.get("luong_gio") is not None:
        return float(values["luong_gio"]), f"Lương giờ: {fmt.money(values['luong_gio'])}."
    month, days, per_day = values["luong_thang"], values["so_ngay_lam_viec_thang"], values["so_gio_moi_ngay"]
    hourly = month / (days * per_day)
    line = (
        f"Lương giờ = {fmt.money(month)} ÷ ({days} ngày × {fmt.hours(per_day)}) = "
        f"{fmt.number(round(hourly, 2))} đồng."
    )
    return hourly, line


def overtime_percent(day: str, night: bool, day_overtime: bool) -> int:
    """Total percent of the hourly wage for one hour of overtime."""
    rate = OVERTIME_RATE[day]
    if not night:
        return rate
    day_key = "ngay_thuong_co_lam_them" if day == "ngay_thuong" and day_overtime else day
    return rate + NIGHT_EXTRA + NIGHT_OVERTIME_EXTRA * DAY_RATE[day_key] // 100


def compute_overtime(values: Values) -> CalculationResult:
    hourly, wage_line = hourly_wage(values)
    day, night, hours = values["loai_ngay"], bool(values["ban_dem"]), values["so_gio"]
    percent = overtime_percent(day, night, bool(values["lam_them_ban_ngay"]))
    amount = fmt.round_half_up(hourly * percent / 100 * hours)
    day_label = OVERTIME.spec("loai_ngay").choice_label(day)
    when = f"{'ban đêm ' if night else ''}vào {day_label}"
    formula = [wage_line]
    if night:
        day_key = "ngay_thuong_co_lam_them" if day == "ngay_thuong" and values["lam_them_ban_ngay"] else day
        formula.append(
            f"Tỷ lệ = {OVERTIME_RATE[day]}% + 30% (ban đêm) + 20% × {DAY_RATE[day_key]}% (lương giờ ban "
            "ngày) "
            f"= {fmt.percent(percent)}."
        )
    formula.append(
        f"Tiền lương làm thêm = lương giờ × {fmt.percent(percent)} × {fmt.hours(hours)} = "
        f"{fmt.money(amount)}."
    )
    notes: tuple[str, ...] = ()
    if day == "nghi_le":
        notes = ("Chưa kể tiền lương của ngày lễ, tết đối với người hưởng lương ngày.",)
    return CalculationResult(
        calculator=OVERTIME.name,
        headline=(
            f"Tiền lương làm thêm {fmt.hours(hours)} {when} của bạn ít nhất bằng {fmt.percent(percent)} "
            f"lương giờ, tức ít nhất {fmt.money(amount)}."
        ),
        inputs=OVERTIME.shown(values),
        formula=tuple(formula),
        figures=(
            Figure("tien_luong", "Tiền lương làm thêm giờ", amount, fmt.money(amount)),
            Figure("ty_le", "Tỷ lệ so với lương giờ", percent, fmt.percent(percent)),
            Figure("luong_gio", "Lương giờ", round(hourly, 2), fmt.money(hourly)),
        ),
        citations=OVERTIME.citations if night else OVERTIME.citations[:2],
        notes=notes,
    )


def compute_night_work(values: Values) -> CalculationResult:
    hourly, wage_line = hourly_wage(values)
    hours = values["so_gio"]
    extra = fmt.round_half_up(hourly * NIGHT_EXTRA / 100 * hours)
    total = fmt.round_half_up(hourly * (100 + NIGHT_EXTRA) / 100 * hours)
    return CalculationResult(
        calculator=NIGHT_WORK.name,
        headline=(
            f"Làm {fmt.hours(hours)} ban đêm trong giờ làm việc bình thường, bạn được trả thêm ít nhất "
            f"{fmt.money(extra)} (30% lương giờ), tổng cộng {fmt.money(total)}."
        ),
        inputs=NIGHT_WORK.shown(values),
        formula=(
            wage_line,
            f"Phần trả thêm = lương giờ × 30% × {fmt.hours(hours)} = {fmt.money(extra)}.",
            f"Tổng = lương giờ × 130% × {fmt.hours(hours)} = {fmt.money(total)}.",
        ),
        figures=(
            Figure("tra_them", "Tiền trả thêm khi làm ban đêm", extra, fmt.money(extra)),
            Figure("tong", "Tổng tiền lương các giờ làm ban đêm", total, fmt.money(total)),
            Figure("ty_le", "Tỷ lệ trả thêm", NIGHT_EXTRA, fmt.percent(NIGHT_EXTRA)),
        ),
        citations=NIGHT_WORK.citations,
    )


OVERTIME = Calculator(
    name="lam_them_gio",
    title="Tiền lương làm thêm giờ",
    description="Làm thêm ngày thường 150%, ngày nghỉ hằng tuần 200%, ngày lễ 300%; ban đêm cộng thêm.",
    inputs=(
        *WAGE_INPUTS,
        InputSpec("so_gio", "Số giờ làm thêm", "number", 0.5, 300),
        InputSpec("loai_ngay", "Ngày làm thêm", "choice", choices=DAY_LABELS),
        InputSpec(
            "ban_dem", "Làm thêm vào ban đêm (22 giờ đến 6 giờ)", "bool", required=False, default=False
        ),
        InputSpec(
            "lam_them_ban_ngay",
            "Đã làm thêm ban ngày của ngày đó (trước giờ làm đêm)",
            "bool",
            required=False,
            default=False,
        ),
    ),
    citations=(
        UnitRef(BLLD, 98, 1),
        UnitRef(ND145, 55, 1),
        UnitRef(BLLD, 98, 3),
        UnitRef(ND145, 57, 1),
        UnitRef(BLLD, 106),
    ),
    compute=compute_overtime,
    example={
        "luong_thang": "10,4 triệu",
        "so_ngay_lam_viec_thang": 26,
        "so_gio": 4,
        "loai_ngay": "nghi_hang_tuan",
    },
    needs=wage_needs,
)

NIGHT_WORK = Calculator(
    name="lam_viec_ban_dem",
    title="Tiền lương làm việc ban đêm",
    description="Giờ làm việc bình thường vào ban đêm (22 giờ đến 6 giờ) được trả thêm ít nhất 30%.",
    inputs=(*WAGE_INPUTS, InputSpec("so_gio", "Số giờ làm việc ban đêm", "number", 0.5, 300)),
    citations=(UnitRef(BLLD, 98, 2), UnitRef(ND145, 56, 1), UnitRef(BLLD, 106)),
    compute=compute_night_work,
    example={"luong_gio": "50.000", "so_gio": 8},
    needs=wage_needs,
)
