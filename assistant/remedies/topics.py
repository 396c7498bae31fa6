"""Does a question call for the steps open to a worker, and about what?

Two triggers, over the accent-folded question (members often type without diacritics, with
"ko", "cty", "bhxh"): it asks what to do or where to turn ("phải làm gì", "khiếu nại ở đâu",
"kiện", "báo cho ai", "tranh chấp giải quyết thế nào", "lam sao de doi"), or it tells of a
violation by the employer in the member's own case (a first-person story, or the employer as
subject without "nếu"/"trường hợp"): unpaid or late wages, dismissal without reason or notice,
no social insurance paid, unpaid severance, an uncompensated accident, forced overtime while
pregnant, discrimination for union activity. A textbook question ("Nghỉ phép năm được bao
nhiêu ngày?", "Khi nào được sa thải?") triggers neither.

Three guards come first: the question must be set in working life ("khiếu nại ở đâu" about a
phone shop is not), must not be asked from the employer's side ("tôi là nhân sự, công ty tôi
muốn..."), and must not ask how to dodge a duty ("làm thế nào để xóa camera"); the pipeline's
own scope and evasion gates run before the composer, these only keep the plan honest on its own.

The topic picks the plan; when several match, the first of ``TOPIC_ORDER`` wins (the more
specific remedy: "sa thải vì mang thai" is a dismissal, "vì hoạt động công đoàn" a union case).
Cues are regular expressions over the folded text: readable, testable, and each one traceable
to a phrasing members use; the tests pin their behaviour on hand-written questions.
"""

from __future__ import annotations

import re

from corpus.text import fold


def _any(*alternatives: str) -> str:
    """One regex alternative per argument, so each cue reads on its own line."""
    return "|".join(alternatives)


_NEG = r"(?:khong|ko|k|kh|hok|hong|khg|chua|chang|cha)"
# First person. Folding merges "tôi" with "tối" (tối thiểu, tối đa) and "mình" with "chứng minh".
_ME = r"(?:toi(?! (?:thieu|da|uu)\b)|em|e|(?<!chung )minh|tui|chung toi|chung em|anh em|bon (?:e|em|toi))"
# A story often opens with the speaker's kinship pronoun: "Chị làm kế toán...", "Anh bị...".
_OPENING_ME = r"^(?:chi|anh|co|chu|bac|em|con|toi|minh|tui) (?:lam|bi|dang|da|vua|moi|duoc|co|nghi|ky|vao)\b"
# An optional first-person object: "ép (tôi) ký", "vì (em) mang thai".
_OBJ = r"(?:toi |em |e |chi |minh )?"
_BOSS = r"(?:cong ty|cty|doanh nghiep|dn|sep|chu|xuong|nha may|quan doc|giam doc|ben (?:cong ty|cty)|nsdld)"
# An injury at work: the accident itself or what it did ("ngã giàn giáo gãy chân").
_INJURY = (
    r"(?:tai nan|tnld|bi thuong|benh nghe nghiep|bi nga|nga giang giao|gay (?:chan|tay)|dut (?:tay|ngon)"
    r"|bong hoa chat)"
)
_INS = r"(?:bao hiem(?: xa hoi)?|bhxh|bhyt|bhtn|bh)"
_PAY = r"(?:luong|tien luong|tien tang ca|tien lam them|tang ca|lam them|ot)"
# Any character within the same sentence.
_GAP = r"[^.?!\n]"

