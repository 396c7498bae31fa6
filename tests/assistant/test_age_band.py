"""Ages members state and the age bands of the law (folded text)."""

from __future__ import annotations

import math

import pytest

from assistant.age_band import (
    actor_words,
    bands,
    child_bands,
    contract_bands,
    contract_months,
    excludes,
    fits,
    pregnancy_bands,
    stated_age,
    without_bands,
    without_worked_bands,
    worked_bands,
    worked_months,
)
from assistant.textnorm import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Em 16 tuổi, nghỉ hè đi làm. Người chưa 18 tuổi được làm mấy tiếng?", 16),
        ("Con em 2 tuổi bị viêm phổi phải nằm viện", 2),
        ("Con dưới 3 tuổi bị ốm thì mẹ được nghỉ mấy ngày", None),  # a band, not an age
        ("Năm 2027 tuổi nghỉ hưu của lao động nữ là bao nhiêu?", None),  # a year
        ("Tôi 30 tuổi, con tôi 2 tuổi bị ốm", None),  # whose age decides is unclear
        ("nghỉ phép năm được bao nhiêu ngày", None),
    ],
)
def test_stated_age(text: str, expected: int | None) -> None:
    assert stated_age(fold(text)) == expected


def test_bands_of_the_law() -> None:
    assert bands(fold("người từ đủ 15 tuổi đến chưa đủ 18 tuổi")) == [(15.0, 18.0)]
    # "con dưới 03 tuổi" is the child's band, judged against a child's age, not the member's
    assert bands(fold("người chưa đủ 15 tuổi; con dưới 03 tuổi")) == [(0.0, 15.0)]
    assert bands(fold("người từ đủ 60 tuổi trở lên")) == [(60.0, math.inf)]
    assert bands(fold("người lao động làm việc đủ 12 tháng")) == []


def test_excludes_only_when_every_band_leaves_the_age_out() -> None:
    sixteen = fold("Em 16 tuổi được làm mấy tiếng?")
    assert excludes(fold("Thời giờ làm việc của người chưa đủ 15 tuổi không được quá 04 giờ"), sixteen)
    assert not excludes(fold("người từ đủ 15 tuổi đến chưa đủ 18 tuổi không được quá 08 giờ"), sixteen)
    assert not excludes(fold("người chưa đủ 15 tuổi hoặc từ đủ 15 tuổi đến chưa đủ 18 tuổi"), sixteen)
    assert not excludes(fold("người chưa đủ 15 tuổi"), fold("trẻ em làm mấy tiếng"))  # no age given


def test_a_stated_age_names_the_actor() -> None:
    assert actor_words(fold("Em 16 tuổi")) == "chua thanh nien"
    assert actor_words(fold("cháu 14 tuổi")) == "chua thanh nien chua du 15 tuoi"
    assert actor_words(fold("bác 62 tuổi")) == "cao tuoi"
    assert actor_words(fold("tôi 30 tuổi")) == ""


def test_an_age_band_is_blanked_for_the_qualifier_rule() -> None:
    """The "chưa" of "chưa đủ 18 tuổi" bounds an age band; "chưa đủ 12 tháng" stays a qualifier."""
    rule = without_bands(fold("Thời giờ làm việc của người từ đủ 15 tuổi đến chưa đủ 18 tuổi: 08 giờ"))
    assert "chua" not in rule.split() and "08 gio" in rule
    assert "chua du 12 thang" in without_bands(fold("người lao động làm việc chưa đủ 12 tháng"))


def test_bands_of_a_pregnancy_and_of_a_child() -> None:
    assert pregnancy_bands(
        fold("Mang thai từ tháng thứ 07 hoặc từ tháng thứ 06 nếu làm việc ở vùng cao")
    ) == [(6.0, math.inf)]
    # A rule for pregnant workers with no month holds every month; a surrogate's is not hers.
    assert pregnancy_bands(fold("Người lao động nữ mang thai; người lao động nghỉ thai sản")) == [
        (0.0, math.inf)
    ]
    assert pregnancy_bands(fold("Lao động nữ mang thai hộ được nghỉ việc khi khám thai")) == []
    assert child_bands(fold("Đang nuôi con dưới 12 tháng tuổi")) == [(0.0, 12.0)]
    assert child_bands(fold("nếu con dưới 03 tuổi; 15 ngày nếu con từ đủ 03 tuổi đến dưới 07 tuổi")) == [
        (0.0, 36.0),
        (36.0, 84.0),
    ]
    assert child_bands(fold("có từ 2 con trở lên dưới 7 tuổi bị ốm đau")) == [(0.0, 84.0)]


