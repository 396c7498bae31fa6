"""Choosing the unit that decides a member's question: a point, a clause, or a short article.

The retriever ranks articles; a member needs the one clause or point inside them that answers
(Điều 137 khoản 1 điểm a for a worker seven months pregnant asked to work overtime). Every
clause and point of the retrieved articles is a candidate, scored by the words it shares with
the question (its own words count fully, its lead-in and article title half), the figures the
question names ("tháng thứ 7" matches "tháng thứ 07"; a date's numbers only a date's), whether
the question asks for a figure, the retriever's own evidence (the article's rank, the clause it
matched, the e5 cosine of the clause), whether its bands of age, month of pregnancy or child's
age leave out or hold what the member gave (``assistant.age_band``) and whether it is for a fault
the member denies (``assistant.fault``), in a linear model learned on dev_tune
(``assistant.train_decisive``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from weakref import WeakKeyDictionary

from assistant import age_band, contract_ending, fault, table_rows
from assistant.calculators.intent import asks_about_past
from assistant.evidence import Source
from assistant.linear_model import read_model
from assistant.textnorm import bigrams, content_words, law_words, question_words, split_sentences
from assistant.unit_context import UnitContext, context_of
from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus
from corpus.text import fold
from indexing.law_mentions import mentioned_laws

MAX_QUOTE_CHARS = 450  # a clause longer than this is quoted by its first and its decisive sentence
MODEL_FILE = Path(__file__).parent / "data" / "decisive.json"
# What a candidate unit shares with the question and what retrieval said of it. The weights are
# learned on dev_tune (``python -m assistant.train_decisive``); HAND_WEIGHTS, the first version
# set by reading stories, are used when no model is shipped.
FEATURES = (
    "own_overlap",
    "own_ratio",
    "bigrams",
    "context_overlap",
    "figure_match",
    "asks_and_has_figure",
    "has_figure",
    "qualifier_mismatch",
    "matched_clause",
    "source_rank",
    "dense_gap",
    "is_point",
    "is_clause",
    "log_words",
    "first_clause",
    "in_force",
    "case_excluded",
    "condition_fits",
    "unmet_condition",
    "defers",
)
HAND_WEIGHTS = (
    1.0, 0.0, 0.5, 0.5, 1.5, 1.0, 0.0, -1.5, 1.0, 1.5, 4.0, 0.0, 0.0, -0.5, 0.0, 1.0, -3.0, 2.0, -1.0, -1.0,
)  # fmt: skip
_ASKS_FOR_FIGURE = re.compile(
    r"bao nhieu|may ngay|may thang|may nam|may gio|may lan|may %|toi da|toi thieu|bao lau|muc |"
    r"thoi han|ty le|bao gio|khi nao|phan tram|%"
)
_NUMBER = re.compile(r"\d+")
# The numbers of a date ("ngày 10 tháng 3 âm lịch", "tháng 5/2025", "ngày 01/7/2025") are not
# amounts: a member's "3 ngày" is not the law's "tháng 3", but her "sau ngày 01/7/2025" is the
# transition rule's "từ ngày 01 tháng 7 năm 2025". "mùng 1 Tết" is a day, not one of anything.
_DATE = re.compile(
    r"\b(?:ngày|tháng|năm|ngay|thang|mùng|mồng|mung|mong)\s+\d+(?:[/.-]\d+){0,2}", re.IGNORECASE
)
# The unit a number counts, read from the word after it ("3 ngày", "6h", "7 tháng", "55 tuổi",
# "30%") or, for an ordinal, before it ("tháng thứ 07"): "3 tháng" is not the law's "03 ngày", nor
# "6h" its "tháng thứ 06", nor "trừ 300 nghìn" its "ít nhất bằng 300%". A number with no unit
# matches a number of any unit.
_UNITS = (
    ("n", r"ngày|ngay"),
    ("m", r"tháng|thang"),
    ("y", r"năm|nam"),
    ("h", r"h|giờ|gio|g|tiếng|tieng"),
    ("a", r"tuổi|tuoi"),
    ("p", r"phút|phut"),
    ("v", r"nghìn|ngàn|nghin|ngan|k|triệu|trieu|tr|đồng|dong|đ|vnđ|vnd"),
)
_UNIT_AFTER = [(unit, re.compile(rf"\d+(?=\s*(?:{words})\b)", re.IGNORECASE)) for unit, words in _UNITS]
_UNIT_BEFORE = [
    (unit, re.compile(rf"(?<=\b(?:{words}) thứ )\d+|(?<=\b(?:{words}) thu )\d+", re.IGNORECASE))
    for unit, words in _UNITS
    if unit in "nmy"
]
_PERCENT = re.compile(r"\d+(?=\s*(?:%|phần trăm|phan tram))", re.IGNORECASE)

DELEGATION_MAX_CHARS = 260
# A unit that opens with a rule-making body and its verb delegates, however long its list of what
# that body will regulate ("Chính phủ quy định chi tiết Điều này; quy định các trường hợp ...").
_RULE_MAKER = re.compile(
    r"^(?:Chính phủ|Thủ tướng Chính phủ|Bộ trưởng Bộ (?:Lao động - Thương binh và Xã hội|Nội vụ|Y tế|"
    r"Tài chính)|Ủy ban Thường vụ Quốc hội) (?:quy định|hướng dẫn|quyết định)\b"
)
_DELEGATION = re.compile(
    r"^(?:Chính phủ|Thủ tướng Chính phủ|Bộ trưởng[^.]{0,120}?|Bộ (?!luật)[^.]{0,80}?|Ủy ban[^.]{0,80}?"
    r"|Hội đồng[^.]{0,80}?)(?<!theo)(?<!tại)(?<!của) (?:quy định chi tiết|hướng dẫn|quy định)[^.]{0,150}\.?$"
)
# A catch-all item of a list ("Các trường hợp khác bị coi là trốn đóng bảo hiểm xã hội ... theo quy
# định của Chính phủ.", "Các quyền khác theo quy định của pháp luật."): it names no case itself.
_CATCH_ALL = re.compile(
    r"^(?:Các |Những )?(?:trường hợp|hành vi|đối tượng|chế độ|nội dung|nhiệm vụ|quyền|nghĩa vụ|công việc"
    r"|khoản|loại)[^.;]{0,20} khác[^.;]{0,160}(?:theo quy định của (?:Chính phủ|pháp luật|Bộ trưởng)"
    r"|do Chính phủ quy định)[^.;]{0,40}[.;]?$",
    re.IGNORECASE,
)
# Qualifiers that turn a rule into its opposite case; a unit using one the question does not is
# about another situation. "Trái pháp luật" also counts in the article's title and lead-ins:
# "1. Không được trợ cấp thôi việc." means nothing else than the title it sits under ("Nghĩa vụ
# của người lao động khi đơn phương chấm dứt hợp đồng lao động trái pháp luật").
_QUALIFIERS = ("chua", "trai phap luat", "nang nhoc", "lam them gio vao ban dem")
_CONTEXT_QUALIFIERS = ("trai phap luat",)
_SPECIAL_GRADE = "dac biet nang nhoc"
# A unit whose subject is a surrogate or the mother who asked for one ("Lao động nữ nhờ mang thai
# hộ đã đóng bảo hiểm xã hội ...", "Người mẹ nhờ mang thai hộ được hưởng ..."): another case than
# a member who is herself pregnant or gave birth, unless she speaks of surrogacy. A rule naming
# both ("Lao động nữ, lao động nữ mang thai hộ được nghỉ ...") is for her too.
_SURROGACY_SUBJECT = re.compile(
    r"^(?:(?:khi|truong hop|doi voi|cua|ban sao ban|ho so huong che do thai san) ){0,3}"
    r"(?:lao dong nu (?:nho )?mang thai ho|nguoi (?:me|cha|chong)(?: cua nguoi me)? nho mang thai ho"
    r"|thoa thuan ve mang thai ho)"
)

# A rule for the father ("Lao động nam đang đóng bảo hiểm xã hội khi vợ sinh con được nghỉ ...")
# is another case than a member who is herself pregnant or gave birth; one naming her too
# ("lao động nữ") is hers as well.
_FATHER_SUBJECT = re.compile(r"\blao dong nam\b|\b(?:khi|co) vo (?:sinh con|mang thai)\b")
_BIRTH_WORDS = r"(?:con|mo|thuong|doi|ba|non|tu nhien)"
_FATHER_STORY = re.compile(
    rf"\bvo (?:em|toi|minh|anh|tui|e|t|sap|dang|moi|vua|cua|de|mang thai|co bau|bau|sinh {_BIRTH_WORDS})\b"
    r"|\blao dong nam\b|\bchong(?: (?:em|e|toi|t|tui|minh|chi|co ay))? (?:duoc|dc|co|nghi|phai|xin)\b"
)
_MOTHER_STORY = re.compile(  # "bầu" alone may be a union election ("bầu ban chấp hành")
    r"\b(?:mang thai|(?:mang|co|dang|chua) bau|bau (?:bi|duoc|thang|\d+)|thai ky|sinh con|de con"
    r"|sinh em be|sinh xong|de xong|sinh mo|sinh thuong|nghi de|nghi sinh)\b"
)
# An article on maternity leave or benefit ("Nghỉ thai sản", "... chế độ thai sản") is another case
# for a story that speaks of no pregnancy, birth, child or maternity at all (a member owed wages
# read "Nghỉ thai sản: ... lao động nữ vẫn tiếp tục được hưởng trợ cấp thai sản").
# Folded, "sa thải" (dismissal) holds "thai"; "vệ sinh", "phát sinh", "học sinh", "sinh viên",
# "sinh hoạt", "sinh nhật" hold "sinh"; "vô cớ" is "vo co" and "phòng, chống" holds "chong": none
# of them is a birth.
_BIRTH_STORY = re.compile(  # folded: not "để", "còn", "nào", "vô" alone
    r"\b(?:(?<!sa )thai|bau|(?<!ve )(?<!phat )(?<!hoc )sinh(?! (?:vien|hoat|nhat|song))|sanh|de con|de xong"
    r"|nuoi con|con (?:em|e|toi|minh|nho|gai|trai|be|moi)"
    r"|vo (?:em|e|toi|minh|anh|tui|sinh|de|mang)|(?<!phong )(?<!phong, )chong(?! (?:chay|doc|dich|tham|that))"
    r"|em be|be (?:nho|so sinh)|hanh kinh"
    r"|kinh nguyet)\b"
)
# Other people's cases, by name: a unit whose subject is one of them is another case for a story
# that never speaks of it (``_Query.spoken``). Each is (the unit's subject, a story that speaks of
# it, where the subject is read: "around" the unit's title, lead-ins and own words, its "own"
# words only, or its "subject": the article's title and a point's lead-in).
_OTHER_PEOPLE: dict[str, tuple[re.Pattern[str], re.Pattern[str], str]] = {
    # Foreign workers in Viet Nam and Vietnamese workers sent abroad: "cty giữ căn cước công dân bản
    # gốc của em" is not answered by who among foreigners needs no work permit.
    "abroad": (
        re.compile(
            r"\bnguoi (?:lao dong )?nuoc ngoai\b|\bcong dan nuoc ngoai\b|\b(?:o|tai) nuoc ngoai\b"
            r"|\bgiay phep lao dong\b"
            r"|\bdi lam viec o nuoc ngoai\b"
        ),
        re.compile(
            r"\bnuoc ngoai\b|\bngoai quoc\b|\bgiay phep lao dong\b|\bgpld\b|\bxuat khau lao dong\b|\bxkld\b"
            r"|\bvisa\b|\bthi thuc\b|\bquoc tich\b|\bnguoi (?:nhat|han|han quoc|trung quoc|dai loan|my|tay"
            r"|an do|philippines|thai lan|campuchia|indonesia|malaysia|singapore)\b"
        ),
        "around",
    ),
    # Union officers ("cán bộ công đoàn", the leaders of the workers' representative organisation):
    # a pregnant member whose contract is not renewed is not answered with the union officer's
    # right to have it extended to the end of the term.
    "officer": (
        re.compile(r"\bcan bo cong doan\b|\bban lanh dao cua to chuc dai dien\b"),
        re.compile(
            r"\bcong doan\b|\bcdcs\b|\bcan bo\b|\bchu tich\b|\bban chap hanh\b|\bbch\b|\bban lanh dao\b"
            r"|\bto chuc dai dien\b"
        ),
        "around",
    ),
    # A collective dispute ("tranh chấp lao động tập thể về quyền / về lợi ích") for a member's own
    # complaint: "cty trừ lương vô lý, gửi đơn cho ai" opened with who settles collective disputes
    # about interests.
    "collective": (
        re.compile(r"\btranh chap lao dong tap the\b"),
        re.compile(
            r"\btap the\b|\bdinh cong\b|\bnhieu nguoi\b|\bca (?:xuong|cong ty|cty|phan xuong|nha may|to)\b"
            r"|\btoan bo\b|\btat ca (?:cong nhan|nguoi lao dong|anh em|moi nguoi)\b|\bthoa uoc\b"
        ),
        "around",
    ),
    # Cases a rule's point may be about: HIV caught at work, coal mining underground. "nữ 55 tuổi
    # đóng bhxh 18 năm có được lương hưu không" opened with "Người bị nhiễm HIV/AIDS do tai nạn rủi
    # ro nghề nghiệp"; "đóng bhxh 20 năm, 50 tuổi" with the miners' pension at 50.
    "hiv": (re.compile(r"\bnhiem hiv\b"), re.compile(r"\bhiv\b|\baids\b"), "own"),
    "coal": (
        re.compile(r"\bkhai thac than\b|\btrong ham lo\b"),
        # not the folded "thân" of "thân nhân", "bản thân", "tự thân"
        re.compile(
            r"(?<!ban )(?<!tu )\bthan\b(?! (?:nhan|the|thien|phan|thiet|chu|minh|nhu))"
            r"|\bham lo\b|\bham mo\b|\bmo than\b"
        ),
        "own",
    ),
    # Minors: "cty không phát khẩu trang cho công nhân làm hóa chất" is not answered with the work
    # banned for workers under 18. A general rule that names minors among others ("14 ngày làm
    # việc đối với người lao động chưa thành niên, lao động là người khuyết tật, người làm nghề,
    # công việc nặng nhọc ...", the yearly health check) is not theirs alone.
    "minor": (
        re.compile(r"\bchua thanh nien\b|\bchua du 1[58] tuoi\b|\bduoi 1[58] tuoi\b|\btre em\b"),
        re.compile(
            r"\b\d{1,2} tuoi\b|\bchua thanh nien\b|\bvi thanh nien\b|\btre (?:em|con)\b|\bhoc sinh\b"
            r"|\bsinh vien\b|\bchua du \d+\b|\bduoi \d+ tuoi\b|\bthieu nien\b"
        ),
        "subject",
    ),
    # Domestic workers (a household's helper, Chương XI Mục 2 of the Labour Code): "Chồng em mất
    # vì tai nạn lao động, gia đình được bồi thường bao nhiêu" opened with the domestic worker's
    # duty to compensate the household for what she breaks.
    "domestic": (
        re.compile(r"\bgiup viec gia dinh\b"),
        re.compile(
            r"\bgiup viec\b|\bosin\b|\bo sin\b|\bviec nha\b|\bchu nha\b|\blam (?:o|cho) nha\b"
            r"|\bnau an\b|\bdon nha\b|\btrong (?:tre|nha|em be)\b"
        ),
        "subject",
    ),
    # Workers without a labour contract (the self-employed, day labourers): "Xưởng bị sập giàn
    # giáo làm chết 1 công nhân. Công ty phải khai báo với cơ quan nào?" opened with what the
    # victim's family reports to the commune when the dead worker had no labour contract. A rule
    # that covers them among others ("kể cả người lao động làm việc không theo hợp đồng") is not
    # theirs alone.
    "no_contract": (
        re.compile(r"(?<!\bke ca )\bnguoi lao dong lam viec khong theo hop dong lao dong\b"),
        re.compile(
            r"\b(?:khong|ko|k|chua|chang) (?:co |ky |lam |duoc ky )?(?:hop dong|hd|hdld)\b"
            r"|\bkhong theo hop dong\b|\blam (?:tu do|thue|cong nhat|thoi vu)\b|\bhop dong mieng\b"
            r"|\bthoa thuan (?:bang )?mieng\b|\btu kinh doanh\b"
        ),
        "own",
    ),
    # Overtime without limit in an emergency (Điều 108 of the Labour Code: mobilisation, natural
    # disasters, fires, epidemics): read alone, "Người sử dụng lao động có quyền yêu cầu người lao
    # động làm thêm giờ vào bất kỳ ngày nào mà không bị giới hạn ..." tells a worker seven months
    # pregnant that she may be kept at work without limit.
    "emergency": (
        re.compile(r"\blam them gio trong (?:nhung )?truong hop dac biet\b"),
        re.compile(
            r"\bthien tai\b|\bhoa hoan\b|\bdich benh\b|\btham hoa\b|\b(?:con|mua|sieu) bao\b|\bbao lu\b"
            r"|\b(?:mua|nuoc|con) lu\b|\blu (?:lut|lon|quet|ve)\b|\bngap\b|\bchay (?:no|lon|xuong|kho)\b"
            r"|\bquoc phong\b|\ban ninh\b|\bdong vien\b|\bkhan cap\b|\bcap cuu\b|\bsu co\b"
        ),
        "around",
    ),
    # Strikes and lockouts (Chương XIV Mục 3 of the Labour Code): "Công nhân xưởng em bị điện giật
    # chết, công ty phải báo cho cơ quan nào?" opened with whom an employer notifies of a lockout
    # during a strike ("... cho các cơ quan, tổ chức sau đây: a) Tổ chức đại diện người lao động
    # đang tổ chức và lãnh đạo đình công").
    "strike": (
        re.compile(r"\bdinh cong\b|\bdong cua tam thoi noi lam viec\b"),
        re.compile(
            r"\bdinh cong\b|\blan cong\b|\bbai cong\b|\bdong cua\b|\bngung viec\b"
            r"|\b(?:nghi|ngung|bo) (?:viec|lam) (?:tap the|ca xuong|ca cong ty|het)\b|\bcung nghi\b"
        ),
        "around",
    ),
}

# Insurance schemes other than the member's compulsory social insurance: health insurance, the
# voluntary scheme, the armed forces' scheme. A document (or a unit) of one is another case for a
# story that speaks of none of it: "hợp đồng thời vụ 3 tháng có phải đóng bhxh không" opened with
# who joins health insurance (Nghị định 146/2018), "đóng BHXH 15 năm, muốn rút một lần" with the
# voluntary scheme (Nghị định 159/2025). Each is (its documents' and articles' titles, a unit's
# subject, a story that speaks of it).
_SCHEMES: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]] = {
    "health": (
        re.compile(r"^(?!.*\b(?:bao hiem xa hoi|bhxh)\b).*\bbao hiem y te\b"),
        re.compile(r"^nguoi tham gia bao hiem y te\b"),
        re.compile(
            r"\by te\b|\bbhyt\b|\bkham (?:chua )?benh\b|\bchua benh\b|\bthe (?:bh|bao hiem)\b"
            # medicine, not the folded "thuộc" of "thuộc đối tượng", "thuộc trường hợp"
            r"|\bvien phi\b|\b(?:tien|mua|uong|ke|cap|lay) thuoc\b|\bthuoc (?:men|uong|tay|bo)\b"
            r"|\bdieu tri\b|\bnam vien\b|\bbenh vien\b"
        ),
    ),
    "voluntary": (
        # ... and the rules for a member with both kinds of contributions (Điều 111 of the 2024
        # law, "... đối với người vừa có thời gian đóng bảo hiểm xã hội bắt buộc vừa có thời gian
        # đóng bảo hiểm xã hội tự nguyện"), whose 15-year rule is not the general pension rule.
        re.compile(
            r"^(?!.*\bbat buoc\b).*\bbao hiem xa hoi tu nguyen\b"
            r"|\bvua co thoi gian dong bao hiem xa hoi bat buoc"
            r" vua co thoi gian dong bao hiem xa hoi tu nguyen\b"
        ),
        re.compile(r"^(?:doi tuong|nguoi(?: lao dong)?)[^.;:]{0,40}?\bbao hiem xa hoi tu nguyen\b"),
        re.compile(r"\btu nguyen\b|\btu do\b|\bbuon ban\b|\bnong dan\b|\bkhong co hop dong\b|\btu dong\b"),
    ),
    "forces": (
        re.compile(r"\bquan nhan\b|\bcong an nhan dan\b"),
        re.compile(r"^[^.;:]{0,30}\b(?:quan nhan|cong an nhan dan)\b"),
        re.compile(r"\bquan nhan\b|\bcong an\b|\bquan doi\b|\bbo doi\b|\bsi quan\b|\bquan ngu\b"),
    ),
}


def _spoken(folded: str) -> frozenset[str]:
    """The other people's cases and insurance schemes a story speaks of (read once per question)."""
    stories = [(n, story) for n, (_, story, _) in _OTHER_PEOPLE.items()]
    stories += [(n, story) for n, (_, _, story) in _SCHEMES.items()]
    return frozenset(name for name, story in stories if story.search(folded))


