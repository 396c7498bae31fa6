"""Reading working time and pay from a sentence: hourly or monthly wage, days and hours of
the month, hours of overtime, clock spans and how much of them falls at night (Điều 106 BLLĐ:
22 giờ to 06 giờ), the kind of day. Used by ``extract`` for the overtime and night-work
calculators."""

from __future__ import annotations

import re
from typing import Any

from assistant.calculators import parsing
from assistant.calculators.extract_common import daily_wage, money

_CLOCK = r"(\d{1,2})\s*(?:gio|h)\b(?:\s*(sang|trua|chieu|toi|dem))?"
_SPAN = re.compile(rf"(?:\btu|bat dau|\bca)\s*{_CLOCK}.*?(?:den|toi)\s*{_CLOCK}")
NIGHT_START, NIGHT_END = 22, 6  # Điều 106 BLLĐ: từ 22 giờ đến 06 giờ sáng ngày hôm sau
NORMAL_HOURS = 8  # khoản 1 Điều 105 BLLĐ: a normal working day is at most 8 hours


def _clock(hour: int, part: str | None) -> int:
    """ "11 giờ đêm" -> 23, "2 giờ chiều" -> 14, "1 giờ sáng" -> 1."""
    if part in ("chieu", "toi") and hour < 12:
        return hour + 12
    if part == "trua" and hour < 6:
        return hour + 12
    if part == "dem" and 6 <= hour < 12:
        return hour + 12
    return hour % 24


def _span(norm: str) -> tuple[float, float] | None:
    """(hours, of which at night) of a stated span "từ 22h đến 2h sáng"."""
    match = _SPAN.search(norm)
    if match is None:
        return None
    start = _clock(int(match.group(1)), match.group(2))
    end = _clock(int(match.group(3)), match.group(4))
    total = (end - start) % 24
    night = sum(1 for t in range(total) if (start + t) % 24 >= NIGHT_START or (start + t) % 24 < NIGHT_END)
    return (float(total), float(night)) if total else None


_OT_HOURS = (
    re.compile(
        r"(?:lam them|tang ca|\bot\b)\s*(?:ban dem\s*|dem\s*|them\s*)?(\d+(?:[.,]\d+)?)\s*(?:gio|tieng|h)\b"
    ),
    re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:gio|tieng|h) (?:lam them|tang ca)"),
)


def _overtime_hours(norm: str) -> float | None:
    """Hours said together with the overtime ("tăng ca 3 tiếng", "4 giờ làm thêm")."""
    for pattern in _OT_HOURS:
        match = pattern.search(norm)
        if match:
            return parsing.to_number(match.group(1))
    return None


def _hours(norm: str) -> float | None:
    for match in re.finditer(r"(\d+(?:[.,]\d+)?)\s*(gio|tieng|h)\b", norm):
        after = norm[match.end() : match.end() + 14]
        before = norm[max(0, match.start() - 12) : match.start()]
        clock = match.group(2) != "tieng" and re.match(r"\s*(sang|trua|chieu|toi|dem)\b", after)
        if (
            clock
            or re.match(r"\s*(moi|/|1|mot)\s*ngay", after)
            or re.search(r"(moi|1|mot) ngay (lam )?$|truoc $|(tu|den|toi|sau|luc|ca) $", before)
            or re.match(r"\s*(den|toi)\b", after)  # "18h đến 2h": a clock
        ):
            continue
        return parsing.to_number(match.group(1))
    return None


def wage_basis(text: str, norm: str) -> dict[str, Any]:
    monthly, hourly = money(text, norm, hourly=True)
    days = re.search(
        r"(\d{1,2})\s*(?:ngay|cong)\s*(?:cong\s*)?(?:lam viec\s*)?(?:moi|/|1|mot|trong)\s*thang", norm
    ) or re.search(r"(\d{1,2})\s*ngay cong\b|\bthang (?:lam|di lam|lam viec) (\d{1,2}) (?:ngay|cong)\b", norm)
    # "26 công" (working days a month), not "3 công nhân", "công ty", "công đoàn", "công việc"
    days = days or re.search(r"\b(1[5-9]|2\d|3[01])\s*cong\b(?!\s*(?:nhan|ty|doan|viec|an|trinh))", norm)
    per_day = re.search(r"(\d{1,2})\s*(?:gio|tieng)\s*(?:moi|/|1|mot)\s*ngay", norm) or re.search(
        r"(?:moi|1|mot) ngay (?:lam )?(\d{1,2})\s*(?:gio|tieng)", norm
    )
    workdays = int(days.group(1) or days.group(2)) if days and days.lastindex else None
    hours = int(per_day.group(1)) if per_day else None
    daily = daily_wage(text, norm) if monthly is None and hourly is None else None
    if daily is not None and workdays:
        monthly = daily * workdays  # "lương ngày 350 nghìn, 26 công": the month of those days
    elif daily is not None:
        hourly = round(daily / (hours or NORMAL_HOURS))  # a day of normal hours (khoản 1 Điều 105)
    return {
        "luong_gio": hourly,
        "luong_thang": monthly,
        "so_ngay_lam_viec_thang": workdays,
        "so_gio_moi_ngay": hours,
    }


