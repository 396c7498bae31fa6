"""What a story speaks of (``decisive._BIRTH_STORY``, ``decisive._spoken``, on folded text)."""

from __future__ import annotations

import pytest

from assistant.decisive import _BIRTH_STORY, _spoken
from corpus.text import fold


@pytest.mark.parametrize(
    ("story", "birth"),
    [
        ("em mang thai 3 tháng", True),
        ("vợ sinh con thứ 2", True),
        ("đang nuôi con nhỏ", True),
        # Folded look-alikes: a dismissal, occupational hygiene, students, costs that arise.
        ("em bị sa thải vì nghỉ không phép", False),
        ("cty vi phạm an toàn, vệ sinh lao động", False),
        ("sinh viên làm thêm buổi tối", False),
        ("phát sinh chi phí đi lại", False),
        ("bị đuổi việc vô cớ", False),
        ("công tác phòng, chống cháy nổ", False),
        ("chồng em bị tai nạn lao động", True),
    ],
)
def test_a_birth_is_named_by_its_words_not_by_look_alikes(story: str, birth: bool) -> None:
    assert bool(_BIRTH_STORY.search(fold(story.lower()))) is birth


@pytest.mark.parametrize(
    ("story", "case", "spoken"),
    [
        ("em làm ở mỏ than 10 năm", "coal", True),
        ("thân nhân người lao động được hưởng gì", "coal", False),
        ("bản thân em bị ốm", "coal", False),
        ("tiền thuốc có được bảo hiểm trả không", "health", True),
        ("em có thuộc đối tượng đóng bhxh bắt buộc không", "health", False),
    ],
)
def test_another_persons_case_is_spoken_by_its_words_not_by_look_alikes(
    story: str, case: str, spoken: bool
) -> None:
    """``decisive._spoken``: the folded "thân" of "thân nhân" is no coal mine, "thuộc" no medicine."""
    assert (case in _spoken(fold(story.lower()))) is spoken
