"""``own_case``: which clauses of a message tell the case of the person asked about."""

from __future__ import annotations

from assistant.calculators.own_case import own_text, owners


def test_a_clause_opening_with_someone_else_is_theirs_until_the_member_speaks_again() -> None:
    text = "Chồng em làm ca đêm tăng ca 3 tiếng, lương 10 triệu; em làm hành chính, lương 7 triệu."
    assert [owner for _, owner in owners(text) if _.strip()] == ["chong", "chong", "", ""]
    assert "10 triệu" not in own_text(text + " Em được bao nhiêu tiền tăng ca?")


def test_the_person_asked_about_keeps_their_clauses() -> None:
    text = "Em lương 6 triệu, chồng em lương 9 triệu, anh ấy được bao nhiêu tiền tăng ca?"
    kept = own_text(text)
    assert "9 triệu" in kept and "6 triệu" not in kept


def test_con_em_is_a_child_only_where_the_member_types_diacritics() -> None:
    child = owners("Con em 16 tuổi đang đi học, còn em làm cty 3 năm.")
    assert [o for s, o in child if s.strip()] == ["con", ""]
    unaccented = owners("chong e dong bhxh 5 nam luong 9tr, con e lam ruong ko dong bao hiem.")
    assert [o for s, o in unaccented if s.strip()] == ["chong", ""]


def test_a_story_of_the_member_alone_is_read_whole() -> None:
    text = "Em làm cty 6 năm, lương 9 triệu. Em được trợ cấp thôi việc bao nhiêu?"
    assert own_text(text) == text
