"""The words of a member's question that the decisive-unit ranker matches against the law
(``assistant.textnorm.question_words``)."""

from __future__ import annotations

import pytest

from assistant.textnorm import content_words, question_words


@pytest.mark.parametrize(
    ("question", "dropped"),
    [
        ("Em nghỉ 3 ngày để cưới vợ", "de"),  # not the "đẻ" of "con đẻ kết hôn"
        ("muốn đình công vì cty không chịu thương lượng", "vi"),  # not the "vi" of "vi phạm"
    ],
)
def test_a_function_word_typed_with_its_diacritics_is_not_matched(question: str, dropped: str) -> None:
    assert dropped in content_words(question)
    assert dropped not in question_words(question)


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("nghi 3 ngay de cuoi vo", "de"),  # typed without diacritics it may be "đẻ"
        ("con đẻ của em cưới", "de"),
        ("tăng ca mỗi ngày", "ca"),
        ("đi đường mất 3 ngày cả đi và về", "ca"),  # the law's own "cả đi và về"
        ("Tuần sau em cưới, cty cho nghỉ mấy ngày mà vẫn hưởng lương", "van"),  # the law's "vẫn"
    ],
)
def test_content_words_and_ambiguous_typing_are_kept(question: str, kept: str) -> None:
    assert kept in question_words(question)
