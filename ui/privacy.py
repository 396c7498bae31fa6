"""Masking of personal data members type into questions (pure functions).

Masked before anything is stored, logged or counted: names after a self-introduction cue,
phone numbers, CCCD/CMND numbers, e-mail addresses and street addresses. Legal numbers are
left alone: "Điều 113", "45/2019/QH14", "5.000.000 đồng", "12 ngày", "khoản 2".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

NAME_MASK = "[họ tên]"
PHONE_MASK = "[số điện thoại]"
ID_MASK = "[số CCCD/CMND]"
EMAIL_MASK = "[email]"
ADDRESS_MASK = "[địa chỉ]"

_UPPER = "".join(
    ch
    for start, end in ((0x41, 0x5A), (0xC0, 0x24F), (0x1E00, 0x1EFF))
    for ch in map(chr, range(start, end + 1))
    if ch.isalpha() and ch.isupper()
)
_CAP_WORD = rf"[{_UPPER}][^\W\d_]*"
_NAME = rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,4}}"

# Self-introduction cues, longest first so "tôi tên là" wins over "tôi là".
_NAME_CUES = (
    "tôi tên là",
    "tên tôi là",
    "tên tôi",
    "tôi tên",
    "mình tên là",
    "tên mình là",
    "mình tên",
    "em tên là",
    "tên em là",
    "tên em",
    "em tên",
    "cháu tên là",
    "tên cháu là",
    "con tên là",
    "họ và tên",
    "họ tên",
    "tôi là",
    "em là",
    "mình là",
    "cháu là",
    "chị là",
    "anh là",
    "tôi là chị",
    "tôi là anh",
    "em là chị",
    "em là anh",
)
_NAME_RE = re.compile(
    r"(?i:\b(?:"
    + "|".join(re.escape(c) for c in sorted(_NAME_CUES, key=len, reverse=True))
    + r"))"
    + r"(?:[ \t]*:)?[ \t]+(?:(?:anh|chị|em|bà|ông|cô|chú)[ \t]+)?"
    + rf"(?P<name>{_NAME})"
)
_EMAIL_RE = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# 10-11 digit Vietnamese numbers starting 0 or +84/84, optional single separators.
_PHONE_RE = re.compile(r"(?<![\w/.,])(?:\+84|0084|84|0)(?:[ .-]?\d){8,10}(?![\w/]|[.,]\d)")
# CCCD has 12 digits, the older CMND 9; money written without separators is excluded.
_ID_RE = re.compile(
    r"(?<![\w/.,])(?:\d{12}|\d{9})(?![\w/]|[.,]\d)(?![ \t]*(?:đồng|đ\b|vnđ|vnd|usd|triệu|nghìn|ngàn))",
    re.IGNORECASE,
)
_ADDRESS_CUE = (
    r"(?i:số[ \t]+nhà|địa[ \t]+chỉ(?:[ \t]+nhà)?|ngõ|ngách|hẻm|kiệt|đường|phố|phường|quận|"
    r"thị[ \t]+xã|xã|huyện|thôn|ấp|tổ[ \t]+dân[ \t]+phố|khu[ \t]+phố|chung[ \t]+cư)"
)
_ADDRESS_TOKEN = rf"(?:\d+[\w/]*|{_CAP_WORD})"
# A cue word followed by a number or a capitalised place name ("phường Bến Nghé", "quận 1");
# "trên đường đi làm" stays because "đi" is not capitalised.
_ADDRESS_RE = re.compile(
    rf"(?:\b(?i:số)[ \t]+\d+[\w/]*[ \t]+)?\b{_ADDRESS_CUE}(?:[ \t]*(?:là|:))?"
    rf"[ \t]+{_ADDRESS_TOKEN}(?:[ \t]+{_ADDRESS_TOKEN}){{0,5}}"
)
# "địa chỉ: ..." introduces a whole address: mask to the end of the sentence.
_ADDRESS_LINE_RE = re.compile(
    r"\b(?i:địa[ \t]+chỉ(?:[ \t]+nhà)?(?:[ \t]+của[ \t]+(?:tôi|em|mình))?)(?:[ \t]*(?:là|:))?[ \t]+[^.;?!\n]+"
)
_MERGE_ADDRESS = re.compile(rf"{re.escape(ADDRESS_MASK)}(?:[ \t]*,[ \t]*{re.escape(ADDRESS_MASK)})+")


@dataclass(frozen=True)
class MaskResult:
    text: str  # the masked text
    kinds: tuple[str, ...]  # what was masked: name, phone, id_number, email, address

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


def _mask_names(text: str, found: list[str]) -> str:
    def repl(match: re.Match[str]) -> str:
        found.append("name")
        start, end = match.span("name")
        base = match.start()
        whole = match.group(0)
        return whole[: start - base] + NAME_MASK + whole[end - base :]

    return _NAME_RE.sub(repl, text)


def _sub(pattern: re.Pattern[str], mask: str, kind: str, text: str, found: list[str]) -> str:
    def repl(_: re.Match[str]) -> str:
        found.append(kind)
        return mask

    return pattern.sub(repl, text)


def mask_personal_data(text: str) -> MaskResult:
    """Replace personal data with bracketed Vietnamese placeholders."""
    text = unicodedata.normalize("NFC", text)
    found: list[str] = []
    text = _sub(_EMAIL_RE, EMAIL_MASK, "email", text, found)
    text = _sub(_PHONE_RE, PHONE_MASK, "phone", text, found)
    text = _sub(_ID_RE, ID_MASK, "id_number", text, found)
    text = _mask_names(text, found)
    text = _sub(_ADDRESS_LINE_RE, ADDRESS_MASK, "address", text, found)
    text = _sub(_ADDRESS_RE, ADDRESS_MASK, "address", text, found)
    text = _MERGE_ADDRESS.sub(ADDRESS_MASK, text)
    return MaskResult(text=text, kinds=tuple(dict.fromkeys(found)))


def mask(text: str) -> str:
    """Shorthand for ``mask_personal_data(text).text``."""
    return mask_personal_data(text).text