# Infertility treatment is a case of its own ("... trước khi sinh con đối với trường hợp phải nghỉ
# việc để điều trị vô sinh"): the "vô sinh" of a unit is not a mother's story unless she says so.
_INFERTILITY = re.compile(rf"\bvo sinh\b(?! {_BIRTH_WORDS}\b)")
_INFERTILITY_STORY = re.compile(
    rf"\bvo sinh\b(?! {_BIRTH_WORDS}\b)|\bhiem muon\b|\bthu tinh\b|\bong nghiem\b|\bivf\b"
)


def figures_of(text: str, *, typed: bool = False) -> set[str]:
    """The numbers a text names, without leading zeros ("07" is "7"). ``typed`` marks the numbers
    of a date ("d7"), which only ever match another date's, and the unit a number counts ("n3"
    for "3 ngày", "m7" for "7 tháng" or "tháng thứ 07", "h6" for "6h", "%30"), which keeps "cho
    nghỉ 3 tháng" off "kết hôn: nghỉ 03 ngày" (``shared_figures``)."""
    dates = {m.start() for d in _DATE.finditer(text) for m in _NUMBER.finditer(text, d.start(), d.end())}
    units: dict[int, str] = {}
    if typed:
        for unit, pattern in [*_UNIT_AFTER, *_UNIT_BEFORE, ("%", _PERCENT)]:
            units.update((m.start(), unit) for m in pattern.finditer(text))
    return {
        ("d" if typed and m.start() in dates else units.get(m.start(), "")) + (m.group().lstrip("0") or "0")
        for m in _NUMBER.finditer(text)
    }


