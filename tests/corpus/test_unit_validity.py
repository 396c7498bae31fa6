"""Validity below the document: repealed/amended units carry the change and what applies instead."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from corpus.build import with_changes
from corpus.catalog import load_catalog, load_unit_changes
from corpus.errors import SourceError
from corpus.model import ChangeKind, Document, LegalUnit, UnitChange, UnitKind

REPEAL = UnitChange("9/2020/NĐ-CP:d3:k2", ChangeKind.REPEALED, "1/2025/NĐ-CP:d44:k2:c", date(2025, 7, 1))


def _unit(uid: str, kind: UnitKind = UnitKind.CLAUSE) -> LegalUnit:
    return LegalUnit(id=uid, law_id=uid.split(":")[0], kind=kind, number="x", title="", text="t")


def test_a_repeal_reaches_the_unit_and_its_points_not_its_siblings() -> None:
    units = [
        _unit("9/2020/NĐ-CP:d3", UnitKind.ARTICLE),
        _unit("9/2020/NĐ-CP:d3:k2"),
        _unit("9/2020/NĐ-CP:d3:k2:a", UnitKind.POINT),
        _unit("9/2020/NĐ-CP:d3:k20"),
        _unit("1/2025/NĐ-CP:d44:k2:c", UnitKind.POINT),
    ]
    out, warnings = with_changes(units, [REPEAL], {})
    changed = {u.id for u in out if u.changes}
    assert changed == {"9/2020/NĐ-CP:d3:k2", "9/2020/NĐ-CP:d3:k2:a"} and warnings == []
    clause = next(u for u in out if u.id == "9/2020/NĐ-CP:d3:k2")
    assert clause.repeal_on(date(2025, 6, 30)) is None  # the text in force then
    assert clause.repeal_on(date(2025, 7, 1)) == REPEAL


def test_unknown_units_are_reported_not_attached() -> None:
    units = [_unit("9/2020/NĐ-CP:d3:k1")]
    out, warnings = with_changes(units, [REPEAL], {})
    assert (
        not out[0].changes
        and "9/2020/NĐ-CP:d3:k2" in warnings[0]
        and "not in the built corpus" in warnings[0]
    )
    # A change of a document that is not built at all is simply not relevant.
    assert with_changes([_unit("5/2019/QH14:d1:k1")], [REPEAL], {}) == ([_unit("5/2019/QH14:d1:k1")], [])


def test_catalog_rejects_a_bad_change_and_a_replacement_dated_before_its_predecessor(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[unit_change]]\nunit = "9/2020/NĐ-CP:d3"\nchange = "abolished"\nby = "x"\n', encoding="utf-8"
    )
    with pytest.raises(SourceError, match="'abolished' is not one of"):
        load_unit_changes(bad)
    early = tmp_path / "early.toml"
    early.write_text(
        '[[document]]\nlaw_id = "2/2024/QH15"\ndoc_type = "Luật"\ntitle = "Mới"\neffective = 2020-01-01\n'
        'replaces = ["1/2022/QH15"]\n'
        '[[document]]\nlaw_id = "1/2022/QH15"\ndoc_type = "Luật"\ntitle = "Cũ"\neffective = 2022-01-01\n'
        'replaced_by = ["2/2024/QH15"]\n',
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="in force from 2020-01-01 but replaces 1/2022/QH15"):
        load_catalog(early)


def test_every_catalogued_change_names_a_known_changing_law() -> None:
    catalog: dict[str, Document] = load_catalog()
    for change in load_unit_changes():
        assert change.by.split(":")[0] in catalog, change
        assert change.unit_id.split(":")[0] in catalog, change


@pytest.mark.slow
def test_158_2025_repeals_parts_of_135_2020(corpus: Any) -> None:
    repealed = {
        u.id
        for u in corpus.iter_units()
        if u.law_id == "135/2020/NĐ-CP"
        and u.repeal_on(date(2025, 7, 1))
        and u.kind is not UnitKind.APPENDIX_ROW
    }
    assert {
        "135/2020/NĐ-CP:d3:k2",
        "135/2020/NĐ-CP:d7:k1",
        "135/2020/NĐ-CP:d7:k3",
        "135/2020/NĐ-CP:d8:k2",
        "135/2020/NĐ-CP:pl3",
    } <= repealed
    assert not any(
        uid.startswith(("135/2020/NĐ-CP:pl1", "135/2020/NĐ-CP:pl2", "135/2020/NĐ-CP:d4")) for uid in repealed
    )
    clause = corpus.units["135/2020/NĐ-CP:d3:k2"]
    change = clause.repeal_on(date(2026, 1, 1))
    assert change.by == "158/2025/NĐ-CP:d44:k2:c" and change.by in corpus.units
    assert all(target in corpus.units for target in change.instead)
    assert clause.repeal_on(date(2024, 1, 1)) is None
    # The repealing point holds the split "Phụ lục III" paragraph (defect in the Word file).
    point = corpus.units["158/2025/NĐ-CP:d44:k2:c"].text
    assert "Khoản 2 Điều 3" in point and "Phụ lục III" in point
    assert "158/2025/NĐ-CP:d44:k2:d" in corpus.units
