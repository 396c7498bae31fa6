"""Helpers shared by the sentence readers: the words before a value, whose it is, amounts, integers."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from assistant.calculators import parsing
from corpus.questions import asked_sentences, message_sentences

# A relative a member asks about for (folded, with the possessive that tells "bố em" from "bỏ",
# "vợ tôi" from "vô", "mẹ e" from "mê"), and the relative's sex. A child is not one of them: its
# birth is never the one asked about (``extract._CHILD``).
PERSON = re.compile(r"\b(bo|cha|chong|me|vo)(?= (?:toi|em|e|minh|anh|chi|tui|cua)\b)|\bong xa\b")
RELATIVE_MARKED = re.compile(r"\b(?:bố|cha|chồng|mẹ|vợ)(?= (?:tôi|em|e|mình|anh|chị|tui|của)\b)|\bông xã\b")
PERSON_SEX = {"bo": "nam", "cha": "nam", "chong": "nam", "ong xa": "nam", "me": "nu", "vo": "nu"}


def person(phrase: str) -> str:
    """The last relative named in ``phrase`` ("bo", "me", ...), "" for the member herself."""
    found = list(PERSON.finditer(phrase))
    return (found[-1].group(1) or found[-1].group(0)) if found else ""


# A relative named again without the possessive in the question ("bố em sinh tháng 7/1965 ...
# em hỏi giúp bố khi nào bố đủ tuổi nghỉ hưu?"): only one the story named with it, and only as the
# subject or object of the question ("giúp bố", "bố đủ"), so that "bỏ", "mê", "vô" stay words.
_BARE_RELATIVE = re.compile(
    r"\b(?:giup|cho|cua|hoi) (bo|cha|chong|me|vo)\b"
    r"|\b(bo|cha|chong|me|vo) (?:khi|du|duoc|dc|nghi|co|se|thi|bao|may|nam|hien|sinh)\b"
)


def asked_person(norm: str) -> str:
    """Whom the question is about: the relative its question sentence names, "" for the member."""
    asked = " ".join(asked_sentences(message_sentences(norm)))
    if named := person(asked):
        return named
    told = {m.group(1) or m.group(0) for m in PERSON.finditer(norm)}
    return next(
        (word for m in _BARE_RELATIVE.finditer(asked) if (word := m.group(1) or m.group(2)) in told), ""
    )


_THIRD_PERSON = re.compile(r"\b(?:anh|chi|ong|ba|co|chu) (?:ay|ta)\b|\bong xa\b")


def asked_owner(norm: str) -> str:
    """Whose amount the question asks about: the relative named in the question's last clause
    ("..., anh ấy được bao nhiêu tiền tăng ca?" refers back to the last relative named), else
    the member ("Chồng em lương 9 triệu, em lương 6 triệu, em ... được bao nhiêu?")."""
    asked = " ".join(asked_sentences(message_sentences(norm)))
    clause = next((c for c in reversed(re.split(r"[,;]", asked)) if c.strip()), "")
    if _member_asks(clause):
        return ""  # "vợ e sinh tháng 6 thì e dc nhận trợ cấp bao nhiêu": she is the case, he asks
    if (named := person(clause)) or not _THIRD_PERSON.search(clause):
        return named
    return person(asked)


# The member as the subject of what is asked ("thì e dc nhận", "em có được hưởng"), not a
# relative's possessive ("vợ e dc hưởng").
_SELF_ASKS = re.compile(r"\b(?:em|e|toi|minh|tui) (?:co |se |thi )?(?:duoc|dc|phai|nhan|lanh|huong)\b")
_RELATIVE_BEFORE = re.compile(r"\b(?:bo|cha|chong|me|vo|ban|con|trai|gai|xa)\s*$")


def _member_asks(clause: str) -> bool:
    return any(not _RELATIVE_BEFORE.search(clause[: m.start()]) for m in _SELF_ASKS.finditer(clause))


# Whose an amount is: a relative named in the few words before it ("chồng em lương 9 triệu"), else
# the member's ("em lương 6 triệu"). Farther back, a relative is the story's, not the amount's
# ("vợ em sinh con tháng trước, em lương 8tr").
OWNER_WORDS = 4


def owner_of(before: str) -> str:
    """The relative an amount belongs to, read from the words just before it ("" for the member);
    "dong nghiep" for a workmate's wage ("tổ trưởng của e lương 15tr và e lương 8tr")."""
    if _WORKMATE_WAGE.search(before):
        return "dong nghiep"
    return person(" ".join(before.split()[-OWNER_WORDS:]))


