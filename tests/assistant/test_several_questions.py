"""A message that asks several questions (``assistant.compose.asked_questions``): one rule answers
one of them, and the answer says so right under the direct answer."""

from __future__ import annotations

import pytest

from assistant import messages
from assistant.compose import asked_questions
from assistant.pipeline import AssistantPipeline


@pytest.mark.parametrize(
    ("message", "count"),
    [
        ("nghỉ phép năm bao nhiêu ngày? làm thêm giờ tối đa bao nhiêu? lương tối thiểu vùng 1?", 3),
        ("Em có được từ chối tăng ca không? Nếu em nghỉ việc luôn thì có phải báo trước không?", 2),
        ("Lương thử việc chỉ bằng 70%?? có đúng không?", 1),  # a tag question asks nothing new
        ("nghi phep nam duoc bao nhieu ngay", 0),  # no question mark: not counted
        ("vậy à? thế em nộp đơn ở đâu ạ?", 1),  # "vậy à?" is too short to be a question
        # a line is a sentence; a long story's one question is found (split at marks, no backtracking)
        ("em làm cty 3 năm\nlương thử việc 85% có đúng không?\ncòn nghỉ phép năm thì sao?", 2),
        ("em làm công nhân may, lương 7 triệu, tăng ca mỗi ngày 3 tiếng, " * 20 + "vậy có đúng không?", 1),
    ],
)
def test_question_sentences_of_a_message(message: str, count: int) -> None:
    assert len(asked_questions(message)) == count


def test_a_message_with_several_questions_says_which_it_answers(pipeline: AssistantPipeline) -> None:
    message = (
        "em mang bầu tháng thứ 7, tổ trưởng vẫn xếp tăng ca. Em có được từ chối tăng ca không? "
        "Nếu em nghỉ việc luôn thì có phải báo trước không?"
    )
    answer = pipeline.ask(message)
    note = messages.SEVERAL_QUESTIONS.format(count=2)
    # Right under the direct answer, before the steps and further reading; streamed as stored.
    assert answer.answer.startswith(answer.direct_answer + "\n\n" + note)
    assert "".join(pipeline.stream(message)) == answer.answer
    one = pipeline.ask("em mang bầu tháng thứ 7, tổ trưởng vẫn xếp tăng ca. Em có được từ chối không?")
    assert "câu hỏi; phần trên" not in one.answer


def test_what_to_do_is_answered_by_the_steps(pipeline: AssistantPipeline) -> None:
    """"Em phải làm gì?" beside a story's question is answered by "Bạn có thể làm gì" when the
    steps are shown: not counted as a second question then."""
    answer = pipeline.ask("Cty nợ lương em 2 tháng rồi, như vậy có vi phạm luật không? Em phải làm gì?")
    assert "Bạn có thể làm gì" in answer.answer
    assert "câu hỏi; phần trên" not in answer.answer
