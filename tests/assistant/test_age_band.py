"""Ages members state and the age bands of the law (folded text)."""

from __future__ import annotations

import math

import pytest

from assistant.age_band import actor_words, bands, excludes, stated_age, without_bands
from assistant.textnorm import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Em 16 tuổi, nghỉ hè đi làm. Người chưa 18 tuổi được làm mấy tiếng?", 16),
        ("Con em 2 tuổi bị viêm phổi phải nằm viện", 2),
        ("Con dưới 3 tuổi bị ốm thì mẹ được nghỉ mấy ngày", None),  # a band, not an age
        ("Năm 2027 tuổi nghỉ hưu của lao động nữ là bao nhiêu?", None),  # a year
        ("Tôi 30 tuổi, con tôi 2 tuổi bị ốm", None),  # whose age decides is unclear
        ("nghỉ phép năm được bao nhiêu ngày", None),
    ],
)
def test_stated_age(text: str, expected: int | None) -> None:
    assert stated_age(fold(text)) == expected


def test_bands_of_the_law() -> None:
    assert bands(fold("người từ đủ 15 tuổi đến chưa đủ 18 tuổi")) == [(15.0, 18.0)]
    assert bands(fold("người chưa đủ 15 tuổi; con dưới 03 tuổi")) == [(0.0, 15.0), (0.0, 3.0)]
    assert bands(fold("người từ đủ 60 tuổi trở lên")) == [(60.0, math.inf)]
    assert bands(fold("người lao động làm việc đủ 12 tháng")) == []


def test_excludes_only_when_every_band_leaves_the_age_out() -> None:
    sixteen = fold("Em 16 tuổi được làm mấy tiếng?")
    assert excludes(fold("Thời giờ làm việc của người chưa đủ 15 tuổi không được quá 04 giờ"), sixteen)
    assert not excludes(fold("người từ đủ 15 tuổi đến chưa đủ 18 tuổi không được quá 08 giờ"), sixteen)
    assert not excludes(fold("người chưa đủ 15 tuổi hoặc từ đủ 15 tuổi đến chưa đủ 18 tuổi"), sixteen)
    assert not excludes(fold("người chưa đủ 15 tuổi"), fold("trẻ em làm mấy tiếng"))  # no age given


def test_a_stated_age_names_the_actor() -> None:
    assert actor_words(fold("Em 16 tuổi")) == "chua thanh nien"
    assert actor_words(fold("cháu 14 tuổi")) == "chua thanh nien chua du 15 tuoi"
    assert actor_words(fold("bác 62 tuổi")) == "cao tuoi"
    assert actor_words(fold("tôi 30 tuổi")) == ""


def test_an_age_band_is_blanked_for_the_qualifier_rule() -> None:
    """The "chưa" of "chưa đủ 18 tuổi" bounds an age band; "chưa đủ 12 tháng" stays a qualifier."""
    rule = without_bands(fold("Thời giờ làm việc của người từ đủ 15 tuổi đến chưa đủ 18 tuổi: 08 giờ"))
    assert "chua" not in rule.split() and "08 gio" in rule
    assert "chua du 12 thang" in without_bands(fold("người lao động làm việc chưa đủ 12 tháng"))

