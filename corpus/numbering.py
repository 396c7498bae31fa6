"""Numbering helpers: Roman numerals, Vietnamese point letters, ordinal words."""

from __future__ import annotations

import itertools

# Points are lettered in Vietnamese alphabetical order, without f, j, w, z.
POINT_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")
_NEXT_LETTER = dict(itertools.pairwise(POINT_LETTERS))
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINALS = {
    "nhất": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}


def next_point_letter(letter: str | None) -> str | None:
    """The letter expected after ``letter`` ("đ" after "d"); "a" first; None after "y"."""
    if letter is None:
        return "a"
    return _NEXT_LETTER.get(letter)


def roman_to_int(value: str) -> int | None:
    """``"XVII"`` -> 17; arabic digits pass through; None when not a number."""
    value = value.strip().upper()
    if value.isdigit():
        return int(value)
    if not value or any(ch not in _ROMAN for ch in value):
        return None
    total = 0
    for i, ch in enumerate(value):
        n = _ROMAN[ch]
        total += -n if i + 1 < len(value) and _ROMAN[value[i + 1]] > n else n
    return total


def ordinal_to_int(word: str) -> int | None:
    """ "thứ nhất" / "nhất" / "I" / "1" -> 1."""
    word = word.strip().lower().removeprefix("thứ").strip()
    if word in _ORDINALS:
        return _ORDINALS[word]
    return roman_to_int(word)
