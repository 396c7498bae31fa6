"""Pure text helpers for answering: accent folding, word tokens, sentence splitting, numbers."""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)
# A number as written in the law: "12", "30%", "1.000.000", "2,5", "01/7/2025".
NUMBER = re.compile(r"\d+(?:[.,/]\d+)*%?")
# Sentence ends inside one line of law text; a new sentence starts with an upper-case letter.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\"“(])")

# Function words that carry no topic (folded form); kept short on purpose.
_STOPWORD_TEXT = """
    la cua va cac nhung duoc co khong thi se da dang cho voi trong khi neu ma nay do
    toi ban minh em anh chi ho no gi sao nao the vay nhu bao nhieu lam ra vao len
    mot hai ba tai tu den theo ve hay hoac cung con nua roi a a oi nhe u nha di
    phai can muon biet hoi xin vui long giup
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


# Combining marks (category Mn) that NFD leaves after Latin letters: the Vietnamese tone and
# vowel marks are all in U+0300-U+036F. Removing them with one C-level substitution is ~20x
# faster than testing each character's category (folding ran for every unit of every answer).
_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics ("Nghỉ hằng năm" -> "nghi hang nam")."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", text.lower())).replace("đ", "d")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """Folded syllables of ``text`` (Vietnamese words are syllable sequences)."""
    return _WORD.findall(fold(text))


def content_words(text: str) -> list[str]:
    """Folded syllables minus function words and one-letter tokens."""
    return [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


@lru_cache(maxsize=16_384)
def law_words(text: str) -> tuple[str, ...]:
    """``content_words`` of a text of the law, cached: the same articles, clauses and titles are
    read for question after question (folding is the costly part)."""
    return tuple(content_words(text))


def bigrams(tokens: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(tokens))


def split_sentences(text: str) -> list[str]:
    """Lines of law text, each split further into sentences; empty pieces dropped."""
    pieces: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line:
            pieces.extend(p.strip() for p in _SENTENCE_END.split(line) if p.strip())
    return pieces


def numbers_in(text: str) -> list[str]:
    return NUMBER.findall(text)


def letters_count(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())
