"""Ranking weight of a unit repealed by a later provision, by the day the question is about."""

from __future__ import annotations

from datetime import date

from corpus.model import ChangeKind, LegalUnit, UnitChange, UnitKind
from indexing.temporal import REPEALED_UNIT_PENALTY, TimeIntent, time_intent, unit_weight

TODAY = date(2026, 12, 1)
CLAUSE = LegalUnit(
    id="9/2020/NĐ-CP:d3:k2",
    law_id="9/2020/NĐ-CP",
    kind=UnitKind.CLAUSE,
    number="2",
    title="",
    text="t",
    changes=(UnitChange("9/2020/NĐ-CP:d3:k2", ChangeKind.REPEALED, "1/2025/NĐ-CP:d44", date(2025, 7, 1)),),
)


def test_repealed_unit_weighs_less_today() -> None:
    assert unit_weight(CLAUSE, TimeIntent(past=False, on=None), TODAY) == REPEALED_UNIT_PENALTY < 1


def test_before_the_repeal_it_weighs_fully() -> None:
    intent = time_intent("Năm 2023 thời điểm hưởng chế độ hưu trí là khi nào?", TODAY)
    assert intent.on == date(2023, 6, 30) and unit_weight(CLAUSE, intent, TODAY) == 1.0
    assert unit_weight(CLAUSE, TimeIntent(past=True, on=None), TODAY) == 1.0  # "trước đây"


def test_unchanged_or_unknown_units_weigh_fully() -> None:
    plain = LegalUnit(id="x:d1", law_id="x", kind=UnitKind.ARTICLE, number="1", title="", text="t")
    assert unit_weight(plain, TimeIntent(False, None), TODAY) == 1.0
    assert unit_weight(None, TimeIntent(False, None), TODAY) == 1.0


def test_dates_in_a_situation_pick_the_day_it_is_judged_on() -> None:
    told = time_intent("Tôi nghỉ thai sản từ tháng 5/2025 và vẫn còn nghỉ sau ngày 01/7/2025 thì sao?", TODAY)
    assert told == TimeIntent(past=True, on=date(2025, 7, 1))  # the latest date named
    assert time_intent("nghỉ ốm từ tháng 8 năm 2025", TODAY).on == date(2025, 8, 15)
    assert time_intent("từ ngày 1 tháng 7 năm 2025", TODAY).on == date(2025, 7, 1)
    assert time_intent("Năm 2019 tôi nghỉ việc", TODAY).on == date(2019, 6, 30)  # a bare year: mid-year


def test_a_birth_date_is_not_the_day_asked_about() -> None:
    for question in (
        "Tôi là nữ sinh tháng 8 năm 1970, khi nào nghỉ hưu?",
        "nam sinh tháng 6/1968",
        "sinh ngày 12/5/1970 thì nghỉ hưu năm nào",
        "tôi sinh năm 1965",
    ):
        assert time_intent(question, TODAY) == TimeIntent(past=False, on=None), question
    assert time_intent("sinh năm 1965, năm 2019 tôi nghỉ việc", TODAY).on == date(2019, 6, 30)