# --- asks what to do / where to turn -------------------------------------------------------
# Strong cues name a remedy or a forum: they are a procedure question on their own.
_PROCEDURE = re.compile(
    _any(
        r"\b(?:khieu nai|khoi kien|to cao|to giac|trinh bao)\b",
        r"\b(?:kien|di kien|nop don kien) (?:cong ty|cty|doanh nghiep|sep|chu|ho|ra toa|len toa|doi|duoc)\b",
        r"\b(?:bao|gui don|nop don|phan anh|khieu nai|kien|nho|tim) (?:cho |den |toi |len )?"
        r"(?:ai|o dau|co quan nao|noi nao|cho nao|dau)\b",
        r"\b(?:o dau|co quan nao|noi nao) (?:giai quyet|xu ly|tiep nhan|can thiep|ho tro|giup)\b",
        rf"\btranh chap\b{_GAP}{{0,60}}\b(?:giai quyet|hoa giai|trong tai|toa|thu tuc|trinh tu|o dau)\b",
        r"\b(?:giai quyet|xu ly) tranh chap\b",
        r"\b(?:hoa giai vien|hoi dong trong tai|trong tai lao dong|thanh tra lao dong)\b",
        r"\bthoi hieu (?:khoi kien|yeu cau|giai quyet|khieu nai|kien|tranh chap)\b",
        # "đòi" (claim), not "thay đổi", "qua đời", "cuộc đời"
        r"(?<!thay )(?<!qua )(?<!cuoc )\bdoi (?:lai|tien|no|luong|boi thuong|tro cap|quyen loi|bao hiem|so"
        r"|duoc|ai|phan|chenh lech)\b",
        r"\bde doi\b",
        r"\b(?:yeu cau|doi|buoc) (?:cong ty |cty )?truy dong\b",
        rf"\b(?:kiem tra|tra cuu|biet)\b{_GAP}{{0,30}}\b(?:co )?dong {_INS}\b",
    )
)
# Weak cues ("phải làm gì", "làm sao", "bảo vệ quyền lợi") count only with a problem of the
# member's: "tôi muốn nghỉ việc thì phải làm gì" asks for the resignation rules, not a remedy.
_ASKS_WHAT_TO_DO = re.compile(
    _any(
        r"\b(?:phai|nen|can|co the|duoc) lam (?:gi|sao|the nao)\b",
        r"\blam gi (?:de|bay gio|tiep|duoc)\b",
        r"\b(?:thi|vay|gio|bay gio) (?:toi|em|minh|tui)? ?lam gi\b",
        r"\blam (?:sao|the nao|cach nao)\b",
        r"\bbao ve quyen(?: loi)?\b",
        r"\b(?:toi|em|minh|tui) co quyen gi\b",
        rf"\bcong doan\b{_GAP}{{0,25}}\b(?:giup|ho tro|bao ve|can thiep)\b",
    )
)
_HARM = (
    r"(?:sa thai|duoi|cho (?:nghi|thoi viec)|ep|bat|buoc|tru|cat|giu|no|quyt|tai nan|thuong|ky luat"
    r"|quay roi|phan biet|tru dap|don phuong|cham dut|xuc pham|chui|danh|de doa|dieu chuyen|chuyen|giam|ha"
    r"|khong tra|cong ty|cty|sep|chu|bong)"
)

