"""135/2020/NĐ-CP roadmap tables: parsed as data, looked up month by month (hand-checked values)."""

from __future__ import annotations

from typing import Any

import pytest

from corpus.model import LegalUnit, UnitKind
from corpus.roadmap import check_rows, parse_roadmap, retirement, roadmap_row_units, roadmap_tables

TABLE = LegalUnit(
    id="1/2020/NĐ-CP:pl1",
    law_id="1/2020/NĐ-CP",
    kind=UnitKind.APPENDIX,
    number="1",
    title="Phụ lục I LỘ TRÌNH",
    text="\n".join(
        [
            "Lao động nam",
            "Tháng sinh | Năm sinh | Tuổi nghỉ hưu | Tháng hưởng lương hưu | Năm hưởng lương hưu",
            "--- | --- | --- | --- | ---",
            "1 | 1961 | 60 tuổi 3 tháng | 5 | 2021",
            "2 | 1961 | 60 tuổi 3 tháng | 6 | 2021",
            "Từ tháng 3/1961 trở đi | 62 tuổi | Tháng liền kề sau tháng người lao động đủ 62 tuổi |",
        ]
    ),
)


def test_rows_and_rule_are_read() -> None:
    [table] = parse_roadmap(TABLE)
    assert table.group == "nam" and len(table.rows) == 2 and table.rule == (3, 1961, 62)
    assert check_rows(table) == []  # 1/1961 + 60 y 3 m = 4/2021; pension from 5/2021


def test_lookup_reads_a_row_or_applies_the_rule() -> None:
    tables = parse_roadmap(TABLE)
    row = retirement(tables, "nam", 2, 1961)
    assert row is not None and (row.age_years, row.age_months, row.pension_month, row.pension_year) == (
        60,
        3,
        6,
        2021,
    )
    ruled = retirement(tables, "nam", 11, 1961)  # 62 years later: 11/2023, pension from 12/2023
    assert ruled is not None and ruled.from_rule and (ruled.pension_month, ruled.pension_year) == (12, 2023)
    dec = retirement(tables, "nam", 12, 1961)  # the year turns: pension from 1/2024
    assert dec is not None and (dec.pension_month, dec.pension_year) == (1, 2024)
    assert retirement(tables, "nữ", 1, 1961) is None
    with pytest.raises(ValueError, match="birth_month"):
        retirement(tables, "nam", 13, 1961)


def test_a_broken_row_is_named() -> None:
    broken = LegalUnit(**{**TABLE.__dict__, "text": TABLE.text + "\n5 | 19x1 | ? | 1 | 2021"})
    with pytest.raises(ValueError, match="table line 7"):
        parse_roadmap(broken)


def test_row_units_group_by_birth_year() -> None:
    rows = roadmap_row_units(TABLE, parse_roadmap(TABLE))
    assert [r.title for r in rows] == [
        "Lao động nam sinh năm 1961",
        "Lao động nam sinh từ tháng 3/1961 trở đi",
    ]
    assert (
        rows[0].text.splitlines()[1]
        == "Lao động nam sinh tháng 2/1961: tuổi nghỉ hưu 60 tuổi 3 tháng, hưởng lương hưu từ tháng 6/2021."
    )


@pytest.mark.slow
def test_real_tables_of_135_2020(corpus: Any) -> None:
    tables = roadmap_tables(corpus.units)
    assert [(t.appendix_id.split(":")[1], t.group) for t in tables] == [
        ("pl1", "nam"),
        ("pl1", "nữ"),
        ("pl2", "nam"),
        ("pl2", "nữ"),
    ]
    # Phụ lục I: men born 1/1961..3/1966 (63 months), women 1/1966..4/1975 (112 months).
    assert [len(t.rows) for t in tables[:2]] == [63, 112]
    assert all(check_rows(t) == [] for t in tables)
    woman = retirement(tables[:2], "nữ", 8, 1970)  # row "8 | 1970 | 57 tuổi 4 tháng | 1 | 2028"
    assert woman is not None and woman.describe() == (
        "Lao động nữ sinh tháng 8/1970: tuổi nghỉ hưu 57 tuổi 4 tháng; hưởng lương hưu từ tháng 1/2028."
    )
    row = corpus.units["135/2020/NĐ-CP:pl1:r5"]
    assert row.title == "Lao động nam sinh năm 1965" and row.sources
