"""An outcome the member says did not come about is not her case (``decisive._denied_outcome``)."""

from __future__ import annotations

import pytest

from assistant.decisive import _denied_outcome, denied_outcomes
from corpus.text import fold

SETTLED = fold("Trường hợp các bên thỏa thuận được, hòa giải viên lao động lập biên bản hòa giải thành.")
AGREED = fold("Trường hợp hai bên thỏa thuận được thì việc sửa đổi, bổ sung nội dung hợp đồng lao động ...")
NOT_AGREED = fold("Trường hợp hai bên không thỏa thuận được việc sửa đổi, bổ sung nội dung hợp đồng lao động")
EITHER = fold("Bản sao biên bản hòa giải thành hoặc hòa giải không thành phải được gửi cho các bên")


@pytest.mark.parametrize(
    ("unit", "question", "denied"),
    [
        (SETTLED, "Hòa giải viên hòa giải không thành thì em phải làm gì tiếp?", True),
        (SETTLED, "hoa giai ko thanh thi kien ra toa duoc ko", True),
        (AGREED, "em va cty khong thoa thuan duoc viec sua hop dong thi sao", True),
        # The failure itself, or both outcomes named, is her case or a neutral one.
        (NOT_AGREED, "em va cty khong thoa thuan duoc viec sua hop dong thi sao", False),
        (EITHER, "Hòa giải viên hòa giải không thành thì em phải làm gì tiếp?", False),
        # A member who says nothing of the outcome denies nothing.
        (SETTLED, "hòa giải viên lao động giải quyết trong bao lâu", False),
    ],
)
def test_a_denied_outcome_is_another_case(unit: str, question: str, denied: bool) -> None:
    assert _denied_outcome(unit, denied_outcomes(fold(question))) is denied
