"""Pure text helpers for answering: word tokens, sentence splitting, numbers.

Accent folding and the base stop-word list are the shared rules of ``corpus.text``.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from corpus.text import fold, folded_stopwords, is_unaccented, stopwords

_WORD = re.compile(r"\w+", re.UNICODE)
# A number as written in the law: "12", "30%", "1.000.000", "2,5", "01/7/2025".
NUMBER = re.compile(r"\d+(?:[.,/]\d+)*%?")
# Sentence ends inside one line of law text; a new sentence starts with an upper-case letter.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\"“(])")

# The answer ranker's function words (folded): the shared list of ``corpus.text`` minus the
# words this ranker keeps, plus question words it drops although the shared list keeps them
# ("không", "phải", "được" matter to BM25 but not to picking a sentence). The decisive ranker
# and the reranker were trained on exactly this set: changing it changes answers.
_ANSWER_KEEPS = frozenset(
    {
        "ai", "ay", "boi", "ca", "chu", "dau", "de", "ha", "kia", "lai", "luon", "moi", "nen", "nhat",
        "nhi", "o", "ong", "qua", "rat", "tao", "van", "vang", "vi", "xuong",
        "bao_gio", "bao_lau", "bao_nhieu", "cho_hoi", "chung_minh", "chung_ta", "chung_toi", "co_the",
        "duoc_khong", "nhu_the_nao", "ra_sao", "tai_sao", "the_nao", "thi_sao", "vay_thi", "vi_sao",
        "xin_hoi",
    }
)
_ANSWER_EXTRA = frozenset(
    {"bao", "biet", "di", "duoc", "giup", "hai", "khong", "long", "nhieu", "nua", "phai", "theo", "vui"}
)
STOPWORDS = (folded_stopwords() - _ANSWER_KEEPS) | _ANSWER_EXTRA


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def words(text: str) -> list[str]:
    """Folded syllables of ``text`` (Vietnamese words are syllable sequences)."""
    return _WORD.findall(fold(text))


def content_words(text: str) -> list[str]:
    """Folded syllables minus function words and one-letter tokens."""
    return [w for w in words(text) if w not in STOPWORDS and (len(w) > 1 or w.isdigit())]


# Function words whose folded form is kept (``_ANSWER_KEEPS``) for a different word of the law:
# "để" folds onto "đẻ" ("con đẻ") and "đề" ("đề nghị"), "vì" onto the "vi" of "vi phạm", "bởi" onto
# "bồi" ("bồi thường"), "chú" onto "chủ". Not "cả": the law's own "cả đi và về" is the member's.
_TYPED_FUNCTION_WORDS = frozenset({"để", "vì", "bởi", "chú"})


def question_words(text: str) -> list[str]:
    """``content_words`` of what a member typed, except a function word typed with its
    diacritics whose folded form collides with another word of the law: "nghỉ 3 ngày để cưới vợ"
    shares no "đẻ" with "con đẻ kết hôn". Typed without diacritics the word is ambiguous and kept."""
    kept: list[str] = []
    for token in _WORD.findall(nfc(text).lower()):
        if token not in _TYPED_FUNCTION_WORDS:
            kept.extend(content_words(token))
    return kept


def is_content_word(token: str) -> bool:
    """Is this one typed word a content word? As ``content_words``, except that a word typed with
    its diacritics is not dropped for folding onto a stop word: "nợ" folds to "no", which is
    the stop word "nó", yet "nợ lương" is what a member's story is about."""
    if content_words(token):
        return True
    key = fold(token).strip()
    return (
        len(key) > 1
        and not is_unaccented(token)
        and key in folded_stopwords()
        and key not in _ANSWER_EXTRA
        and nfc(token).strip().lower() not in stopwords()
    )


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


def lower_first(text: str) -> str:
    """A sentence continued after a colon: "Mang thai từ tháng thứ 07" -> "mang thai ..."; an
    acronym ("BHXH") keeps its case."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
