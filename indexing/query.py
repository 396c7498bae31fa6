"""Query validation and normalisation (abbreviations and everyday words -> legal words).

The synonym table is data (``indexing/data/query_synonyms.toml``). Each key matches whole
words, case-insensitively, in its accented form and, for multi-word or ASCII keys, in its
unaccented form too ("nghi phep" as well as "nghỉ phép") when the question is typed without
diacritics (in one typed with them, "bất kỳ quy tắc" must not read as "ký quỹ"). The legal wording is appended
to the question rather than substituted, so the member's own words still count.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from corpus.errors import InvalidQueryError
from corpus.questions import message_sentences, validate_question
from corpus.text import strip_marks

# Questions longer than this are cut (at a word boundary) before retrieval: the e5 model
# reads at most 512 tokens, and BM25 on a whole pasted document only adds noise.
MAX_QUERY_CHARS = 1000


@dataclass(frozen=True)
class Synonym:
    pattern: re.Pattern[str]
    expansion: str
    folded: bool  # matched against the accent-folded question
    key: str = ""  # the key as written: in a question typed with diacritics, only this matches
    first: str = ""  # the key's first word ("" when it opens with a count): a quick pre-check


_WORD = re.compile(r"\w+")
# "{n}" in a key stands for a count as members type it ("ký 4 lần", "ký hai lần").
_COUNT = r"(?:\d+|một|hai|ba|bốn|năm|sáu|mot|bon|sau)"


def key_pattern(key: str) -> re.Pattern[str]:
    """A synonym key as a whole-word pattern; "{n}" in it matches a count."""
    return re.compile(rf"(?<!\w){re.escape(key).replace(re.escape('{n}'), _COUNT)}(?!\w)")


@cache
def synonyms() -> tuple[Synonym, ...]:
    raw = resources.files("indexing").joinpath("data/query_synonyms.toml").read_text(encoding="utf-8")
    table = tomllib.loads(raw)
    entries: list[Synonym] = []
    for section in table.values():
        for key, value in section.items():
            key = unicodedata.normalize("NFC", key).lower()
            value = unicodedata.normalize("NFC", value)
            if not value and " " not in key:  # a blocker keeps its last word as context
                raise ValueError(f"query_synonyms.toml: the blocking key {key!r} needs two words or more")
            first = "" if key.startswith("{n}") else _WORD.findall(key)[0]
            entries.append(Synonym(key_pattern(key), value, folded=False, first=first))
            folded_key = strip_marks(key)
            # Single accented syllables fold onto common words ("đẻ" -> "de" as "để"): skip those.
            if folded_key != key and (" " in key or key.isascii()):
                entries.append(
                    Synonym(key_pattern(folded_key), value, folded=True, key=key, first=strip_marks(first))
                )
            elif key.isascii():
                entries[-1] = Synonym(key_pattern(key), value, folded=True, key=key, first=first)
    # Longest keys first so "lương tối thiểu vùng" wins over "lương tối thiểu".
    return tuple(sorted(entries, key=lambda s: -len(s.pattern.pattern)))


def validate_query(text: object) -> str:
    """The question checked by the shared rule (``corpus.questions``, no length limit: long text
    is cut here to ``MAX_QUERY_CHARS`` at a word boundary); what is left must also hold a Latin
    letter or digit to search for."""
    text = validate_question(text, max_chars=None)
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS)
        text = text[: cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS]
    if not any(ch.isascii() and ch.isalnum() for ch in strip_marks(text)):
        raise InvalidQueryError(
            "Câu hỏi không có chữ cái tiếng Việt hoặc chữ số nào để tìm kiếm. "
            "Vui lòng đặt câu hỏi bằng tiếng Việt."
        )
    return text


@cache
def _one_syllable_abbreviations() -> dict[str, str]:
    """The chat abbreviations spelt as one syllable ("ko" -> "không", "dc" -> "được", "e" -> "em")."""
    from indexing.restore import chat_abbreviations

    return {key: words[0] for key, words in chat_abbreviations().items() if len(words) == 1}


def spelt_out(text: str) -> str:
    """The question, lower-cased, with its one-syllable chat abbreviations spelt out ("ko đủ sức
    khỏe" -> "không đủ sức khỏe", "dc", "e", "r"), unaccented when the question is. Abbreviations
    of legal terms ("bhxh", "hđ") are left: their own keys read them, and spelt out they would
    match a second, longer key for the same words."""
    table = _one_syllable_abbreviations()
    lowered = unicodedata.normalize("NFC", text).lower()
    unaccented = strip_marks(lowered) == lowered

    def spell(match: re.Match[str]) -> str:
        spelt = table.get(match.group())
        if spelt is None:
            return match.group()
        return strip_marks(spelt) if unaccented else spelt

    return _WORD.sub(spell, lowered)


def expansions(text: str) -> list[str]:
    """Legal phrases that the question's abbreviations / everyday words stand for: matched in the
    question as typed, then in the question with its chat abbreviations spelt out, so that a key
    written "không đủ sức khỏe" also reads "ko đủ sức khỏe" (what the second reading finds is
    added after what the first found)."""
    found = _expansions(text)
    spelt = spelt_out(text)
    if spelt != unicodedata.normalize("NFC", text).lower():
        found += [phrase for phrase in _expansions(spelt) if phrase not in found]
    return found


def _expansions(text: str) -> list[str]:
    lowered = unicodedata.normalize("NFC", text).lower()
    folded = strip_marks(lowered)
    found: list[str] = []
    # A key's unaccented form stands for the key only in a question typed without diacritics:
    # in one typed with them, "cho việc" is not "chờ việc" and "bất kỳ quy tắc" holds no "ký quỹ".
    unaccented = folded == lowered
    aligned = len(folded) == len(lowered)  # one folded character per character (NFC text)
    # A key matches whole words, so its first word is one of the question's: most of the table is
    # skipped without running its pattern (the words only shrink as matches are consumed).
    words, folded_words = set(_WORD.findall(lowered)), set(_WORD.findall(folded))
    for syn in synonyms():
        if syn.first and syn.first not in (folded_words if syn.folded else words):
            continue
        haystack = folded if syn.folded else lowered
        spans = [
            m.span()
            for m in syn.pattern.finditer(haystack)
            if not syn.folded or unaccented or not aligned or lowered[m.start() : m.end()] == syn.key
        ]
        if not spans:
            continue
        # Consume the match so a shorter key inside it ("lương tối thiểu" within
        # "lương tối thiểu vùng") does not add its expansion again. A key with no expansion
        # (``[not_terms]``) only blocks: its last word is context and stays for other keys.
        if not syn.expansion:
            spans = [(start, haystack.rindex(" ", start, end)) for start, end in spans]
        for start, end in spans:
            haystack = haystack[:start] + " " * (end - start) + haystack[end:]
        if syn.folded:
            folded = haystack
        else:
            lowered = haystack
        if syn.expansion and syn.expansion not in found:
            found.append(syn.expansion)
    return found


# The pipeline (for composing) and the retriever (for searching) both expand each question: the
# second call is a cache hit. Pure in ``text``: the synonym table is read once per process.
@lru_cache(maxsize=2048)
def normalize_query(text: str) -> str:
    """The question followed by the legal wording of its abbreviations and colloquialisms."""
    text = unicodedata.normalize("NFC", text).strip()
    lowered = text.lower()
    extra = [e for e in expansions(text) if e.lower() not in lowered]
    return f"{text} {' '.join(extra)}" if extra else text


# The most characters of a message e5 reads: a 1,200-character story took 315 ms to embed (about
# 1 ms per token on 2 cores) and buried its question; chosen on dev_tune (400, 600, 800, all).
DENSE_FOCUS_CHARS = 600


def dense_focus(text: str, limit: int = DENSE_FOCUS_CHARS) -> str:
    """What e5 reads of a long message: its first sentence (who the member is), every question
    sentence, and the sentences nearest the end (where members ask and give the facts that
    matter) while they fit in ``limit`` characters, in the message's order. BM25 still reads
    the whole message; a message within ``limit`` is read whole."""
    if len(text) <= limit:
        return text
    sentences = message_sentences(text)
    keep = {i for i, sentence in enumerate(sentences) if "?" in sentence} | {0}
    size = sum(len(sentences[i]) + 1 for i in keep) - 1  # joined by single spaces
    for i in range(len(sentences) - 1, 0, -1):
        if i not in keep and size + 1 + len(sentences[i]) <= limit:
            keep.add(i)
            size += 1 + len(sentences[i])
    return " ".join(sentences[i] for i in sorted(keep))
