"""Ranking weight of a unit repealed by a later provision, by the day the question is about."""

from __future__ import annotations

from datetime import date

from corpus.model import ChangeKind, LegalUnit, UnitChange, UnitKind
from indexing.temporal import REPEALED_UNIT_PENALTY, TimeIntent, time_intent, unit_weight

TODAY = date(2026, 12, 1)
CLAUSE = LegalUnit(
    id="9/2020/NĐ-CP:d3:k2", law_id="9/2020/NĐ-CP", kind=UnitKind.CLAUSE, number="2", title="", text="t",
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
