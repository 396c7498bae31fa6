"""Per-calculator readers: which number in a member's sentence is which input.

Each reader takes the original text and its normalised form (``parsing.normalise``: folded,
number words as digits) and returns the inputs it found; positions of found values index the
normalised text, so the words just before a value tell what it is ("đóng BHTN 2 năm").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from assistant.calculators import parsing
from assistant.textnorm import fold

NUMERIC_KINDS = frozenset({"money", "duration", "month", "int", "number"})
Reader = Callable[[str, str], dict[str, Any]]

_UI = r"(that nghiep|bhtn)"
_PAID = r"(da (duoc )?(tra|nhan|chi tra)|da huong)"


def _left(norm: str, start: int, width: int = 45) -> str:
    return norm[max(0, start - width) : start]


def _money(text: str, norm: str, hourly: bool = False) -> tuple[int | None, int | None]:
    """(monthly-or-other amount, hourly amount) from the sentence."""
    amount = hourly_amount = None
    for found in parsing.find_money(text):
        after = norm[found.end : found.end + 12]
        before = _left(norm, found.start, 20)
        if hourly and (re.match(r"\s*(/|mot|1|moi)\s*gio", after) or re.search(r"luong gio|moi gio", before)):
            hourly_amount = hourly_amount or _int(found.value)
        elif amount is None:
            amount = _int(found.value)
    return amount, hourly_amount


def _durations(text: str, norm: str) -> list[tuple[int, str]]:
    """(months, the words just before) of each duration in the sentence."""
    return [(_int(f.value), _left(norm, f.start)) for f in parsing.find_durations(text)]


def _around(text: str, norm: str) -> list[tuple[int, str]]:
    """(months, the words around) of each duration: "2 năm trước 2014" reads both sides."""
    return [
        (_int(f.value), _left(norm, f.start, 20) + " | " + norm[f.end : f.end + 25])
        for f in parsing.find_durations(text)
    ]


def _int(value: object) -> int:
    assert isinstance(value, int | float)
    return int(value)


def _severance(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {"luong_binh_quan": _money(text, norm)[0]}
    for months, left in _durations(text, norm):
        tail = re.split(r"[,.;]| va ", left)[-1]
        if re.search(_UI, tail):
            values.setdefault("thoi_gian_bhtn", months)
        elif re.search(_PAID, tail):
            values.setdefault("thoi_gian_da_tra", months)
        else:
            values.setdefault("thoi_gian_lam_viec", months)
    if re.search(rf"(khong|chua) (duoc )?(dong|tham gia) (bao hiem )?{_UI}", norm):
        values["thoi_gian_bhtn"] = 0
    elif re.search(rf"(dong|tham gia) (bao hiem )?{_UI} (ca|toan bo|suot|day du|tu dau)", norm):
        values.setdefault("thoi_gian_bhtn", values.get("thoi_gian_lam_viec"))
    return values


def _hours(norm: str) -> float | None:
    span = re.search(r"tu (\d{1,2})\s*(?:gio|h)\b.*?den (\d{1,2})\s*(?:gio|h)\b", norm)
    if span:
        return float((int(span.group(2)) - int(span.group(1))) % 24) or None
    for match in re.finditer(r"(\d+(?:[.,]\d+)?)\s*(?:gio|tieng|h)\b", norm):
        after = norm[match.end() : match.end() + 14]
        if re.match(r"\s*(moi|/|1|mot)\s*ngay", after):
            continue
        return parsing.to_number(match.group(1))
    return None


def _wage_basis(text: str, norm: str) -> dict[str, Any]:
    monthly, hourly = _money(text, norm, hourly=True)
    days = re.search(
        r"(\d{1,2})\s*(?:ngay|cong)\s*(?:cong\s*)?(?:lam viec\s*)?(?:moi|/|1|mot|trong)\s*thang", norm
    )
    per_day = re.search(r"(\d{1,2})\s*(?:gio|tieng)\s*(?:moi|/|1|mot)\s*ngay", norm)
    return {
        "luong_gio": hourly,
        "luong_thang": monthly,
        "so_ngay_lam_viec_thang": int(days.group(1)) if days else None,
        "so_gio_moi_ngay": int(per_day.group(1)) if per_day else None,
    }


def _day_kind(norm: str) -> str | None:
    if re.search(r"\b(le|tet|30/4|1/5|2/9|quoc khanh|gio to|ngay nghi co huong luong)\b", norm):
        return "nghi_le"
    if re.search(r"chu nhat|thu (7|bay)|cuoi tuan|nghi hang tuan|ngay nghi", norm):
        return "nghi_hang_tuan"
    if re.search(r"ngay thuong|ngay lam viec|trong tuan|thu (2|3|4|5|6|hai|ba|tu|nam|sau)\b|sau gio", norm):
        return "ngay_thuong"
    return None


def _overtime(text: str, norm: str) -> dict[str, Any]:
    values = _wage_basis(text, norm)
    values["so_gio"] = _hours(norm)
    values["loai_ngay"] = _day_kind(norm)
    if re.search(r"ban dem|\bdem\b|22 gio|ca dem", norm):
        values["ban_dem"] = True
        if re.search(r"(da|co) lam them (ca )?ban ngay|lam them ca ngay", norm):
            values["lam_them_ban_ngay"] = True
    return values


def _night_work(text: str, norm: str) -> dict[str, Any]:
    values = _wage_basis(text, norm)
    values["so_gio"] = _hours(norm)
    return values


def _annual_leave(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if re.search(r"dac biet nang nhoc", norm):
        values["dieu_kien"] = "dac_biet"
    elif re.search(r"nang nhoc|doc hai|nguy hiem|chua thanh nien|khuyet tat", norm):
        values["dieu_kien"] = "nang_nhoc"
    for months, around in _around(text, norm):
        if not re.search(r"\| (ngay )?(phep )?(chua nghi|con lai|chua dung)", around):
            values.setdefault("tham_nien", months)
    unused = re.search(r"(?:con|chua nghi|chua dung)\s*(\d+(?:[.,]\d+)?)\s*ngay", norm)
    unused = unused or re.search(r"(\d+(?:[.,]\d+)?)\s*ngay (?:phep )?(?:chua nghi|chua dung|con lai)", norm)
    if unused:
        values["so_ngay_chua_nghi"] = parsing.to_number(unused.group(1))
        values.update({k: v for k, v in _wage_basis(text, norm).items() if k != "luong_gio"})
    return values


_FEMALE = re.compile(r"\b(nu|phu nu|lao dong nu|gioi tinh nu|vo toi|me toi)\b")
_MALE = re.compile(r"\b(lao dong nam|nam gioi|dan ong|gioi tinh nam|chong toi|bo toi)\b")


def _sex(text: str, norm: str) -> str | None:
    if _FEMALE.search(norm):
        return "nu"
    lowered = text.lower()
    # "nam" without the breve is "male" only in text with diacritics ("năm" is a year)
    has_marks = lowered != fold(lowered)
    if _MALE.search(norm) or (has_marks and re.search(r"\bnam\b(?!\s*\d)", lowered)):
        return "nam"
    return None


def _retirement(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {"gioi_tinh": _sex(text, norm)}
    births = [f for f in parsing.find_months(text) if "sinh" in _left(norm, f.start, 25) or f.start == 0]
    births = births or parsing.find_months(text)
    if births and isinstance(births[0].value, date):
        values["thang_sinh"] = births[0].value
    if re.search(r"nang nhoc|doc hai|nguy hiem|dac biet kho khan|suy giam kha nang", norm):
        values["dieu_kien"] = "giam_tuoi"
    return values


def _region(norm: str, text: str) -> str | None:
    match = re.search(r"\bvung\s*(iv|iii|ii|i|4|3|2|1)\b", norm)
    if match:
        return {"1": "I", "2": "II", "3": "III", "4": "IV"}.get(match.group(1), match.group(1).upper())
    return None


def _unemployment(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {"luong_binh_quan": _money(text, norm)[0], "vung": _region(norm, text)}
    durations = _durations(text, norm)
    for months, left in durations:
        if re.search(rf"dong|{_UI}|tham gia", left) or len(durations) == 1:
            values.setdefault("so_thang_dong", months)
    return values


def _lump_sum(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {"luong_binh_quan": _money(text, norm)[0]}
    for months, around in _around(text, norm):
        if re.search(r"truoc (nam )?2014", around):
            values.setdefault("thoi_gian_truoc_2014", months)
        else:
            values.setdefault("thoi_gian_tu_2014", months)
    start = re.search(r"tu (?:nam )?(20\d\d)", norm)
    if start and int(start.group(1)) >= 2014:
        values.setdefault("thoi_gian_truoc_2014", 0)
    if re.search(r"(khong|chua) (co )?(dong )?(thoi gian )?truoc (nam )?2014", norm):
        values["thoi_gian_truoc_2014"] = 0
    return values


def _maternity(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {"luong_binh_quan": _money(text, norm)[0]}
    twins = re.search(r"sinh (doi|ba|tu|2|3|4) ", norm + " ")
    if twins:
        values["so_con"] = {"doi": 2, "ba": 3, "tu": 4}.get(twins.group(1), twins.group(1))
    return values


def _minimum_wage(text: str, norm: str) -> dict[str, Any]:
    region = _region(norm, text)
    if region:
        return {"vung": region}
    place = re.search(r"\b(?:o|tai)\s+(.+)", text.lower()) or re.search(
        r"((?:phường|xã|phuong|xa|tỉnh|tinh|thành phố|thanh pho|đặc khu)\s.+)", text.lower()
    )
    if place is None:
        return {}
    name = re.sub(r"\s+(thì|thi|lương|luong|là bao|la bao|bao nhiêu|bao nhieu)\b.*$", "", place.group(1))
    return {"dia_ban": name.strip(" ?.,")}


def _contract(text: str, norm: str) -> str | None:
    if re.search(r"khong (xac dinh )?(thoi )?han|vo thoi han", norm):
        return "khong_xac_dinh"
    if re.search(r"duoi 12 thang|thoi vu", norm):
        return "duoi_12_thang"
    for months, left in _durations(text, norm):
        if "hop dong" in left or "hd" in left.split():
            return "duoi_12_thang" if months < 12 else "12_36_thang" if months <= 36 else None
    return None


def _notice(text: str, norm: str) -> dict[str, Any]:
    side = None
    if re.search(r"cong ty|doanh nghiep|nguoi su dung|chu|sep|sa thai|cho (toi|em|minh) nghi", norm):
        side = "nguoi_su_dung"
    if re.search(r"(toi|em|minh) (muon )?(nghi|xin nghi|cham dut|thoi viec)", norm):
        side = "nguoi_lao_dong"
    return {"loai_hop_dong": _contract(text, norm), "ben": side}


def _probation(text: str, norm: str) -> dict[str, Any]:
    job = None
    if re.search(r"quan ly|giam doc", norm):
        job = "quan_ly"
    elif re.search(r"dai hoc|cao dang|ky su|cu nhan|thac si", norm):
        job = "cao_dang"
    elif re.search(r"trung cap|cong nhan ky thuat|nhan vien nghiep vu", norm):
        job = "trung_cap"
    elif re.search(r"lao dong pho thong|cong nhan|bao ve|phuc vu|tap vu|ban hang", norm):
        job = "khac"
    return {"cong_viec": job, "luong_cong_viec": _money(text, norm)[0]}


def _union_fund(text: str, norm: str) -> dict[str, Any]:
    return {"quy_luong": _money(text, norm)[0]}


EXTRACTORS: dict[str, Reader] = {
    "tro_cap_thoi_viec": _severance,
    "tro_cap_mat_viec": _severance,
    "lam_them_gio": _overtime,
    "lam_viec_ban_dem": _night_work,
    "nghi_hang_nam": _annual_leave,
    "tuoi_nghi_huu": _retirement,
    "tro_cap_that_nghiep": _unemployment,
    "bhxh_mot_lan": _lump_sum,
    "thai_san": _maternity,
    "luong_toi_thieu_vung": _minimum_wage,
    "thoi_han_bao_truoc": _notice,
    "thu_viec": _probation,
    "kinh_phi_cong_doan": _union_fund,
}
