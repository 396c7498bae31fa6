"""Whose fault a story and a rule say it is (``assistant.fault``)."""

from __future__ import annotations

import pytest

from assistant.fault import causes, contradicts, stated, told
from corpus.text import fold

EMPLOYER_AT_FAULT = "Nếu do lỗi của người sử dụng lao động thì người lao động được trả đủ tiền lương"
NOT_EMPLOYERS_FAULT = "Nếu vì sự cố về điện, nước mà không do lỗi của người sử dụng lao động hoặc thiên tai"
WORKER_AT_FAULT = "Nếu do lỗi của người lao động thì người đó không được trả lương"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Khu công nghiệp bị cắt điện 5 ngày, không phải lỗi cty.", {"employer": False}),
        ("mat dien ca tuan, ko phai do loi cong ty", {"employer": False}),
        ("máy hỏng do lỗi của công ty chứ không phải lỗi em", {"employer": True, "worker": False}),
        ("em làm hỏng máy, do lỗi của em", {"worker": True}),
        (EMPLOYER_AT_FAULT, {"employer": True}),
        (NOT_EMPLOYERS_FAULT, {"employer": False}),
        (WORKER_AT_FAULT, {"worker": True}),
        ("Công ty nợ lương em 2 tháng", {}),  # no fault said either way
        # One unit saying both ways for one party tells nothing.
        (f"{EMPLOYER_AT_FAULT}; {NOT_EMPLOYERS_FAULT}", {}),
    ],
)
def test_whose_fault_a_text_states(text: str, expected: dict[str, bool]) -> None:
    assert stated(fold(text)) == expected


@pytest.mark.parametrize(
    ("unit", "question", "opposite"),
    [
        (EMPLOYER_AT_FAULT, "Mất điện cả xưởng, không phải lỗi của công ty, lương tính sao?", True),
        (NOT_EMPLOYERS_FAULT, "Mất điện cả xưởng, không phải lỗi của công ty, lương tính sao?", False),
        (NOT_EMPLOYERS_FAULT, "Cty thiếu nguyên liệu nên cho nghỉ, lỗi của công ty mà", True),
        # A rule on the worker's fault says nothing of the employer's the member denies.
        (WORKER_AT_FAULT, "Mất điện cả xưởng, không phải lỗi của công ty, lương tính sao?", False),
        (EMPLOYER_AT_FAULT, "Xưởng ngừng việc 3 ngày thì lương tính thế nào?", False),
    ],
)
def test_a_rule_for_the_fault_the_member_denies_is_the_opposite_case(
    unit: str, question: str, opposite: bool
) -> None:
    assert contradicts(fold(unit), stated(fold(question))) is opposite


@pytest.mark.parametrize(
    ("story", "expected", "named"),
    [
        ("Cty cho nghỉ vì mất điện cả tuần", {"employer": False}, {"power"}),
        ("xuong bi ngap lut phai nghi 10 ngay", {"employer": False}, {"disaster"}),
        ("dịch covid cty cho nghỉ 1 tháng", {"employer": False}, {"epidemic"}),
        # The member's own word wins over the cause she names.
        ("cúp điện vì cty không đóng tiền điện, lỗi của cty", {"employer": True}, {"power"}),
        ("Công ty nợ lương em 2 tháng", {}, set()),
    ],
)
def test_a_cause_the_law_names_as_nobodys_fault(
    story: str, expected: dict[str, bool], named: set[str]
) -> None:
    assert told(fold(story)) == expected
    assert causes(fold(story)) == named


def test_the_law_names_its_causes_in_its_own_words() -> None:
    assert causes(fold(NOT_EMPLOYERS_FAULT), law=True) == {"power", "water", "disaster"}
    assert causes(fold(EMPLOYER_AT_FAULT), law=True) == set()
