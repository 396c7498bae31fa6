"""The shared text rules: accent folding and the Vietnamese stop-word list.

One implementation of each, in the lowest layer so that indexing, assistant, ui and evaluation
all import the same rule (corpus <- indexing <- assistant <- ui, evaluation).

- ``strip_marks`` removes diacritics and keeps case ("Điều khoản" -> "Dieu khoan");
  ``fold`` also lower-cases ("Nghỉ hằng năm" -> "nghi hang nam"). Both map đ/Đ to d/D and
  remove every combining mark (Unicode category Mn) left by NFD, so NFC and NFD input fold alike.
  ``is_unaccented`` says whether a text was typed without any diacritic.
- ``fold_aligned`` folds one character for one, for rules that cut the original text at the
  offsets they found in the folded text (personal data, injected instructions).
- ``stopwords`` is the base list (``corpus/data/stopwords_vi.txt``, NFC, accented, compounds
  joined with "_"); ``folded_stopwords`` is the same list folded. Callers that need a different
  set build it from these as an explicit, documented extension (see ``assistant.textnorm`` and
  ``assistant.service.paraphrase``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

# One C-level substitution with a character class of every BMP code point of category Mn
# (~20x faster than testing each character's category); the rare astral characters (emoji)
# are checked one by one. Exactly the characters of category Mn are removed.
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")


@cache
def _bmp_marks() -> re.Pattern[str]:
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if unicodedata.category(chr(code)) == "Mn":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]")


def _drop_mark(match: re.Match[str]) -> str:
    char = match.group()
    return "" if unicodedata.category(char) == "Mn" else char


def strip_marks(text: str) -> str:
    """Diacritics removed, case kept: "Điều khoản" -> "Dieu khoan" (result in NFD)."""
    text = _bmp_marks().sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")))
    return text if text.isascii() else _ASTRAL.sub(_drop_mark, text)


def is_unaccented(text: str) -> bool:
    """True when the text carries no Vietnamese diacritics at all (phone-keyboard style)."""
    return strip_marks(text) == text


def fold(text: str) -> str:
    """Lower-cased and without diacritics: "Nghỉ hằng năm" -> "nghi hang nam"."""
    return strip_marks(text.lower())


def fold_aligned(text: str) -> str:
    """Lower case without diacritics, one character for one: "Nguyễn Đức" -> "nguyen duc".

    Unlike ``fold`` (whose NFD result can be longer), offsets in the result are offsets in
    ``text`` (NFC), so rules that find spans in the folded text can cut the original.
    """
    out = []
    for char in text:
        if char in "đĐ":
            out.append("d")
            continue
        base = unicodedata.normalize("NFD", char)[0].lower()
        out.append(base if len(base) == 1 else char)
    return "".join(out)


@cache
def stopwords() -> frozenset[str]:
    """The base Vietnamese stop words (NFC, accented; compounds as "bao_nhiêu")."""
    raw = resources.files("corpus").joinpath("data/stopwords_vi.txt").read_text(encoding="utf-8")
    words = (line.strip() for line in raw.splitlines())
    return frozenset(unicodedata.normalize("NFC", w) for w in words if w and not w.startswith("#"))


@cache
def folded_stopwords() -> frozenset[str]:
    """The base stop words folded ("bao_nhiêu" -> "bao_nhieu")."""
    return frozenset(fold(w) for w in stopwords())