@pytest.mark.parametrize(
    ("story", "fitting", "excluded"),
    [
        # Issue 10's worker seven and a half months pregnant, asked to work overtime.
        ("Em 27 tuổi ... hiện em đang mang thai được 7 tháng rưỡi, tổ trưởng vẫn xếp tăng ca", "a", "b"),
        ("chi e bau 8 thang roi ma quan doc van bat truc ca dem", "a", "b"),
        ("Con em mới được 8 tháng, quản lý xếp em vào ca 3 (22h-6h)", "b", "a"),
    ],
)
def test_the_case_a_story_states_fits_its_point(story: str, fitting: str, excluded: str) -> None:
    points = {
        "a": fold(
            "Người sử dụng lao động không được sử dụng người lao động làm việc ban đêm ... mang thai từ "
            "tháng thứ 07 hoặc từ tháng thứ 06 nếu làm việc ở vùng cao"
        ),
        "b": fold(
            "Người sử dụng lao động không được sử dụng người lao động làm việc ban đêm ... đang nuôi con "
            "dưới 12 tháng tuổi, trừ trường hợp được người lao động đồng ý"
        ),
    }
    asked = fold(story)
    assert fits(points[fitting], asked) and not excludes(points[fitting], asked)
    assert not fits(points[excluded], asked)


def test_a_pregnancy_before_the_band_neither_fits_nor_excludes_and_a_childs_age_is_not_the_members() -> None:
    """A member 3 months pregnant is not yet in the band "từ tháng thứ 07": the rule is hers in
    time (it says from when), so it does not fit and is not another case either."""
    rule = fold("mang thai từ tháng thứ 07 hoặc từ tháng thứ 06 nếu làm việc ở vùng cao")
    three = fold("Em báo với phòng nhân sự là có bầu được 3 tháng")
    assert not excludes(rule, three) and not fits(rule, three)
    assert fits(rule, fold("em mang bầu tháng thứ 7, tổ trưởng vẫn xếp tăng ca"))
    assert not excludes(rule, fold("đi khám thai 2 tháng một lần"))  # no month of pregnancy stated
    two = fold("con e 2 tuổi bị sốt phải nằm viện")
    leave = fold(
        "tối đa là 20 ngày nếu con dưới 03 tuổi; tối đa là 15 ngày nếu con từ đủ 03 tuổi đến dưới 07 tuổi"
    )
    assert fits(leave, two) and not excludes(leave, two)
    assert not fits(fold("người chưa đủ 15 tuổi"), two)  # the child's age is not the member's


def test_two_months_left_is_not_a_childs_age() -> None:
    """Without accents "còn 2 tháng" is "con 2 thang": only a child named as the member's, or an
    age in "tháng tuổi", is a child's age."""
    under_six_months = fold("nhận nuôi con nuôi dưới 06 tháng tuổi")
    injured = fold("con 2 thang minh nghi dieu tri thi cty khong tra dong luong nao")
    assert not fits(under_six_months, injured) and not excludes(under_six_months, injured)
    for mother in ("con em moi 2 thang", "con 2 thang tuoi", "Con tôi được 2 tháng", "dang nuoi con 2 thang"):
        assert fits(under_six_months, fold(mother)), mother


