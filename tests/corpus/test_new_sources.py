"""The sources added on 2026-12-01, in the built corpus: metadata, de-duplication, repaired defects."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

import pytest
from test_outline_reader import commentary_only

from corpus.model import UnitKind
from corpus.readers.markdown_reader import MISSING_FORMULA

pytestmark = pytest.mark.slow

TODAY = date(2026, 12, 1)


def test_trade_union_law_2024_is_in_force_with_6_chapters_37_articles(corpus: Any) -> None:
    counts = Counter(u.kind for u in corpus.iter_units() if u.law_id == "50/2024/QH15")
    assert counts[UnitKind.CHAPTER] == 6 and counts[UnitKind.ARTICLE] == 37
    doc = corpus.document("50/2024/QH15")
    assert doc.in_force_on(TODAY) and not doc.in_force_on(date(2025, 6, 30))
    assert doc.replaces == ("12/2012/QH13",) and doc.issued == date(2024, 11, 27)
    # Two sources, each article once: the plain text kept, the outline JSON listed as provenance.
    sources = corpus.get("50/2024/QH15", 29).sources
    assert [(s.format, s.chosen) for s in sources] == [("txt", True), ("json-outline", False)]
    formats = {s["format"] for s in corpus.manifest["documents"]["50/2024/QH15"]["sources"]}
    assert formats == {"txt", "json-outline"}
    # Hard wraps re-joined: "Điều lệ" was split over two lines in the file.
    assert "theo quy định của Điều lệ Công đoàn Việt Nam;" in corpus.get("50/2024/QH15", 29, 1, "a").text


@pytest.mark.parametrize(
    ("old", "new", "ended"),
    [
        ("12/2012/QH13", "50/2024/QH15", date(2025, 7, 1)),
        ("115/2015/NĐ-CP", "158/2025/NĐ-CP", date(2025, 7, 1)),
        ("134/2015/NĐ-CP", "159/2025/NĐ-CP", date(2025, 7, 1)),
        ("28/2015/NĐ-CP", "374/2025/NĐ-CP", date(2026, 1, 1)),
        ("61/2020/NĐ-CP", "374/2025/NĐ-CP", date(2026, 1, 1)),
    ],
)
def test_replaced_documents_name_their_replacement(corpus: Any, old: str, new: str, ended: date) -> None:
    before, after = corpus.document(old), corpus.document(new)
    assert before.replaced_by == (new,) and old in after.replaces
    assert before.expired == ended == after.effective
    assert before.status_on(TODAY) == "Hết hiệu lực" and after.status_on(TODAY) == "Còn hiệu lực"


def test_trade_union_finance_decree_dates_come_from_its_text(corpus: Any) -> None:
    doc = corpus.document("105/2026/NĐ-CP")
    assert (doc.issued, doc.effective) == (date(2026, 3, 31), date(2026, 5, 16))  # not meta.effectiveDate
    assert "16 tháng 5 năm 2026" in corpus.get("105/2026/NĐ-CP", 18, 1).text
    assert "191/2013/NĐ-CP" in doc.replaces and "191/2013/NĐ-CP" in corpus.manifest["catalog_only"]
    last = corpus.get("105/2026/NĐ-CP", 18).text
    assert "Phụ lục" not in last and "Nơi nhận" not in last  # forms split off as appendices
    assert corpus.units["105/2026/NĐ-CP:pl1"].kind is UnitKind.APPENDIX
    assert "\n- " in corpus.get("105/2026/NĐ-CP", 4, 1, "a").text  # dash bullets restored


def test_gazette_markdown_defects_are_repaired(corpus: Any) -> None:
    assert "về bảo hiểm thất nghiệp;" in corpus.get("374/2025/NĐ-CP", 45, 2, "a").text  # page-break split
    first = corpus.get("159/2025/NĐ-CP", 1).text
    assert "Người ký" not in first and "Thời gian ký" not in first  # e-signature stamp
    assert MISSING_FORMULA in corpus.get("159/2025/NĐ-CP", 6, 2).text  # formula was an image
    assert len(corpus.articles("159/2025/NĐ-CP")) == 18 and len(corpus.articles("374/2025/NĐ-CP")) == 46


def test_no_unit_holds_site_commentary(corpus: Any, sources_dir: Any) -> None:
    import json

    for name in ("luat-cong-doan-2024-outline.json", "nd-105-2026-tai-chinh-cong-doan-outline.json"):
        data = json.loads((sources_dir / "json" / name).read_text("utf-8"))
        commentary = commentary_only(data)
        assert commentary
        texts = [u.text for u in corpus.iter_units() if u.law_id in ("50/2024/QH15", "105/2026/NĐ-CP")]
        assert not any(c in text for c in commentary for text in texts)
