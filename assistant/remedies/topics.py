"""Does a question call for the steps open to a worker, and about what?

Two triggers, over the accent-folded question (members often type without diacritics, with
"ko", "cty", "bhxh"): it asks what to do or where to turn ("phải làm gì", "khiếu nại ở đâu",
"kiện", "báo cho ai", "tranh chấp giải quyết thế nào", "lam sao de doi"), or it tells of a
violation by the employer in the member's own case (a first-person story, or the employer as
subject without "nếu"/"trường hợp"): unpaid or late wages, dismissal without reason or notice,
no social insurance paid, unpaid severance, an uncompensated accident, forced overtime while
pregnant, discrimination for union activity. A textbook question ("Nghỉ phép năm được bao
nhiêu ngày?", "Khi nào được sa thải?") triggers neither.

The topic picks the plan; when several match, the first of ``TOPIC_ORDER`` wins (the more
specific remedy: "sa thải vì mang thai" is a dismissal, "vì hoạt động công đoàn" a union case).
"""

from __future__ import annotations

import re

from assistant.textnorm import fold

_NEG = r"(?:khong|ko|k|kh|hok|hong|khg|chua|chang|cha)"
_ME = r"(?:toi|em|minh|tui|tao|chung toi|chung em|anh em|vo toi|chong toi|con toi|con gai toi|me toi)"
_BOSS = r"(?:cong ty|cty|doanh nghiep|dn|sep|chu|xuong|nha may|quan doc|giam doc|ben (?:cong ty|cty)|nsdld)"
_INS = r"(?:bao hiem(?: xa hoi)?|bhxh|bhyt|bhtn|bh)"
_PAY = r"(?:luong|tien luong|tien tang ca|tien lam them|tang ca|lam them|ot)"

# --- asks what to do / where to turn -------------------------------------------------------
_PROCEDURE = re.compile(
    r"\b(?:phai|nen|can|co the|duoc) lam (?:gi|sao|the nao)\b"
    r"|\blam gi (?:de|bay gio|tiep|duoc)\b|\b(?:thi|vay|gio|bay gio) (?:toi|em|minh|tui)? ?lam gi\b"
    r"|\blam (?:sao|the nao|cach nao) (?:de )?(?:doi|lay lai|kien|khieu nai|to cao|bao ve|duoc (?:tra|boi thuong"
    r"|nhan lai|di lam lai))\b"
    r"|\b(?:khieu nai|khoi kien|to cao|to giac|trinh bao|phan anh)\b"
    r"|\b(?:kien|di kien|nop don kien) (?:cong ty|cty|doanh nghiep|sep|chu|ho|ra toa|len toa|doi|duoc)\b"
    r"|\b(?:bao|gui|nop|hoi|nho|tim) (?:cho |den |toi |len )?(?:ai|o dau|co quan nao|noi nao|cho nao|dau)\b"
    r"|\b(?:o dau|co quan nao|noi nao) (?:giai quyet|xu ly|tiep nhan|can thiep|ho tro|giup)\b"
    r"|\btranh chap\b[^.?!\n]{0,60}\b(?:giai quyet|hoa giai|trong tai|toa|thu tuc|trinh tu|o dau)\b"
    r"|\b(?:giai quyet|xu ly) tranh chap\b"
    r"|\b(?:hoa giai vien|hoi dong trong tai|trong tai lao dong|thanh tra lao dong)\b"
    r"|\bthoi hieu (?:khoi kien|yeu cau|giai quyet|khieu nai|kien|tranh chap)\b"
    r"|(?<!thay )\bdoi (?:lai|tien|no|luong|boi thuong|tro cap|quyen loi|bao hiem|so|duoc|ai)\b|\bde doi\b"
    r"|\bbao ve quyen(?: loi)?\b|\b(?:toi|em|minh|tui) co quyen gi\b"
    r"|\bcong doan\b[^.?!\n]{0,25}\b(?:giup|ho tro|bao ve|can thiep)\b"
)

