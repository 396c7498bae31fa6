"""Vietnamese amounts, durations and dates, in words or digits, with or without diacritics.

``parse_*`` read one whole value (an API field, a form box) and raise ``ValueError`` with a
Vietnamese message when they cannot; ``find_*`` pick values out of a member's sentence and
return them with their position, so the intent reader can tell which number is which.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from corpus.text import fold

_DIGIT_WORDS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "lam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
# Words after which a number word really is a number ("ba năm" = 3 years, not "ba" = father).
_UNIT_WORDS = frozenset(
    {"nam", "thang", "ngay", "tuan", "trieu", "tr", "nghin", "ngan", "ty", "ti", "tuoi", "gio", "lan", "con"}
)
_NUM = r"\d+(?:[.,]\d+)*"
_MULTIPLIERS = {
    "ty": 1_000_000_000,
    "ti": 1_000_000_000,
    "trieu": 1_000_000,
    "tr": 1_000_000,
    "cu": 1_000_000,
    "nghin": 1_000,
    "ngan": 1_000,
    "k": 1_000,
}
_MONEY_UNIT = r"(?:ty|ti|trieu|tr|cu|nghin|ngan|k)(?![a-z])"
_CURRENCY = r"(?:dong|d|vnd)(?![a-z])"
# "9 trieu 500 nghin", "9tr5", "9,5 trieu", "9.000.000d", "500k".
_MONEY = re.compile(
    rf"(?<![\d.,/])(?P<a>{_NUM})\s*(?P<u1>{_MONEY_UNIT})"
    rf"(?:\s*(?P<b>\d{{1,3}})(?!\d|\s*(?:ngay|thang|nam|gio|tieng|tuan|lan|con|cong|nguoi|%|/))"
    rf"(?:\s*(?P<u2>{_MONEY_UNIT}))?)?(?:\s*{_CURRENCY})?"
    rf"|(?<![\d.,/])(?P<c>\d{{1,3}}(?:[.,]\d{{3}})+|\d{{5,}})\s*(?P<cur>{_CURRENCY})?"
    rf"|(?<![\d.,/])(?P<small>\d+)\s*(?:dong|vnd)(?![a-z])"
)
_DURATION = re.compile(
    rf"(?<!thang )(?<![\d/])(?P<y>{_NUM})\s*nam(?!\s*\d{{4}})(?:\s*(?:va\s*)?(?P<m>1[01]|[1-9])\s*thang)?"
    rf"|(?<!nam )(?<![\d/])(?P<mo>\d+)\s*thang(?!\s*\d)"
)
_MONTH_YEAR = re.compile(
    r"(?:ngay\s*\d{1,2}\s*)?thang\s*(?P<m1>\d{1,2})\s*(?:/|-|nam|,)\s*(?P<y1>\d{4})"
    r"|(?:\d{1,2}/)?(?P<m2>\d{1,2})/(?P<y2>\d{4})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})(?:-\d{2})?"
    r"|(?:nam|sinh)\s*(?P<y4>\d{4})"
)


@dataclass(frozen=True)
class Found:
    """A value found in a sentence, with where it was (offsets into the folded text)."""

    value: object
    start: int
    end: int


def _number_word(tokens: list[str], i: int) -> tuple[int, int] | None:
    """A number spelt in words at tokens[i:] ("muoi hai", "hai muoi lam"): (value, length)."""

    def digit(tok: str) -> int | None:
        return _DIGIT_WORDS.get(tok)

    first = tokens[i] if i < len(tokens) else ""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    third = tokens[i + 2] if i + 2 < len(tokens) else ""
    if first == "muoi":
        d = digit(nxt)
        return (10 + d, 2) if d is not None and d > 0 else (10, 1)
    d = digit(first)
    if d is None:
        return None
    if nxt == "muoi":
        d2 = digit(third)
        return (d * 10 + d2, 3) if d2 is not None and d2 > 0 else (d * 10, 2)
    return d, 1


_ONLY_AFTER_TENS = frozenset({"tu", "lam"})


def words_to_digits(folded: str) -> str:
    """Replace numbers spelt in words that stand before a unit by digits: "ba nam" -> "3 nam"."""
    tokens = folded.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        # "tư" and "lăm" count only after "mươi" ("hai mươi tư") or as a month or weekday ("tháng
        # tư", "thứ tư"): folded alone they are "từ" and "làm" ("từ tháng 8", "làm lần đầu").
        if tokens[i] in _ONLY_AFTER_TENS and (i == 0 or tokens[i - 1] not in ("thang", "thu")):
            out.append(tokens[i])
            i += 1
            continue
        found = _number_word(tokens, i)
        if found is not None:
            # try shorter readings too: "ba nam" is 3 + unit, never the number "3 5"
            for size in range(found[1], 0, -1):
                reading = _number_word(tokens[: i + size], i)
                after = tokens[i + size] if i + size < len(tokens) else ""
                if reading and reading[1] == size and after in _UNIT_WORDS:
                    out.append(str(reading[0]))
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
            continue
        out.append(tokens[i])
        i += 1
    return " ".join(out)


# "rưỡi" after an amount or a number of years: "8tr rưỡi", "tám triệu rưỡi", "4 năm rưỡi".
_HALF = re.compile(r"(\d)\s*(tr|trieu|nam|tieng|gio)\s*ruoi\b")
# The hundreds of thousands said after "triệu": "bảy triệu tư" (7,4), "năm triệu mốt" (5,1), "tám
# triệu hai trăm" (8,2); not "8 triệu một tháng", "8 triệu hai tháng" (a unit follows), nor "năm" (a
# year: "8 triệu năm ngoái").
_TENTHS = {"mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
_AFTER_MILLION = re.compile(
    r"(\d) (trieu|tr) (mot|hai|ba|tu|bon|sau|bay|tam|chin|[1-9])(?: tram)?\b"
    r"(?! ?(?:muoi|nghin|ngan|k|thang|ngay|nam|lan|tuan|gio|tieng|nguoi|con|dua|be|cong|\d))"
)


# The thousands said in full after "triệu": "tám triệu chín trăm năm mươi nghìn" (8,95 million),
# "bảy triệu năm trăm nghìn" (7,5); "năm" is a digit here, before "trăm".
_HUNDREDS_AFTER_MILLION = re.compile(
    r"(\d+) (trieu|tr) (mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|[1-9]) tram (?:(\d{1,2}) )?(?:nghin|ngan)\b"
)


def _thousands(match: re.Match[str]) -> str:
    hundreds = {**_TENTHS, "nam": 5}.get(match.group(3), match.group(3))
    return f"{match.group(1)},{hundreds}{int(match.group(4) or 0):02d} {match.group(2)}"


def _tenths(match: re.Match[str]) -> str:
    word = match.group(3)
    return f"{match.group(1)},{_TENTHS.get(word, word)} {match.group(2)}"


def normalise(text: str) -> str:
    """Folded text with number words as digits and "rưỡi" as ",5": the form every finder reads."""
    folded = fold(text).replace("\u00a0", " ")
    folded = _HALF.sub(r"\1,5 \2", folded)
    # "9tr5", "6tr24" (6,24 million), "9tr500"; not "9tr500k" (a unit of its own follows)
    folded = re.sub(r"(\d)(tr|k)(\d{1,3})(?![\d.,]*\s*(?:trieu|nghin|ngan|tr|k))", r"\1,\3\2", folded)
    folded = re.sub(r"[“”\"'()?!;:]", " ", folded)
    folded = re.sub(r"(?<!\d)[,.]|[,.](?!\d)", lambda m: f" {m.group(0)} ", folded)
    folded = re.sub(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)", " ", folded)
    digits = words_to_digits(re.sub(r"\s+", " ", folded).strip())
    digits = _HALF.sub(r"\1,5 \2", digits)  # "tám triệu rưỡi" is a number word until here
    digits = _HUNDREDS_AFTER_MILLION.sub(_thousands, digits)
    return _AFTER_MILLION.sub(_tenths, digits)


def to_number(text: str) -> float:
    """ "9.000.000" -> 9000000; "9,5" or "9.5" -> 9.5; "1.500" -> 1500."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", text) and not re.fullmatch(r"\d{1,3}[.,]\d{3}", text):
        return float(re.sub(r"[.,]", "", text))
    if re.fullmatch(r"\d{1,3}\.\d{3}", text):
        return float(text.replace(".", ""))  # "1.500" is one thousand five hundred in Vietnamese
    if text.count(",") + text.count(".") > 1:
        raise ValueError(f"không đọc được số {text!r}")
    return float(text.replace(",", "."))