# The hours of a member's shift ("từ 22h đến 6h sáng", "tới 10 giờ tối") are facts of her story,
# not what she asks: they match the definition of night hours (Điều 106, "từ 22 giờ đến 06 giờ"),
# which then opened "chi e bau 8 thang roi ma quan doc van bat truc ca dem tu 22h den 6h sang, e
# co quyen tu choi ko a" instead of the ban on night work in pregnancy. Unless she asks about
# the time itself ("ca đêm tính từ mấy giờ").
_CLOCK = re.compile(
    r"\b(?:tu|den|toi|luc|qua)\s+(\d{1,2})\s*(?:h|gio)\b"
    r"|\b(\d{1,2})\s*(?:h|gio)(?:\s*\d{1,2})?\s*(?:sang|chieu|toi|dem|trua|khuya)\b"
)
_ASKS_FOR_TIME = re.compile(r"\b(?:may gio|gio nao|tu may|khung gio|tinh tu|tinh la|bat dau tu)\b")


def _clock_figures(folded: str) -> set[str]:
    """The hour figures ("h22") of the clock times a folded question tells, unless it asks for a time."""
    if _ASKS_FOR_TIME.search(folded):
        return set()
    return {f"h{int(m.group(1) or m.group(2))}" for m in _CLOCK.finditer(folded)}


def shared_figures(asked: set[str], stated: set[str]) -> int:
    """How many of the question's figures the text states: the same number of the same unit, or
    of a unit one side does not say; a date's numbers only as a date's."""
    def split(figure: str) -> tuple[str, str]:
        return (figure[0], figure[1:]) if not figure[0].isdigit() else ("", figure)

    def same(a: str, b: str) -> bool:
        (ua, va), (ub, vb) = split(a), split(b)
        if "d" in (ua, ub):
            return a == b
        return va == vb and (ua == ub or not ua or not ub)

    return sum(1 for a in asked if any(same(a, b) for b in stated))


@dataclass(frozen=True)
class Candidate:
    context: UnitContext
    focus: str  # the sentence(s) of the unit that state the rule
    key: str  # the one sentence of ``focus`` that shares most with the question
    features: tuple[float, ...]
    source: int  # number of the source (article) it comes from
    score: float = 0.0

    @property
    def unit(self) -> LegalUnit:
        return self.context.unit

    def exceptions(self) -> str | None:
        """The points of an exception list whose lead-in is the rule this candidate states
        ("a) ...\nb) ..."): quoted under it, so that "trừ trường hợp sau đây" is never left
        unsaid; None for any other unit."""
        if self.unit.kind is not UnitKind.CLAUSE or exception_lead(self.unit.text) != self.focus:
            return None
        return self.unit.text.strip().split("\n", 1)[1].strip()