# --- tells of a violation ----------------------------------------------------------------
_VIOLATIONS: dict[str, re.Pattern[str]] = {
    "wages": re.compile(
        rf"\b(?:no|cham|giam|giu|quyt|treo|khat|thieu|cat|tru|an chan) (?:tien )?luong\b"
        rf"|\b{_NEG} (?:duoc |chiu )?(?:tra|thanh toan|chi|phat|tinh)(?: tien| du| het)? {_PAY}\b"
        rf"|\b(?:tra|phat) luong (?:cham|tre|thieu|khong du|ko du|thap hon|nhot giot)\b"
        rf"|\bluong\b[^.?!\n]{{0,25}}\b(?:cham|tre) (?:\d+|may|mot|hai|ba|nua) ?(?:ngay|tuan|thang)\b"
        rf"|\bthap hon (?:muc )?luong toi thieu\b|\bno (?:tien|luong)\b"
    ),
    "severance": re.compile(
        rf"\b{_NEG} (?:duoc |chiu )?(?:tra|chi|nhan|thanh toan|cho)(?: tien)? tro cap (?:thoi viec|mat viec)\b"
        rf"|\btro cap (?:thoi viec|mat viec)\b[^.?!\n]{{0,30}}\b{_NEG} (?:tra|chi|duoc|cho|thanh toan|chiu)\b"
        r"|\b(?:quyt|an chan|cat) tro cap\b"
    ),
    "insurance": re.compile(
        rf"\b{_NEG} (?:dong|tham gia|mua|nop)(?: cho (?:toi|em|minh|nhan vien|cong nhan|nguoi lao dong))? {_INS}\b"
        rf"|\b(?:tron|ne|cham|no|thieu) dong\b|\bno {_INS}\b"
        rf"|\b{_NEG} (?:chot|tra|tra lai|giao|bao) so\b|\bgiu so (?:bao hiem|bhxh)\b"
        rf"|\b{_INS}\b[^.?!\n]{{0,25}}\b{_NEG} (?:duoc )?(?:dong|chot)\b"
        rf"|\bdong {_INS}\b[^.?!\n]{{0,30}}\bthap hon\b"
    ),
    "accident": re.compile(
        rf"\b(?:tai nan|tnld|bi thuong|benh nghe nghiep)\b[^.?!\n]{{0,80}}\b(?:{_NEG} (?:duoc )?(?:boi thuong|tra"
        rf"|chi|thanh toan|ho tro|giai quyet|khai bao|lap ho so|bao|den bu|lo)|che giau|giau|choi|tu choi"
        rf"|bat (?:toi|em|minh) tu)\b"
    ),
    "pregnancy": re.compile(
        r"\b(?:bat|ep|buoc|phan|xep|sap xep|yeu cau|giao)\b[^.?!\n]{0,30}\b(?:lam them|tang ca|ca dem|lam dem"
        r"|di cong tac|ot|truc dem)\b"
    ),
    "union": re.compile(
        r"\b(?:sa thai|duoi|cho (?:toi |em |minh )?nghi|tru dap|phan biet|dieu chuyen|chuyen (?:sang )?(?:cong viec"
        r"|viec|bo phan) khac|cat (?:luong|thuong)|gay kho khan|can tro|ep (?:ra khoi|roi|khong tham gia)"
        r"|cam (?:tham gia|lap|thanh lap)|khong cho (?:tham gia|gia nhap|thanh lap|lap)|de doa)\b"
    ),
    "dismissal": re.compile(
        r"\b(?:sa thai|duoi viec|duoi|cho (?:toi |em |minh |tui )?(?:nghi viec|thoi viec|nghi)|cham dut hop dong"
        r"|don phuong cham dut|cat hop dong|buoc thoi viec)\b[^.?!\n]{0,80}"
        rf"\b(?:{_NEG} (?:bao truoc|bao|ly do|thong bao|co ly do|co quyet dinh|hop|duoc giai trinh)|vo co|trai"
        r"|vo ly|dot ngot|ngang|ep|vi (?:mang thai|co bau|bau|cong doan|nghi de|nghi thai san|om|dang om"
        r"|khieu nai|to cao)|sai luat)\b"
        r"|\b(?:duoi viec|bi duoi|ep (?:toi |em |minh )?(?:ky )?(?:don )?(?:xin )?nghi viec)\b"
    ),
    "harassment": re.compile(r"\b(?:quay roi|sam so|ga gam)\b"),
    "general": re.compile(
        r"\bgiu (?:bang|can cuoc|cccd|cmnd|cmt|giay to|ho chieu|ban chinh|van bang)\b"
        r"|\b(?:ep|bat|buoc) (?:toi |em |minh |chung toi |cong nhan |nhan vien )?(?:ky|lam them|tang ca"
        r"|nop|dat coc|viet don|lam qua gio)\b"
        r"|\b(?:tru dap|phan biet doi xu|ngoc dai|xuc pham|de doa|phat tien|tru tien)\b"
        rf"|\b{_NEG} (?:ky|giao) hop dong\b|\b(?:vi pham|trai luat|sai luat|trai phap luat|khong dung luat)\b"
        rf"|\b{_NEG} cho (?:toi |em |minh )?nghi (?:phep|om|thai san|de|cuoi|hang nam|le|tet)\b"
        rf"|\b{_NEG} tra (?:lai )?(?:giay to|bang|so|ban chinh|tien coc)\b"
    ),
}

