"""Boundary validation of questions: bad input gives a bounded, clear InvalidQueryError."""

from __future__ import annotations

import pytest

from corpus.errors import InvalidQueryError
from corpus.questions import MAX_QUESTION_CHARS, validate_question, without_salutation

MAX = MAX_QUESTION_CHARS


class TestValidateQuestion:
    def test_normalises_whitespace_and_nfc(self) -> None:
        decomposed = "Nghi\u0309  phe\u0301p\n năm?"  # combining marks, as some keyboards send
        assert validate_question(decomposed, MAX) == "Nghỉ phép năm?"

    @pytest.mark.parametrize("question", ["", "   ", "\n\t  "])
    def test_empty_is_rejected_in_vietnamese(self, question: str) -> None:
        with pytest.raises(InvalidQueryError, match="để trống"):
            validate_question(question, MAX)

    def test_oversized_states_length_and_limit(self) -> None:
        with pytest.raises(InvalidQueryError) as info:
            validate_question("lương " * 20_000, MAX)
        assert "120000" in str(info.value) and str(MAX) in str(info.value)

    def test_binary_bytes_rejected(self) -> None:
        with pytest.raises(InvalidQueryError, match="nhị phân"):
            validate_question(b"\x00\x01\xff", MAX)  # type: ignore[arg-type]

    def test_control_characters_rejected(self) -> None:
        with pytest.raises(InvalidQueryError, match="ký tự điều khiển"):
            validate_question("lương\x00\x07 tối thiểu", MAX)

    def test_decoded_garbage_rejected(self) -> None:
        with pytest.raises(InvalidQueryError):
            validate_question(b"\xff\xfe\xfa l\xc6".decode("utf-8", errors="replace"), MAX)

    @pytest.mark.parametrize("question", ["12345 ???", "!!! ... 30%"])
    def test_no_letters_rejected(self, question: str) -> None:
        with pytest.raises(InvalidQueryError, match="chữ cái"):
            validate_question(question, MAX)

    def test_not_text_rejected(self) -> None:
        with pytest.raises(InvalidQueryError, match="int"):
            validate_question(42, MAX)

    def test_mixed_language_accepted(self) -> None:
        question = "Công ty bắt OT 4 hours mỗi ngày có đúng luật không?"
        assert validate_question(question, MAX) == question


class TestWithoutSalutation:
    """The greeting that opens a member's message and the thanks that close it are not searched."""

    @pytest.mark.parametrize(
        ("message", "kept"),
        [
            ("Chào anh chị công đoàn, em là Tuấn, làm thợ điện.", "em là Tuấn, làm thợ điện."),
            ("Dạ em chào anh chị bên công đoàn. Em bị trừ lương.", "Em bị trừ lương."),
            ("chao cong doan, e bi no luong 3 thang thi sao", "e bi no luong 3 thang thi sao"),
            ("Chào các anh chị ở công đoàn ạ. Em bị trừ lương. Em cảm ơn ạ!", "Em bị trừ lương."),
            ("Công đoàn ơi, cty nợ lương em phải làm sao?", "cty nợ lương em phải làm sao?"),
            ("chào bạn, nghỉ phép năm được mấy ngày", "nghỉ phép năm được mấy ngày"),
            ("Chồng tôi làm thợ hàn 25 năm. Chị cảm ơn nhiều.", "Chồng tôi làm thợ hàn 25 năm."),
        ],
    )
    def test_removed(self, message: str, kept: str) -> None:
        assert without_salutation(message) == kept

    @pytest.mark.parametrize(
        "message",
        [
            "Gửi đơn ở đâu thì được giải quyết?",  # "gửi" here is the question
            "Công đoàn cơ sở có quyền gì khi công ty nợ lương?",  # the union is what is asked about
            "Chào anh chị",  # nothing would be left
            "Cảm ơn. Vậy còn nghỉ phép thì sao?",  # thanks that do not close the message
        ],
    )
    def test_kept_whole(self, message: str) -> None:
        assert without_salutation(message) == message
