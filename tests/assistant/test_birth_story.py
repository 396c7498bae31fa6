"""What counts as a story about a birth (``decisive._BIRTH_STORY``, on folded text)."""

from __future__ import annotations

import pytest

from assistant.decisive import _BIRTH_STORY
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
