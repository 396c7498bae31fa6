"""Vietnamese text analysis for BM25: normalisation, tokens, compounds, accent folding.

bm25s' default token pattern drops one-character tokens ("2" of "khoản 2", "a" of
"điểm a") and ships no Vietnamese stopwords, so we tokenize ourselves and hand bm25s
token lists. Two fields are produced from the same text:

- accented: lower-cased syllables plus underthesea word compounds ("lao_động");
- folded: the same tokens with diacritics stripped and đ→d ("lao_dong"), so a question
  typed without diacritics still matches.

Folding and the stop-word list are the shared rules of ``corpus.text``.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from corpus.text import folded_stopwords as base_folded_stopwords
from corpus.text import stopwords, strip_marks

# Bump when tokenization changes: the index manifest records it and refuses a mismatch.
ANALYZER_VERSION = "vi-2"  # vi-2: "%" read as "phần trăm"

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_COMPOUND_SEP = "_"
_PERCENT = re.compile(r"\s*%")


def _corpus_normalizer() -> Callable[[str], str] | None:
    try:
        from corpus.normalize import normalize_text  # type: ignore[attr-defined]
    except ImportError:
        return None
    return normalize_text  # type: ignore[no-any-return]


@cache
def _normalizer() -> Callable[[str], str] | None:
    return _corpus_normalizer()


def normalize(text: str) -> str:
    """NFC, the corpus normaliser when available (unified tone marks, spaces), lower-case.

    "%" is read out as "phần trăm": the law writes "8%", members ask "bao nhiêu phần trăm".
    """
    text = _PERCENT.sub(" phần trăm ", unicodedata.normalize("NFC", text))
    corpus_norm = _normalizer()
    if corpus_norm is not None:
        text = corpus_norm(text)
    return unicodedata.normalize("NFC", text).lower()


def stopwords_hash() -> str:
    joined = "\n".join(sorted(stopwords()))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def syllables(text: str) -> list[str]:
    """Lower-cased word-character runs; numbers and one-letter tokens are kept."""
    return _TOKEN_RE.findall(normalize(text))


_TOKENIZER_LOAD = threading.Lock()
_tokenizer_loaded = False


def _word_tokenize() -> Any:
    """underthesea's segmenter, its CRF model loaded once under a lock.

    underthesea publishes its global model before loading it, so threads calling it first at
    the same time crashed on a half-loaded model; once loaded it is safe to call concurrently.
    """
    global _tokenizer_loaded
    from underthesea import word_tokenize

    if not _tokenizer_loaded:
        with _TOKENIZER_LOAD:
            if not _tokenizer_loaded:
                word_tokenize("khởi động", format="text")
                _tokenizer_loaded = True
    return word_tokenize


def _compounds(normalized: str) -> list[str]:
    segmented = _word_tokenize()(normalized, format="text")
    return [tok for tok in segmented.split() if _COMPOUND_SEP in tok and _TOKEN_RE.fullmatch(tok)]


def analyze(text: str, *, compounds: bool = True) -> list[str]:
    """Accented BM25 tokens: syllables + word compounds, stopwords removed."""
    normalized = normalize(text)
    tokens = _TOKEN_RE.findall(normalized)
    if compounds and tokens:
        tokens += _compounds(normalized)
    stop = stopwords()
    return [t for t in tokens if t not in stop]


# Tokens repeat: the whole index has about 860,000 tokens over a few ten thousand distinct
# ones, and folding each one again was 5.6 of the 9.5 s of an index rebuild.
_fold_token = lru_cache(maxsize=262_144)(strip_marks)


def fold_tokens(tokens: list[str]) -> list[str]:
    """The folded field: each accented token with its diacritics stripped."""
    return [_fold_token(t) for t in tokens]


def analyze_folded(text: str) -> list[str]:
    """Folded query tokens of a text that may itself be typed without diacritics."""
    folded_stop = folded_stopwords()
    normalized = normalize(text)
    tokens = _TOKEN_RE.findall(normalized)
    if tokens:
        tokens += _compounds(normalized)
    return [t for t in fold_tokens(tokens) if t not in folded_stop]


# Folded stopwords that collide with content words once diacritics are gone
# ("tại" -> "tai" as in "tai nạn", "cả" -> "ca" as in "ca làm việc", "còn" -> "con").
_FOLD_COLLISIONS = frozenset(
    {
        "tai", "vi", "chi", "ca", "ho", "no", "moi", "ba", "ban", "co", "de", "ve", "lai", "ma", "dang",
        "con", "nam", "do", "ra", "hoi", "vao", "tu", "den", "toi", "sau", "em", "anh", "ai", "tren", "duoi",
    }
)


@cache
def folded_stopwords() -> frozenset[str]:
    """The shared folded stop words minus those that collide with content words."""
    return base_folded_stopwords() - _FOLD_COLLISIONS
