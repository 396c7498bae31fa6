"""The corpus built from the real sources (session fixture ``corpus`` from tests/conftest.py)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any

import pytest

from corpus.catalog import load_catalog
from corpus.model import UnitKind

pytestmark = pytest.mark.slow  # the first use builds the corpus (about 20 s)

TODAY = date(2026, 11, 22)
KNOWN_GAPS = {"2089/VBHN-BHXH": {26}}  # named in SOURCES.md


def test_all_catalogued_documents_with_text_are_built(corpus: Any) -> None:
    assert len(corpus.documents) >= 26
    assert {"45/2019/QH14", "12/2012/QH13", "293/2025/NĐ-CP", "2089/VBHN-BHXH"} <= set(corpus.documents)
    # The 2024 Trade Union Law now has text (txt + outline JSON); 74/2024/NĐ-CP and 191/2013/NĐ-CP
    # are still catalogued only as replacement targets.
    assert "50/2024/QH15" in corpus.documents
    assert {"74/2024/NĐ-CP", "191/2013/NĐ-CP"}.isdisjoint(corpus.documents)
    assert {"74/2024/NĐ-CP", "191/2013/NĐ-CP"} <= set(corpus.manifest["catalog_only"])


def test_no_article_gaps(corpus: Any) -> None:
    for law in corpus.documents:
        numbers = {int(re.match(r"\d+", u.number).group(0)) for u in corpus.articles(law)}  # type: ignore[union-attr]
        missing = set(range(1, max(numbers) + 1)) - numbers
        assert missing == KNOWN_GAPS.get(law, set()), law


def test_each_unit_once_with_one_chosen_source(corpus: Any) -> None:
    ids = [u.id for u in corpus.iter_units()]
    assert len(ids) == len(set(ids))
    for unit in corpus.iter_units():
        assert sum(s.chosen for s in unit.sources) == 1, unit.id
        assert len({s.path for s in unit.sources}) == len(unit.sources), unit.id


def test_labour_code_provenance_lists_every_carrier(corpus: Any) -> None:
    sources = corpus.get("45/2019/QH14", 113).sources
    assert [s.format for s in sources] == ["docx", "pdf", "json-tree", "json-decrees", "json-law-dict"]
    assert sources[0].chosen and "Word" in sources[0].reason


def test_superseded_laws_report_their_replacement(corpus: Any) -> None:
    expected = {
        "58/2014/QH13": "41/2024/QH15",
        "38/2013/QH13": "74/2025/QH15",
        "10/2012/QH13": "45/2019/QH14",
        "12/2012/QH13": "50/2024/QH15",
    }
    for old, new in expected.items():
        doc = corpus.document(old)
        assert doc.in_force_on(TODAY) is False and doc.status_on(TODAY) == "Hết hiệu lực"
        assert new in doc.replaced_by
        if new in corpus.documents:
            assert corpus.document(new).in_force_on(TODAY)
            assert old in corpus.document(new).replaces
    assert corpus.document("58/2014/QH13").in_force_on(date(2020, 1, 1))


def test_replacements_are_symmetric_in_the_catalog() -> None:
    catalog = load_catalog()
    for doc in catalog.values():
        for newer in doc.replaced_by:
            if newer in catalog:
                assert doc.law_id in catalog[newer].replaces, (doc.law_id, newer)
                assert doc.expired is not None and doc.expired <= (catalog[newer].effective or doc.expired)


def test_glued_headings_and_signature_are_not_in_article_text(corpus: Any) -> None:
    for number in (115, 149, 157, 160, 165, 186, 190, 194):
        assert "Mục " not in corpus.get("45/2019/QH14", number).text.split("\n")[-1]
    last = corpus.get("45/2019/QH14", 220).text
    assert "CHỦ TỊCH QUỐC HỘI" not in last and "thông qua" not in last
    for doc in corpus.documents:
        for article in corpus.articles(doc):
            assert "Nơi nhận:" not in article.text, article.id


def test_minimum_wage_appendix_rows_are_searchable(corpus: Any) -> None:
    rows = [u for u in corpus.iter_units(UnitKind.APPENDIX_ROW) if u.law_id == "293/2025/NĐ-CP"]
    assert len(rows) == 34
    hanoi = next(r for r in rows if r.title == "Thành phố Hà Nội")
    assert "Vùng I, gồm các phường Hoàn Kiếm" in hanoi.text
    assert corpus.units[hanoi.parent_id].kind is UnitKind.APPENDIX


def test_cross_references_resolve_on_known_examples(corpus: Any) -> None:
    by_source: dict[str, list[Any]] = {}
    for ref in corpus.cross_references:
        by_source.setdefault(ref.source_id, []).append(ref)

    def targets(source_id: str) -> set[str | None]:
        return {r.target_id for r in by_source.get(source_id, [])}

    # "điểm b khoản 1 Điều 36 của Bộ luật này" in khoản 1 Điều 37 of the Labour Code.
    assert targets("45/2019/QH14:d37:k1") == {"45/2019/QH14:d36:k1:b"}
    # "khoản 2 Điều 16 của Bộ luật này" in điểm g khoản 1 Điều 36.
    assert "45/2019/QH14:d16:k2" in targets("45/2019/QH14:d36:k1:g")
    # "điểm d khoản 1 Điều 35" in Nghị định 145/2020 points to its own Điều 35 (text as written).
    assert "145/2020/NĐ-CP:d35:k1" in targets("145/2020/NĐ-CP:d1:k2")
    # "khoản 2 Điều 169 của Bộ luật Lao động" from a 2020 decree means the 2019 Code.
    refs_169 = [r for r in corpus.cross_references if "Điều 169 của Bộ luật Lao động" in r.text]
    assert refs_169 and {r.target_law for r in refs_169} == {"45/2019/QH14"}
    assert "45/2019/QH14:d169:k2" in {r.target_id for r in refs_169}
    # In a list, the law named after the last item qualifies every item: Nghị định 145/2020
    # Điều 66 khoản 2 cites "Điều 112, Điều 113, Điều 114 và Điều 115 của Bộ luật Lao động".
    listed = targets("145/2020/NĐ-CP:d66:k2")
    assert {"45/2019/QH14:d112", "45/2019/QH14:d113", "45/2019/QH14:d115"} <= listed
    assert not {"145/2020/NĐ-CP:d112", "145/2020/NĐ-CP:d113"} & listed
    # A law outside the corpus keeps target_id None.
    outside = [r for r in corpus.cross_references if r.target_law == "92/2015/QH13"]
    assert outside and all(r.target_id is None for r in outside)
    assert Counter(r.target_id is not None for r in corpus.cross_references)[True] > 1000


def test_unit_references_match_cross_reference_file(corpus: Any) -> None:
    unit = corpus.get("45/2019/QH14", 37, 1)
    resolved = {r.target_id for r in corpus.cross_references if r.source_id == unit.id and r.target_id}
    assert set(unit.references) == resolved
