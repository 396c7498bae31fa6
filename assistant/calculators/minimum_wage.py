"""Regional minimum wage (Điều 3 NĐ 293/2025, in force from 01/01/2026), by region or locality.

The region of a ward or commune comes from the decree's appendix, read from the built corpus
(``localities.py``); the amounts are the table of khoản 1 Điều 3.
"""

from __future__ import annotations

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
from corpus.errors import LegalAssistantError

ND293 = "293/2025/NĐ-CP"
MONTHLY = {"I": 5_310_000, "II": 4_730_000, "III": 4_140_000, "IV": 3_700_000}  # khoản 1 Điều 3
HOURLY = {"I": 25_500, "II": 22_700, "III": 20_000, "IV": 17_800}
REGIONS = (("I", "Vùng I"), ("II", "Vùng II"), ("III", "Vùng III"), ("IV", "Vùng IV"))


def _needs(values: Values) -> tuple[str, ...]:
    return () if values.get("dia_ban") else ("vung",)


def region_of(values: Values) -> tuple[str, str]:
    """(region, how it was found): the region given, or the one of the locality in the appendix."""
    if values.get("vung"):
        return values["vung"], ""
    from assistant.calculators.localities import find_region

    place = str(values["dia_ban"])
    try:
        match = find_region(place)
    except LegalAssistantError:  # the built corpus is missing: say so, and ask for the region
        raise CalculatorInputError(
            "vung",
            "Chưa tra được danh mục địa bàn của Nghị định 293/2025/NĐ-CP; hãy chọn vùng I, II, III hoặc IV.",
        ) from None
    if match is None:
        from assistant.calculators.localities import province_named

        province = province_named(place)
        if province is not None:
            found = {region for region, _ in province.places.values()} | {province.rest}
            regions = [key for key, _ in REGIONS if key in found]
            raise CalculatorInputError(
                "dia_ban",
                f"{province.province} có nơi thuộc vùng {', '.join(regions)} tùy phường, xã: hãy cho biết "
                'tên phường/xã nơi công ty hoạt động (ví dụ: "phường Kinh Bắc, Bắc Ninh").',
            )
        raise CalculatorInputError(
            "dia_ban",
            f"“Địa bàn” {place!r}: không tìm thấy trong Phụ lục Nghị định 293/2025/NĐ-CP. Hãy ghi tên "
            "phường/xã "
            'và tỉnh/thành phố (ví dụ: "phường Hoàn Kiếm, Hà Nội"), hoặc chọn vùng I–IV.',
        )
    return match.region, f"{match.place} ({match.province}) thuộc vùng {match.region}."


def compute_minimum_wage(values: Values) -> CalculationResult:
    region, found = region_of(values)
    monthly, hourly = MONTHLY[region], HOURLY[region]
    formula = [found] if found else []
    formula.append(f"Vùng {region}: lương tối thiểu tháng {fmt.money(monthly)}, giờ {fmt.money(hourly)}.")
    headline = f"Lương tối thiểu vùng {region} là {fmt.money(monthly)}/tháng ({fmt.money(hourly)}/giờ)."
    wage = int(values.get("luong") or 0)
    if wage:
        # The member's monthly wage against the floor: the law compares the wage of the job for a
        # full month of normal hours (khoản 1 Điều 4), which the answer says under the comparison.
        below = wage < monthly
        headline = f"Lương {fmt.money(wage)}/tháng của bạn " + (
            f"thấp hơn lương tối thiểu vùng {region} ({fmt.money(monthly)}/tháng): nếu đó là lương cho đủ "
            "giờ làm việc bình thường trong tháng thì công ty đang trả dưới mức luật cho phép."
            if below
            else f"không thấp hơn lương tối thiểu vùng {region} ({fmt.money(monthly)}/tháng)."
        )
        formula.append(
            f"{fmt.money(wage)} {'<' if below else '≥'} {fmt.money(monthly)}"
            f" (chênh lệch {fmt.money(abs(wage - monthly))}). "
            "Mức so sánh là mức lương theo công việc hoặc chức danh khi làm đủ thời giờ làm việc bình "
            "thường trong tháng và hoàn thành định mức lao động (khoản 1 Điều 4); trả lương theo tuần, "
            "ngày, sản phẩm hoặc khoán thì quy đổi theo tháng (khoản 3 Điều 4)."
        )
    return CalculationResult(
        calculator=CALC.name,
        headline=headline,
        inputs=CALC.shown(values),
        formula=tuple(formula),
        figures=(
            Figure("luong_toi_thieu_thang", "Mức lương tối thiểu tháng", monthly, fmt.money(monthly)),
            Figure("luong_toi_thieu_gio", "Mức lương tối thiểu giờ", hourly, fmt.money(hourly)),
            Figure("vung", "Vùng", region, f"vùng {region}"),
        ),
        citations=CALC.citations,
        notes=("Áp dụng theo nơi hoạt động của người sử dụng lao động (khoản 3 Điều 3).",),
    )


CALC = Calculator(
    name="luong_toi_thieu_vung",
    title="Lương tối thiểu vùng",
    description="Mức lương tối thiểu tháng và giờ từ 01/01/2026 theo vùng hoặc theo phường, xã.",
    inputs=(
        InputSpec("vung", "Vùng", "choice", choices=REGIONS, required=False),
        InputSpec(
            "dia_ban",
            "Địa bàn (phường/xã, tỉnh/thành phố) nơi doanh nghiệp hoạt động",
            "text",
            required=False,
        ),
        InputSpec("luong", "Lương tháng của bạn", "money", 100_000, 1_000_000_000, required=False),
    ),
    citations=(
        UnitRef(ND293, 3, 1),
        UnitRef(ND293, 3, 2),
        UnitRef(ND293, 3, 3),
        UnitRef(ND293, 4, 1),
        UnitRef(ND293, 4, 3),
    ),
    compute=compute_minimum_wage,
    example={"vung": "II"},
    needs=_needs,
)
