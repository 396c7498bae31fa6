"""Requests for help to evade labour law or hide a violation: declined, never answered as a how-to.

A member asking about an employer that evades the law ("công ty trốn đóng BHXH thì tôi làm
gì?") is answered; someone asking *how* to evade it ("chỉ cách trốn đóng BHXH cho công nhân")
is declined with an offer to explain the rules and the penalties. Over the folded question
(lower-case, no diacritics), a request is an evasion request when:

- a how-to cue is followed directly by an evasion act ("cách né đóng", "làm sao để ép nhân
  viên ký", "hướng dẫn làm giả bảng chấm công"), or
- it asks for help (cách, chỉ, giúp, soạn...) and to conceal ("mà không bị phát hiện",
  "không để thanh tra biết", "đừng nhắc đến luật");

and it does not ask about remedies or penalties ("thì tôi phải làm gì", "báo ở đâu", "có bị
phạt không"), which is how a worker describes an employer's evasion.

These rules are precise but narrow; the evasion classifier (``assistant.classifiers``) covers
the many other phrasings: its verdict is passed in as ``flagged`` and is subject to the same
remedy guard, and counts only for a question that asks for something (a request cue) or to
conceal: a member's story of what the employer did is not a request to evade.
"""

from __future__ import annotations

import re

from assistant.scope import default_lexicon
from corpus.text import fold

