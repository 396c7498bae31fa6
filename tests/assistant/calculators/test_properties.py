"""Property tests: monotonicity, caps and minimums hold for every input in range."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.calculators import annual_leave, minimum_wage, retirement, severance, unemployment
from assistant.calculators.registry import get_calculator
from assistant.calculators.social_insurance import split_years

wages = st.integers(min_value=100_000, max_value=200_000_000)
careers = st.integers(min_value=12, max_value=600)
FAST = settings(max_examples=150, deadline=None)


def _figure(name: str, figure: str, **inputs: object) -> int | float:
    value = get_calculator(name).run(inputs).figure(figure).value
    assert isinstance(value, int | float)
    return value


@FAST
@given(careers, st.integers(min_value=0, max_value=24), wages)
def test_severance_grows_with_time_and_never_counts_covered_time(months: int, more: int, wage: int) -> None:
    shorter = _figure("tro_cap_thoi_viec", "tro_cap", thoi_gian_lam_viec=months, luong_binh_quan=wage)
    longer = _figure(
        "tro_cap_thoi_viec", "tro_cap", thoi_gian_lam_viec=min(months + more, 600), luong_binh_quan=wage
    )
    assert longer >= shorter
    covered = _figure(
        "tro_cap_thoi_viec", "tro_cap", thoi_gian_lam_viec=months, luong_binh_quan=wage, thoi_gian_bhtn=months
    )
    assert covered == 0
    # never more than half a month's wage per started half-year
    assert shorter <= (months / 12 + 0.5) * wage / 2


@FAST
@given(careers, wages)
def test_job_loss_is_at_least_two_months_and_twice_severance(months: int, wage: int) -> None:
    job_loss = _figure("tro_cap_mat_viec", "tro_cap", thoi_gian_lam_viec=months, luong_binh_quan=wage)
    sev = _figure("tro_cap_thoi_viec", "tro_cap", thoi_gian_lam_viec=months, luong_binh_quan=wage)
    assert job_loss >= severance.JOB_LOSS_MINIMUM_MONTHS * wage
    assert job_loss >= 2 * sev - 1


@FAST
@given(st.integers(min_value=0, max_value=600))
def test_counted_years_rounding(months: int) -> None:
    years = severance.counted_years(months)
    assert months / 12 <= years <= months / 12 + 0.5
    assert years * 2 == int(years * 2)  # whole or half years only


@FAST
@given(wages, st.integers(min_value=12, max_value=600), st.sampled_from(["I", "II", "III", "IV"]))
def test_unemployment_cap_and_months(wage: int, contributed: int, region: str) -> None:
    result = get_calculator("tro_cap_that_nghiep").run(
        {"luong_binh_quan": wage, "so_thang_dong": contributed, "vung": region}
    )
    monthly = result.figure("muc_huong").value
    assert isinstance(monthly, int)
    assert monthly <= unemployment.CAP_TIMES * minimum_wage.MONTHLY[region]
    assert monthly <= round(wage * 0.6) + 1
    assert 3 <= result.figure("so_thang").value <= 12


@FAST
@given(st.integers(min_value=12, max_value=599))
def test_unemployment_months_never_fall(contributed: int) -> None:
    assert unemployment.benefit_months(contributed + 1) >= unemployment.benefit_months(contributed)


@FAST
@given(
    st.sampled_from(list(annual_leave.BASE_DAYS)),
    st.integers(min_value=1, max_value=600),
    st.integers(min_value=1, max_value=12),
)
def test_annual_leave_bounds(condition: str, seniority: int, months: int) -> None:
    days = annual_leave.leave_days(condition, seniority, months)
    full = annual_leave.BASE_DAYS[condition] + seniority // 60
    assert days <= full
    assert days == full or months < 12
    assert annual_leave.leave_days(condition, seniority + 60, months) >= days


@FAST
@given(st.integers(min_value=0, max_value=300), st.integers(min_value=0, max_value=300))
def test_lump_sum_keeps_every_month(before: int, after: int) -> None:
    years_before, years_after = split_years(before, after)
    if after:  # leftover months before 2014 move to the later period, at the higher rate
        assert years_before == before // 12
    assert years_before + years_after >= (before + after) / 12 - 1e-9
    assert years_before + years_after <= (before + after) / 12 + 0.5


@FAST
@given(
    st.sampled_from(["nam", "nu"]),
    st.dates(min_value=date(1971, 1, 1), max_value=date(2005, 12, 1)),
    st.booleans(),
)
def test_retirement_age_within_the_roadmap_and_later_birth_never_retires_earlier(
    sex: str, born: date, reduced: bool
) -> None:
    birth = date(born.year, born.month, 1)
    age, reached = retirement.retirement(sex, birth, reduced)
    start, _, final = retirement.ROADMAP[sex]
    cut = retirement.REDUCTION_MONTHS if reduced else 0
    assert start - cut <= age <= final - cut
    _, later = retirement.retirement(sex, retirement.add_months(birth, 1), reduced)
    assert later > reached


@FAST
@given(st.integers(min_value=5, max_value=99))
def test_accident_compensation_grows_with_the_loss(loss: int) -> None:
    from assistant.calculators.accident import compensation_months

    assert compensation_months(loss + 1) >= compensation_months(loss) >= 1.5
    assert compensation_months(loss) <= 30


@FAST
@given(st.sampled_from(["nam", "nu"]), st.integers(min_value=180, max_value=600))
def test_pension_rate_between_40_and_75_and_never_falls(sex: str, months: int) -> None:
    from assistant.calculators.pension import pension_percent

    rate = pension_percent(sex, severance.counted_years(months))
    assert 40 <= rate <= 75
    assert pension_percent(sex, severance.counted_years(months + 1)) >= rate


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "tôi", "làm", "3 năm", "8 tháng", "lương", "9tr", "0 đồng", "200 năm", "trợ cấp thôi việc",
                "bao nhiêu", "nghỉ hưu", "sinh", "tháng 13/1970", "3/2090", "nữ", "tăng ca", "chủ nhật",
                "thất nghiệp", "vùng", "phường", "?", ",", "-5", "1.2.3", "mấy tháng", "đóng BHXH", "rưỡi",
            ]
        ),
        max_size=14,
    ),
    st.text(max_size=30),
)  # fmt: skip
def test_any_message_gets_a_reply_or_none_never_an_exception(words: list[str], noise: str) -> None:
    from assistant.calculators import answer_calculation

    question = " ".join(words) + noise
    reply = answer_calculation(question)
    if reply is not None:
        assert reply.direct_answer.strip()
        assert bool(reply.missing) != (reply.result is not None)
        follow_up = answer_calculation(noise or "9 triệu", [(question, reply.direct_answer)])
        assert follow_up is None or follow_up.direct_answer.strip()


def test_a_malformed_amount_is_asked_for_not_an_error() -> None:
    """Found by the property above: "1.2.3" before a money unit raised ValueError."""
    from assistant.calculators import answer_calculation
    from assistant.calculators.parsing import find_money

    assert find_money("trợ cấp thôi việc 1.2.3 tr") == []
    reply = answer_calculation("lương 1.2.3tr làm 3 năm trợ cấp thôi việc bao nhiêu")
    assert reply is not None and reply.result is None and reply.missing