def _money_value(match: re.Match[str]) -> int:
    if match.group("small") is not None:
        return int(match.group("small"))
    if match.group("c") is not None:
        return int(to_number(match.group("c")))
    total = to_number(match.group("a")) * _MULTIPLIERS[match.group("u1")]
    if match.group("b") is not None:
        unit = match.group("u2")
        if unit is not None:
            total += float(match.group("b")) * _MULTIPLIERS[unit]
        else:  # "9 trieu 5" = 9.5 million: the rest is in the next unit down, by digits
            scale = _MULTIPLIERS[match.group("u1")] / 10 ** len(match.group("b"))
            total += float(match.group("b")) * scale
    return round(total)


def find_money(text: str) -> list[Found]:
    """Amounts in ``text``; a malformed number ("1.2.3 tr") is no amount, so the calculator asks
    for it instead of failing."""
    norm = normalise(text)
    return [
        Found(v, m.start(), m.end())
        for m in _MONEY.finditer(norm)
        if (v := _readable(_money_value, m)) is not None
    ]


def _duration_months(match: re.Match[str]) -> int:
    if match.group("mo") is not None:
        return int(match.group("mo"))
    months = round(to_number(match.group("y")) * 12)
    return months + int(match.group("m") or 0)


def find_durations(text: str) -> list[Found]:
    norm = normalise(text)
    return [
        Found(v, m.start(), m.end())
        for m in _DURATION.finditer(norm)
        if (v := _readable(_duration_months, m)) is not None
    ]


