"""A unit that opens with a special case the question never speaks of is not the rule that
decides it (``assistant.decisive._unmet_condition``, a fixed penalty of the decisive ranker)."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.decisive import _Query, _unmet_condition, _unspoken_death, word_rarity
from corpus.text import fold

TRAVEL_DAYS = (
    "Khi nghỉ hằng năm, nếu người lao động đi bằng các phương tiện đường bộ, đường sắt, đường thủy mà "
    "số ngày đi đường cả đi và về trên 02 ngày thì từ ngày thứ 03 trở đi được tính thêm thời gian đi "
    "đường ngoài ngày nghỉ hằng năm và chỉ được tính cho 01 lần nghỉ trong năm."
)
STOPPAGE_BY_FAULT = (
    "Nếu do lỗi của người sử dụng lao động thì người lao động được trả đủ tiền lương theo hợp đồng."
)
GENERAL = "12 ngày làm việc đối với người làm công việc trong điều kiện bình thường;"


@pytest.fixture(scope="module")
def rarity(corpus: Any) -> Any:
    return word_rarity(corpus)


@pytest.mark.parametrize(
    ("unit", "question", "unmet"),
    [
        (TRAVEL_DAYS, "nghỉ phép năm được bao nhiêu ngày", True),
        (
            TRAVEL_DAYS,
            "Em về quê nghỉ phép năm, đi đường bằng tàu hỏa mất 3 ngày cả đi và về, có được tính "
            "thêm ngày đi đường không?",
            False,
        ),
        # "lỗi" is the case's specific word; "người", "lao động" say nothing of the case.
        (STOPPAGE_BY_FAULT, "Xưởng cho nghỉ vì lỗi công ty thì có được trả lương không?", False),
        (STOPPAGE_BY_FAULT, "Xưởng cho công nhân nghỉ 1 tuần, có được trả lương không?", True),
        (GENERAL, "nghỉ phép năm được bao nhiêu ngày", False),  # no special case at all
    ],
)
def test_a_special_case_the_question_never_names(unit: str, question: str, unmet: bool, rarity: Any) -> None:
    assert _unmet_condition(fold(unit), _Query.of(question, rarity)) is unmet


def test_without_word_rarity_nothing_is_penalised() -> None:
    assert not _unmet_condition(fold(TRAVEL_DAYS), _Query.of("nghỉ phép năm được bao nhiêu ngày"))


@pytest.mark.parametrize(
    ("question", "lawful"),
    [
        ("Em làm được 3 năm, giờ em xin nghỉ việc đúng luật thì có được trợ cấp thôi việc không?", True),
        ("em nghỉ việc, đã báo trước đủ 30 ngày", True),
        ("Cty làm vậy có đúng luật ko ạ", False),  # asking, not stating
        ("cho em nghỉ như vậy là đúng luật chưa", False),
        ("em nghỉ ngang, không báo trước, vậy có đúng luật không?", False),
    ],
)
def test_a_lawful_ending_is_read_as_stated_not_as_asked(question: str, lawful: bool) -> None:
    assert _Query.of(question).lawful is lawful


MOTHER_DIED = (
    "Trường hợp chỉ có mẹ hoặc cả cha và mẹ đều tham gia bảo hiểm xã hội bắt buộc mà mẹ chết sau khi "
    "sinh con thì cha hoặc người trực tiếp nuôi dưỡng được nghỉ việc hưởng chế độ thai sản để chăm sóc con"
)
MOTHER_DIED_OR_UNWELL = (
    "Trường hợp chỉ có cha tham gia bảo hiểm xã hội bắt buộc mà mẹ chết sau khi sinh con hoặc gặp rủi ro "
    "sau khi sinh mà không đủ sức khỏe để chăm sóc con theo xác nhận của cơ sở khám bệnh, chữa bệnh thì "
    "cha được nghỉ việc hưởng chế độ thai sản cho đến khi con đủ 06 tháng tuổi."
)
STILLBIRTH = (
    "Trường hợp lao động nữ mang thai đôi trở lên mà khi sinh nếu có thai chết trong tử cung thì thời "
    "gian nghỉ việc được tính theo số thai."
)


@pytest.mark.parametrize(
    ("unit", "question", "excluded"),
    [
        # Both parents insured, the mother alive: the rule for a mother who died is another case.
        (MOTHER_DIED, "vo chong e deu dong bhxh, vo e nghi cham con om het 20 ngay roi", True),
        (MOTHER_DIED, "vợ em mất sau khi sinh, em có được nghỉ chăm con không", False),
        (MOTHER_DIED, "vợ tôi đã qua đời lúc sinh cháu", False),
        # "mất việc", "mất sức", "mất 65% sức lao động" are not deaths
        (MOTHER_DIED, "vợ em mất việc sau khi sinh, em có được nghỉ không", True),
        # the death is one alternative of the case; the other may be hers
        (MOTHER_DIED_OR_UNWELL, "vợ em sinh xong bị băng huyết, không đủ sức khỏe chăm con", False),
        (STILLBIRTH, "em sinh đôi mà một bé mất trong bụng", False),  # a stillbirth is not a death case
        (GENERAL, "vo chong e deu dong bhxh", False),  # no special case at all
    ],
)
def test_a_death_nobody_in_the_story_suffered(unit: str, question: str, excluded: bool) -> None:
    assert _unspoken_death(fold(unit), fold(question)) is excluded
