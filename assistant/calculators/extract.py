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
from assistant.calculators.base import UnitRef, today
from assistant.calculators.extract_common import (
    CORRECTED_AFTER,
    PERSON,
    PERSON_SEX,
    RELATIVE_MARKED,
    asked_person,
    left_of,
    money,
    own_wage,
    person,
    six_months_average,
    to_int,
    wage_allowances,
    wage_of,
)
from assistant.calculators.extract_work_time import night_work, overtime, wage_basis
from assistant.calculators.formatting import money as shown_money
from assistant.calculators.localities import RegionMatch, find_region
from assistant.calculators.own_case import clauses_of, own_text
from corpus.text import fold

Reader = Callable[[str, str], dict[str, Any]]
BLLD = "45/2019/QH14"
BHXH = "41/2024/QH15"

_UI = r"(that nghiep|bhtn)"
_PAID = r"(da (duoc )?(tra|nhan|chi tra)|da huong)"


def _is_window(norm: str, found: parsing.Found) -> bool:
    """ "bình quân 6 tháng cuối": the averaging window of a wage, never a duration of the case."""
    before, after = left_of(norm, found.start, 25), norm[found.end : found.end + 12]
    if re.search(r"binh quan( tien luong)?( thang)? $|luong $", before):
        return True
    clause = re.split(r"[,.;]", before)[-1]
    return bool(re.match(r"\s*(cuoi|gan nhat|lien ke|truoc khi)", after)) and "luong" in clause


def _found_durations(text: str, norm: str) -> list[parsing.Found]:
    return [f for f in parsing.find_durations(text) if not _is_window(norm, f)]


def _durations(text: str, norm: str) -> list[tuple[int, str]]:
    """(months, the words just before) of each duration in the sentence."""
    return [(to_int(f.value), left_of(norm, f.start)) for f in _found_durations(text, norm)]


# A duration the member is short of ("chưa đủ 12 tháng", "dưới 1 năm") is a bound the law sets,
# not how long she worked: "e chua du 12 thang thi nghi phep nam duoc may ngay" was priced as a
# full year of 12 days' leave.
_SHORT_OF = re.compile(r"\b(?:chua (?:duoc |lam )?du|khong du|chua toi|chua den|duoi|it hon) $")


def _around(text: str, norm: str, width: int = 25, left: int = 20) -> list[tuple[int, str]]:
    """(months, the words around) of each duration: "2 năm trước 2014" reads both sides; a
    duration the member is short of is none of hers."""
    found = [(f, left_of(norm, f.start, left)) for f in _found_durations(text, norm)]
    # A figure the member takes back ("hôm qua em nói nhầm là 5 năm, thực ra em chỉ làm 2 năm 3 tháng")
    corrected = [f for f, left in found if _MISTAKEN.search(left_of(norm, f.start, 30))]
    found = [(f, left) for f, left in found if f not in corrected] if len(corrected) < len(found) else found
    return [
        (to_int(f.value), left + " | " + norm[f.end : f.end + width])
        for f, left in found
        if not _SHORT_OF.search(left)
    ]


_MISTAKEN = re.compile(r"\b(?:noi|ghi|tinh|nhan) nham\b(?: \w+){0,4} $|\bnham (?:la|thanh)\b(?: \w+){0,2} $")


# A story of two employers ("làm cty A 3 năm rồi chuyển sang cty B làm 2 năm", "ở cty cũ 4 năm,
# qua cty mới được 1 năm"): severance is owed by each for its own years, and which years the
# member asks about is not for a reader to guess.
_EMPLOYER = r"(?:cty|cong ty|xuong|nha may)"
_MOVED = re.compile(
    rf"\bchuyen (?:sang|qua|ve) (?:lam )?(?:o |cho )?{_EMPLOYER}\b|\b(?:sang|qua) {_EMPLOYER} (?:moi|khac)\b"
    rf"|\b{_EMPLOYER} (?:cu|truoc)\b"
)
_LETTERED = re.compile(rf"\b{_EMPLOYER} ([abcdxyz])\b")


_NOT_INSURED = re.compile(rf"\b(khong|ko|k|chua) (duoc )?(dong|tham gia) (bao hiem )?{_UI}")
_INSURED_THROUGHOUT = re.compile(
    rf"(dong|tham gia) (?:bhxh |bao hiem xa hoi )?(?:va |, )?(bao hiem )?{_UI}"
    r" (ca|toan bo|suot|day du|tu dau)"
)


def _two_employers(norm: str) -> bool:
    return _MOVED.search(norm) is not None or len(set(_LETTERED.findall(norm))) > 1


def _average_wage(text: str, norm: str, insured: bool = False) -> dict[str, Any]:
    """The wage a benefit is paid on: the average of the six months' parts when the member gives
    them (shown under the figure), else the wage she states."""
    average = six_months_average(text, norm)
    if average is not None:
        return {"luong_binh_quan": average[0], "_giai_thich": average[1]}
    return {"luong_binh_quan": money(text, norm, insured=insured)[0]}