# A workmate's wage, named just before the amount.
_WORKMATE_WAGE = re.compile(
    r"\b(?:to truong|truong ca|quan ly|sep|dong nghiep|(?:anh|chi|ban) cung (?:to|xuong|phong))"
    r"(?: cua (?:toi|em|e|minh))? (?:\w+ )?luong $"
)


def left_of(norm: str, start: int, width: int = 45) -> str:
    return norm[max(0, start - width) : start]


# An amount the member calls her wage or income ("lương e 7tr", "lương cơ bản 5tr3", "thu nhập
# 9 triệu"), not a deduction from it ("trừ lương e 2tr"), wages owed ("nợ lương") or a fine.
WAGE_LABEL = re.compile(r"(?<!tru )(?<!no )(?<!phat )\b(?:luong|thu nhap)\b(?: \w+){0,4} $")
# The wage social insurance is paid on ("đóng bảo hiểm trên mức 5 triệu", "lương đóng bhxh 9
# triệu"): what the insurance benefits are computed from, rather than the take-home pay.
INSURED_LABEL = re.compile(
    r"\b(?:dong|tham gia) (?:bhxh|bhtn|bh|bao hiem)\b(?: \w+){0,4} $|\bmuc dong\b(?: \w+){0,3} $"
)


def money(
    text: str, norm: str, hourly: bool = False, insured: bool = False
) -> tuple[int | None, int | None]:
    """(monthly-or-other amount, hourly amount) from the sentence; of several amounts, the wage
    as ``wage_of`` chooses it."""
    amounts: list[tuple[int, str]] = []
    hourly_amount = None
    for value, after, before in _stated_amounts(text, norm):
        if _DAILY_BEFORE.search(before):
            continue  # "lương ngày 300 nghìn": a day's wage, not the month's
        per_hour = re.match(r"\s*(/|mot|1|moi)\s*(gio|h)\b", after) or re.search(r"luong gio|moi gio", before)
        if per_hour:  # "28 nghìn một giờ" is no month's wage: only the hourly readers take it
            if hourly:
                hourly_amount = hourly_amount or value
            continue
        amounts.append((value, before))
    return wage_of(amounts, insured, asked_owner(norm)), hourly_amount


def own_wage(text: str, norm: str) -> int | None:
    """The insured wage the member says is hers (none named as a relative's just before it), or
    None: unlike ``money``, never another person's when she states none of her own."""
    amounts = [(value, before) for value, _, before in _stated_amounts(text, norm) if not owner_of(before)]
    return wage_of(amounts, insured=True) if amounts else None


def _stated_amounts(text: str, norm: str) -> Iterator[tuple[int, str, str]]:
    """(amount, the words after it, those before it) of each amount the member states as such: not
    a wage by the day ("350k/ngày"), the upper end of a range ("từ 6 đến 8 triệu"), nor one she takes
    back ("không phải 9 triệu như em nói mà là 7 triệu", "5 triệu, à không, 6 triệu")."""
    for found in parsing.find_money(text):
        after, before = _context(norm, found)
        if _DAILY_AFTER.match(after) or _RANGE_BEFORE.search(before):
            continue
        if _TAKEN_BACK.search(before) or CORRECTED_AFTER.match(after):
            continue
        yield to_int(found.value), after, before


# A day's wage ("lương ngày 300 nghìn", "350k/ngày", "300 nghìn một ngày"), read by ``daily_wage``.
_DAILY_AFTER = re.compile(r"\s*(?:/|mot|1|moi)\s*ngay\b(?! cong)")
_DAILY_BEFORE = re.compile(r"\b(?:luong|tien cong|cong) (?:theo |1 |mot |moi )?ngay(?: (?:la|duoc|co))? $")
# The upper end of a range ("từ 6 đến 8 triệu tùy tháng"), or amounts in turn ("lúc 7 triệu lúc 9
# triệu"): which month's wage is not for a reader to guess.
_RANGE_BEFORE = re.compile(r"\b(?:tu )?\d+(?:[.,]\d+)? (?:trieu |tr )?(?:den|toi|-) $|\bluc $")
# An amount the member takes back ("lương ... không phải 9 triệu như em nói mà là 7 triệu").
_TAKEN_BACK = re.compile(r"\b(?:khong|ko|chu khong) phai(?: la)?(?: \w+){0,3} $|\bnham (?:la )?$")
# An amount corrected right after it ("bình quân là 5 triệu, à không, ... là 6 triệu"): the first
# is taken back.
CORRECTED_AFTER = re.compile(r"^\s*,?\s*(?:a|ay|a ma|o) (?:khong|ko|nham)\b")
# An amount already paid or advanced ("cty đã tạm ứng cho em 2 triệu") is not the wage.
_PAID_BEFORE = re.compile(r"\b(?:tam ung|ung truoc|da (?:tra|nhan|chi|ung))\b(?: \w+){0,3} $")