# --- tells of a violation ----------------------------------------------------------------
_DISMISSED = (
    r"(?:sa thai|duoi viec|duoi|cho (?:toi |em |minh |tui )?(?:nghi viec|thoi viec|nghi)|cham dut hop dong"
    r"|don phuong cham dut|cat hop dong|buoc thoi viec)"
)
_UNFAIRLY = (
    rf"(?:{_NEG} (?:bao truoc|bao|ly do|thong bao|co ly do|co quyet dinh|hop|duoc giai trinh)|vo co|trai"
    r"|vo ly|dot ngot|ngang|ep|sai luat|moi cong doan"
    rf"|(?:vi|khi) {_OBJ}(?:dang )?(?:mang thai|co bau|bau|cong doan|nghi de|nghi thai san|om|dieu tri"
    r"|nuoi con|khieu nai|to cao))"
)
_VIOLATIONS: dict[str, re.Pattern[str]] = {
    "wages": re.compile(
        _any(
            r"\b(?:no|cham|tre|giam|giu|quyt|treo|khat|thieu|cat|tru|an chan) (?:tra )?(?:tien )?luong\b",
            rf"\bgiu(?: lai)?\b{_GAP}{{0,15}}\bluong\b",
            rf"\b{_NEG} (?:duoc |chiu )?(?:tra|thanh toan|chi|phat|tinh)(?: tien| du| het)? {_PAY}\b",
            r"\b(?:tra|phat) luong (?:cham|tre|thieu|khong du|ko du|thap hon|nhot giot)\b",
            rf"\bluong\b{_GAP}{{0,25}}\b(?:cham|tre) (?:\d+|may|mot|hai|ba|nua) ?(?:ngay|tuan|thang)\b",
            r"\b(?:thap hon|chua (?:toi|den|bang)|duoi) (?:muc )?luong toi thieu\b",
            r"\bno (?:tien|luong)\b",
            rf"\b{_NEG} (?:tra|tinh) them\b",
        )
    ),
    "severance": re.compile(
        _any(
            rf"\b{_NEG} (?:duoc |chiu )?(?:tra|chi|nhan|thanh toan|cho)"
            r"(?: tien)? tro cap (?:thoi|mat) viec\b",
            rf"\btro cap (?:thoi|mat) viec\b{_GAP}{{0,30}}\b{_NEG} (?:tra|chi|duoc|cho|thanh toan|chiu)\b",
            r"\b(?:quyt|an chan|cat) tro cap\b",
        )
    ),
    "insurance": re.compile(
        _any(
            rf"\b{_NEG} (?:dong|tham gia|mua|nop)"
            rf"(?: cho (?:toi|em|minh|nhan vien|cong nhan|nguoi lao dong))? {_INS}\b",
            r"\b(?:tron|ne|cham|no|thieu) dong\b",
            rf"\bno {_INS}\b",
            rf"\b{_NEG} (?:chot|tra|tra lai|giao|bao) so\b",
            r"\b(?:giu|om|cam) so\b",
            rf"\bso (?:bao hiem|bhxh)\b{_GAP}{{0,25}}\b{_NEG} (?:tra|chot|giao)\b",
            rf"\b{_INS}\b{_GAP}{{0,40}}\b{_NEG} (?:duoc )?(?:dong|chot|nop)\b",
            rf"\b{_NEG} co so (?:bao hiem|bhxh)\b",
            rf"\bdong {_INS}\b{_GAP}{{0,30}}\bthap hon\b",
            rf"\bdong {_INS}\b{_GAP}{{0,60}}\b(?:trong khi|ma|nhung) {_GAP}{{0,30}}\bluong thuc te\b",
        )
    ),
    "accident": re.compile(
        rf"\b{_INJURY}\b{_GAP}{{0,80}}\b(?:"
        + _any(
            rf"{_NEG} (?:duoc )?(?:boi thuong|tra|chi|thanh toan|ho tro|giai quyet|khai bao|lap ho so|bao"
            r"|den bu|lo|(?:co |chiu )?trach nhiem)",
            r"che giau|giau|choi|tu choi|bat (?:toi|em|minh) tu",
        )
        + r")\b"
        + rf"|\b(?:che giau|giau|khong khai bao|khong trinh bao)\b{_GAP}{{0,20}}\btai nan\b"
        + r"|\bkhong phai (?:la )?tai nan\b|\bkhai (?:la )?(?:bi thuong|tai nan) o nha\b"
    ),
    "pregnancy": re.compile(
        rf"\b(?:bat|ep|buoc|phan|xep|sap xep|yeu cau|giao)\b{_GAP}{{0,30}}"
        r"\b(?:lam them|tang ca|ca dem|lam dem|di cong tac|ot|truc dem)\b"
        rf"|\bvi {_OBJ}(?:dang )?(?:mang thai|co bau|co thai|sap sinh|nghi thai san|nuoi con nho)\b"
    ),
    "union": re.compile(
        r"\b(?:"
        + _any(
            r"sa thai|duoi|cho (?:toi |em |minh )?nghi|tru dap|phan biet|dieu chuyen",
            r"chuyen (?:sang )?(?:cong viec|viec|bo phan) khac|cat (?:luong|thuong)|gay kho khan|can tro",
            r"ngan can|ngan chan",
            r"ep (?:ra khoi|roi|khong tham gia)|cam (?:tham gia|lap|thanh lap)",
            r"khong cho (?:tham gia|gia nhap|thanh lap|lap)|de doa|khong gia han|khong ky tiep|loai",
        )
        + r")\b"
    ),
    "dismissal": re.compile(
        _any(
            rf"\b{_DISMISSED}\b{_GAP}{{0,80}}\b{_UNFAIRLY}\b",
            rf"\b(?:bia|dung chuyen|vu khong)\b{_GAP}{{0,40}}\b{_DISMISSED}\b",
            rf"\b(?:duoi viec|bi duoi|ep {_OBJ}(?:ky )?(?:don )?(?:xin |tu )?(?:nghi|thoi) viec)\b",
            rf"\bep {_OBJ}tu (?:nghi|bo viec)\b",
        )
    ),
    "harassment": re.compile(r"\b(?:quay roi|sam so|ga gam)\b"),
    "general": re.compile(
        _any(
            r"\bgiu (?:bang|can cuoc|cccd|cmnd|cmt|giay to|ho chieu|ban chinh|van bang)\b",
            r"\b(?:ep|bat|buoc) (?:toi |em |minh |chung toi |cong nhan |nhan vien )?"
            r"(?:ky (?:hop dong|don|giay|cam ket|vao|ten|bien ban|van ban)|lam them|tang ca|nop|dat coc"
            r"|viet don|lam qua gio)\b",
            r"\b(?:tru dap|phan biet doi xu|ngoc dai|xuc pham|de doa|phat tien|tru tien)\b",
            r"\b(?:lach luat|ne (?:hop dong|bhxh|bao hiem|tra|dong)|lam gia|gia mao|dung chuyen|vu khong)\b",
            rf"\b{_NEG} (?:ky|giao|co) hop dong\b",
            r"\b(?:vi pham|trai luat|sai luat|trai phap luat|khong dung luat)\b",
            rf"\b{_NEG} cho (?:toi |em |minh )?nghi (?:phep|om|thai san|de|cuoi|hang nam|le|tet)\b",
            rf"\b{_NEG} tra (?:lai )?(?:giay to|bang|so|ban chinh|tien coc)\b",
        )
    ),
}

