"""Ages in a member's story and the age bands a unit of law applies to.

"Em 16 tuổi ... được làm tối đa mấy tiếng?" is answered by the rule for workers "từ đủ 15 tuổi
đến chưa đủ 18 tuổi", never by the one for "người chưa đủ 15 tuổi": a unit whose every age
band excludes the age the member gave is about someone else. The same holds for the other
figures a rule's case turns on in members' stories: the month of a pregnancy ("em mang bầu
tháng thứ 7" and "mang thai từ tháng thứ 07"), a child's age ("con em mới được 8 tháng" and
"nuôi con dưới 12 tháng tuổi") and the weeks of a pregnancy that ended ("sảy thai lúc thai được
10 tuần" and "thai từ đủ 05 tuần tuổi đến dưới 13 tuần tuổi"). Some figures only fit, never
exclude (``excludes``): a member not yet at the month of pregnancy, the years of contributions
or the loss of working capacity a rule names is asking about that very rule. Both texts are
read folded (``assistant.textnorm.fold``).
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

# A child's age band in the law ("nuôi con dưới 12 tháng tuổi", "con chưa đủ 06 tháng tuổi", "có từ 2
# con trở lên dưới 7 tuổi", "con từ đủ 03 tuổi đến dưới 07 tuổi"): the child's, not the member's.
_CHILD_BAND = re.compile(
    r"\bcon(?: [a-z]+){0,3}? (?:tu du (\d{1,2}) tuoi (?:den|toi) )?"
    r"(?:duoi|chua du) (\d{1,2}) (thang tuoi|tuoi)"
)
# "mang thai từ tháng thứ 07 hoặc từ tháng thứ 06 nếu làm việc ở vùng cao ...": from month 6 at least.
_PREGNANCY_BAND = re.compile(r"mang thai tu thang thu (\d{1,2})(?: hoac tu thang thu (\d{1,2}))?")
_PREGNANT_CASE = re.compile(r"\bmang thai\b(?! ho)")
# What a member says of them: "bầu 8 tháng", "mang bầu tháng thứ 7", "có bầu được 3 tháng" (not
# the folded "sa thải 3 tháng" of a dismissal);
# "con em mới được 8 tháng", "con tôi 5 tuổi".
_PREGNANT = re.compile(
    r"(?<!kham )(?<!sa )(?:thai|bau)(?: (?:duoc|da|den|roi|hon|khoang|gan|dang|moi))*"
    r"(?: thang thu (\d{1,2})| (\d{1,2}) thang)\b"
)
_CHILD_AGE = re.compile(
    r"\bcon(?: (?:e|em|toi|minh|mk|chi|anh|be|nho|gai|trai|cua em|cua toi))*"
    r"(?: (?:moi|duoc|da|gio|nay|hon|gan|khoang|roi|dang|chua))* (\d{1,2}) (thang|tuoi)\b"
)

# The weeks of a pregnancy that ended ("10 ngày nếu thai dưới 05 tuần tuổi", "thai từ đủ 05 tuần
# tuổi đến dưới 13 tuần tuổi", "từ đủ 22 tuần tuổi trở lên") and what a member says of hers ("sảy
# thai lúc thai được 10 tuần", "sảy thai 15 tuần", "thai 8 tuần tuổi").
_WEEKS_BETWEEN = re.compile(r"thai tu du (\d{1,2}) tuan tuoi den duoi (\d{1,2}) tuan tuoi")
_WEEKS_BELOW = re.compile(r"thai duoi (\d{1,2}) tuan tuoi")
_WEEKS_FROM = re.compile(r"thai tu du (\d{1,2}) tuan tuoi tro len")
_WEEKS = re.compile(
    r"(?<!sa )\bthai(?: (?:duoc|da|moi|khoang|gan|hon|luc|thi|roi|tam|chua))* (\d{1,2}) tuan\b"
)

# Years of social-insurance contributions: the law's bands ("có thời gian đóng bảo hiểm xã hội bắt
# buộc từ đủ 15 năm trở lên", "30 ngày nếu đã đóng ... dưới 15 năm; 40 ngày nếu đã đóng từ đủ 15
# năm đến dưới 30 năm") and what a member says ("đóng BHXH được 17 năm", "dong bhxh 10 nam").
_PAID = r"\bdong(?: bao hiem xa hoi)?(?: bat buoc| tu nguyen)?(?: duoc| da)? "
_PAID_BETWEEN = re.compile(_PAID + r"tu du (\d{1,2}) nam (?:den|toi) (?:duoi|chua du) (\d{1,2}) nam")
_PAID_BELOW = re.compile(_PAID + r"(?:duoi|chua du|chua) (\d{1,2}) nam")
_PAID_FROM = re.compile(_PAID + r"(?:tu du|du) (\d{1,2}) nam(?: tro len)?")
_PAID_ABOVE = re.compile(_PAID + r"(?:tren|cao hon) (\d{1,2}) nam")
_PAID_STATED = re.compile(
    r"\bdong(?: (?:bhxh|bao hiem xa hoi|bao hiem|bh))?(?: (?:duoc|da|roi|hon|gan|khoang|tong cong|tong|du))*"
    r" (\d{1,2}) nam\b(?! (?:tro len|den|toi))"
)

# Time worked for the employer, in months: the law's bands ("làm việc đủ 12 tháng cho một người sử
# dụng lao động", "làm việc chưa đủ 12 tháng", "đã làm việc thường xuyên cho mình từ đủ 12 tháng trở
# lên"; a "hợp đồng làm việc" is a contract's length, not time worked) and what a member says ("làm ở
# công ty được 8 tháng", "lam o cty 3 nam", "vào làm được 5 tháng"; not "nghỉ làm 3 tháng").
_WORKED = r"(?<!hop dong )\blam viec(?: thuong xuyen)?(?: cho(?: [a-z]+){1,6}?)? "
_WORKED_BELOW = re.compile(_WORKED + r"(?:chua du|duoi) (\d{1,2}) (thang|nam)")
_WORKED_FROM = re.compile(_WORKED + r"(?:tu du|du) (\d{1,2}) (thang|nam)")
_WORKED_STATED = re.compile(
    r"(?<!nghi )\blam(?: viec)?(?: (?:o|tai|cho)(?: (?:cty|cong ty|day|xuong|nha may|do|[a-z]+)){1,2})?"
    r"(?: (?:duoc|da|roi|hon|gan|khoang|moi|tron|lien tuc))* (\d{1,2}) (thang|nam)\b(?! (?:tro len|nua|toi))"
)

# A contract's term, in months: the law's bands ("hợp đồng lao động xác định thời hạn có thời hạn từ
# 12 tháng đến 36 tháng", "... có thời hạn dưới 12 tháng", "hợp đồng lao động không xác định thời
# hạn", counted as INDEFINITE) and what a member says ("hd 2 nam", "làm hợp đồng 6 tháng", "hđ không
# thời hạn").
INDEFINITE = 1000.0
_CONTRACT = r"\bhop dong lao dong (?:xac dinh thoi han )?(?:co thoi han )?"
_CONTRACT_BETWEEN = re.compile(_CONTRACT + r"tu (?:du )?(\d{1,2}) thang (?:den|toi) (\d{1,2}) thang")
_CONTRACT_BELOW = re.compile(_CONTRACT + r"duoi (\d{1,2}) thang")
_CONTRACT_FROM = re.compile(_CONTRACT + r"tu du (\d{1,2}) thang tro len")
_CONTRACT_OPEN = re.compile(r"\bhop dong lao dong khong xac dinh thoi han")
_CONTRACT_WORDS = r"\b(?:hd|hdld|hop dong(?: lao dong)?)"
_CONTRACT_STATED = re.compile(
    _CONTRACT_WORDS + r"(?: (?:xac dinh thoi han|co thoi han|thoi vu|co dinh))?"
    r"(?: (?:la|co|ky|duoc|kieu|loai|han))? (\d{1,2}) (thang|nam)\b"
)
_CONTRACT_OPEN_STATED = re.compile(
    _CONTRACT_WORDS + r" (?:khong (?:xac dinh )?(?:thoi )?han|vo thoi han|khong ky han|dai han)\b"
)

# Loss of working capacity: the law's bands ("suy giảm khả năng lao động từ 61% đến dưới 81%",
# "từ 5% đến 30%", "từ 81% trở lên") and what a member says ("suy giảm 22%", "mất 65% sức lao
# động", "giám định kết luận 35%"; not "giảm 5% lương").
_LOSS = r"\bkha nang lao dong "
_LOSS_BETWEEN = re.compile(_LOSS + r"tu (\d{1,3}) ?% (?:den|toi) duoi (\d{1,3}) ?%")
_LOSS_TO = re.compile(_LOSS + r"tu (\d{1,3}) ?% (?:den|toi) (\d{1,3}) ?%")  # "đến 30%" holds 30%
_LOSS_FROM = re.compile(_LOSS + r"tu (\d{1,3}) ?% tro len")
_LOSS_BELOW = re.compile(_LOSS + r"duoi (\d{1,3}) ?%")
_LOSS_STATED = re.compile(
    r"\bsuy giam(?: (?:kha nang lao dong|suc lao dong|suc khoe|duoc|la|con|khoang|het))* (\d{1,3}) ?%"
    r"|\b(\d{1,3}) ?% (?:kha nang lao dong|suc lao dong)"
    r"|\b(?:thuong tat|giam dinh(?: [a-z]+){0,3}?) (\d{1,3}) ?%"
)

Band = tuple[float, float]  # [low, high)


def _banded(
    folded: str,
    between: re.Pattern[str],
    below: re.Pattern[str],
    start: re.Pattern[str],
    above: re.Pattern[str] | None = None,
) -> list[Band]:
    """The bands ``folded`` names in one unit of measure: "từ đủ A đến dưới B", then (with those
    blanked) "dưới B", "từ đủ A trở lên" and "trên A" (for kinds whose law writes it)."""
    found = [(float(m.group(1)), float(m.group(2))) for m in between.finditer(folded)]
    rest = between.sub(" ", folded)
    found += [(0.0, float(m.group(1))) for m in below.finditer(rest)]
    found += [(float(m.group(1)), math.inf) for m in start.finditer(rest)]
    if above is not None:
        found += [(float(m.group(1)) + 1.0, math.inf) for m in above.finditer(rest)]
    return found


def bands(folded: str) -> list[Band]:
    """The age bands a text of law names for the member, in years (a child's are not)."""
    return _banded(_CHILD_BAND.sub(" ", folded), _BETWEEN, _BELOW, _FROM, _ABOVE)


def loss_bands(folded: str) -> list[Band]:
    """The bands of lost working capacity a text of law names, in percent: "từ A% đến B%" holds
    B, the other forms are those of every kind (``_banded``)."""
    inclusive = [(float(low), float(high) + 1.0) for low, high in _LOSS_TO.findall(folded)]
    return inclusive + _banded(_LOSS_TO.sub(" ", folded), _LOSS_BETWEEN, _LOSS_BELOW, _LOSS_FROM)


def without_bands(folded: str) -> str:
    """``folded`` with its age bands blanked: the "chưa" of "từ đủ 15 tuổi đến chưa đủ 18 tuổi"
    bounds an age band (judged by ``excludes``), it does not turn the rule into its opposite;
    nor does the "chưa đủ 15 năm" of a band of contribution years."""
    folded = _PAID_BELOW.sub(" ", _PAID_BETWEEN.sub(" ", folded))
    return _ABOVE.sub(" ", _FROM.sub(" ", _BELOW.sub(" ", _BETWEEN.sub(" ", folded))))


def _months(count: str, unit: str) -> float:
    """A duration read as "<count> tháng" or "<count> năm", in months."""
    return float(count) * (12 if unit == "nam" else 1)


def worked_bands(folded: str) -> list[Band]:
    """The bands of time worked for the employer a text of law names, in months."""
    return [(0.0, _months(*m.groups())) for m in _WORKED_BELOW.finditer(folded)] + [
        (_months(*m.groups()), math.inf) for m in _WORKED_FROM.finditer(folded)
    ]


def without_worked_bands(folded: str) -> str:
    """``folded`` with its bands of time worked blanked: for a member who says how long she has
    worked, the "chưa" of "làm việc chưa đủ 12 tháng" bounds a band (``fits``), it does not make
    the rule a case that has not come about."""
    return _WORKED_FROM.sub(" ", _WORKED_BELOW.sub(" ", folded))


def contract_bands(folded: str) -> list[Band]:
    """The bands of a contract's term a text of law names, in months."""
    found = [(float(m.group(1)), float(m.group(2)) + 1) for m in _CONTRACT_BETWEEN.finditer(folded)]
    rest = _CONTRACT_BETWEEN.sub(" ", folded)
    found += [(0.0, float(m.group(1))) for m in _CONTRACT_BELOW.finditer(rest)]
    found += [(float(m.group(1)), math.inf) for m in _CONTRACT_FROM.finditer(rest)]
    if _CONTRACT_OPEN.search(folded):
        found.append((INDEFINITE, math.inf))
    return found


@lru_cache(maxsize=1024)
def contract_months(question_folded: str) -> float | None:
    """The term of the member's contract, in months (INDEFINITE for one with no term)."""
    terms = [_months(n, u) for n, u in _CONTRACT_STATED.findall(question_folded)]
    if _CONTRACT_OPEN_STATED.search(question_folded):
        terms.append(INDEFINITE)
    return _one(terms)


def paid_bands(folded: str) -> list[Band]:
    """The bands of social-insurance contribution years a text of law names."""
    return _banded(folded, _PAID_BETWEEN, _PAID_BELOW, _PAID_FROM, _PAID_ABOVE)


@lru_cache(maxsize=1024)
def stated_age(folded: str) -> int | None:
    """The one age a question states, or None (none, or several: whose would be unclear).
    Cached: the decisive ranker asks it once per candidate unit of the same question."""
    ages = {int(m.group(1)) for m in _AGE.finditer(folded) if not folded[: m.start()].endswith(_BAND_WORDS)}
    return ages.pop() if len(ages) == 1 else None


def week_bands(folded: str) -> list[Band]:
    """The bands of a pregnancy's weeks a text of law names."""
    found = [(float(m.group(1)), float(m.group(2))) for m in _WEEKS_BETWEEN.finditer(folded)]
    found += [(0.0, float(m.group(1))) for m in _WEEKS_BELOW.finditer(folded)]
    found += [(float(m.group(1)), math.inf) for m in _WEEKS_FROM.finditer(folded)]
    return found


def child_bands(folded: str) -> list[Band]:
    """The bands of a child's age a text of law names, in months."""
    found = []
    for m in _CHILD_BAND.finditer(folded):
        months = 1 if m.group(3) == "thang tuoi" else 12
        found.append((float(m.group(1) or 0) * 12, float(m.group(2)) * months))
    return found


def pregnancy_bands(folded: str) -> list[Band]:
    """The months of pregnancy a text of law names ("từ tháng thứ 07": [7, ∞)); a rule for "lao
    động nữ mang thai" with no month holds every month ([0, ∞)); a surrogate's is not hers."""
    found = [
        (float(min(int(n) for n in m.groups() if n)), math.inf) for m in _PREGNANCY_BAND.finditer(folded)
    ]
    if not found and _PREGNANT_CASE.search(folded):
        found.append((0.0, math.inf))
    return found


# A teenage child who works is the worker the story is about: "Con gái em 16 tuổi đi làm phục vụ
# quán cà phê đến 11 giờ đêm" asks about a 16-year-old's hours, not a parent's.
TEENAGE_MONTHS = 13 * 12
_CHILD_WORKS = re.compile(r"\b(?:di lam|lam them|lam viec|lam phuc vu|lam cong|xin viec|lam ca|lam thue)\b")

# A pregnancy that ended: its months are read as weeks ("sảy thai 2 tháng": about 8.7 weeks).
_ENDED = re.compile(r"\b(?:say thai|pha thai|thai chet|thai luu|nao thai|hut thai)\b")
WEEKS_PER_MONTH = 4.345


@lru_cache(maxsize=1024)
def worked_months(question_folded: str) -> float | None:
    """How long the member says she has worked for the employer, in months (one figure only)."""
    return _one([_months(n, u) for n, u in _WORKED_STATED.findall(question_folded)])


@lru_cache(maxsize=1024)
def _stated(question_folded: str) -> tuple[float | None, ...]:
    """The member's age (years), month of pregnancy, child's age (months), weeks of a pregnancy,
    years of social-insurance contributions, months worked for the employer and the term of her
    contract (months) the question states; None for each it states not at all or several times
    (whose would be unclear)."""
    pregnant = [float(a or b) for a, b in _PREGNANT.findall(question_folded)]
    child = [
        float(m[1]) * (1 if m[2] == "thang" else 12)
        for m in _CHILD_AGE.finditer(question_folded)
        if not _remaining(m, question_folded)
    ]
    age = stated_age(_CHILD_AGE.sub(" ", question_folded))  # "con em 2 tuổi" is the child's age
    if age is None and _CHILD_WORKS.search(question_folded):  # ... unless the child is the worker
        working = [c / 12 for c in child if c >= TEENAGE_MONTHS]
        age = int(working[0]) if len(set(working)) == 1 else None
    weeks = [float(n) for n in _WEEKS.findall(question_folded)]
    if not weeks and _ENDED.search(question_folded):
        weeks = [months * WEEKS_PER_MONTH for months in pregnant]
    paid = [float(n) for n in _PAID_STATED.findall(question_folded)]
    loss = [float(a or b or c) for a, b, c in _LOSS_STATED.findall(question_folded)]
    return (
        None if age is None else float(age),
        _one(pregnant),
        _one(child),
        _one(weeks),
        _one(paid),
        worked_months(question_folded),
        contract_months(question_folded),
        _one(loss),
    )


def _remaining(match: re.Match[str], folded: str) -> bool:
    """A bare "con 2 thang" is "còn 2 tháng" (two months left) once the accents are gone, unless
    "tuổi" follows or a parent's verb comes before: "con em 9 tháng", "con mới 9 tháng", "con 9
    tháng tuổi", "đang nuôi con 8 tháng", "có con 8 tháng" are a child's age."""
    bare = len(match[0].split()) == 3 and match[2] == "thang"
    parent = _PARENT_VERB.search(folded, 0, match.start()) is not None
    return bare and not parent and not folded.startswith(" tuoi", match.end())


_PARENT_VERB = re.compile(r"\b(?:nuoi|co|sinh|de) $")


def _one(values: list[float]) -> float | None:
    found = set(values)
    return found.pop() if len(found) == 1 else None


# Kinds a rule's threshold or starting point counts: they fit, never exclude (``excludes``).
_NEVER_EXCLUDING = (paid_bands, worked_bands, contract_bands, loss_bands, pregnancy_bands)


def _judged(
    unit_folded: str, question_folded: str, *, thresholds: bool = True
) -> list[tuple[float, list[Band]]]:
    """(stated figure, the unit's bands of its kind) for each kind the question states;
    without ``thresholds``, not the kinds that fit but never exclude (``_NEVER_EXCLUDING``:
    contribution years, time worked, a contract's term, a loss of working capacity, the month
    of a pregnancy)."""
    kinds = (
        bands, pregnancy_bands, child_bands, week_bands, paid_bands, worked_bands, contract_bands, loss_bands
    )
    return [
        (value, found)
        for value, kind in zip(_stated(question_folded), kinds, strict=True)
        if value is not None
        and (thresholds or kind not in _NEVER_EXCLUDING)
        and (found := kind(unit_folded))
    ]


def excludes(unit_folded: str, question_folded: str) -> bool:
    """True when the question states an age or a child's age and every band of that kind in the
    unit leaves it out. Years of contributions, time worked, a contract's term, a loss of working
    capacity and the month of a pregnancy never exclude: a member with 12 years who asks how many
    a pension needs is answered by the 15-year rule, one who worked 10 months and asks for
    severance by the 12-month one, one 4 months pregnant asking about night shifts by the ban
    "từ tháng thứ 07" (it says from when; the rule for mothers of infants is not hers)."""
    judged = _judged(unit_folded, question_folded, thresholds=False)
    return any(not any(low <= v < high for low, high in found) for v, found in judged)


def fits(unit_folded: str, question_folded: str) -> bool:
    """True when a band of the unit holds what the question states and none excludes it: the
    rule for "mang thai từ tháng thứ 07" to a member seven and a half months pregnant."""
    judged = _judged(unit_folded, question_folded)
    return bool(judged) and all(any(low <= v < high for low, high in found) for v, found in judged)


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