def test_the_weeks_of_a_pregnancy_that_ended_choose_the_point() -> None:
    """Khoản 1 Điều 52 of the Social Insurance Law: 10, 20, 40 or 50 days by the weeks of the
    pregnancy; "sảy thai lúc thai được 10 tuần" is point b's case and no other's."""
    points = {
        "a": fold("10 ngày nếu thai dưới 05 tuần tuổi"),
        "b": fold("20 ngày nếu thai từ đủ 05 tuần tuổi đến dưới 13 tuần tuổi"),
        "c": fold("40 ngày nếu thai từ đủ 13 tuần tuổi đến dưới 22 tuần tuổi"),
        "d": fold("50 ngày nếu thai từ đủ 22 tuần tuổi trở lên"),
    }
    for story, point in (
        ("Em bị sảy thai lúc thai được 10 tuần", "b"),
        ("Em mang thai được 15 tuần thì bị sảy", "c"),
        ("sảy thai 3 tuần", "a"),
        ("em bi say thai khi thai 25 tuan", "d"),
    ):
        asked = fold(story)
        expected = point
        assert fits(points[expected], asked), story
        assert all(excludes(text, asked) for p, text in points.items() if p != expected), story


def test_years_of_contributions_fit_and_never_exclude() -> None:
    """ "đóng BHXH được 17 năm" fits the pension's "từ đủ 15 năm trở lên"; 12 years do not fit it,
    and do not exclude it either: a member short of the 15 years asks about that very rule."""
    pension = fold("khi nghỉ việc có thời gian đóng bảo hiểm xã hội bắt buộc từ đủ 15 năm trở lên")
    assert fits(pension, fold("Em 58 tuổi, nữ, đóng BHXH được 17 năm, có được lương hưu không?"))
    short = fold("toi dong bhxh 12 nam thi nghi, muon co luong huu phai dong bao nhieu nam")
    assert not fits(pension, short) and not excludes(pension, short)
    sick = fold("30 ngày nếu đã đóng bảo hiểm xã hội bắt buộc dưới 15 năm; 40 ngày nếu đã đóng từ đủ 15 năm")
    assert fits(sick, fold("nghỉ ốm tối đa bao nhiêu ngày khi đóng bhxh 10 năm"))
    assert "chua" not in without_bands(fold("nếu đã đóng bảo hiểm xã hội chưa đủ 15 năm"))


def test_a_pregnancy_that_ended_counts_its_months_as_weeks() -> None:
    """ "sảy thai 2 tháng" is about 8.7 weeks: point b (20 days), not the 22-week rule."""
    point_b = fold("20 ngày nếu thai từ đủ 05 tuần tuổi đến dưới 13 tuần tuổi")
    point_d = fold("50 ngày nếu thai từ đủ 22 tuần tuổi trở lên")
    asked = fold("Em sảy thai 2 tháng thì được nghỉ bao nhiêu ngày?")
    assert fits(point_b, asked) and excludes(point_d, asked)
    # A pregnancy that goes on is counted in months as before (no weeks read from it).
    assert not fits(point_b, fold("em mang thai 2 tháng, cty bắt tăng ca"))


def test_time_worked_fits_and_never_excludes() -> None:
    """ "Làm ở công ty được 8 tháng" fits annual leave's "làm việc chưa đủ 12 tháng" (khoản 2 Điều
    113), whose "chưa" is then a band, not a case that has not come about; 10 months do not
    exclude severance's "từ đủ 12 tháng trở lên" (the member asks about that very rule)."""
    partial = fold("Người lao động làm việc chưa đủ 12 tháng cho một người sử dụng lao động thì số ngày")
    full = fold("Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng năm")
    asked = fold("Làm ở công ty được 8 tháng có được nghỉ phép năm không")
    assert worked_months(asked) == 8 and fits(partial, asked) and not fits(full, asked)
    assert "chua" not in without_worked_bands(partial)
    severance = fold("đã làm việc thường xuyên cho mình từ đủ 12 tháng trở lên")
    ten = fold("lam o cty duoc 10 thang bi cho nghi co duoc tro cap thoi viec khong")
    assert not fits(severance, ten) and not excludes(severance, ten)
    assert fits(severance, fold("em làm ở công ty 3 năm, bị cho nghỉ có được trợ cấp thôi việc không"))
    # Neither leave taken ("nghỉ làm 3 tháng") nor a contract's length is time worked.
    assert worked_months(fold("em nghi lam 3 thang roi")) is None
    assert worked_months(fold("làm hợp đồng 6 tháng")) is None
    assert worked_bands(fold("đã giao kết hợp đồng làm việc từ đủ 03 tháng trở lên")) == []