# --- what the question is about ------------------------------------------------------------
_TOPIC_TERMS: dict[str, re.Pattern[str]] = {
    "union_officer": re.compile(
        r"\b(?:can bo cong doan|(?:pho )?chu tich (?:cong doan|cdcs)|(?:uy vien )?ban chap hanh"
        r"|to truong cong doan)\b"
    ),
    "union": re.compile(r"\b(?:cong doan|cdcs|to chuc dai dien)\b"),
    "harassment": re.compile(r"\b(?:quay roi|sam so|ga gam)\b"),
    "accident": re.compile(rf"\b(?:{_INJURY}|bnn)\b"),
    "disciplinary_dismissal": re.compile(r"\bsa thai\b"),
    "dismissal": re.compile(
        r"\b(?:duoi viec|bi duoi|cho (?:toi |em |minh |tui )?(?:nghi viec|thoi viec)|cham dut hop dong"
        r"|don phuong cham dut|cat hop dong|buoc thoi viec"
        r"|ep (?:toi |em |minh )?(?:ky )?(?:don )?(?:xin )?nghi)\b"
    ),
    "pregnancy": re.compile(
        r"\b(?:mang thai|co bau|mang bau|dang bau|ba bau|co thai|bau \d|thai \d"
        r"|nuoi con (?:nho|duoi 12 thang|\d+ thang))\b"
    ),
    "severance": re.compile(r"\btro cap (?:thoi viec|mat viec)\b"),
    "insurance": re.compile(rf"\b{_INS}\b|\bso bao hiem\b"),
    "wages": re.compile(r"\bluong\b"),
    "discipline": re.compile(r"\b(?:ky luat|khien trach|cach chuc|tam dinh chi|trach nhiem vat chat)\b"),
    "collective": re.compile(r"\btranh chap(?: lao dong)? tap the\b"),
}
TOPIC_ORDER = (
    "union_officer",
    "union",
    "harassment",
    "accident",
    "disciplinary_dismissal",
    "dismissal",
    "pregnancy",
    "severance",
    "insurance",
    "wages",
    "discipline",
    "collective",
)
_UNION_ACTIVITY = re.compile(
    rf"\b(?:thanh lap|gia nhap|tham gia|hoat dong|van dong|lap|ra khoi|la doan vien)\b{_GAP}{{0,30}}"
    r"\b(?:cong doan|cdcs|to chuc dai dien)\b|\bvi (?:toi |em |e )?(?:la )?(?:doan vien|cong doan)\b"
)
# Union topics need the discrimination itself, not a mention of the union.
_ONLY_WHEN_VIOLATED = frozenset({"union_officer", "union"})
_DISPUTE = re.compile(r"\b(?:tranh chap|hoa giai|trong tai|khoi kien|kien (?:ra|len) toa|toa an|thoi hieu)\b")