def _severance(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = _average_wage(text, norm)
    allowances = wage_allowances(text, norm)
    wage = values["luong_binh_quan"]
    if wage and allowances and wage != allowances and "_giai_thich" not in values:
        values["luong_binh_quan"] += allowances
        values["_giai_thich"] = (  # the employer may have said only the base counts
            f"Tiền lương tính trợ cấp gồm cả phụ cấp lương: {shown_money(wage)} + {shown_money(allowances)} "
            "(khoản 1 Điều 90 Bộ luật Lao động 2019)."
        )
    worked: set[int] = set()
    unpaid_inside = 0
    # the clause before a duration, as far as "bhtn thì cty đóng cho mình 4 năm 4 tháng"
    durations = _around(text, norm, width=45, left=40)
    for months, around in durations:
        left, _, right = around.partition(" | ")
        tail = re.split(r"[,.;]| va ", left)[-1]
        clause = re.split(r"[,.;]| va ", right)[0]
        unpaid_ui = re.search(r"\b(?:khong|ko|k|chua)\b", clause)
        if _UNPAID_AFTER.match(right) or _UNPAID_BEFORE.search(left):
            # unpaid leave is not time worked (điểm a khoản 3 Điều 8 NĐ 145 lists only paid leave):
            # taken out of a total it lies in ("7 năm, trong đó có 1 năm nghỉ không lương")
            if re.search(r"\btrong (?:do|so do)\b", left):
                unpaid_inside += months
            continue
        insured_before = re.search(_UI, tail) and not _NOT_INSURED.search(tail)
        if insured_before or (re.search(_UI, clause) and not unpaid_ui):
            values.setdefault("thoi_gian_bhtn", months)
        elif re.search(r"(khong|chua) (co )?(dong|tham gia)", clause):
            continue  # the part of the time without insurance: already inside the total
        elif re.search(_PAID, tail):
            values.setdefault("thoi_gian_da_tra", months)
        elif re.search(r"\bthu viec $", tail) and len(durations) > 1:
            continue  # the probation, already inside the total ("tính cả thử việc ... tổng 3 năm 2 tháng")
        else:
            worked.add(months)
            values.setdefault("thoi_gian_lam_viec", months)
    if len(worked) > 1 and _two_employers(norm):
        del values["thoi_gian_lam_viec"]  # asked for: the years with the employer who pays
    if unpaid_inside and values.get("thoi_gian_lam_viec", 0) > unpaid_inside:
        values["thoi_gian_lam_viec"] -= unpaid_inside
    if _NOT_INSURED.search(norm):
        # "cty không đóng bhtn": none, unless the insured time is stated as well ("mấy năm đầu chưa
        # đóng BHTN, tổng thời gian có đóng BHTN là 11 năm 8 tháng")
        values.setdefault("thoi_gian_bhtn", 0)
    elif _INSURED_THROUGHOUT.search(norm):  # "cty đóng bhxh bhtn đầy đủ từ ngày đầu"
        values.setdefault("thoi_gian_bhtn", values.get("thoi_gian_lam_viec"))
    return values


# Unpaid leave within the years worked ("11 năm, trong đó có 2 năm nghỉ không lương", "nghỉ không
# lương 3 tháng"): only 1 month of it a year counts towards annual leave (khoản 4 Điều 65 NĐ 145).
_UNPAID = r"nghi (?:viec )?(?:rieng )?(?:khong|ko|k) (?:huong )?luong"
_UNPAID_AFTER = re.compile(rf"\s*(?:\w+ ){{0,2}}?{_UNPAID}\b")
_UNPAID_BEFORE = re.compile(rf"\b{_UNPAID}(?: \w+){{0,2}} $")


# The months worked this year ("năm nay làm đủ 6 tháng", "làm được 5 tháng của năm nay") and the
# days of leave already taken ("đầu năm em đã nghỉ phép 3 ngày", "đã dùng 4 ngày phép").
_THIS_YEAR_MONTHS = re.compile(
    r"\bnam nay (?:\w+ ){0,2}?(?:lam|lam duoc|lam du|da lam|lam viec)(?: duoc| du)? (\d{1,2}) thang\b"
    r"|\b(?:lam|lam duoc|lam du|da lam) (\d{1,2}) thang (?:cua |trong )?nam nay\b"
)
_TAKEN_DAYS = re.compile(
    r"\b(?:da|moi) (?:xin )?(?:nghi|dung|su dung|lay) (?:phep )?(?:(?:duoc|mat|het) )?(\d+(?:[.,]\d+)?) ngay"
    r"(?! (?:khong luong|om|viec rieng))"
    r"|\bda (?:dung|nghi|lay) (?:het )?(\d+(?:[.,]\d+)?) ngay phep\b"
)


# A condition the member denies: "làm bình thường (k phải nặng nhọc)", "không phải công việc độc hại".
_DENIED = re.compile(
    r"\b(?:khong|ko|k|chu khong|chang) (?:phai )?(?:la )?(?:(?:cong )?viec |nghe )?(?:\w+ )?$"
)


def said(pattern: str, norm: str) -> bool:
    """Whether ``pattern`` is said in ``norm`` without a negation just before it."""
    return any(not _DENIED.search(left_of(norm, m.start(), 30)) for m in re.finditer(pattern, norm))


def _annual_leave(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if said(r"dac biet nang nhoc", norm):
        values["dieu_kien"] = "dac_biet"
    elif said(r"nang nhoc|doc hai|nguy hiem|chua thanh nien|khuyet tat|\b1[5-7] tuoi", norm):
        values["dieu_kien"] = "nang_nhoc"
    this_year = _THIS_YEAR_MONTHS.search(norm)
    if this_year and 0 < int(this_year.group(1) or this_year.group(2)) < 12:
        values["so_thang_lam_viec_trong_nam"] = int(this_year.group(1) or this_year.group(2))
    for months, around in _around(text, norm):
        left, _, right = around.partition(" | ")
        if _UNPAID_AFTER.match(right) or _UNPAID_BEFORE.search(left):
            values.setdefault("nghi_khong_luong", months)
        elif this_year and months == values.get("so_thang_lam_viec_trong_nam") and "nam nay" in around:
            continue  # the months of this year, not the years worked
        elif not re.search(r"\| (ngay )?(phep )?(chua nghi|con lai|chua dung)", around):
            values.setdefault("tham_nien", months)
    taken = _TAKEN_DAYS.search(norm)
    if taken:
        values["so_ngay_da_nghi"] = parsing.to_number(taken.group(1) or taken.group(2))
    unused = re.search(r"(?:con|chua nghi|chua dung)\s*(\d+(?:[.,]\d+)?)\s*ngay", norm)
    unused = unused or re.search(r"(\d+(?:[.,]\d+)?)\s*ngay (?:phep )?(?:chua nghi|chua dung|con lai)", norm)
    if unused:
        values["so_ngay_chua_nghi"] = parsing.to_number(unused.group(1))
    priced = re.search(r"\bthanh toan\b|\btien (?:phep|nhung ngay|ngay)\b|\btra tien\b", norm)
    if unused or (taken and priced):
        values.update({k: v for k, v in wage_basis(text, norm).items() if k != "luong_gio"})
    return values


_FEMALE_MARKED = re.compile(r"\b(nữ|phụ nữ|mẹ|vợ|bà|con gái|chị gái|em gái)\b|^(?:chị|cô)\b")
_MALE_MARKED = re.compile(
    r"\b(nam|nam giới|đàn ông|bố|cha|chồng|ông|con trai|anh trai|em trai)\b(?!\s*\d)|^(?:anh|chú)\b"
)
_FEMALE = re.compile(r"\b(nu|phu nu|lao dong nu|gioi tinh nu|me|vo|con gai)\b|^chi\b")
_MALE = re.compile(
    r"\b(lao dong nam|nam gioi|dan ong|gioi tinh nam|bo|chong|con trai|(la|toi) nam)\b(?! \d)|^anh\b"
)


# A place named "Nam ..." ("Nam Định", "Hà Nam" is not caught: "Nam" ends it) is no "nam" (male).
_PLACE_NAM = re.compile(r"\b[Nn]am (?=[A-ZĐ])\w+")
_RELATIVE_ANY_CASE = re.compile(RELATIVE_MARKED.pattern, re.IGNORECASE)
# The member's spouse named: "chồng em" says she is a woman, "vợ em" that he is a man.
_SPOUSE_SEX = (("nu", re.compile(r"\b(?:chong|ong xa) (?:toi|em|e|minh|tui)\b")),
               ("nam", re.compile(r"\b(?:vo|ba xa) (?:toi|em|e|minh|tui|anh)\b")))


def _sex(text: str, norm: str) -> str | None:
    """The sex of the person the question is about; the first word that tells wins."""
    text = _PLACE_NAM.sub(" ", text)
    lowered = text.lower().strip()
    marked = lowered != fold(lowered)  # "nam" without the breve is "male" only with diacritics
    female, male = (_FEMALE_MARKED, _MALE_MARKED) if marked else (_FEMALE, _MALE)
    hits = [(m.start(), "nu") for m in female.finditer(lowered if marked else norm)]
    hits += [(m.start(), "nam") for m in male.finditer(lowered if marked else norm)]
    return min(hits)[1] if hits else None


# "..., còn em sinh 3/1972": the member's own birth, whoever the sentence named before.
_SELF_BORN = re.compile(r"(?<!\w)(?:em|e|toi|minh|tui)(?: thi| la)? sinh(?: nam| thang| ngay)?\s*$")


# A child of the member ("Con em sinh tháng 5/2019"): a birth that is never the one asked about.
# Folded, "còn em sinh 3/1972" (as for me) reads the same; where the member typed diacritics, a
# mention is a child's only if she wrote "con" unaccented.
_CHILD = re.compile(r"\bcon (?:toi|em|e|minh|tui|anh|chi|gai|trai|cua)\b")
CHILD = "con"


def _child_mentions(text: str) -> list[bool]:
    """For each folded "con em" of ``text`` in order: is it a child (not "còn em")?"""
    lowered = text.lower()
    return [lowered[m.start() : m.start() + 3] == "con" for m in _CHILD.finditer(fold(lowered))]


def _born_to(norm: str, start: int, children: list[bool] | None = None) -> str:
    """Whose birth a month at ``start`` is: the member's when she says "em sinh", else the last
    relative (or child: ``children`` says which folded "con em" are) named in its sentence before it."""
    before = re.split(r"[.?!\n]", norm[:start])[-1]
    named = list(PERSON.finditer(before))
    own = _SELF_BORN.search(before)
    child = list(_CHILD.finditer(before))
    index = len(_CHILD.findall(norm[:start])) - 1
    is_child = bool(child) and (children is None or index >= len(children) or children[index])
    after_named = bool(child) and (not named or child[-1].start() > named[-1].end())
    if is_child and after_named and (not own or child[-1].end() > own.start()):  # "con em sinh"
        return CHILD
    if own and (not named or own.start() > named[-1].end() + 1):  # not "bố em sinh"
        return ""
    return person(before)


def _retirement(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {"gioi_tinh": _sex(text, norm)}
    months = [(f, f.value) for f in parsing.find_months(text) if isinstance(f.value, date)]
    said_born = [day for f, day in months if "sinh" in left_of(norm, f.start, 25)]
    # Whose birth: "Mẹ em sinh năm 1970 ..., còn bố em sinh tháng 3/1966. Bố em khi nào ...?" is
    # the father's, and he is a man. A birth said of the person asked about counts; one said of
    # another relative never does (the calculator then asks for the birth it needs).
    children = _child_mentions(text)
    whose = {day: _born_to(norm, f.start, children) for f, day in months}
    asked = asked_person(norm)
    people = {whose[day] for day in said_born}
    if not asked and len(people) == 1 and next(iter(people)) in PERSON_SEX:
        asked = next(iter(people))  # "Mẹ em sinh năm 1970 ... khi nào được nghỉ hưu?": hers
    if any(whose.values()) or asked:
        said_born = [day for day in said_born if whose[day] == asked]
        months = [(f, day) for f, day in months if whose[day] == asked]
        if asked in PERSON_SEX:
            values["gioi_tinh"] = PERSON_SEX[asked]
            values["_nguoi"] = asked  # whose age the answer states ("Bố bạn đủ tuổi nghỉ hưu ...")
        else:  # her own: "Chồng em sinh 8/1967, còn em sinh 3/1972, lao động nữ" is a woman
            values["gioi_tinh"] = _sex(_RELATIVE_ANY_CASE.sub(" ", text), PERSON.sub(" ", norm)) or next(
                (sex for sex, spouse in _SPOUSE_SEX if spouse.search(norm)), None
            )  # "Chồng em sinh 3/1964 ... Còn em sinh 4/1970": the wife
    # Without "sinh", only a month already past can be a birth: "Năm 2027 tuổi nghỉ hưu là bao
    # nhiêu?" asks about the roadmap; a future month said to be a birth is refused by the calculator.
    births = said_born or [day for _, day in months if day <= date.today()]
    if births:
        values["thang_sinh"] = births[0]
    if said(r"nang nhoc|doc hai|nguy hiem|dac biet kho khan|suy giam kha nang", norm):
        values["dieu_kien"] = "giam_tuoi"
    return values


def _region(norm: str, text: str) -> str | None:
    match = re.search(r"\bvung\s*(iv|iii|ii|i|4|3|2|1)\b", norm)
    if match:
        return {"1": "I", "2": "II", "3": "III", "4": "IV"}.get(match.group(1), match.group(1).upper())
    return None


def _unemployment(text: str, norm: str) -> dict[str, Any]:
    place = _place_in(text)
    values: dict[str, Any] = {
        **_average_wage(text, norm, insured=True),
        "vung": _region(norm, text) or (place.region if place else None),
    }
    durations = _durations(text, norm)
    for months, left in durations:
        if re.search(rf"dong|{_UI}|tham gia", left) or len(durations) == 1:
            values.setdefault("so_thang_dong", months)
    span = _months_of_span(norm)
    if span is not None and "so_thang_dong" not in values:
        values["so_thang_dong"] = span[1] - span[0] + 1  # "đóng BHTN từ tháng 3/2019 đến hết tháng 10/2026"
    return values


def _months_of_span(norm: str) -> tuple[int, int] | None:
    """(first, last) month index (year × 12 + month − 1) of a span "từ tháng 1/2010 tới hết tháng
    12/2019", both ends counted; None when there is none or it runs backwards."""
    span = _SPAN_OF_MONTHS.search(norm)
    if span is None:
        return None
    opened = int(span.group(2)) * 12 + int(span.group(1)) - 1
    closed = int(span.group(4)) * 12 + int(span.group(3)) - 1
    return (opened, closed) if closed >= opened else None


def _lump_sum(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    wages: list[tuple[int, str]] = []
    for found in parsing.find_money(text):
        before = re.split(r"[,;]|\. ", left_of(norm, found.start, 30))[-1]
        if CORRECTED_AFTER.match(norm[found.end : found.end + 12]):
            continue  # "bình quân là 5 triệu, à không, ... 6 triệu"
        if re.search(r"da dong|tong cong|so tien", before):
            values.setdefault("so_tien_da_dong", to_int(found.value))
        else:
            wages.append((to_int(found.value), before))
    values["luong_binh_quan"] = wage_of(wages)  # not the rent: "ở trọ 1,5 triệu ... lương 7 triệu"
    for months, around in _around(text, norm):
        left, _, right = around.partition(" | ")
        said = re.match(r"\s*(?:dong\s*)?(truoc|tu|sau)\s*(?:nam\s*)?2014", right)
        earlier = re.findall(r"(truoc|tu|sau)\s*(?:nam\s*)?2014", left)
        side = said.group(1) if said else (earlier[-1] if earlier else "tu")
        key = "thoi_gian_truoc_2014" if side == "truoc" else "thoi_gian_tu_2014"
        values.setdefault(key, months)
    span = _months_of_span(norm)
    if span is not None:
        # "đóng bhxh từ tháng 1/2010 tới hết tháng 12/2019": the months on each side of 1/2014, over
        # any other duration of the story ("nghỉ việc hơn 1 năm rồi")
        opened, closed = span
        cut = 2014 * 12
        values["thoi_gian_truoc_2014"] = max(0, min(closed + 1, cut) - opened)
        values["thoi_gian_tu_2014"] = max(0, closed + 1 - max(opened, cut))
        now = today()
        if now.year * 12 + now.month - 1 - closed < LUMP_SUM_WAIT_MONTHS:
            # stopped less than 12 months ago: not yet the lump sum of điểm đ khoản 1 Điều 70
            values["_to_rule"] = UnitRef(BHXH, 70, 1, "đ")
    start = re.search(r"tu (?:nam )?(20\d\d)", norm)
    if start and int(start.group(1)) >= 2014:
        values.setdefault("thoi_gian_truoc_2014", 0)
    if re.search(r"(khong|chua) (co )?(dong )?(thoi gian )?truoc (nam )?2014", norm):
        values["thoi_gian_truoc_2014"] = 0
    paid = sum(int(values.get(k) or 0) for k in ("thoi_gian_truoc_2014", "thoi_gian_tu_2014"))
    first = _FIRST_INSURED.search(norm)
    if first and (int(first.group(2)), int(first.group(1))) >= (2025, 7):
        values["_to_rule"] = UnitRef(BHXH, 70, 1, "đ")  # first insured after 1/7/2025: not its lump sum
    if paid >= LUMP_SUM_MAX_MONTHS:
        values["_to_rule"] = UnitRef(BHXH, 70, 1, "đ")  # 20 years or more: no lump sum in the ordinary case
    return values


# A span of months ("từ tháng 1/2010 tới hết tháng 12/2019"), both ends counted.
_SPAN_OF_MONTHS = re.compile(
    r"\btu (?:thang )?(\d{1,2}) ?/ ?(\d{4}) (?:den|toi) (?:het )?(?:thang )?(\d{1,2}) ?/ ?(\d{4})\b"
)
# The first job or contribution at a month ("đi làm lần đầu từ tháng 8/2025", "bắt đầu đóng bhxh từ
# tháng 9/2025"): the lump sum on leaving is for those insured before 1/7/2025 (điểm đ khoản 1 Điều 70).
_FIRST_INSURED = re.compile(
    r"\b(?:lan dau|bat dau (?:dong|tham gia|di lam)|moi (?:bat dau )?(?:dong|tham gia))\b[^.?!]{0,30}?"
    r"\btu thang (\d{1,2}) ?/ ?(20\d\d)\b"
)
# Who stopped work with 20 years of contributions or more is not paid the lump sum in the ordinary
# case (điểm đ khoản 1 Điều 70 Luật BHXH 2024: "dưới 20 năm"); the rule's other cases (a grave
# illness, settling abroad) are for the rule to say.
LUMP_SUM_MAX_MONTHS = 20 * 12
# ... and only 12 months after leaving compulsory insurance ("sau 12 tháng không thuộc đối tượng").
LUMP_SUM_WAIT_MONTHS = 12


def _maternity(text: str, norm: str) -> dict[str, Any]:
    values: dict[str, Any] = _average_wage(text, norm, insured=True)
    count = _children_born(norm)
    if count:
        values["so_con"] = count
    # Fewer than 6 months of contributions stated before the birth: the condition of khoản 2 Điều
    # 50 Luật BHXH 2024 is not met, which the rule says, not a figure.
    durations = _durations(text, norm)
    paid = [m for m, left in durations if re.search(r"\b(?:dong|tham gia)\b(?: \w+){0,3} $", left)]
    if paid and max(m for m, _ in durations) < 6:
        values["_to_rule"] = UnitRef(BHXH, 50, 2)
    return values


# Twins and more in one birth: "sinh đôi", "sinh 2 bé", "song sinh", "sinh một lúc hai bé trai".
_MULTIPLE_BIRTH = re.compile(
    r"\bsinh (doi)\b"  # "sinh đôi tuần trước": twins, whatever follows
    r"|\bsinh (ba|tu|2|3|4)\b(?! (?:thang|nam|tuan|ngay|lan|lan thu))"
    r"|\b(?:sinh|de)(?: (?:mot luc|1 luc|cung luc|cung 1 luc))? (2|3|4|hai|ba|bon)"
    r" (?:be|chau|dua|con|em be)\b"
    r"|\b(2|3) be song sinh\b|\bsong sinh\b"
)


def _children_born(norm: str) -> int | None:
    found = _MULTIPLE_BIRTH.search(norm)
    if found is None:
        return None
    word = next((g for g in found.groups() if g), "2")
    return {"doi": 2, "hai": 2, "ba": 3, "tu": 4, "bon": 4}.get(word) or int(word)


# Where a place named after "ở" ends: the rest of the question ("..., vậy có thấp hơn ...",
# "... trả em 4,5 triệu", "... có đủ lương tối thiểu không").
_PLACE_END = re.compile(
    r"\s*,?\s+(?:thì|thi|lương|luong|là bao|la bao|bao nhiêu|bao nhieu|vậy|vay|có|co|trả|tra|mà|nhưng"
    r"|nhung|được|duoc|đúng|dung|em|tôi|toi|mình|minh|với|voi)\b.*$"
)


def _minimum_wage(text: str, norm: str) -> dict[str, Any]:
    wage = money(text, norm)[0]  # the member's own monthly wage, compared with the floor
    region = _region(norm, text)
    if region:
        return {"vung": region, "luong": wage}
    place = re.search(r"(?<!\w)(?:o|ở|tai|tại)\s+(.+)", text.lower()) or re.search(
        r"((?:phường|xã|phuong|xa|tỉnh|tinh|thành phố|thanh pho|đặc khu)\s.+)", text.lower()
    )
    if place is None:
        return {"luong": wage}
    name = _PLACE_END.sub("", place.group(1)).strip(" ?.,")
    if find_region(name) is None and (whole := _place_in(text)) is not None:
        name = f"{whole.place}, {whole.province}"  # "xã Đô Lương" typed "xa Do Luong": cut at "luong"
    return {"dia_ban": name, "luong": wage}


# A ward, commune or province named ("phuong Cau Giay, Ha Noi", "xã Đô Lương, tỉnh Nghệ An").
_PLACE_MARK = re.compile(r"\b(?:phuong|xa|dac khu|tinh|thanh pho|tp)\s+[a-z]")


def _place_in(text: str) -> RegionMatch | None:
    """The one region of the place the message names, if it names one the appendix resolves."""
    return find_region(text) if _PLACE_MARK.search(fold(text.lower())) else None


# A domestic worker ("giúp việc nhà", "ô sin"): her contract has its own notice (khoản 2 Điều 162).
_DOMESTIC_WORK = re.compile(r"\bgiup viec\b|\bosin\b|\bo sin\b")


def _contract(text: str, norm: str) -> str | None:
    if _DOMESTIC_WORK.search(norm):
        return "giup_viec"
    # "hđ ko thời hạn", "hd k xac dinh thoi han": the member's abbreviation of "không"
    if re.search(r"\b(?:khong|ko|k) (xac dinh )?(thoi )?han|vo thoi han", norm):
        return "khong_xac_dinh"
    if re.search(r"duoi 12 thang|thoi vu", norm):
        return "duoi_12_thang"
    for months, left in _durations(text, norm):
        if "hop dong" in left or "hd" in left.split():
            return "duoi_12_thang" if months < 12 else "12_36_thang" if months <= 36 else None
    return None


def _notice(text: str, norm: str) -> dict[str, Any]:
    side = None
    if re.search(
        r"cong ty|\bcty\b|\bct\b|doanh nghiep|nguoi su dung|\bchu\b|\bsep\b|sa thai"
        r"|cho (toi|em|minh )?nghi|ho phai",
        norm,
    ):
        side = "nguoi_su_dung"
    # "cho em nghỉ" is the employer letting her go, not her quitting
    if re.search(r"(?<!cho )\b(toi|em|e|minh|tui) (muon )?(nghi|xin nghi|cham dut|thoi viec)", norm):
        side = "nguoi_lao_dong"
    # the member gives the notice ("e phải báo trước cty mấy ngày"), or wants to leave with the
    # subject left out ("làm được 3 tháng thấy không hợp nên muốn nghỉ")
    if re.search(
        r"\b(?:toi|em|e|minh|tui) (?:phai|can|se) bao truoc\b|\bbao truoc (?:cho )?(?:cty|cong ty|sep|chu)\b"
        r"|\b(?:nen|thi|va) (?:muon|dinh) (?:xin )?(?:nghi|thoi viec|cham dut)\b",
        norm,
    ):
        side = "nguoi_lao_dong"
    return {"loai_hop_dong": _contract(text, norm), "ben": side}


# A manager of the enterprise (Luật Doanh nghiệp: its director, chair, board members, chief
# accountant), whose probation may be 180 days (khoản 1 Điều 25); a manager of a department, a
# shift, a warehouse or a shop is not one ("quản lý bộ phận kho" with a degree has 60 days), nor
# is the member's boss ("quản lý bắt thử việc 10 ngày": the manager is the job only when the member
# holds it, "làm / là / tuyển làm quản lý").
_ENTERPRISE_MANAGER = re.compile(
    r"\bquan ly doanh nghiep\b|\b(?:tong |pho )?giam doc\b|\bchu tich\b|\bthanh vien hoi dong\b"
    r"|\bke toan truong\b"
    r"|\b(?:lam|la|tuyen|vi tri|chuc vu|chuc danh|len) quan ly\b"
    r"(?! (?:bo phan|kho|ca|xuong|cua hang|to|nhom|phong|du an|khu vuc))"
)


def _probation(text: str, norm: str) -> dict[str, Any]:
    job = None
    if _ENTERPRISE_MANAGER.search(norm):
        job = "quan_ly"
    elif re.search(r"dai hoc|cao dang|ky su|cu nhan|thac si", norm):
        job = "cao_dang"
    elif re.search(r"trung cap|cong nhan ky thuat|nhan vien nghiep vu", norm):
        job = "trung_cap"
    elif re.search(r"lao dong pho thong|cong nhan|bao ve|phuc vu|tap vu|ban hang", norm):
        job = "khac"
    values: dict[str, Any] = {"cong_viec": job, "luong_cong_viec": money(text, norm)[0]}
    short = re.search(r"\b(?:hd|hop dong)(?: lao dong)?(?: thoi vu)? (\d{1,2}) ngay\b", norm)
    if (short and int(short.group(1)) < 30) or re.search(r"\b(?:hd|hop dong)\b.{0,20}\bduoi 1 thang\b", norm):
        values["_to_rule"] = UnitRef(BLLD, 24, 3)  # no probation under a contract of less than 1 month
    return values


# "50 công nhân, lương ... mỗi người 8 triệu": the fund is the headcount times the wage.
_HEADCOUNT = re.compile(r"\b(\d{1,6}) (?:cong nhan|nguoi lao dong|lao dong|nhan vien|nguoi)\b")
_EACH = re.compile(r"\bmoi (?:nguoi|cong nhan|lao dong|nhan vien)\b|/ ?nguoi\b|\bbinh quan\b")


def _union_fund(text: str, norm: str) -> dict[str, Any]:
    amount = money(text, norm)[0]
    headcount = _HEADCOUNT.search(norm)
    if amount is not None and headcount is not None and _EACH.search(norm):
        return {"quy_luong": amount * int(headcount.group(1))}
    return {"quy_luong": amount}


def _wrongful(text: str, norm: str) -> dict[str, Any]:
    return {"luong": money(text, norm)[0]}


# Care for a sick child is paid for a child under 7 (điểm e khoản 1 Điều 42 Luật BHXH 2024).
_CHILD_AGE = re.compile(r"\bcon(?: (?:toi|em|e|minh|tui|gai|trai))?(?: \w+){0,2}? (\d{1,2}) tuoi\b")
CHILD_CARE_AGE = 7


def _sick(text: str, norm: str) -> dict[str, Any]:
    # the child's age is read from the whole story, her days and wage from her own clauses ("chồng e
    # đã nghỉ chăm bé 8 ngày rồi (anh ấy lương 10tr) ... e nghỉ chăm 6 ngày")
    whole, mine = norm, own_text(text)
    if mine != text:
        text, norm = mine, parsing.normalise(mine)
    days = re.search(r"(\d{1,3}(?:[.,]5)?)\s*ngay", norm)
    count = parsing.to_number(days.group(1)) if days else (0.5 if re.search(r"nua ngay", norm) else None)
    values: dict[str, Any] = {"luong_dong_bhxh": money(text, norm, insured=True)[0], "so_ngay": count}
    child = _CHILD_AGE.search(whole)
    if child and int(child.group(1)) >= CHILD_CARE_AGE:
        values["_to_rule"] = UnitRef(BHXH, 42, 1, "e")  # the child is too old for paid care: the rule says so
    return values


def _pension(text: str, norm: str) -> dict[str, Any]:
    durations = _durations(text, norm)
    return {
        "gioi_tinh": _sex(text, norm),
        "thoi_gian_dong": durations[0][0] if durations else None,
        "luong_binh_quan": money(text, norm)[0],
    }


def _paternity(text: str, norm: str) -> dict[str, Any]:
    # his own insured wage only, from his own clauses: the story is his wife's too ("vợ em đóng bhxh
    # lương 8tr" is hers)
    mine = clauses_of(text, "")
    values: dict[str, Any] = {"luong_binh_quan": own_wage(mine, parsing.normalise(mine)) if mine else None}
    count = _children_born(norm)
    if count:
        values["so_con"] = count
    weeks = re.search(r"\bsinh non\b(?: \w+){0,2}? (\d{2}) tuan\b", norm)
    if said(r"\bmo\b|phau thuat|sinh mo|duoi 32 tuan", norm) or (weeks and int(weeks.group(1)) < 32):
        values["phau_thuat"] = True
    if _WIFE_UNINSURED.search(norm):
        values["vo_khong_bhxh"] = True
    return values


# The wife pays no social insurance ("vợ em ở nhà làm ruộng, không đóng bảo hiểm gì cả", "vo e ko
# di lam, ko dong bhxh"): the father is paid the one-off birth allowance (khoản 1 Điều 58).
_WIFE_UNINSURED = re.compile(
    r"\bvo (?:toi|em|e|minh|anh|t)\b[^.?!]{0,60}\b(?:khong|ko|k|chua) (?:co )?(?:dong|tham gia|di lam)\b"
    r"[^.?!]{0,40}\b(?:bao hiem|bhxh|bh)\b"
    r"|\bvo (?:toi|em|e|minh|anh|t)\b[^.?!]{0,20}\b(?:khong|ko|k|chua) (?:co )?(?:dong|tham gia)"
    r" (?:bao hiem|bhxh|bh)\b"
)


# The wage after insurance and tax ("thực nhận còn 7,16 triệu"): the 30% cap is on it (khoản 3
# Điều 102 BLLĐ: "tiền lương hằng tháng sau khi trích nộp các khoản bảo hiểm ... thuế").
_NET = re.compile(r"\b(?:thuc nhan|thuc linh|thuc lanh|con lai|nhan ve|cam ve)(?: con| duoc| la)? $")


def _deduction(text: str, norm: str) -> dict[str, Any]:
    for found in parsing.find_money(text):
        if _NET.search(left_of(norm, found.start, 30)):
            return {"luong_thuc_tra": to_int(found.value)}
    return {"luong_thuc_tra": money(text, norm)[0]}


def _suspension(text: str, norm: str) -> dict[str, Any]:
    return {"luong_truoc_dinh_chi": money(text, norm)[0]}


def _accident(text: str, norm: str) -> dict[str, Any]:
    loss = re.search(r"(\d{1,3})\s*%", norm) or re.search(r"(\d{1,3}) phan tram", norm)
    own = re.search(
        r"do loi cua (?:chinh )?(?:toi|em|e|minh|tui)\b|\b(?:toi|em|e|minh) co loi|loi cua ban than"
        r"|do (?:em|e|toi|minh) (?:so y|bat can|quen)\b",
        norm,
    )
    not_own = re.search(r"khong (phai )?(hoan toan )?do loi", norm)
    return {
        "muc_suy_giam": int(loss.group(1)) if loss else None,
        "luong": money(text, norm)[0],
        "do_loi_nguoi_lao_dong": True if own and not not_own else None,
    }


EXTRACTORS: dict[str, Reader] = {
    "tro_cap_thoi_viec": _severance,
    "tro_cap_mat_viec": _severance,
    "lam_them_gio": overtime,
    "lam_viec_ban_dem": night_work,
    "nghi_hang_nam": _annual_leave,
    "tuoi_nghi_huu": _retirement,
    "tro_cap_that_nghiep": _unemployment,
    "bhxh_mot_lan": _lump_sum,
    "thai_san": _maternity,
    "luong_toi_thieu_vung": _minimum_wage,
    "thoi_han_bao_truoc": _notice,
    "thu_viec": _probation,
    "kinh_phi_cong_doan": _union_fund,
    "ty_le_luong_huu": _pension,
    "thai_san_cha": _paternity,
    "khau_tru_luong": _deduction,
    "tam_dinh_chi": _suspension,
    "boi_thuong_tai_nan": _accident,
    "cham_dut_trai_luat": _wrongful,
    "om_dau": _sick,
}
