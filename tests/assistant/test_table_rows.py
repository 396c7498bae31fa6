"""A table in the law read as a header and rows, and the row a member names
(``assistant.table_rows``), on the real minimum-wage table of Nghị định 293/2025/NĐ-CP."""

from __future__ import annotations

from typing import Any

import pytest

from assistant import table_rows
from assistant.decisive import _ASKS_EFFECT, _EFFECT
from corpus.text import fold


@pytest.fixture(scope="module")
def wages(corpus: Any) -> table_rows.Table:
    table = table_rows.parse(corpus.get("293/2025/NĐ-CP", 3, 1).text)
    assert table is not None
    return table


def test_header_cells_span_lines_and_rows_hold_numbers(wages: table_rows.Table) -> None:
    assert wages.header == (
        "Vùng",
        "Mức lương tối thiểu tháng (Đơn vị: đồng/tháng)",
        "Mức lương tối thiểu giờ (Đơn vị: đồng/giờ)",
    )
    assert [r[0] for r in wages.rows] == ["Vùng I", "Vùng II", "Vùng III", "Vùng IV"]
    assert wages.lead.endswith("theo vùng như sau:")


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("lương tối thiểu vùng 1 là bao nhiêu", "Vùng I"),
        ("luong toi thieu vung iii bao nhieu", "Vùng III"),
        ("Em làm ở vùng IV thì lương tối thiểu giờ là bao nhiêu?", "Vùng IV"),
        ("lương tối thiểu là bao nhiêu", None),  # no region named
        ("vùng 1 và vùng 2 khác nhau bao nhiêu", None),  # two: whose is unclear
    ],
)
def test_the_row_a_question_names(wages: table_rows.Table, question: str, region: str | None) -> None:
    row = table_rows.row_named(wages, question)
    assert (row[0] if row else None) == region


def test_the_row_is_said_under_its_headers_words(wages: table_rows.Table) -> None:
    row = table_rows.row_named(wages, "vùng 2")
    assert row is not None
    assert table_rows.row_sentence(wages, row) == (
        "Vùng II: mức lương tối thiểu tháng (Đơn vị: đồng/tháng) 4.730.000, "
        "mức lương tối thiểu giờ (Đơn vị: đồng/giờ) 22.700"
    )


def test_text_without_a_table() -> None:
    assert table_rows.parse("Người lao động được nghỉ 12 ngày làm việc.") is None
    assert table_rows.parse("Vùng | Mức lương\nghi chú không có số") is None


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026.", True),
        ("Thông tư này có hiệu lực kể từ ngày 15 tháng 02 năm 2021.", True),
        (
            "Nghị định số 74/2024/NĐ-CP ngày 30 tháng 6 năm 2024 của Chính phủ quy định mức lương tối "
            "thiểu hết hiệu lực kể từ ngày Nghị định này có hiệu lực thi hành.",
            True,
        ),
        ("Hợp đồng lao động có hiệu lực từ ngày hai bên giao kết, trừ trường hợp có thỏa thuận.", False),
    ],
)
def test_a_date_of_effect_is_not_a_rule(text: str, effect: bool) -> None:
    assert (_EFFECT.match(text) is not None) is effect


def test_a_question_about_when_may_read_the_date_of_effect() -> None:
    assert _ASKS_EFFECT.search(fold("Nghị định lương tối thiểu 2026 có hiệu lực từ ngày nào?"))
    assert not _ASKS_EFFECT.search(fold("tiền lương tối thiểu vùng 1 năm 2026 là bao nhiêu"))