# An employer asking how to dodge a duty ("chỉ cách ... để khỏi trả", "làm thế nào để xóa camera"):
# no worker's remedies for that; the how-to cue and the aim stand in the same sentence.
_EVADE_HOW = r"(?:cach|meo|chi (?:toi|minh|em|tui)|huong dan|bay cho|lam the nao|lam sao)"
_EVADE_AIM = (
    r"(?:khoi (?:phai|tra|bi)|ne|tron|che giau|giau|xoa|phat hien|het thoi hieu|(?:khong|ko) doi duoc"
    r"|dung (?:ly do|chuyen)|bo phieu khong|(?:khong|ko) bao cao|lam gia|gia mao|ghi lui|lam lui)"
)
# Workers named in the third person after a how-to or drafting request: the employer's voice
# ("làm sao điều chuyển nhân viên...", "soạn giúp biên bản ... người lao động cam kết").
_WORKERS = (
    r"(?:nhan vien|nv|cong nhan|cn|nguoi lao dong|nld|lao dong nu|co ta|nhung nguoi|nguoi (?:da|hay|dung))"
)
_DRAFT = r"(?:bia|soan|viet|thao|lap) giup|chi (?:toi|e|em|minh) cach|cach (?:nao|lap|ep|ha|bat)"
_EVADE_ASK = r"(?:co meo|meo nao|co cach nao|thi lam (?:the nao|sao)|lam sao cho)"
_EVASION = re.compile(
    _any(
        rf"\b(?:{_EVADE_HOW}|{_DRAFT})\b{_GAP}{{0,60}}\b{_WORKERS}\b",
        rf"\b{_EVADE_HOW}\b{_GAP}{{0,80}}\b{_EVADE_AIM}\b",
        rf"\b{_EVADE_AIM}\b{_GAP}{{0,80}}\b{_EVADE_ASK}\b",
    )
)
_EMPLOYER_VOICE = re.compile(
    r"\b(?:toi|em|e|minh) (?:la|lam) (?:nhan su|hr|ke toan|giam doc|chu (?:doanh nghiep|xuong|cong ty)"
    r"|quan ly nhan su|phong nhan su)\b"
    r"|\b(?:cong ty|cty|doanh nghiep|xuong) (?:toi|em|e|minh) (?:lo|muon|dinh|can|sap|vua)\b"
    r"|\b(?:ky|ky hop dong) voi nhan vien\b"
)
# The worker's own voice: something done to or owed to "tôi".
_VICTIM = re.compile(
    r"(?<!bay )(?<!chi )(?<!giup )\b(?:cho|cua|voi|doi) (?:toi|em|e|minh|chung toi)\b"
    r"|\b(?:toi|em|e|minh) bi\b"
)
_PERSONAL = re.compile(rf"\b{_ME}\b|\bbi {_HARM}\b|{_OPENING_ME}")
_WORK = re.compile(
    r"\b(?:cong ty|cty|sep|lao dong|ld|nld|luong|hop dong|hdld|(?:di|nghi|lam|mat|thoi|bo|duoi) viec"
    r"|cong nhan|nhan vien|nv|cn|bao hiem|bhxh|bhyt|bhtn|cong doan|cdcs|xuong|nha may|doanh nghiep|dn"
    r"|quan doc|giam doc|tai nan|thai san|ky luat|sa thai|tang ca|lam them|ca dem|tro cap|nghi phep"
    r"|phep nam|dinh cong|thu viec|tranh chap|quay roi|nsdld|chu (?:xuong|lao dong|doanh nghiep)|bat lam)\b"
)
_PROBLEM = re.compile(
    rf"\bbi {_HARM}\b|\b(?:vi pham|trai (?:phap )?luat|sai luat|bat cong|oan|lam gia|gia mao)\b"
)
_EMPLOYER = re.compile(rf"\b{_BOSS}\b")
# A fact of the member's case: a number, a duration, "rồi", "suốt", "cứ", "vẫn"...
_CONCRETE = re.compile(
    r"\d|\b(?:roi|suot|may thang|lien|cu|van|mai|hoai|hien|da|vua|hom qua|hom nay|tuan truoc"
    r"|thang truoc|nam nay|thang nay|nua thang|luon)\b"
)
_HYPOTHETICAL = re.compile(r"\b(?:neu|truong hop|khi nao|trong truong hop|gia su)\b")
# Textbook questions about an employer: penalties, definitions, what it may do.
_TEXTBOOK = re.compile(
    _any(
        r"\b(?:bi (?:xu )?phat|muc phat|phat (?:bao nhieu|the nao|ra sao|toi da)|xu phat|bi coi la)\b",
        r"\b(?:the nao (?:thi|la)|co bi cam|bi cam)\b",
        rf"\b{_BOSS} (?:co )?(?:duoc|dc)\b",
    )
)


