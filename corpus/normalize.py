"""Pure text normalisation shared by the corpus build and (through ``normalize_text``) by queries.

Tone-mark convention (decided once, applied to sources and queries alike): the style of the
Labour Code 2019 and of most current official texts, tone on the FIRST vowel of an open
"oa", "oe", "uy" rhyme: "hòa", "thỏa", "khỏe", "thủy". Older texts (Luật Công đoàn 2012,
parts of 293/2025/NĐ-CP) write "hoà", "thoả", "thuỷ"; they are rewritten. Rhymes closed by a
consonant keep the tone on the second vowel ("hoàn", "thuyền"), and "qu" + vowel is untouched
("quý", "quả"), both as in every convention.
"""

from __future__ import annotations

import re
import unicodedata

# Tone marks as combining characters (grave, acute, hook above, tilde, dot below).
_TONES = "\u0300\u0301\u0309\u0303\u0323"
_LETTER = r"[^\W\d_]"
# o/u + tone-bearing second vowel a/e/y at the end of a syllable, not after "q" ("quý").
_OLD_STYLE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?!{_LETTER}|[\u0300-\u036f])")
_VALID_PAIRS = {"oa", "oe", "uy"}

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\ufeff\u00ad]")
_BLANK_LINES = re.compile(r"\n{3,}")


def _move_tone(match: re.Match[str]) -> str:
    first, second, tone = match.group(1), match.group(2), match.group(3)
    if (first + second).lower() not in _VALID_PAIRS:
        return match.group(0)
    return first + tone + second


def normalize_tone_marks(text: str) -> str:
    """Rewrite old-style tone placement ("hoà", "thuỷ") to the project style ("hòa", "thủy")."""
    decomposed = unicodedata.normalize("NFD", text)
    # NFD splits "ặ" into a + dot below + breve: the trailing breve stops the match ("hoặc" stays).
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(_move_tone, decomposed))


def normalize_text(text: str) -> str:
    """NFC, one tone-mark style, no zero-width characters, single spaces, trimmed lines.

    Newlines are kept (structure is line-based); use on documents and on queries alike.
    """
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = normalize_tone_marks(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def collapse_whitespace(text: str) -> str:
    """One line, single spaces: the form used to compare texts "up to whitespace"."""
    return " ".join(text.split())


# --- end-of-document furniture -------------------------------------------------
_SIGNATURE_START = re.compile(
    r"^(?:[_*]*)(?:"
    r"(?:Bộ luật|Luật|Nghị quyết|Pháp lệnh) này (?:đã )?được Quốc hội"
    r"|CHỦ TỊCH QUỐC HỘI|TM\. ?CHÍNH PHỦ|TM\. ?ỦY BAN|KT\. ?BỘ TRƯỞNG|BỘ TRƯỞNG\b|KT\. ?THỦ TƯỚNG"
    r"|THỦ TƯỚNG\b|TỔNG GIÁM ĐỐC\b|KT\. ?TỔNG GIÁM ĐỐC|Nơi nhận:|XÁC THỰC VĂN BẢN HỢP NHẤT"
    r"|Đã ký:|-{20,}|FILE ĐƯỢC ĐÍNH KÈM"
    r")",
    re.MULTILINE,
)


def strip_signature(text: str) -> str:
    """Cut the signature block and what follows ("Luật này đã được Quốc hội ... thông qua",
    "CHỦ TỊCH QUỐC HỘI", "TM. CHÍNH PHỦ", "Nơi nhận:" ...) from an article's or document's end."""
    match = _SIGNATURE_START.search(text)
    return text[: match.start()].rstrip() if match else text


_HEADING_LINE = re.compile(r"^(?:Mục|MỤC|Chương|CHƯƠNG|Phần|PHẦN)\s+[0-9IVXLC]+\b[.:]?\s*(.*)$")
_GLUED_INLINE = re.compile(r"(?<=[.;:”])\s*((?:Mục|Chương|Phần)\s+[0-9IVXLC]+\b[.:]?\s*[^\n]*)$")


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.8


def strip_glued_heading(text: str) -> tuple[str, str]:
    """Split a next-section heading glued at the end of an article's text.

    Returns (text without it, the heading lines or ""). The heading is "Mục N" / "Chương N" /
    "Phần N" on its own line (or right after the last sentence) followed only by capitalised
    title lines, e.g. "...nghỉ không hưởng lương.\nMục 3\nTHỜI GIỜ LÀM VIỆC, ...".
    """
    lines = text.rstrip().split("\n")
    i = len(lines) - 1
    while i > 0 and _caps(lines[i]) and not _HEADING_LINE.match(lines[i]):
        i -= 1
    if i > 0:
        match = _HEADING_LINE.match(lines[i])
        if match and (not match.group(1) or _caps(match.group(1))):
            return "\n".join(lines[:i]).rstrip(), "\n".join(lines[i:])
    inline = _GLUED_INLINE.search(lines[-1])
    if inline and _caps(_HEADING_LINE.sub(r"\1", inline.group(1))):
        head = "\n".join([*lines[:-1], lines[-1][: inline.start()]]).rstrip()
        return head, inline.group(1).strip()
    return text, ""
