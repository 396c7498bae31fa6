"""Answers never present a repealed clause as current: citation status and notes (real corpus)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.citations import citation_for, unit_label, validity_notes

pytestmark = pytest.mark.slow

TODAY = date(2026, 12, 1)


def test_repealed_clause_is_not_in_force_and_names_what_applies(corpus: Any) -> None:
    cited = citation_for(corpus, corpus.units["135/2020/NĐ-CP:d3:k2"], TODAY)
    assert cited.in_force is False  # the decree is in force, this clause is not
    assert cited.replaced_by == (unit_label(corpus, "41/2024/QH15:d69"),)
    [note] = validity_notes(corpus, [cited], TODAY)
    assert note.startswith("Lưu ý: Khoản 2 Điều 3 Nghị định 135/2020/NĐ-CP")
    assert "đã bị bãi bỏ từ 01/07/2025" in note and "điểm c khoản 2 Điều 44 Nghị định 158/2025/NĐ-CP" in note
    assert "nay áp dụng Điều 69 Luật Bảo hiểm xã hội 2024 (41/2024/QH15)" in note


def test_a_past_day_uses_the_text_in_force_then(corpus: Any) -> None:
    day = date(2024, 3, 1)
    cited = citation_for(corpus, corpus.units["135/2020/NĐ-CP:d3:k2"], day)
    assert cited.in_force is True and validity_notes(corpus, [cited], day) == []


def test_citing_an_article_reports_its_repealed_clauses(corpus: Any) -> None:
    cited = citation_for(corpus, corpus.units["135/2020/NĐ-CP:d7"], TODAY)
    notes = validity_notes(corpus, [cited], TODAY)
    assert [n.split(" đã ")[0] for n in notes] == [
        "Lưu ý: Khoản 1 Điều 7 Nghị định 135/2020/NĐ-CP (tuổi nghỉ hưu)",
        "Lưu ý: Khoản 3 Điều 7 Nghị định 135/2020/NĐ-CP (tuổi nghỉ hưu)",
    ]


def test_amended_clause_says_its_text_predates_the_amendment(corpus: Any) -> None:
    cited = citation_for(corpus, corpus.units["50/2024/QH15:d29:k2"], TODAY)
    [note] = validity_notes(corpus, [cited], TODAY)
    assert "đã được sửa đổi, bổ sung theo" in note and "97/2025/QH15" in note


def test_law_ids_alone_keep_the_document_notes(corpus: Any) -> None:
    notes = validity_notes(corpus, ["115/2015/NĐ-CP", "135/2020/NĐ-CP"], TODAY)
    assert len(notes) == 1 and "158/2025/NĐ-CP" in notes[0] and "hết hiệu lực" in notes[0]