@dataclass(frozen=True)
class _Query:
    words: set[str]
    bigrams: set[tuple[str, str]]
    figures: set[str]
    wants_figure: bool
    folded: str
    qualified: str  # the question as the opposite-case qualifiers read it (``_qualified``)
    ends: str | None  # who ends the contract in the story: "employer", "worker" or not said
    surrogacy: bool  # the member speaks of a surrogacy
    mother: bool  # the member is herself pregnant or gave birth (not a father whose wife did)
    infertility: bool  # the member speaks of infertility treatment
    birth: bool  # the story speaks of a pregnancy, a birth, a child or maternity at all
    faults: Mapping[str, bool]  # whose fault the story says it is, or is not (``assistant.fault``)
    lawful: bool  # the member states the contract was ended lawfully ("em nghỉ việc đúng luật")
    spoken: frozenset[str]  # the other people's cases and schemes the story speaks of (``_spoken``)
    causes: frozenset[str]  # the no-fault causes of a stoppage the story names (``fault.causes``)
    denied: tuple[tuple[str, str], ...]  # outcomes the member says failed (``denied_outcomes``)
    diseases: frozenset[str]  # the grave illnesses the story names (``_named_diseases``)
    no_stay: bool  # the member says she was not in hospital (``_NO_HOSPITAL_STAY``)
    # How specific each word is in the law (its inverse article frequency), for breaking ties.
    rarity: Mapping[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, question: str, rarity: Mapping[str, float] | None = None) -> _Query:
        tokens = question_words(question)
        folded = fold(question)
        figures = figures_of(question, typed=True) - _clock_figures(folded)
        asks = bool(_ASKS_FOR_FIGURE.search(folded))
        qualified = _qualified(folded)
        faults = fault.told(folded)
        # A cause the member names is no-fault only where she does not blame the employer for it.
        causes = fault.causes(folded) if faults.get("employer") is not True else frozenset()
        return cls(
            set(tokens),
            bigrams(tokens),
            figures,
            asks,
            folded,
            qualified,
            contract_ending.who_ends(folded),
            any(w in folded for w in ("mang thai ho", "nho mang thai", "mang thai giup")),
            _MOTHER_STORY.search(folded) is not None and _FATHER_STORY.search(folded) is None,
            _INFERTILITY_STORY.search(folded) is not None,
            _BIRTH_STORY.search(folded) is not None,
            faults,
            _LAWFUL.search(folded) is not None and "trai phap luat" not in qualified,
            _spoken(folded),
            causes,
            denied_outcomes(folded),
            _named_diseases(folded),
            _NO_HOSPITAL_STAY.search(folded) is not None,
            rarity or {},
        )


# Quitting (or dismissing) without the notice the law requires is what the law calls "đơn phương
# chấm dứt hợp đồng lao động trái pháp luật" (Điều 39): "em nghỉ việc mà không báo trước đủ số
# ngày" is that case, whether or not the member says "trái luật".
_WITHOUT_NOTICE = re.compile(
    r"\b(?:nghi|bo) (?:viec |lam )?ngang\b|\b(?:khong|ko|k|chua|chang) (?:he |co )?bao truoc\b"
    r"|\bbao truoc (?:khong|ko|chua) (?:du|dung)\b|\bkhong bao (?:truoc )?(?:cho )?(?:cty|cong ty|sep)\b"
)


# The member states the ending was lawful ("em xin nghỉ việc đúng luật thì ...", "đã báo trước
# đủ 30 ngày"), as opposed to asking whether it was ("Cty làm vậy có đúng luật không?").
_LAWFUL = re.compile(
    r"(?<!\bco )(?<!\bvay )\b(?:dung (?:phap )?luat|hop phap|dung quy dinh)\b"
    r"(?! *(?:(?:khong|ko|k|hok|khg|chua|ha|nhi|sao|a)\b|\?))"
    r"|\bbao truoc (?:day )?du\b"
)


def _qualified(folded: str) -> str:
    """The question as the opposite-case qualifiers read it: a member's "trái luật" / "sai luật",
    or a contract ended without notice, is the law's "trái pháp luật"."""
    qualified = _ASKING_YET.sub(" ", folded)
    qualified = qualified.replace("trai luat", "trai phap luat").replace("sai luat", "trai phap luat")
    qualified = qualified.replace("vo co", "trai phap luat")  # "đuổi việc vô cớ"
    if _HEAVY_WORK.search(folded):
        qualified += " nang nhoc"
    if _NIGHT.search(folded):
        qualified += " lam them gio vao ban dem" if _OVERTIME.search(folded) else f" {_NIGHT_ONLY}"
    return f"{qualified} trai phap luat" if _WITHOUT_NOTICE.search(folded) else qualified


# "chưa" that ends a question asks "yet?" ("đóng 18 năm, tôi đủ điều kiện nhận lương hưu chưa?"):
# it is not the member's "chưa đủ", so a unit for a case not yet come about ("... nhưng không đủ
# điều kiện hưởng lương hưu và chưa đủ tuổi ...") stays another case than hers.
_ASKING_YET = re.compile(r"\bchua\b(?=\s*(?:(?:a|nhi|vay|ha|ta|ah|z)\s*)?(?:[?.!,;]|$))")


# Night work in a member's words: without any, overtime at night (the extra 20% of khoản 3 Điều
# 98) is another case than hers ("cty bat em di lam ngay mung 1 tet ma khong tra them tien").
_NIGHT = re.compile(r"\b(?:dem|khuya|ca 3|ca ba|buoi toi|ca toi|lam toi|22 ?h|22 gio|23 ?h|23 gio)\b")


# Overtime in a member's words (or the law's, added by the query's synonyms), working on a rest
# day or a holiday included (the law pays it as overtime). A night shift without any is night work,
# not overtime: "làm ca đêm từ 22h đến 6h sáng, cty trả lương như ca ngày, em được trả thêm bao
# nhiêu" opened with overtime on a normal day (150%) instead of the 30% extra for night work.
_OVERTIME = re.compile(
    r"\b(?:lam them|tang ca|ot|ngoai gio|qua gio|them gio|chu nhat|ngay nghi|nghi le|ngay le|le tet|tet)\b"
)
# Marks a question that speaks of night work and of no overtime (``_qualifier_mismatch``).
_NIGHT_ONLY = "ca dem khong lam them"


# Heavy, toxic or dangerous work in a member's words: without any, a unit for "nghề, công việc
# nặng nhọc, độc hại, nguy hiểm" is another case than hers (30 days of sick leave, not 40).
_HEAVY_WORK = re.compile(
    r"\b(?:nang nhoc|doc hai|nguy hiem|ham lo|ham mo|mo than|tho han|han xi|hoa chat|phong xa"
    r"|thuoc tru sau|khai thac|tho lan|tren cao|nhiet do cao|bui|on lon|tieng on|khoang tau|dau khi"
    r"|xang dau|dien cao the)\b"
)


@dataclass(frozen=True)
class UnitRanker:
    """A linear score over FEATURES (standardised when a model is loaded)."""

    weights: tuple[float, ...] = HAND_WEIGHTS
    bias: float = 0.0
    mean: tuple[float, ...] = (0.0,) * len(FEATURES)
    scale: tuple[float, ...] = (1.0,) * len(FEATURES)
    # Below this score no unit decides the question: the answer says so and offers the advisor.
    min_score: float = 2.0

    @classmethod
    @cache
    def load(cls) -> UnitRanker:
        if not MODEL_FILE.is_file():
            return cls()
        raw = read_model(
            MODEL_FILE.read_text(encoding="utf-8"), FEATURES, "python -m assistant.train_decisive"
        )
        return cls(
            tuple(raw["weights"]),
            float(raw["bias"]),
            tuple(raw["mean"]),
            tuple(raw["scale"]),
            float(raw["min_score"]),
        )

    def score(self, features: Sequence[float]) -> float:
        return self.bias + sum(
            w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.mean, self.scale, strict=True)
        )


def candidates(
    corpus: Corpus,
    sources: Sequence[Source],
    question: str,
    similarity: Mapping[str, float] | None = None,
    ranker: UnitRanker | None = None,
) -> list[Candidate]:
    """Every quotable unit of the sources, best first.

    ``similarity`` maps unit ids (clauses of long articles, whole short articles) to the cosine of
    the question's e5 vector with that unit's indexed passage; a point takes its clause's.
    """
    query = _Query.of(question, word_rarity(corpus))
    # Laws the question names, and whether it asks about an earlier time: then a law no longer in
    # force may decide it; otherwise the law in force does.
    named = mentioned_laws(question, corpus.documents)
    past = asks_about_past(question)
    best = max(similarity.values()) if similarity else 0.0
    model = ranker or UnitRanker.load()
    asks_when = _ASKS_EFFECT.search(query.folded) is not None
    articles = frozenset(source.article.id for source in sources)
    found = []
    for source in sources:
        for unit in _quotable(corpus, source.article):
            if not asks_when and _EFFECT.match(unit.text.strip()):
                continue
            superseded = not source.hit.in_force and source.article.law_id not in named and not past
            candidate = _candidate(corpus, source, unit, query, similarity or {}, best, superseded, articles)
            if _other_levy(candidate.context, query.folded):
                continue
            found.append(replace(candidate, score=model.score(candidate.features)))
    titles = [title for asks, title in _ASKED_KINDS if asks.search(query.folded)]
    if titles:
        found = [replace(c, score=c.score + ASKED_KIND_LIFT) if _titled(c, titles) else c for c in found]
    found = _paired_cases(found, query)
    return sorted(_applied(found, articles), key=lambda c: -c.score)