# A day the member takes back ("không phải em tăng ca chủ nhật mà là ngày thường").
_NOT_THE_DAY = re.compile(
    r"\b(?:khong|ko|chu khong) phai(?: (?:la|em|toi|minh|e))*(?: (?:tang ca|lam them|lam))?(?: vao)?"
    r"(?: ngay)? (?:chu nhat|thu (?:7|bay)|cuoi tuan|le|tet)\b"
)


# The weekly rest day as the schedule ("làm 26 ngày, nghỉ chủ nhật", "nghỉ hằng tuần là chủ nhật"),
# not the day worked: read past when the message also says which day was worked.
_REST_DAY_SCHEDULE = re.compile(
    r"\b(?:nghi|nghi hang tuan|ngay nghi hang tuan)(?: la| vao)? (?:ngay )?chu nhat\b"
    r"|\bchu nhat (?:la )?(?:ngay )?nghi(?: hang tuan)?\b"
)


def _day_kind(norm: str) -> str | None:
    norm = _NOT_THE_DAY.sub(" ", norm)
    worked = _REST_DAY_SCHEDULE.sub(" ", norm)
    if worked != norm and _day_kind_said(worked):
        norm = worked
    return _day_kind_said(norm)


def _day_kind_said(norm: str) -> str | None:
    if re.search(r"\b(le|tet|30/4|1/5|2/9|quoc khanh|gio to|ngay nghi co huong luong)\b", norm):
        return "nghi_le"
    if re.search(r"chu nhat|thu (7|bay)|cuoi tuan|nghi hang tuan|ngay nghi", norm):
        return "nghi_hang_tuan"
    if re.search(r"ngay thuong|ngay lam viec|trong tuan|thu (2|3|4|5|6|hai|ba|tu|nam|sau)\b|sau gio", norm):
        return "ngay_thuong"
    return None


# Overtime in sessions: the hours of each ("mỗi lần 2 tiếng") and how many ("tháng này tăng 12 ca").
_PER_SESSION = re.compile(
    r"\bmoi (?:lan|ca|buoi|toi) (?:tang ca |lam them )?(\d+(?:[.,]\d+)?) (?:tieng|gio|h)\b"
)
_SESSIONS = re.compile(
    r"\b(?:tang(?: ca)?|lam them|ot)(?: duoc| them)? (\d{1,2}) (?:ca|lan|buoi|toi|hom|ngay)\b"
    r"|\b(\d{1,2}) (?:ca|lan|buoi|toi|hom|ngay) (?:tang ca|lam them|ot)\b"
)


def overtime(text: str, norm: str) -> dict[str, Any]:
    values = wage_basis(text, norm)
    values["loai_ngay"] = _day_kind(norm)
    span = _span(norm)
    values["so_gio"] = _overtime_hours(norm) or (span[0] if span else None) or _hours(norm)
    per, sessions = _PER_SESSION.search(norm), _SESSIONS.search(norm)
    if per and sessions:  # "mỗi buổi 2 tiếng rưỡi ... tăng ca 3 buổi": all the sessions' hours
        values["so_gio"] = parsing.to_number(per.group(1)) * int(sessions.group(1) or sessions.group(2))
    if len(_SPAN.findall(norm)) > 1:
        values["_to_rule"] = True  # two spans ("từ 17h đến 19h ... từ 22h đến 2h"): which is asked?
    if span is not None:
        hours, night = span
        if 0 < night < hours:
            values["_to_rule"] = True  # part day, part night: not a single rate; left to retrieval
        night_words = night == hours
    else:
        night_words = bool(re.search(r"ban dem|\bdem\b|ca dem|(sau|tu) 2[2-4] ?(gio|h)\b", norm))
    if night_words and not re.search(r"truoc 22", norm):
        values["ban_dem"] = True
        if re.search(r"(da|co) (lam them|tang ca) (ca )?ban ngay|(lam them|tang ca) ca ngay", norm):
            values["lam_them_ban_ngay"] = True
    return values


def night_work(text: str, norm: str) -> dict[str, Any]:
    values = wage_basis(text, norm)
    span = _span(norm)
    if span is not None and not span[1]:
        values["_to_rule"] = True  # "ca từ 14h đến 22h": no hour at night (Điều 106), nothing to price
    values["so_gio"] = span[1] if span is not None and span[1] else _hours(norm)
    shifts = _SHIFTS.search(norm)
    count = int(shifts.group(1) or shifts.group(2)) if shifts else 1
    if span is not None and span[1] and count > 1:
        values["so_gio"] = span[1] * count  # "15 ca đêm từ 22h đến 6h": the month's night hours
    return values


# A count of night shifts or nights worked ("15 ca đêm", "làm 12 đêm"), whose night hours the
# span of one shift gives; not a clock ("từ 10 đêm đến 6 sáng").
_SHIFTS = re.compile(
    r"(?<!tu )(?<!den )(?<!toi )(?<!luc )\b(\d{1,2}) (?:ca dem|ca (?:lam )?ban dem|dem)\b"
    r"|\blam (\d{1,2}) ca\b(?! (?:\d|kip))"
)