def folded(question: str) -> str:
    """Lower-case, accent-free, one space between words."""
    return " ".join(fold(question).split())


def asks_procedure(text: str) -> bool:
    """``text`` (folded) asks where to complain, how a dispute is resolved, how to claim what is
    owed, or what to do about a problem ("bị ...", "không trả", "vi phạm")."""
    if _PROCEDURE.search(text):
        return True
    if not _ASKS_WHAT_TO_DO.search(text):
        return False
    return bool(_PROBLEM.search(text)) or any(p.search(text) for p in _VIOLATIONS.values())


def asks_what_to_do(text: str) -> bool:
    """``text`` (folded) asks what to do, where to complain or how to sue, whatever the problem
    ("Vậy giờ tôi muốn kiện thì phải làm gì?" after the story that told it)."""
    return bool(_PROCEDURE.search(text) or _ASKS_WHAT_TO_DO.search(text))


def _is_story(text: str) -> bool:
    """The member's own case, not a textbook rule: first person or "bị <harm>", or the employer
    as the subject of a concrete statement that is neither a hypothesis nor a textbook question."""
    if _PERSONAL.search(text):
        return True
    return bool(
        _EMPLOYER.search(text)
        and _CONCRETE.search(text)
        and not _HYPOTHETICAL.search(text)
        and not _TEXTBOOK.search(text)
    )


def violations(text: str) -> set[str]:
    """Kinds of employer violation that ``text`` (folded) tells of in the member's own case."""
    if not _is_story(text):
        return set()
    found = {kind for kind, pattern in _VIOLATIONS.items() if pattern.search(text)}
    # Discrimination verbs make a union case only with union activity ("vì tham gia công đoàn",
    # a union officer); overtime makes a pregnancy case only for a pregnant or nursing worker.
    if "union" in found and not (_UNION_ACTIVITY.search(text) or _TOPIC_TERMS["union_officer"].search(text)):
        found.discard("union")
    if "pregnancy" in found and not _TOPIC_TERMS["pregnancy"].search(text):
        found.discard("pregnancy")
    if "union" in found and _TOPIC_TERMS["union_officer"].search(text):
        found.add("union_officer")
    if "dismissal" in found and _TOPIC_TERMS["disciplinary_dismissal"].search(text):
        found.add("disciplinary_dismissal")
    return found


def topic_of(text: str, violated: set[str]) -> str:
    """The plan to show: the first violated topic, else the first topic mentioned, else a
    dispute-procedure or general plan."""
    for topic in TOPIC_ORDER:
        if topic in violated:
            return topic
    for topic in TOPIC_ORDER:
        if topic in _ONLY_WHEN_VIOLATED:
            continue  # a mention ("nhờ công đoàn giúp") is not a union case
        if _TOPIC_TERMS[topic].search(text):
            return topic
    return "dispute" if _DISPUTE.search(text) else "general"


def about_work(text: str) -> bool:
    """``text`` (folded) is set in working life; "khiếu nại ở đâu" about a phone shop is not."""
    return _WORK.search(text) is not None


def employer_voice(text: str) -> bool:
    """``text`` (folded) is asked from the employer's side: HR, a director, "công ty tôi muốn..."."""
    return _EMPLOYER_VOICE.search(text) is not None


def asks_how_to_evade(text: str) -> bool:
    """``text`` (folded) asks how to dodge a duty or hide a violation, as an employer would; a
    worker telling of the employer's dodge ("họ trốn đóng cho tôi") is not asking that."""
    return _EVASION.search(text) is not None and _VICTIM.search(text) is None