# Two units of an article for a case and its opposite ("Trường hợp người lao động bị xử lý kỷ luật
# lao động, ... không phải trả lại số tiền lương đã tạm ứng." / "Trường hợp người lao động không
# bị xử lý kỷ luật lao động thì ... trả đủ tiền lương"): the story says which case is the member's
# ("cty kết luận em không có lỗi, không kỷ luật"; "cty kỷ luật khiển trách mình"). Shared words
# cannot tell them apart; the negation can. In the article of the best unit, the member's case
# gains ``PAIRED_CASE_LIFT`` and the other loses it.
PAIRED_CASE_LIFT = 3.0  # swept on dev_tune over 1, 2, 3: 0, 1 and 2 stories gained their facts, none lost
# ``_CONDITION``'s opening, where a comma also ends the case ("Trường hợp ... bị xử lý kỷ luật lao
# động, người lao động cũng không phải ..."); ``_CONDITION`` itself stays as the ranker was fitted.
_OPENING_CASE = re.compile(r"^(?:khi [^,.;:]{0,80}, )?(?:neu|truong hop) (.{8,}?)(?: thi |, )")
_NEGATION = re.compile(r"\b(?:khong|chua|ko|k|hong|chang)\b")
_CASE_SUBJECT = re.compile(r"\b(?:nguoi lao dong|nguoi su dung lao dong)\b")


def _case_of(candidate: Candidate) -> tuple[str, bool] | None:
    """The case a unit opens with, without its negation and subject, and whether it is negated."""
    found = _OPENING_CASE.match(fold(candidate.unit.text).strip())
    if found is None:
        return None
    case = _CASE_SUBJECT.sub(" ", found.group(1))
    core = " ".join(_NEGATION.sub(" ", case).split())
    return (core, _NEGATION.search(case) is not None) if core else None


_CASE_VERBS = frozenset({"bi", "duoc", "co", "la", "da", "dang"})


def _story_negates(core: str, query: _Query) -> bool | None:
    """Whether the story says the case did not happen (True), did (False), or never names it: a
    specific word of the case with a negation among the three words before it, in its clause."""
    words = {w for w in content_words(core) if w not in _CASE_VERBS and query.rarity.get(w, 0.0) > 1.0}
    said = None
    tokens = query.folded.split()
    for i, token in enumerate(tokens):
        if token.strip(",.;:?!") not in words:
            continue
        negated = False
        for before in reversed(tokens[max(0, i - 3) : i]):
            if before[-1] in ",.;:?!":
                break
            negated = negated or _NEGATION.fullmatch(before) is not None
        said = True if negated else (said or False)
    return said


def _paired_cases(found: list[Candidate], query: _Query) -> list[Candidate]:
    """Within the article of the best unit (the story's article is decided; its case is not)."""
    if not found:
        return found
    leading = max(found, key=lambda c: c.score).context.article.id
    cases = {id(c): _case_of(c) for c in found if c.context.article.id == leading}
    polarities: dict[str, set[bool]] = {}
    for case in cases.values():
        if case is not None:
            polarities.setdefault(case[0], set()).add(case[1])
    # whether the story negates each case that the article states both ways
    said = {core: _story_negates(core, query) for core, seen in polarities.items() if len(seen) == 2}
    out = []
    for c in found:
        case = cases.get(id(c))
        negated = said.get(case[0]) if case is not None else None
        if case is None or negated is None:
            out.append(c)
            continue
        lift = PAIRED_CASE_LIFT if negated == case[1] else -PAIRED_CASE_LIFT
        out.append(replace(c, score=c.score + lift))
    return out


# Kinds of question an article's title answers, which the learned ranker missed by shared words:
# (1) "Có được hưởng / lương hưu ... không?" asks whether the member qualifies: the article on who qualifies
# ("Điều kiện hưởng", "Đối tượng và điều kiện hưởng ...") decides it, not the one on how much or how
# long; (2) "quá lâu vậy rồi cty còn được bắt bồi thường ko", "vẫn còn thời hiệu để kỷ luật không"
# ask whether it is too late: the article on the limitation period ("Thời hiệu ..."), not the
# procedure; (3) "tôi khiếu nại ở đâu được" the article on complaints ("Khiếu nại về kỷ luật lao
# động ...", "Quyền khiếu nại ..."), not the penalty complained of; (4) "hồ sơ gồm những giấy tờ
# gì" the article on the papers ("Hồ sơ đề nghị hưởng ..."); (5) "bên bảo hiểm giải quyết trong bao
# lâu" the article on how a claim is settled ("Giải quyết hưởng ..."). Their units gain
# ``ASKED_KIND_LIFT`` on the ranker's score (whose top units spread over 3 to 6): 1 for the first
# two kinds on dev_tune (among 0.5, 1 and 2), raised to 4 with the last three (among 1, 2 and 4:
# 1 moved nothing, 2 one answer, 4 two more facts and no fact lost).
ASKED_KIND_LIFT = 4.0
_ASKED_KINDS = (
    (
        re.compile(
            r"\bco (?:con )?(?:duoc|dc) (?:huong|nhan|lanh|tinh la|coi la|luong huu)\b[^?.]{0,60}"
            r"\b(?:khong|ko|k|hok|chua)\b|\b(?:du|dat) dieu kien\b"
        ),
        re.compile(r"^(?:doi tuong(?: va|,) )?dieu kien (?:huong|duoc)\b"),
    ),
    (
        re.compile(
            r"\bthoi hieu\b|\bhet (?:thoi )?han (?:xu ly|ky luat|khieu nai|kien|khoi kien)\b"
            r"|\blau (?:vay |nhu vay |the )?roi\b[^?]{0,60}\b(?:con|van)\b[^?]{0,20}\b(?:duoc|dc)\b"
            r"|\bcon (?:duoc|dc) (?:ky luat|kien|khoi kien|khieu nai|bat boi thuong|xu ly)\b"
        ),
        re.compile(r"^thoi hieu\b"),
    ),
    (  # a complaint: where, to whom, whether one may ("tôi khiếu nại ở đâu được")
        re.compile(
            r"\bkhieu nai (?:o dau|den dau|len dau|voi ai|cho ai|(?:duoc|dc) (?:khong|ko|k)\b|the nao"
            r"|nhu the nao|ra sao)|\b(?:gui|nop|lam) don khieu nai\b|\bquyen khieu nai\b"
        ),
        re.compile(r"^(?:quyen )?khieu nai\b"),
    ),
    (  # the papers: "hồ sơ gồm những giấy tờ gì", "cần chuẩn bị giấy tờ gì"
        re.compile(
            r"\bho so (?:gom|can|co|la|phai co|lam) (?:nhung )?(?:gi|nhung gi|nhung giay to gi|giay to gi)\b"
            r"|\b(?:can|phai co|chuan bi|nop) (?:nhung )?giay to gi\b|\bho so (?:gi|nhu the nao|ra sao)\b"
            r"|\blam ho so (?:the nao|nhu the nao|ra sao)\b"
        ),
        re.compile(r"^ho so\b"),
    ),
    (  # how long the agency takes: "nộp đủ rồi thì bên bảo hiểm giải quyết trong bao lâu"
        re.compile(
            r"\bgiai quyet (?:trong )?(?:bao lau|may ngay|bao nhieu ngay)\b"
            r"|\b(?:bao lau|may ngay|bao nhieu ngay) (?:thi |moi |se )?(?:duoc )?"
            r"(?:giai quyet|chi tra|nhan (?:duoc )?tien)\b"
        ),
        re.compile(r"^giai quyet huong\b"),
    ),
)


def _titled(candidate: Candidate, titles: Sequence[re.Pattern[str]]) -> bool:
    """Is the unit in an article whose title one of ``titles`` matches?"""
    title = _folded(candidate.context.article.title)
    return any(pattern.match(title) for pattern in titles)


DEFERS = FEATURES.index("defers")
# How far above the unit that applies it the applied unit ranks (the deferral's own penalty is 1).
APPLIED_MARGIN = 0.5