# --- what the question is about ------------------------------------------------------------
_TOPIC_TERMS: dict[str, re.Pattern[str]] = {
    "union": re.compile(r"\b(?:cong doan|cdcs|to chuc dai dien)\b"),
    "harassment": re.compile(r"\b(?:quay roi|sam so|ga gam)\b"),
    "accident": re.compile(r"\b(?:tai nan|tnld|benh nghe nghiep|bnn)\b"),
    "disciplinary_dismissal": re.compile(r"\bsa thai\b"),
    "dismissal": re.compile(
        r"\b(?:duoi viec|bi duoi|cho (?:toi |em |minh |tui )?(?:nghi viec|thoi viec)|cham dut hop dong"
        r"|don phuong cham dut|cat hop dong|buoc thoi viec|ep (?:toi |em |minh )?(?:ky )?(?:don )?(?:xin )?nghi)\b"
    ),
    "pregnancy": re.compile(r"\b(?:mang thai|co bau|mang bau|dang bau|ba bau|co thai|bau \d|thai \d)\b"),
    "severance": re.compile(r"\btro cap (?:thoi viec|mat viec)\b"),
    "insurance": re.compile(rf"\b{_INS}\b|\bso bao hiem\b"),
    "wages": re.compile(r"\b(?:luong|tang ca|lam them)\b"),
    "discipline": re.compile(r"\b(?:ky luat|khien trach|cach chuc|tam dinh chi|trach nhiem vat chat)\b"),
    "collective": re.compile(r"\btranh chap(?: lao dong)? tap the\b"),
}
TOPIC_ORDER = (
    "union", "harassment", "accident", "disciplinary_dismissal", "dismissal", "pregnancy", "severance",
    "insurance", "wages", "discipline", "collective",
)
_DISPUTE = re.compile(r"\b(?:tranh chap|hoa giai|trong tai|khoi kien|kien|toa|thoi hieu)\b")

_PERSONAL = re.compile(rf"\b{_ME}\b|\bbi (?!(?:xu )?phat\b)")
_EMPLOYER_STORY = re.compile(rf"\b{_BOSS}\b")
_HYPOTHETICAL = re.compile(r"\b(?:neu|truong hop|khi nao|trong truong hop|gia su)\b")


def folded(question: str) -> str:
    """Lower-case, accent-free, one space between words."""
    return " ".join(fold(question).split())


def asks_procedure(text: str) -> bool:
    """``text`` (folded) asks what to do, where to complain or how a dispute is resolved."""
    return _PROCEDURE.search(text) is not None


def _is_story(text: str) -> bool:
    """The member's own case, not a textbook rule: first person, "bị ...", or the employer as
    the subject of a statement that is not a hypothesis."""
    if _PERSONAL.search(text):
        return True
    return bool(_EMPLOYER_STORY.search(text)) and not _HYPOTHETICAL.search(text)


def violations(text: str) -> set[str]:
    """Kinds of employer violation that ``text`` (folded) tells of in the member's own case."""
    if not _is_story(text):
        return set()
    found = {kind for kind, pattern in _VIOLATIONS.items() if pattern.search(text)}
    # Discrimination verbs and overtime make a union / pregnancy case only with their subject.
    for kind in ("union", "pregnancy"):
        if kind in found and not _TOPIC_TERMS[kind].search(text):
            found.discard(kind)
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
        if topic in ("union", "pregnancy") and topic not in violated:
            continue  # a mention ("nhờ công đoàn", "đang mang thai") is not the case itself
        if _TOPIC_TERMS[topic].search(text):
            return topic
    return "dispute" if _DISPUTE.search(text) else "general"