def _readable(read: Callable[[re.Match[str]], int], match: re.Match[str]) -> int | None:
    try:
        return read(match)
    except ValueError:
        return None


def _month_value(match: re.Match[str]) -> date:
    for m_key, y_key in (("m1", "y1"), ("m2", "y2"), ("m3", "y3")):
        if match.group(y_key) is not None:
            month, year = int(match.group(m_key)), int(match.group(y_key))
            if not 1 <= month <= 12:
                raise ValueError(f"tháng {month} không có thật (tháng phải từ 1 đến 12)")
            return date(year, month, 1)
    return date(int(match.group("y4")), 1, 1)  # only the year: 1 January (Điều 3 khoản 3 135/2020)


def find_months(text: str) -> list[Found]:
    norm = normalise(text)
    found = []
    for m in _MONTH_YEAR.finditer(norm):
        try:
            found.append(Found(_month_value(m), m.start(), m.end()))
        except ValueError:
            continue
    return found


def _whole(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    norm = normalise(text)
    match = pattern.search(norm)
    if match is None or norm[: match.start()].strip() or norm[match.end() :].strip():
        return None
    return match


def parse_money(text: str | int | float) -> int:
    if isinstance(text, int | float):
        return round(text)
    norm = normalise(text)
    if re.fullmatch(r"\d+", norm):
        return int(norm)
    match = _whole(_MONEY, text)
    if match is None:
        raise ValueError(f'không đọc được số tiền "{text}" (ví dụ hợp lệ: "9 triệu", "9.000.000")')
    return _money_value(match)


def parse_duration(text: str | int | float) -> int:
    """Months; a bare number is read as months ("44" = 3 năm 8 tháng)."""
    if isinstance(text, int | float):
        return int(text)
    norm = normalise(text)
    if re.fullmatch(r"\d+", norm):
        return int(norm)
    pieces = list(_DURATION.finditer(norm))
    if not pieces or re.sub(_DURATION, "", norm).replace("va", "").strip():
        raise ValueError(f'không đọc được thời gian "{text}" (ví dụ hợp lệ: "3 năm 8 tháng", "44 tháng")')
    return sum(_duration_months(m) for m in pieces)


def parse_month(text: str | date) -> date:
    if isinstance(text, date):
        return date(text.year, text.month, 1)
    match = _whole(_MONTH_YEAR, text)
    if match is None:
        raise ValueError(f'không đọc được tháng/năm "{text}" (ví dụ hợp lệ: "3/1970", "tháng 3 năm 1970")')
    return _month_value(match)


def parse_number(text: str | int | float) -> float:
    if isinstance(text, int | float):
        return float(text)
    norm = normalise(text).replace("%", "").strip()
    norm = re.sub(r"\s*(gio|ngay|thang|nam|lan|con|tuan)$", "", norm)
    try:
        return to_number(norm)
    except ValueError:
        raise ValueError(f'không đọc được số "{text}"') from None


_TRUE = {"co", "yes", "true", "1", "dung", "phai", "x"}
_FALSE = {"khong", "no", "false", "0", "sai", "chua", ""}


def parse_bool(text: str | bool | int) -> bool:
    if isinstance(text, bool | int):
        return bool(text)
    key = fold(text).strip()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(f'không hiểu "{text}" (hãy trả lời "có" hoặc "không")')