def _applied(found: list[Candidate], articles: frozenset[str]) -> list[Candidate]:
    """A unit another candidate applies ("theo quy định tại Điều 47") ranks just above that
    candidate: the applied article's own words state what the other only points to."""
    lifts: dict[str, float] = {}
    for c in found:
        if c.features[DEFERS]:
            for target in _applied_units(c.unit, c.focus, articles):
                lifts[target] = max(lifts.get(target, -math.inf), c.score + APPLIED_MARGIN)
    if not lifts:
        return found
    out = []
    for c in found:
        targets = (v for t, v in lifts.items() if c.unit.id == t or c.unit.id.startswith(t + ":"))
        lift = max(targets, default=-math.inf)
        out.append(replace(c, score=lift + c.score * 1e-3) if lift > c.score else c)
    return out


# "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026." says when a document applies,
# not what it rules: it opens an answer only to a question about when ("hiệu lực", "từ ngày nào",
# "khi nào áp dụng"). A member's "lương tối thiểu vùng 1 năm 2026 là bao nhiêu" matched its date.
_EFFECT = re.compile(
    r"^(?:(?:Luật|Bộ luật|Nghị định|Thông tư|Quyết định|Văn bản) này|[^.]{0,120}?\bnày) có hiệu lực"
    r"(?: thi hành)? (?:kể )?từ ngày[^.;]{0,80}[.;]?$"
    r"|^[^.;]{0,300}\bhết hiệu lực(?: thi hành)? (?:kể )?từ ngày[^.;]{0,120}[.;]?$"
)
_ASKS_EFFECT = re.compile(
    r"hieu luc|tu ngay nao|tu khi nao|tu bao gio|khi nao (?:ap dung|co hieu luc|bat dau)|bat dau ap dung"
    r"|ap dung tu"
)

_RARITY: WeakKeyDictionary[Corpus, dict[str, float]] = WeakKeyDictionary()


def word_rarity(corpus: Corpus) -> Mapping[str, float]:
    """log(articles / articles using the word) for every content word of the corpus, computed
    once per corpus (about 0.5 s for 1,700 articles): "giữ", "thấp" tell sentences apart,
    "người", "lao động" do not."""
    if corpus not in _RARITY:
        articles = corpus.articles()
        counts: Counter[str] = Counter()
        for article in articles:  # read once: not through law_words' cache of hot texts
            counts.update(set(content_words(article.text)))
        _RARITY[corpus] = {w: math.log(len(articles) / n) for w, n in counts.items()}
    return _RARITY[corpus]


def _cosine(unit: LegalUnit, similarity: Mapping[str, float], default: float) -> float:
    for uid in (unit.id, unit.parent_id, f"{unit.law_id}:d{unit.article}"):
        if uid is not None and uid in similarity:
            return similarity[uid]
    return default


def _quotable(corpus: Corpus, article: LegalUnit) -> Iterator[LegalUnit]:
    clauses = [u for u in corpus.children(article.id) if u.kind is UnitKind.CLAUSE]
    if not clauses:
        yield article
        return
    for clause in clauses:
        points = [u for u in corpus.children(clause.id) if u.kind is UnitKind.POINT]
        if points:
            if exception_lead(clause.text):
                yield clause
            yield from (p for p in points if not is_delegation(p.text))
        elif not is_delegation(clause.text):
            yield clause


# A clause whose lead-in is the rule and whose points are its exceptions ("Trong thời hạn 14 ngày
# làm việc ... thanh toán đầy đủ ..., trừ trường hợp sau đây có thể kéo dài nhưng không được quá
# 30 ngày:"): the rule itself is a candidate beside each exception, or a member who names none of
# them ("nghỉ việc thì cty phải trả lương trong bao nhiêu ngày") is answered with a natural disaster
# ("trừ các tranh chấp lao động sau đây không bắt buộc phải qua thủ tục hòa giải:" too).
_EXCEPTION_LEAD = re.compile(r"\btrừ (?:các |những )?[^:,;\n]{0,40}? sau(?: đây)?\b[^:\n]*:\s*$")


def exception_lead(text: str) -> str | None:
    """The lead-in line of a clause whose points are exceptions to it, or None."""
    lead = text.strip().split("\n", 1)[0]
    return lead if "\n" in text.strip() and _EXCEPTION_LEAD.search(lead) else None


def is_delegation(text: str) -> bool:
    """A unit that only hands the detail to another body ("Chính phủ quy định chi tiết Điều
    này.", "Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định danh mục ..."): it states no
    rule a member can rely on, so it never opens an answer (none is a gold unit of the dev sets;
    213 clauses and points of the corpus). Neither does a list's catch-all item ("Các trường hợp
    khác ... theo quy định của Chính phủ.", 32 more)."""
    text = text.strip()
    # After a rule-making body and its verb, whatever follows is what that body will regulate.
    if _RULE_MAKER.match(text) or _CATCH_ALL.match(text):
        return True
    return len(text) < DELEGATION_MAX_CHARS and _DELEGATION.match(text) is not None


def _candidate(
    corpus: Corpus,
    source: Source,
    unit: LegalUnit,
    query: _Query,
    similarity: Mapping[str, float],
    best_cosine: float,
    superseded: bool = False,
    articles: frozenset[str] = frozenset(),
) -> Candidate:
    context = context_of(corpus, unit)
    lead = exception_lead(unit.text) if unit.kind is UnitKind.CLAUSE else None
    # An exception list's rule is its lead-in; its exceptions follow it (``Candidate.exceptions``).
    focus = lead or _focus(unit.text, query)
    # A point means its lead-in plus itself ("... được nghỉ hằng năm ... như sau: a) 12 ngày làm
    # việc ..."): both count as its own words, so a point competes with whole clauses on equal terms.
    own = [*law_words(context.clause_lead), *law_words(focus)]
    own_set = set(own)
    around = set(law_words(context.article.title)) | set(law_words(context.article_lead))
    figures = figures_of(focus, typed=True)  # a date's numbers marked; truthy as any number
    focus_folded = _folded(focus)
    matched = source.clause is not None and unit.clause == source.clause.clause
    banded = _folded(f"{context.clause_lead}\n{unit.text}")
    table = table_rows.parse(unit.text)
    row = table_rows.row_named(table, query.folded) if table else None
    features = (
        len(query.words & own_set) / math.log(math.e + len(own) / 40),
        len(query.words & own_set) / max(1, len(query.words)),
        float(len(query.bigrams & bigrams(own))),
        float(len((query.words & around) - own_set)),
        float(min(2, shared_figures(query.figures, figures))),
        float(query.wants_figure and bool(figures)),
        float(bool(figures)),
        float(_qualifier_mismatch(context, focus_folded, query)),
        float(matched),
        1.0 / source.number,
        (_cosine(unit, similarity, best_cosine) - best_cosine) * 10 if similarity else 0.0,
        float(unit.kind is UnitKind.POINT),
        float(unit.kind is UnitKind.CLAUSE),
        math.log1p(len(own)),
        float(unit.clause == 1),
        float(source.hit.in_force),
        float(
            superseded
            or _excluded(context, banded, query)
            or _other_scheme(corpus.document(unit.law_id).title, context, query.spoken)
        ),
        # The case the member states fits the unit: an age band that holds her age, the row of a
        # table she names ("lương tối thiểu vùng 1" and the table's "Vùng I"), or the cause of a
        # stoppage she names ("mất điện" and "sự cố về điện, nước").
        float(
            age_band.fits(banded, query.folded)
            or row is not None
            or bool(query.causes and query.causes & fault.causes(banded, law=True))
            or bool(query.diseases and query.diseases & _named_diseases(banded))
        ),
        float(_unmet_condition(_folded(unit.text), query)),
        float(_defers(unit, focus, articles)),
    )
    key = table_rows.row_line(row) if row else _best_sentence(focus, query)
    return Candidate(context, focus, key, features, source.number)


# A unit that pays what another article rules ("chi trả trợ cấp thôi việc theo quy định tại Điều 46
# của Bộ luật Lao động", "được tạm ứng tiền lương theo quy định tại khoản 3 Điều 101"): when that
# article is among the sources, its own unit states the substance (the amount, the time limit). An
# exception it names ("trừ trường hợp quy định tại khoản 4 Điều 97") or a reference that only
# qualifies its words ("nội dung lấy ý kiến đình công theo quy định tại khoản 2 Điều 201") is not.
_APPLIES = re.compile(
    r"\b(?:trả|chi trả|hưởng|tạm ứng|thanh toán|bồi thường|đền bù)\b[^,.;:]{0,50}? theo quy định tại "
    r"(?:(?:các )?(?:điểm|khoản) [^Đ]{1,40}?)?Điều (\d+)"
)