_HOW_TO = (
    r"\b(cach|lam sao|lam the nao|bang cach nao|meo|bi quyet|chi (cho )?(toi|minh|em|tui|tao)"
    r"|huong dan|giup (toi|minh|em|tui)|soan (giup|cho|mot|ho)|viet giup|thao giup)"
)
_ACTOR = r"( nao)?( de)?( (cong ty|doanh nghiep|ben minh|minh|toi|em|chu|sep))?( co the| van)? "
_EVADE = (
    r"((tron|ne|lach) (viec )?(dong|tra|nop|boi thuong|thue|bao hiem|bhxh|trach nhiem)"
    r"|lach luat"
    r"|(ep|buoc) (nhan vien|cong nhan|nguoi lao dong|nld|ho|lao dong|no)\b[^.!?\n]{0,30}\b(ky|viet|nop)"
    r"|giu (lai )?(can cuoc|cccd|cmnd|cmt|giay to|bang|ho chieu|so bao hiem)"
    r"|(lam gia|gia mao|khai gian|khai thap|sua|lam lai)( lai)? (bang cham cong|bien ban|so sach|so lieu"
    r"|bao cao|chung tu|giay to|ho so|bang luong|gio lam|chu ky|so bao hiem|hop dong|giay chung nhan)"
    r"|tra (luong )?thap hon (muc )?(luong )?toi thieu)\b"
)
_REQUEST = (
    r"\b(cach|lam sao|lam the nao|meo|chi (cho )?(toi|minh|em|tui|tao)|huong dan|giup|soan|viet"
    r"|thao|tu van|kieu gi|bang cach nao|cho (e|em|toi|minh|tui) xin|gia su (ban|anh|chi|may) la"
    r"|hay (len|lap|lam|soan|viet|chi|tao|dua|ke|tinh|goi y)|mua\b[^.!?\n]{0,60}\bo dau)\b"
)
_CONCEAL = (
    r"\b(khong|ko|k|khoi|chang) (bi|de bi) (phat hien|lo|thanh tra (phat hien|biet))\b"
    r"|\bkhong (de|cho) (ai|thanh tra|doan thanh tra|co quan|nguoi lao dong|cong nhan|nhan vien"
    r"|cong doan)[^.!?\n]{0,25}\b(biet|phat hien)\b"
    r"|\b(dung|khong duoc|khong can) (nhac|de cap|noi|neu|trich)( den| toi| ve)?( luat| quy dinh"
    r"| dieu luat)\b"
    r"|\bqua mat (thanh tra|co quan|phap luat|cong doan)\b"
)
_REMEDY = (
    r"\b(thi (toi|em|minh|chung toi)|phai lam gi|lam gi de|bao (o dau|cho ai|len)|to cao|khieu nai"
    r"|khoi kien|kien (cong ty|doanh nghiep)|(co )?bi (xu )?phat (the nao|bao nhieu|nhu the nao|khong|ko|gi)"
    r"|xu ly the nao|co dung (luat|khong|ko)|co vi pham|co hop phap|trai (phap )?luat (khong|ko)"
    r"|quyen loi|doi lai|lay lai|bao ve quyen"
    # asking the inspectorate in, or a harm done to the member ("tôi bị trừ lương vô lý, muốn yêu
    # cầu thanh tra lao động vào kiểm tra thì làm thế nào")
    r"|(yeu cau|nho|moi|goi|de nghi) (thanh tra|doan thanh tra|co quan)"
    r"|(toi|em|minh|tui|e|chung toi|chung em) (da |dang |cu )?bi (tru|no|cat|sa thai|duoi|ep|danh|chui"
    r"|xuc pham|quay roi|ky luat|giam|giu|cho nghi|chuyen|ha))\b"
)
_HOW_TO_EVADE = re.compile(_HOW_TO + _ACTOR + _EVADE)
# The employer withholds what the member is owed ("công ty không chịu chốt", "cty ko trả"): a
# member asking how to get it ("làm thế nào để chốt sổ bhxh khi công ty không chịu chốt") wants
# the law applied, unless she also asks to conceal something.
_WITHHELD_RE = re.compile(
    r"\b(cong ty|cty|sep|chu|doanh nghiep|giam doc|quan ly|ho) (van )?(khong|ko|k|chua|cu) (chiu|chot|tra"
    r"|dong|thanh toan|ky|cho|giai quyet|bao)\b"
)
# What an evasion request names besides its how-to: an evasive act ("trốn", "né", "giả",
# "giấu", "ép", "khỏi phải", "thấp hơn"), the workers it is done to ("nhân viên", "công nhân",
# "người lao động") or the inspector it hides from. A member's own errand ("em muốn chuyển sổ bhxh
# từ cty cũ sang cty mới thì làm thế nào", flagged by the classifier at 0.87) names none.
_EVASION_CUE = (
    r"\b(tron|ne|lach|gia|gian|giau|che giau|che dau|che day|an giau|xoa|ep|buoc|du|khoi"
    r"|khong phai|ko phai|k phai|(khong|ko|k) (bi|de|cho|can|dam|tra|dong|ky|bao|biet|thac mac"
    r"|khieu nai|doi|coi)|thap hon|thap di|thap nhat|cao hon thuc te|lui|giai the|mo cong ty"
    r"|cong ty ma|cai nguoi|tranh|cam ket|khai|sua|bot|cat|tru|giu|duoi|sa thai|cho nghi|ha bac"
    r"|dieu chuyen|vo hieu|ma khong|ma ko|sao cho|van dep|khong chi|nhan vien|nv|cong nhan"
    r"|nguoi lao dong|nld|lao dong nu|thanh tra|kiem tra|doan dieu tra|hien truong|bao chi|giay to"
    r"|hop le|co ve|giam (?:bot|tien|muc|so|chi phi)|tach|chia luong|hai bang|tu bo"
    r"|tu nguyen (?:nghi|o lai|lam)|thuyet phuc|gay ap luc|mach|meo|bi quyet|tau tan|rut tien|viec rieng)\b"
)
_EVASION_CUE_RE = re.compile(_EVASION_CUE)
_REQUEST_RE = re.compile(_REQUEST)
_CONCEAL_RE = re.compile(_CONCEAL)
_REMEDY_RE = re.compile(_REMEDY)


def asks_to_evade(question: str, *, flagged: bool = False) -> bool:
    """True when the question asks for help to break or evade labour law, or to hide it.

    ``flagged``: the evasion classifier's verdict, which counts unless the question asks about
    remedies or penalties, like the rules, and only for a question that names the labour domain
    or asks to conceal something: a how-to outside the domain ("cách nấu phở bò") is off-topic,
    not a request to evade the law (the classifier flagged it).
    """
    text = fold(question.lower())
    if _REMEDY_RE.search(text):
        return False
    if _HOW_TO_EVADE.search(text):
        return True
    concealing = bool(_CONCEAL_RE.search(text))
    if _WITHHELD_RE.search(text) and not concealing:
        return False
    requesting = bool(_REQUEST_RE.search(text))
    # The classifier's verdict needs an evasion cue: a member's own errand is no evasion.
    flagged = flagged and bool(_EVASION_CUE_RE.search(text))
    # A story with no request in it is a member telling what was done to her ("cty bắt công nhân
    # đi làm sớm 15 phút để họp mà không tính lương"), however much it reads like an evasion.
    if flagged and (concealing or (requesting and default_lexicon().signal(question).has_domain_terms)):
        return True
    return concealing and requesting