def daily_wage(text: str, norm: str) -> int | None:
    """A day's wage the member states ("lương ngày 300 nghìn", "350k/ngày"), if any."""
    for found in parsing.find_money(text):
        after, before = _context(norm, found)
        if _DAILY_AFTER.match(after) or _DAILY_BEFORE.search(before):
            return to_int(found.value)
    return None


def _context(norm: str, found: parsing.Found) -> tuple[str, str]:
    """The words just after an amount, and those before it within its clause."""
    return norm[found.end : found.end + 12], re.split(r"[,;]|\. ", left_of(norm, found.start, 45))[-1]


def wage_of(amounts: Sequence[tuple[int, str]], insured: bool = False, asked: str = "") -> int | None:
    """Of the amounts of a sentence (each with the words just before it), the wage of the person
    asked about (``asked``: a relative, "" for the member): the amounts said to be that person's
    when there are any ("Em lương 6 triệu, chồng em lương 9 triệu ..., anh ấy được bao nhiêu tiền
    tăng ca?" is priced on the 9 million, and the member's own question on her 6). Of those, with
    ``insured``, the first one she says insurance is paid on; else the first she calls a wage;
    with none so called, the first ("tiền trọ 1,5 triệu ... lương 6 triệu" is priced on the 6
    million)."""
    owned = [(value, before) for value, before in amounts if owner_of(before) == asked]
    amounts = owned or amounts
    amounts = [(value, before) for value, before in amounts if not _PAID_BEFORE.search(before)] or amounts
    for label in (INSURED_LABEL, WAGE_LABEL) if insured else (WAGE_LABEL,):
        for value, before in amounts:
            if label.search(before):
                return value
    return amounts[0][0] if amounts else None


def to_int(value: object) -> int:
    assert isinstance(value, int | float)
    return int(value)


# A wage allowance stated beside the wage ("lương cơ bản 6 triệu, phụ cấp chức vụ 2 triệu"): part of
# the wage of the contract (khoản 1 Điều 90 BLLĐ: "mức lương ..., phụ cấp lương và các khoản bổ sung
# khác") that severance is paid on. Named allowances only: meals, fuel, phone, housing or an
# attendance bonus paid some months are support, not a wage allowance.
_ALLOWANCE_BEFORE = re.compile(
    r"\bphu cap (?:chuc vu|trach nhiem|doc hai|tham nien|nang nhoc|khu vuc|luu dong|tay nghe|ky thuat"
    r"|chuyen mon|luong|to truong|quan ly)\b(?: \w+){0,3} $"
)
_ALLOWANCE_INCLUDED = re.compile(r"\b(?:gom|bao gom|tinh ca|ca|tinh luon|cong ca) (?:cac khoan )?phu cap\b")


def wage_allowances(text: str, norm: str) -> int:
    """The wage allowances stated in the member's own words, to add to the wage she states (0 when
    none, or when she says her wage includes them)."""
    if _ALLOWANCE_INCLUDED.search(norm):
        return 0
    total = 0
    for found in parsing.find_money(text):
        after, before = _context(norm, found)
        if _ALLOWANCE_BEFORE.search(before) and not re.match(r"\s*(?:/|mot|1|moi)\s*(?:ngay|gio)\b", after):
            total += to_int(found.value)
    return total


# Parts of the last six months said with their wage ("4 tháng đầu 6tr, 2 tháng sau tăng lên 7tr5"):
# the benefit is paid on their average (khoản 1 Điều 39 Luật Việc làm 2025, khoản 1 Điều 59 Luật BHXH
# 2024, khoản 5 Điều 8 NĐ 145/2020: "bình quân ... của 06 tháng").
_PART_OF_SIX = re.compile(r"\b([1-5]) thang (?:dau|truoc|cuoi|sau|con lai|gan nhat|tiep theo)\b")
SIX_MONTHS = 6


def six_months_average(text: str, norm: str) -> tuple[int, str] | None:
    """(average, how it was made) when the member gives the wage of each part of the six months."""
    parts: list[tuple[int, int]] = []
    for found in parsing.find_money(text):
        _, before = _context(norm, found)
        said = list(_PART_OF_SIX.finditer(before))
        if said:
            parts.append((int(said[-1].group(1)), to_int(found.value)))
    if len(parts) < 2 or sum(months for months, _ in parts) != SIX_MONTHS:
        return None
    from assistant.calculators.formatting import money as shown

    average = round(sum(months * wage for months, wage in parts) / SIX_MONTHS)
    terms = " + ".join(f"{months} × {shown(wage)}" for months, wage in parts)
    return average, f"Tiền lương bình quân 6 tháng: ({terms}) ÷ 6 = {shown(average)}."