def _applied_units(unit: LegalUnit, focus: str, articles: frozenset[str]) -> set[str]:
    """The units (ids as the unit's cross-references resolve them) whose rule ``focus`` applies
    ("theo quy định tại Điều M"), when their article is another of the sources."""
    applied = {int(m.group(1)) for m in _APPLIES.finditer(focus)}
    if not applied:
        return set()
    own = f"{unit.law_id}:d{unit.article}"
    found = set()
    for ref in unit.references:
        article = ref.split(":k", 1)[0]
        other = ":d" in article and article != own and article in articles
        if other and int(article.rsplit(":d", 1)[1]) in applied:
            found.add(ref)
    return found


def _defers(unit: LegalUnit, focus: str, articles: frozenset[str]) -> bool:
    """Whether the unit's rule is another source article's, applied ("theo quy định tại Điều M")."""
    return bool(_applied_units(unit, focus, articles))


# A rule for a special case: "Khi nghỉ hằng năm, nếu người lao động đi bằng các phương tiện ...
# mà số ngày đi đường ... trên 02 ngày thì ...", "Trường hợp ... thì ...". The case is what follows
# "nếu" / "trường hợp" up to "thì".
_CONDITION = re.compile(r"^(?:khi [^,.;:]{0,80}, )?(?:neu|truong hop) (.{12,}?) thi ")

# The grave illnesses a rule names ("người đang mắc một trong những bệnh ung thư, bại liệt, xơ gan
# mất bù, lao nặng, AIDS" may take their insurance at once): a story that names one is that case.
_DISEASE = re.compile(r"\b(ung thu|bai liet|xo gan|lao nang|aids|hiv|suy than|tam than)\b")


def _named_diseases(folded: str) -> frozenset[str]:
    return frozenset(_DISEASE.findall(folded))


# Someone's death in a unit's special case (not a stillbirth, "thai chết"), and in a story: "vợ em
# mất" is a death, "mất việc", "mất sức", "mất 65% sức lao động" are not.
_DEATH = re.compile(r"(?<!thai )\bchet\b|\bqua doi\b|\btu vong\b|\bmat tich\b")
_NOT_A_DEATH = r"(?! (?:viec|suc|tien|kha nang|giay|so|lien lac|the|\d))"
_DEATH_STORY = re.compile(
    r"\bchet\b|\bqua doi\b|\btu vong\b|\btu tran\b|\bhy sinh\b|\bmat tich\b"
    rf"|\b(?:da|vua|moi|bi) mat\b{_NOT_A_DEATH}"
    rf"|\b(?:vo|chong|me|bo|cha|ba|ong)(?: (?:em|e|toi|t|minh|anh|chi|tui|no|ay))? mat\b{_NOT_A_DEATH}"
)


def _unspoken_death(unit_folded: str, question_folded: str) -> bool:
    """The unit's special case is someone's death ("... mà mẹ chết sau khi sinh con thì ...") and
    nobody died in the story; not when the death is one of the case's alternatives ("mẹ chết sau
    khi sinh con hoặc gặp rủi ro sau khi sinh mà không đủ sức khỏe để chăm sóc con")."""
    case = _CONDITION.match(unit_folded.strip())
    died = _DEATH.search(case.group(1)) if case else None
    if case is None or died is None or " hoac " in case.group(1)[died.end() :]:
        return False
    return _DEATH_STORY.search(question_folded) is None


# The question must name at least this share of the case's words, weighted by how specific each
# is in the law ("lỗi" counts, "người", "lao động" barely), for the case to be its own.
UNMET_SHARE = 0.2


def _unmet_condition(unit_folded: str, query: _Query) -> bool:
    """Whether the unit (as a whole: not the one sentence quoted from it) opens with a special
    case the question does not speak of at all."""
    found = _CONDITION.match(unit_folded.strip())
    if found is None or not query.rarity:
        return False
    case = set(content_words(found.group(1)))
    total = sum(query.rarity.get(w, 0.0) for w in case)
    named = sum(query.rarity.get(w, 0.0) for w in case & query.words)
    return total > 0 and named / total < UNMET_SHARE


def _mismatched(
    folded: str, query: _Query, qualifiers: tuple[str, ...] = _QUALIFIERS, *, grade: bool = True
) -> set[str]:
    """The opposite-case qualifiers ``folded`` uses that the question does not (an age band's
    "chưa đủ 18 tuổi" is not one: the age-band feature judges it; nor is "người chưa thành niên",
    a group of workers the law names, not a case that has not yet come about; heavy work is not
    one in a text that also gives the normal conditions' rule). With ``grade``,
    heavy work that is only ever "đặc biệt nặng nhọc" counts too (the unit's own words; a title
    or lead-in naming the grade does not make the unit about it)."""
    # "chưa kể" is "not counting" ("ít nhất bằng 300% chưa kể tiền lương ngày lễ"), not a case
    # that has not come about; nor is "chưa có việc làm", the case of every claim for
    # unemployment benefit ("người lao động chưa có việc làm mà có nhu cầu hưởng trợ cấp thất
    # nghiệp phải nộp ... hồ sơ").
    folded = age_band.without_bands(folded).replace("chua thanh nien", " ").replace("chua ke", " ")
    folded = folded.replace("chua co viec lam", " ").replace("chua tim duoc viec lam", " ")
    if age_band.worked_months(query.folded) is not None:
        folded = age_band.without_worked_bands(folded)
    found = {q for q in qualifiers if q not in query.qualified and re.search(rf"\b{q}\b", folded)}
    if "binh thuong" in folded:  # a list of both the normal and the heavy case is the general rule
        found.discard("nang nhoc")
    if grade and _only_special_grade(folded) and "dac biet" not in query.folded:
        found.add(_SPECIAL_GRADE)
    return found


def _only_special_grade(folded: str) -> bool:
    """The unit's heavy work is only ever "đặc biệt nặng nhọc, độc hại, nguy hiểm" (16 days of
    annual leave, not the 14 of "nặng nhọc, độc hại, nguy hiểm" that a welder in a ship's hull
    is owed when he says nothing of "đặc biệt")."""
    return _SPECIAL_GRADE in folded and "nang nhoc" not in folded.replace(_SPECIAL_GRADE, " ")


def _qualifier_mismatch(context: UnitContext, focus_folded: str, query: _Query) -> int:
    """How many opposite-case qualifiers the unit (or, for "trái pháp luật", the title and
    lead-ins it depends on) uses that the question does not, a fault the member denies (or the
    reverse) counting as one."""
    around = _folded(f"{context.article.title}\n{context.article_lead}\n{context.clause_lead}")
    in_context = _mismatched(around, query, _CONTEXT_QUALIFIERS, grade=False)
    # Whose fault it is ("không phải lỗi cty" against "Nếu do lỗi của người sử dụng lao động").
    at_fault = bool(query.faults) and fault.contradicts(
        _folded(f"{context.clause_lead}\n{focus_folded}"), query.faults
    )
    infertility = not query.infertility and _INFERTILITY.search(focus_folded) is not None
    denied = _denied_outcome(focus_folded, query.denied)
    # Overtime pay to a member who works nights and speaks of no overtime: the point's lead-in
    # ("Người lao động làm thêm giờ được trả lương ...") states whose case it is. A rule on night
    # work too ("không được sử dụng ... làm việc ban đêm, làm thêm giờ") is hers.
    lead_and_focus = _folded(f"{context.clause_lead}\n{focus_folded}")
    overtime = (
        _NIGHT_ONLY in query.qualified
        and re.search(r"\blam them gio\b", lead_and_focus) is not None
        and re.search(r"\blam viec (?:vao )?ban dem\b", lead_and_focus) is None
    )
    return (
        len(_mismatched(focus_folded, query) | in_context)
        + int(at_fault)
        + int(infertility)
        + int(denied)
        + int(overtime)
    )


# An outcome a rule's case turns on, which a member may say did not come about: "hòa giải không
# thành" is not the case of "hòa giải viên lao động lập biên bản hòa giải thành", nor "hai bên
# không thỏa thuận được" that of "Trường hợp hai bên thỏa thuận được ...".
# Each: (the outcome as the law words it, its failure as the law words it, a member's words for
# the failure).
_OUTCOMES = (
    (
        "hoa giai thanh",
        "hoa giai khong thanh",
        re.compile(r"\bhoa giai (?:(?:da|van|bi|cung) )?(?:khong|ko|k) (?:thanh|duoc)\b"),
    ),
    (
        "thoa thuan duoc",
        "khong thoa thuan duoc",
        re.compile(
            r"\b(?:khong|ko|k) thoa thuan (?:duoc|dc)\b|\bthoa thuan (?:khong|ko) (?:duoc|dc|thanh)\b"
        ),
    ),
)