def test_a_teenage_child_who_works_is_the_worker() -> None:
    """ "Con gái em 16 tuổi đi làm phục vụ quán" asks about a 16-year-old's hours: the band of 15 to
    18 fits, the one under 15 does not; a young child's age stays the child's."""
    under_15 = fold("Thời giờ làm việc của người chưa đủ 15 tuổi không được quá 04 giờ trong 01 ngày")
    from_15 = fold("Thời giờ làm việc của người từ đủ 15 tuổi đến chưa đủ 18 tuổi không được quá 08 giờ")
    asked = fold("Con gái em 16 tuổi đi làm phục vụ quán cà phê đến 11 giờ đêm, như vậy có được không?")
    assert fits(from_15, asked) and excludes(under_15, asked)
    assert not excludes(under_15, fold("con em 2 tuổi bị ốm, em đi làm có được nghỉ không"))


def test_a_contracts_term_fits_its_band_and_never_excludes() -> None:
    """ "NLĐ ký HĐLĐ 1 năm muốn nghỉ thì báo trước mấy ngày" is point b's case (12 to 36 months,
    30 days); "hđ không thời hạn" point a's (45 days). A term outside a band does not exclude."""
    a = fold("Ít nhất 45 ngày nếu làm việc theo hợp đồng lao động không xác định thời hạn;")
    b = fold(
        "Ít nhất 30 ngày nếu làm việc theo hợp đồng lao động xác định thời hạn "
        "có thời hạn từ 12 tháng đến 36 tháng;"
    )
    c = fold(
        "Ít nhất 03 ngày làm việc nếu làm việc theo hợp đồng lao động xác định thời hạn "
        "có thời hạn dưới 12 tháng;"
    )
    assert contract_bands(b) == [(12.0, 37.0)] and contract_bands(c) == [(0.0, 12.0)]
    one_year = fold("NLĐ ký HĐLĐ 1 năm muốn nghỉ thì báo trước cho NSDLĐ mấy ngày?")
    assert contract_months(one_year) == 12 and fits(b, one_year) and not fits(c, one_year)
    assert not excludes(c, one_year)
    open_ended = fold("em ky hd khong thoi han, muon nghi thi bao truoc bao lau")
    assert fits(a, open_ended) and not fits(b, open_ended)
    assert fits(c, fold("Em làm hợp đồng 6 tháng, nghỉ trước hạn phải báo trước mấy ngày?"))
    # A contract named without a term states none.
    assert contract_months(fold("hợp đồng lao động có bắt buộc lập thành văn bản không")) is None


def test_a_dismissal_is_no_pregnancy() -> None:
    """Folded, "sa thải 3 tháng trước" holds "thai 3 thang": not a month of pregnancy."""
    seventh = fold("mang thai từ tháng thứ 07")
    assert not fits(seventh, fold("em bi sa thai 8 thang truoc, gio moi biet la trai luat"))
    assert fits(seventh, fold("em co bau 8 thang"))


def test_a_stated_loss_of_working_capacity_fits_its_band_and_never_excludes() -> None:
    """"mất 65% sức lao động" fits the early pension's "từ 61% đến dưới 81%" and not the "từ 81% trở
    lên" of the next point (which it does not exclude either); "giảm 5% lương" is no such loss."""
    point_a = fold("bị suy giảm khả năng lao động từ 61% đến dưới 81%;")
    point_b = fold("bị suy giảm khả năng lao động từ 81% trở lên;")
    one_off = fold("suy giảm khả năng lao động từ 5% đến 30% thì được hưởng trợ cấp một lần")
    story = fold("đi giám định thì kết luận mất 65% sức lao động, có được nghỉ hưu sớm không")
    assert fits(point_a, story) and not fits(point_b, story) and not excludes(point_b, story)
    assert fits(one_off, fold("hội đồng giám định kết luận em suy giảm 30%, em được bao nhiêu"))
    assert not fits(one_off, fold("cty giảm 5% lương của em có đúng không"))
