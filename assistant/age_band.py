"""Ages in a member's story and the age bands a unit of law applies to.

"Em 16 tuổi ... được làm tối đa mấy tiếng?" is answered by the rule for workers "từ đủ 15 tuổi
đến chưa đủ 18 tuổi", never by the one for "người chưa đủ 15 tuổi": a unit whose every age
band excludes the age the member gave is about someone else. Both texts are read folded
(``assistant.textnorm.fold``).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# "từ đủ 15 tuổi đến chưa đủ 18 tuổi", "từ đủ 13 tuổi đến dưới 15 tuổi"
_BETWEEN = re.compile(r"tu du (\d{1,2}) tuoi (?:den|toi) (?:chua du|duoi) (\d{1,2}) tuoi")
_BELOW = re.compile(r"(?:chua(?: du)?|duoi) (\d{1,2}) tuoi")
_FROM = re.compile(r"(?:tu du|du) (\d{1,2}) tuoi tro len")
_ABOVE = re.compile(r"tren (\d{1,2}) tuoi")
# A stated age ("em 16 tuổi", "con tôi 17 tuổi"), not a band the question names ("người chưa
# đủ 18 tuổi") nor a year ("năm 2027 tuổi nghỉ hưu").
_AGE = re.compile(r"(?<![\d/.,])(\d{1,2}) tuoi")
_BAND_WORDS = ("chua du ", "chua ", "duoi ", "tren ", "tu du ", "du ", "tu ", "den ", "toi ")

Band = tuple[float, float]  # [low, high)


def bands(folded: str) -> list[Band]:
    """The age bands a text of law names, in years."""
    found = [(float(m.group(1)), float(m.group(2))) for m in _BETWEEN.finditer(folded)]
    rest = _BETWEEN.sub(" ", folded)
    found += [(0.0, float(m.group(1))) for m in _BELOW.finditer(rest)]
    found += [(float(m.group(1)), math.inf) for m in _FROM.finditer(rest)]
    found += [(float(m.group(1)) + 1.0, math.inf) for m in _ABOVE.finditer(rest)]
    return found


def without_bands(folded: str) -> str:
    """``folded`` with its age bands blanked: the "chưa" of "từ đủ 15 tuổi đến chưa đủ 18 tuổi"
    bounds an age band (judged by ``excludes``), it does not turn the rule into its opposite."""
    return _ABOVE.sub(" ", _FROM.sub(" ", _BELOW.sub(" ", _BETWEEN.sub(" ", folded))))


@lru_cache(maxsize=1024)
def stated_age(folded: str) -> int | None:
    """The one age a question states, or None (none, or several: whose would be unclear).
    Cached: the decisive ranker asks it once per candidate unit of the same question."""
    ages = {
        int(m.group(1))
        for m in _AGE.finditer(folded)
        if not folded[: m.start()].endswith(_BAND_WORDS)
    }
    return ages.pop() if len(ages) == 1 else None


def excludes(unit_folded: str, question_folded: str) -> bool:
    """True when the question states an age and every age band of the unit leaves it out."""
    age = stated_age(question_folded)
    if age is None:
        return False
    found = bands(unit_folded)
    return bool(found) and not any(low <= age < high for low, high in found)


def actor_words(question_folded: str) -> str:
    """How the law names the member a stated age makes them ("Em 16 tuổi" is "chưa thành
    niên"), folded, for the checks that ask whether the question mentions an actor."""
    age = stated_age(question_folded)
    if age is None:
        return ""
    words = []
    if age < 18:
        words.append("chua thanh nien")
    if age < 15:
        words.append("chua du 15 tuoi")
    if age >= 60:
        words.append("cao tuoi")
    return " ".join(words)