def denied_outcomes(question_folded: str) -> tuple[tuple[str, str], ...]:
    """The outcomes (as the law words them, and their failure) the member says did not come
    about; read once per question."""
    return tuple((done, failed) for done, failed, member in _OUTCOMES if member.search(question_folded))


def _denied_outcome(unit_folded: str, denied: tuple[tuple[str, str], ...]) -> bool:
    """Whether the unit's case is an outcome the member says did not come about (the unit names
    the outcome and never its failure)."""
    return any(
        failed not in unit_folded and re.search(rf"\b{done}\b", unit_folded) for done, failed in denied
    )


def _excluded(context: UnitContext, banded: str, query: _Query) -> bool:
    """The unit is about another case by a fact the member stated: an age, a month of pregnancy
    or a child's age its bands leave out, a contract ended by the other side or unlawfully when
    the member says it was lawful, a surrogacy the member never spoke of, someone's death or a
    survivors' benefit in a story where nobody died, or a hospital stay to a member who says she
    was treated at home."""
    title = _folded(context.article.title)
    ended_by = contract_ending.ended_by(title)
    other_side = query.ends is not None and ended_by is not None and ended_by != query.ends
    # Whose rule it is; an exception list's rule is its lead-in, not the exceptions under it.
    lead = exception_lead(context.unit.text) if context.unit.kind is UnitKind.CLAUSE else None
    own = lead or context.unit.text
    subjects = (context.article_lead, context.clause_lead, own)
    surrogacy = not query.surrogacy and any(_SURROGACY_SUBJECT.match(_folded(x)) for x in subjects if x)
    whose = _folded("\n".join(x for x in subjects if x))
    father = query.mother and _FATHER_SUBJECT.search(whose) is not None and "lao dong nu" not in whose
    maternity = (
        not query.birth
        and ("nghi thai san" in title or "che do thai san" in title or "bao ve thai san" in title)
        and "om dau" not in title  # a transition article on both sickness and maternity
    )
    # A rule for an unlawful ending ("... trái pháp luật") to a member who says hers was lawful.
    unlawful = query.lawful and "trai phap luat" in _folded(f"{context.article.title}\n{whose}")
    own_folded = _folded(own)
    read = {
        "around": f"{title}\n{whose}",
        "own": own_folded,
        "subject": _folded(f"{context.article.title}\n{context.clause_lead}"),
    }
    others = any(
        name not in query.spoken and subject.search(read[where])
        for name, (subject, _, where) in _OTHER_PEOPLE.items()
    )
    # Work or insurance before a date of the last century ("... thời gian công tác trong khu vực
    # nhà nước ... trước ngày 01 tháng 01 năm 1995 mà không đủ hồ sơ gốc"), which the member's story
    # never reaches: no year of the 1900s in it.
    old_era = _OLD_ERA.search(whose) is not None and _LAST_CENTURY.search(query.folded) is None
    # Papers or rules for a hospital stay to a member who says she was treated at home.
    stay = query.no_stay and _HOSPITAL_STAY.search(whose) is not None
    # Survivors' benefits (articles on "trợ cấp tuất", "chế độ tử tuất"; not those on pensions and
    # survivors' benefits together) in a story where nobody died: a member asking whether her
    # father gets "trợ cấp một lần" read who is paid the lump sum at a worker's death.
    survivors = (
        " tuat " in f" {title} " and "huu tri" not in title and _DEATH_STORY.search(query.folded) is None
    )
    return (
        _unspoken_death(own_folded, query.folded)
        or survivors
        or stay
        or other_side
        or surrogacy
        or father
        or maternity
        or unlawful
        or others
        or old_era
        or age_band.excludes(banded, query.folded)
    )


# A hospital stay in the law's words ("điều trị nội trú", "giấy ra viện"), and a member who says
# she had none: "bác sĩ cho nghỉ ở nhà 4 ngày chứ ko nằm viện. e cần giấy gì ..." opened with the
# discharge paper after a stay (the synonym table reads her "nằm viện" as "điều trị nội trú").
_HOSPITAL_STAY = re.compile(r"\bdieu tri noi tru\b|\bgiay ra vien\b")
_NO_HOSPITAL_STAY = re.compile(
    r"\b(?:khong|ko|k|chua|chu (?:khong|ko|k)) (?:(?:phai|can|duoc|co|he|bi) )?"
    r"(?:nam vien|nhap vien|dieu tri noi tru)\b"
)
_OLD_ERA = re.compile(r"\btruoc ngay \d{1,2} thang \d{1,2} nam 19\d\d\b")
_LAST_CENTURY = re.compile(r"\b19\d\d\b|\bnam (?:[5-9]\d)\b|\btruoc (?:nam )?19")


def _other_scheme(document_title: str, context: UnitContext, spoken: frozenset[str]) -> bool:
    """Whether the unit belongs to an insurance scheme (by its document's or article's title, or
    the subject its text opens with) that the story never speaks of."""
    titles = (_folded(document_title), _folded(context.article.title))
    subjects = [_folded(x) for x in (context.article_lead, context.clause_lead, context.unit.text) if x]
    for name, (titled, subject, _) in _SCHEMES.items():
        named = any(titled.search(t) for t in titles) or any(subject.match(x) for x in subjects)
        if named and name not in spoken:
            return True
    return False


# Two levies a member confuses by their shared "phí": the member's own union dues ("đoàn phí công
# đoàn", paid by the member under the Union's Charter) and the union fee the employer pays ("kinh
# phí công đoàn", 2% of the payroll). A unit about one is another case for a question about the
# other ("Đoàn phí công đoàn mỗi tháng đóng bao nhiêu?" is not answered by how employers pay).
_LEVIES = (r"\bdoan phi\b", r"\bkinh phi cong doan\b")


def _other_levy(context: UnitContext, question_folded: str) -> bool:
    """Whether the unit (with its article's title and lead-ins) speaks only of the levy the
    question does not: then it is not a candidate at all."""
    parts = (context.article.title, context.article_lead, context.clause_lead, context.unit.text)
    unit_folded = _folded("\n".join(x for x in parts if x))
    asked = [re.search(p, question_folded) is not None for p in _LEVIES]
    told = [re.search(p, unit_folded) is not None for p in _LEVIES]
    return sum(asked) == 1 and any(told) and not any(a and t for a, t in zip(asked, told, strict=True))


# A worked example in a guidance text ("Ví dụ 18: Bà Nguyễn Thị A làm việc và đóng BHXH ... tại
# Công ty M ...") illustrates the rule before it; it is no rule, and its story shares many words
# with a member's ("cty chậm đóng bhxh 3 tháng thì thẻ bhyt của em có dùng được không" opened with
# "Ví dụ 18: ...").
_EXAMPLE = re.compile(r"\n\s*Ví dụ\s*\d*\s*:.*", re.DOTALL)


def _focus(text: str, query: _Query) -> str:
    """The whole unit when short, else its sentence that shares most with the question; never a
    worked example."""
    text = _EXAMPLE.sub("", text).strip() or text
    if len(text) <= MAX_QUOTE_CHARS:
        return text.strip()
    return _best_sentence(text, query)


@cache
def _folded(text: str) -> str:
    return fold(text)


def _best_sentence(text: str, query: _Query) -> str:
    """The sentence sharing most words with the question; on a tie, the one whose shared words
    are the more specific ("giữ", "thấp" over "người", "lao động"), then more figures; the
    first after that."""
    sentences = split_sentences(text) or [text.strip()]
    # A lead-in ("... như sau:") states no rule by itself: one of the items it introduces does;
    # nor does a formula's legend ("* Lcđi: tiền lãi chậm đóng ... tính tại tháng i (đồng).").
    sentences = [x for x in sentences if not x.endswith(":") and not x.lstrip().startswith("*")] or sentences

    def overlap(sentence: str) -> tuple[float, float, int]:
        figures = figures_of(sentence, typed=True)
        shared = query.words & set(law_words(sentence))
        folded = _folded(sentence)
        # An outcome the member says failed is another case for a sentence too ("Trường hợp các bên
        # thỏa thuận được, ... lập biên bản hòa giải thành." to "hòa giải không thành thì ...").
        mismatch = len(_mismatched(folded, query)) + int(_denied_outcome(folded, query.denied))
        score = len(shared) + (1.0 if query.wants_figure and figures else 0.0) - 2.0 * mismatch
        specific = sum(query.rarity.get(w, 0.0) for w in shared)
        return score, round(specific, 6), shared_figures(query.figures, figures)

    return max(sentences, key=overlap)
