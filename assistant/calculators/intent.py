"""Recognise a calculation question about the member's own case and pull out its inputs.

Strict on purpose: a question triggers a calculator only when it names the topic, asks for a
figure ("bao nhiêu", "khi nào", "mấy tháng"...) and states at least one concrete input of the
member's case (an amount, a duration, a month of birth, a number of hours; or, speaking of
themselves, a contract type or job). A textbook question ("Trợ cấp thôi việc được tính thế
nào?") has none, so the retrieval answer quotes the rule instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.calculators import facts, parsing
from assistant.calculators.base import Calculator, today
from assistant.calculators.extract import EXTRACTORS
from assistant.calculators.extract_common import asked_owner
from assistant.calculators.own_case import own_text
from assistant.calculators.registry import get_calculator
from corpus.questions import asked_sentences, message_sentences
from corpus.text import fold

NO_CALCULATOR = ""  # a topic that is the rule's to answer, not a calculator's
# (calculator, pattern on folded text), first match wins: a named allowance before a mere mention.
TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("bhxh_mot_lan", r"(bhxh|bao hiem xa hoi|bao hiem) (1|mot) lan|rut (bhxh|bao hiem|so|1 lan|mot lan)"),
        ("cham_dut_trai_luat", r"trai (luat|phap luat)"),
        ("om_dau", r"om dau|nghi om|bi om|nghi(?: \d+ ngay)? (?:o nha )?(?:de )?cham (?:con|be)\b"),
        ("khau_tru_luong", r"khau tru|tru luong|tru tien luong|tru dan (?:vao )?luong"),
        ("tam_dinh_chi", r"dinh chi"),
        ("tro_cap_thoi_viec", r"tro cap thoi viec"),
        ("tro_cap_mat_viec", r"tro cap mat viec"),
        ("tro_cap_that_nghiep", r"that nghiep|bhtn|tctn"),
        ("tro_cap_mat_viec", r"mat viec( lam)?\b"),
        ("tro_cap_thoi_viec", r"thoi viec|nghi viec .*tro cap|tro cap .*nghi viec"),
        (
            "ty_le_luong_huu",
            r"(luong huu|huu) .*(phan tram|%|ty le)|ty le .*luong huu|muc luong huu"
            r"|luong huu (cua toi |duoc |la |bang |khoang )*(bao nhieu|bn)",
        ),
        ("tuoi_nghi_huu", r"nghi huu|ve huu|tuoi huu|luong huu"),
        ("thai_san_cha", r"\bvo (toi|em|minh|anh|e)\b.*(sinh|de)\b"),
        # A husband's leave asked as a rule ("vo sinh doi thi chong duoc nghi may ngay"): the
        # rule's answer (retrieval), never the mother's calculator ("7 tháng").
        (NO_CALCULATOR, r"\bvo (sinh|de)\b.*\bchong\b|\bchong\b.*\bvo (sinh|de)\b"),
        ("thai_san", r"thai san|sinh con|sinh em be|sinh doi|sinh ba\b"),
        ("boi_thuong_tai_nan", r"tai nan lao dong|benh nghe nghiep|suy giam kha nang"),
        (
            "lam_viec_ban_dem",
            r"^(?=.*(ca dem|lam (viec )?(ban )?dem|ban dem))(?=.*khong (phai )?(la )?(tang ca|lam them))",
        ),
        (
            "lam_them_gio",
            r"lam them|tang ca|\bot\b|lam (vao )?(ngay )?(chu nhat|ngay nghi|ngay le|le tet|ngay tet)"
            # a holiday worked, said without "tăng ca": "mùng 1 Tết vừa rồi e đi làm 8 tiếng"
            r"|di lam (vao )?(ngay )?(mung \d+ tet|ngay le|le|tet|30/4|1/5|2/9|quoc khanh)\b"
            r"|(mung \d+ tet|ngay le|30/4|1/5|2/9|quoc khanh)(?: vua roi| nam nay| nam ngoai)?"
            r" (?:em |e |toi )?(?:van |cung |phai |da )?di lam\b"
            # the weekly rest day worked at the employer's call: "chủ nhật vừa rồi cty gọi em đi làm"
            r"|chu nhat(?: vua roi| tuan truoc| roi)? (?:cty |cong ty |sep |quan ly )?(?:goi|bat|keu)"
            r" (?:em |e |toi |minh )?di lam\b",
        ),
        ("lam_viec_ban_dem", r"lam (viec )?(ban )?dem|ca dem"),
        ("nghi_hang_nam", r"phep nam|nghi hang nam|ngay phep|nghi phep"),
        ("luong_toi_thieu_vung", r"luong toi thieu"),
        ("thu_viec", r"thu viec"),
        ("thoi_han_bao_truoc", r"bao truoc"),
        ("kinh_phi_cong_doan", r"kinh phi cong doan"),
    )
)
_WIFE = re.compile(r"\bvo (?:toi|em|minh|anh|e|t)\b")
# Overtime named without a negation before it.
_OVERTIME_SAID = re.compile(r"(?<!khong )(?<!khong phai )(?<!khong phai la )\b(tang ca|lam them)\b")
# A figure asked for: how much, how many, when, how long (never a yes/no or "how is it done").
# "Tổng cộng" followed by a number states a total the member already has ("tổng cộng 6 năm",
# "tổng cộng chắc cũng hơn 30 người");
# "không cho nghỉ phép năm nào" is "not a single year's leave", not "which year"; "bao nhiêu
# tiếng cũng được" (any number of hours), "tháng nào phiếu lương cũng ghi" (every month) and
# "khi nào sếp rảnh thì ký" (whenever the boss is free) ask nothing either, nor "mấy tháng nay /
# trước / qua / đó" (these months: "còn mấy tháng trước có đòi lại được không", "mấy năm đóng dư
# của tôi có được tính thêm tiền gì không").
_ASKS_FIGURE = re.compile(
    r"bao nhieu(?!(?: \w+)? cung\b)|\bbn\b|\bbnh\b"
    r"|\bmay (thang|ngay|nam|tuoi|gio|tieng|tien|phan tram)\b(?! (?:nay|truoc|qua|gan day|do|dong du|du)\b)"
    r"|\bvung may\b|\bvung nao\b"
    r"|khi nao(?! (?:sep|cty|cong ty|ho|quan ly|giam doc)\b[^?.]{0,30}\bthi\b)|bao gio|luc nao"
    r"|(?<!phep )(?<!khong )(?:nam|thang) nao(?![^?.,]{0,40}\bcung\b)|bao lau|tinh (giup|cho|ho)"
    r"|tong cong(?! (?:\d|chac|khoang|gan|hon|tam|cung|co|da)\b)"
)
# "không nói bao giờ quay lại", "chưa biết khi nào": the member reports what nobody said.
_UNSAID_WHEN = re.compile(r"\b(?:khong|chua) (?:noi|biet|hen|bao|ro) (?:la )?(?:bao gio|khi nao)\b")
# A yes/no question that compares the member's wage with the floor asks for the floor too:
# "lương 6 triệu ở Cầu Giấy có thấp hơn lương tối thiểu không", "có đủ lương tối thiểu vùng không".
_ASKS_COMPARED = {
    "luong_toi_thieu_vung": re.compile(
        r"\b(?:thap hon|duoi|du|dat|dung|bang|it hon|cao hon|tren) (?:muc )?luong toi thieu"
    ),
}
_FIRST_PERSON_MARKED = re.compile(r"\b(tôi|em|mình|cháu|tui|e)\b")
_FIRST_PERSON_FOLDED = re.compile(r"\b(toi|em|minh|chau|tui|e)\b(?! (thieu|da|nay)\b)")
# Inputs only a member's own case has; a question must state at least one (or a choice, said of
# themselves: "tôi làm hợp đồng không thời hạn").
KEY_INPUTS: dict[str, tuple[str, ...]] = {
    "tro_cap_thoi_viec": ("thoi_gian_lam_viec", "luong_binh_quan"),
    "tro_cap_mat_viec": ("thoi_gian_lam_viec", "luong_binh_quan"),
    "lam_them_gio": ("luong_gio", "luong_thang"),
    "lam_viec_ban_dem": ("luong_gio", "luong_thang"),
    "nghi_hang_nam": ("tham_nien", "so_ngay_chua_nghi"),
    "tuoi_nghi_huu": ("thang_sinh",),
    "tro_cap_that_nghiep": ("so_thang_dong", "luong_binh_quan"),
    "bhxh_mot_lan": ("thoi_gian_tu_2014", "thoi_gian_truoc_2014", "luong_binh_quan"),
    "thai_san": ("luong_binh_quan", "so_con"),
    "cham_dut_trai_luat": ("luong",),
    "om_dau": ("luong_dong_bhxh", "so_ngay"),
    "thai_san_cha": ("so_con", "phau_thuat"),
    "ty_le_luong_huu": ("thoi_gian_dong",),
    "khau_tru_luong": ("luong_thuc_tra",),
    "tam_dinh_chi": ("luong_truoc_dinh_chi",),
    "boi_thuong_tai_nan": ("muc_suy_giam",),
    "luong_toi_thieu_vung": ("dia_ban",),
    "thoi_han_bao_truoc": (),
    "thu_viec": ("luong_cong_viec",),
    "kinh_phi_cong_doan": ("quy_luong",),
}
CHOICE_KEYS: dict[str, tuple[str, ...]] = {
    "thoi_han_bao_truoc": ("loai_hop_dong",),
    "thu_viec": ("cong_viec",),
    "luong_toi_thieu_vung": ("vung",),
    "lam_them_gio": ("so_gio", "loai_ngay"),
    "tuoi_nghi_huu": ("gioi_tinh",),
}
_ASKS_MONTHLY = re.compile(
    r"(?:bao nhieu|bn) tien|moi thang .*(?:bao nhieu|bn)(?! thang)|muc huong"
    r"|(?:bao nhieu|bn) (mot|1|moi) thang"
)
# Said of themselves with no amount at all, these still ask for the member's own figure:
# "Lương tối thiểu chỗ tôi làm là bao nhiêu?" (asks for the region).
OWN_CASE_WITHOUT_INPUTS = frozenset({"luong_toi_thieu_vung", "thai_san_cha"})
_ASKS_AMOUNT = re.compile(
    r"bao nhieu tien|(duoc|dc|tra|nhan|lanh|huong)( it nhat)? bao nhieu\b(?! (thang|ngay|gio|phan))"
    # a wage's floor asked: "lương thử việc ít nhất bao nhiêu"
    r"|\bluong(?: \w+){0,3}? (?:it nhat|toi thieu|thap nhat) (?:la |duoc |dc )?(?:bao nhieu|bn)\b"
)
# Calculators whose result is an amount of money: a question asking how many days or how long is
# about the rule ("nghỉ ốm 32 ngày rồi, được hưởng tối đa bao nhiêu ngày?"; "rút bhxh một lần ...
# hồ sơ gồm những giấy tờ gì, bên bảo hiểm giải quyết trong bao lâu"), not a calculation.
_PAYS_MONEY = frozenset(
    {
        "om_dau",
        "bhxh_mot_lan",
        "tro_cap_thoi_viec",
        "tro_cap_mat_viec",
        "tam_dinh_chi",
        "boi_thuong_tai_nan",
        "cham_dut_trai_luat",
        "khau_tru_luong",
        "kinh_phi_cong_doan",
    }
)
_ASKS_DAYS = re.compile(r"\b(?:bao nhieu|may) ngay\b|\bbao lau\b")
# A date or deadline asked for ("khi nào tiền thai sản về tài khoản", "nộp hồ sơ muộn nhất là bao
# lâu", "phải báo trong bao nhiêu ngày"): for the calculators that price an amount or a length of
# benefit it is the rule's time limit, not the member's figure (the calculators of
# ``_TIMES_ITS_OWN`` answer "khi nào" themselves). A wait is one too ("phải đợi mấy tháng nữa mới
# được rút bhxh 1 lần").
_ASKS_WHEN = re.compile(
    r"\bkhi nao\b|\bbao gio\b|\bluc nao\b|\bmuon nhat\b|\bcham nhat\b|\bhan chot\b"
    r"|\btrong (?:vong |thoi han )?(?:bao lau|bao nhieu ngay|may ngay)\b"
    r"|\bdoi (?:them )?(?:bao lau|(?:bao nhieu|may) (?:ngay|thang|nam))\b"
)
# The retirement calculator's answer is a date; the notice and probation calculators' a length.
# The annual-leave calculator prices days, not when unused days are paid ("phép năm chưa nghỉ thì
# khi nào cty phải thanh toán tiền": khoản 3 Điều 113 and Điều 48).
_TIMES_ITS_OWN = frozenset({"tuoi_nghi_huu", "thoi_han_bao_truoc", "thu_viec"})
# What the question sentence asks that no calculator prices, whatever topic the message names:
# the tax on an allowance ("trợ cấp thôi việc 30 triệu có bị trừ thuế thu nhập cá nhân không"),
# the employer's fine ("tăng ca 60 tiếng, cty có bị phạt không, phạt bao nhiêu"), a loan for the
# unemployed ("vay vốn ngân hàng chính sách ... lãi suất bao nhiêu"), the mid-shift break of a
# night worker ("nghỉ giữa ca bao nhiêu phút"). Folded, "thuê" (to hire) is "thue" too: only the
# tax's own phrases count.
_NOT_PRICED = re.compile(
    r"\bthue (?:thu nhap|tncn)\b|\btncn\b|\b(?:tru|dong|nop|chiu|tinh|mien) thue\b|\bthu nhap ca nhan\b"
    r"|\bbi (?:xu )?phat\b|\bxu phat\b|\bmuc phat\b"
    r"|\bvay (?:von|uu dai)\b|\blai suat\b"
    r"|\bnghi giua (?:ca|gio)\b"
)
# Whether the employer may force something ("vậy cty có được bắt em tăng ca không"): the rule's
# yes or no, not the member's pay. And a question sentence about a subject no calculator prices
# ("thỏa ước ký xong thì có hiệu lực bao lâu", after a story that named the member's probation):
# only where that sentence names no calculator's topic itself.
_ASKS_LAWFUL = re.compile(r"\bco (?:duoc|dc) (?:bat|ep|buoc|cuong ep)\b")
_RULE_SUBJECT = re.compile(
    r"\bthoa uoc\b|\bdinh cong\b|\bky luat\b|\bhoa giai\b|\btrong tai\b|\btoa an\b|\bkhoi kien\b"
    r"|\bthanh tra\b|\bnoi quy\b|\bdoi thoai\b|\bhoi nghi nguoi lao dong\b"
)
# Papers and offices asked for ("hồ sơ hưởng lương hưu nộp khi nào và nộp ở đâu", "hồ sơ gồm những
# giấy tờ gì"): the procedure's rule, even where the calculator answers "khi nào" itself.
_ASKS_PROCEDURE = re.compile(
    r"\b(?:nop|gui|lam|dang ky) (?:ho so |don |giay to |thu tuc )?(?:o dau|cho ai|khi nao|luc nao|bao gio)\b"
    r"|\b(?:ho so|giay to) (?:gom|can|co|la) (?:nhung )?(?:gi|nhung gi)\b|\bgiay to gi\b"
    r"|\bthu tuc (?:gi|the nao|ra sao|nhu the nao)\b|\bo dau\b"
)
# A limit the law sets ("tăng ca tối đa bao nhiêu giờ", "thử việc tối đa bao nhiêu lần", "phải
# nghỉ tối thiểu bao lâu"): the rule's figure, not one of the member's case.
_ASKS_LIMIT = re.compile(
    r"\b(?:toi da|toi thieu|it nhat) (?:la |duoc |dc |phai )?"
    r"(?:bao lau|(?:bao nhieu|may) (?:gio|tieng|lan|phut))\b"
)
# A matter next to the calculator's that it does not price: rest and recovery after an accident
# ("nghỉ dưỡng sức", 30% of the base salary a day) is not the employer's compensation; travel
# days on annual leave ("đi xe khách mất 2 ngày đi, 2 ngày về, có được tính thêm không") are not
# the days of leave (khoản 6 Điều 113 answers them).
_OTHER_MATTER = {
    # Nor is support for retraining ("học nghề", "học phí", "chuyển đổi nghề", Điều 55 Luật ATVSLĐ).
    # What the social insurance fund pays ("bên bảo hiểm xã hội chi trả trợ cấp cho em bao nhiêu")
    # is its own allowance (Điều 48-49 Luật ATVSLĐ), not the employer's compensation priced here.
    # An accident on the way to or from work ("trên đường đi làm về"): the employer owes its own
    # share (khoản 2 Điều 39 Luật ATVSLĐ), not the compensation for an accident at work.
    "boi_thuong_tai_nan": re.compile(
        rf"{facts.COMMUTE}"
        r"|\bduong suc\b|\bhoc nghe\b|\bhoc phi\b|\bchuyen doi nghe\b"
        r"|\b(?:ben|co quan|quy) (?:bao hiem|bhxh)\b|\b(?:bao hiem xa hoi|bhxh|bao hiem) (?:chi )?tra\b"
    ),
    # Nor are last year's days carried over ("năm ngoái còn 4 ngày phép, sếp bảo chuyển sang năm
    # nay": khoản 4 Điều 113 on taking leave together) or days the employer took for Tết ("cty trừ
    # vào phép năm của em 7 ngày": Điều 112).
    "nghi_hang_nam": re.compile(
        r"\bdi duong\b|\bngay di\b.{0,30}\bngay ve\b|\bca di (?:va|lan) ve\b"
        r"|\bchuyen sang nam\b|\bcong don\b|\b(?:gop|don) phep\b|\bnghi gop\b|\btru (?:vao )?(?:ngay )?phep\b"
    ),
    # What becomes of a probation that ended without a contract ("hết thử việc cty ko ký hđ mà vẫn
    # cho làm tiếp") is khoản 1 Điều 27, not the probation's pay or length.
    "thu_viec": re.compile(
        r"\b(?:het|sau|xong|qua) (?:thoi gian |thoi han )?thu viec\b.{0,60}\b(?:khong|ko|k|chua) (?:ky|bao)\b"
    ),
    # The grassroots union's share of the dues ("công đoàn cơ sở được giữ lại bao nhiêu phần trăm")
    # is the union-finance decree's, not the employer's 2%.
    # Nor is the fee taken from the member's wage ("cty trừ vào lương 2% gọi là kinh phí công đoàn").
    "kinh_phi_cong_doan": re.compile(
        r"\bgiu lai\b|\bduoc (?:huong|su dung|giu|chia)\b|\bphan (?:phoi|bo|chia)\b|\btrich (?:lai|ve)\b"
        rf"|{facts.UNION_FEE_DEDUCTED}"
    ),
    # A mother who died or cannot care for the baby: the father's leave runs to the child's 6
    # months (khoản 7 Điều 53 Luật BHXH 2024), not the days the calculator prices.
    "thai_san_cha": re.compile(r"\b(?:qua doi|chet|tu vong|bang huyet)\b|khong du suc khoe"),
    # A disease on the long-term list ("bệnh phải chữa dài ngày", "danh mục bệnh"): past the year's
    # days its rate falls with the years of contributions (khoản 3 Điều 45 Luật BHXH 2024); the
    # calculator prices only the ordinary 75%. A work accident's treatment is not sickness benefit
    # at all: the employer pays the full wage (điểm c khoản 2 Điều 42 Luật BHXH 2024, khoản 3 Điều 38
    # Luật ATVSLĐ).
    "om_dau": re.compile(facts.any_of(r"\bdai ngay\b|\bdanh muc benh\b", facts.WORK_ACCIDENT)),
    # Vocational training support for a member on unemployment benefit ("muốn đi học nghề ..., học
    # phí 6 triệu rưỡi, em phải bù bao nhiêu") is Điều 11 Nghị định 374/2025, not the benefit: read
    # as the benefit, the fee became her wage and her one month on benefit her contributions. The
    # monthly job-search report ("tháng nào cũng phải lên trung tâm thông báo tìm việc") is Điều 21.
    # A member who already has a new job is no longer owed it (the rule, not a figure), nor one who
    # quit unlawfully (điểm a khoản 1 Điều 38 Luật Việc làm 2025).
    "tro_cap_that_nghiep": re.compile(
        r"\bhoc nghe\b|\bhoc phi\b|\bdao tao nghe\b|\b(?:thong|khai) bao (?:ve |viec )*tim (?:kiem )?viec"
        rf"|{facts.NEW_JOB}|{facts.QUIT_UNLAWFULLY}"
        # already on benefit ("đang hưởng tctn, được duyệt 5 tháng"): what happens to the rest is
        # the rule's (Điều 41 Luật Việc làm 2025); its months are not months of contributions
        r"|\bdang (?:huong|lanh|nhan)\b|\b(?:duoc|dc) duyet\b"
        # still working for another employer ("cty A cho em nghỉ, còn cty B thì em vẫn làm"): no
        # benefit while insured in a job (điểm d khoản 1 Điều 38 Luật Việc làm 2025)
        rf"|{facts.STILL_WORKING_ELSEWHERE}"
    ),
    # A miscarriage, an abortion or antenatal visits are their own leave (Điều 51-52 Luật BHXH
    # 2024), not a birth.
    "thai_san": re.compile(
        r"\bsay thai\b|\bpha thai\b|\bnao hut\b|\bthai chet\b|\bkham thai\b|\bthai ngoai tu cung\b"
    ),
    # The cases where a worker may quit without notice (khoản 2 Điều 35: unpaid wages, abuse,
    # harassment ...) are the rule's, not a period of the contract.
    # Nor is the settlement after leaving ("sau khi nghỉ thì cty phải thanh toán hết tiền cho em
    # trong bao nhiêu ngày": 14 working days, khoản 1 Điều 48).
    # Also the other cases of khoản 2 Điều 35 (a pregnant worker told by a doctor to stop, a worker
    # of retirement age) and a contract that expires, which needs a written notice (khoản 1 Điều
    # 45), not a notice period: "hợp đồng 1 năm hết hạn ngày 31/12 và không ký tiếp nữa".
    "thoi_han_bao_truoc": re.compile(
        facts.any_of(
            facts.UNPAID_WAGES,
            facts.HARASSMENT,
            facts.ABUSE,
            facts.PREGNANT_DOCTOR,
            facts.RETIREMENT_AGE,
            facts.NOT_RENEWED,
            facts.ILLNESS,
        )
        + r"|\bthanh toan\b|\bquyet toan\b"
        # what a worker who gave too little notice owes (khoản 2 Điều 40), not a notice period
        r"|\bboi thuong\b|\bden bu\b|\b(?:bao nhieu|bn) tien\b"
        # special occupations and an enterprise's managers: their own periods (Điều 7 Nghị định 145)
        r"|\bquan ly doanh nghiep\b|\b(?:tong |pho )?giam doc\b|\bthuyen vien\b|\btiep vien\b"
        r"|\bphi cong\b|\btau bien\b"
        # an employer ending a contract for a long illness gives 3 working days (điểm c khoản 2 Điều 36):
        # ``facts.ILLNESS`` above
    ),
    # A member still working and insured is not paid the lump sum (khoản 1 Điều 70 Luật BHXH 2024:
    # "đã chấm dứt tham gia bảo hiểm xã hội").
    "bhxh_mot_lan": re.compile(facts.STILL_INSURED),
    # The job-loss allowance of Điều 47 is for restructuring and economic reasons only: an employer
    # that closed down (khoản 7 Điều 34) and a contract that expired (khoản 1 Điều 34) owe severance
    # instead (Điều 46), a dismissal ("sa thải") neither. "Giải thể bộ phận" is a department closed
    # in a restructuring, still the allowance's.
    "tro_cap_mat_viec": re.compile(facts.any_of(facts.CLOSED, facts.DISMISSAL, facts.CONTRACT_EXPIRED)),
    # A member cleared after a suspension is owed her full wage for it (khoản 4 Điều 128): the rule's
    # answer, not the 50% advance of khoản 2.
    "tam_dinh_chi": re.compile(facts.CLEARED),
    # A deduction for something other than damage to the employer's property (the union fee, a
    # fine for lateness, a fund, work clothes): only that damage may be deducted (khoản 1 Điều 102),
    # and a fine in place of discipline is banned (khoản 2 Điều 127); the 30% cap is not the answer.
    # Money or goods lost, not damaged ("để thất thoát 15 triệu", "làm mất hàng"): khoản 1 Điều 102
    # allows a deduction for damage only; a loss is compensated under khoản 2 Điều 129.
    "khau_tru_luong": re.compile(
        facts.any_of(
            facts.UNION_FEE, facts.FINE, facts.LEAVING_EARLY, facts.NOT_DAMAGE
        )
    ),
    # Dismissal or a pension earned: no severance (khoản 1 Điều 46), whatever the years; nor for a
    # member who quit without notice ("nghỉ ngang", khoản 1 Điều 40).
    "tro_cap_thoi_viec": re.compile(facts.any_of(facts.DISMISSAL, facts.PENSION, facts.QUIT_UNLAWFULLY)),
    # The member who quit unlawfully owes the employer (khoản 2 Điều 40); the calculator prices what
    # an employer owes for its unlawful ending (Điều 41).
    # Nor is a probation ended by either side (khoản 2 Điều 27: no notice, no compensation).
    "cham_dut_trai_luat": re.compile(facts.any_of(facts.QUIT_UNLAWFULLY, facts.PROBATION)),
    # Retiring early: the rate is reduced, which the pension-rate calculator does not price.
    "ty_le_luong_huu": re.compile(r"\bhuu som\b|\bnghi (?:huu )?(?:som|truoc tuoi)\b"),
}
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
# "báo trước đầy đủ" (gave full notice) is no "trước đây" (formerly).
_PAST_WORDS = re.compile(
    r"\b(luat cu|bo luat cu|quy dinh cu|(?<!bao )truoc day(?! du\b)|hoi do|luc do|khi do|ngay xua)\b"
)
# "Năm 2019 tôi nghỉ việc": a year named as the time of the event (not "từ 2016", "sinh năm 1970",
# "từ đầu năm 2016 đến hết năm 2024", a span of contributions).
_EVENT_YEAR = re.compile(r"(?:^|[,.;:] |(?<!tu )(?<!den )(?<!toi )\b(?:vao|hoi|luc|cuoi|dau|giua) )nam $")


@dataclass(frozen=True)
class Intent:
    calculator: Calculator
    values: dict[str, Any]  # raw values as read from the text (checked later by the calculator)
    require: tuple[str, ...] = ()  # optional inputs this question needs (an amount asked for)
    subject: str = ""  # the relative the figure is about ("bo", "me" ...), "" for the member
    explained: str = ""  # how an input was read, shown under the figure (an allowance, a 6 months average)


def detect_topic(question: str) -> str | None:
    """The calculator for the topic the member asks about: named in her question sentence first
    ("đang hưởng thất nghiệp ... Vậy lúc sinh em được nhận tiền thai sản bao nhiêu?" asks about
    maternity pay), else anywhere in the message."""
    whole = _topic_in(fold(question))
    asked = fold(_asked_sentences(question))
    name = _topic_in(asked) if asked else None
    if name == "thai_san" and whole == "thai_san_cha" and not _WIFE.search(asked):
        name = whole  # "Vợ tôi sinh đôi ... Tôi được nghỉ thai sản bao nhiêu ngày?": the father's
    name = whole if name is None else name
    return name or None


def asked_topic(question: str) -> str | None:
    """The calculator topic the member's question sentence (the whole message when it is one
    sentence) asks about: one it names, or the message's when it asks for a figure ("Em được bảo
    hiểm trả bao nhiêu?"); None for a question about something else ("Như vậy có đúng không ạ?"
    after a story, asking whether it was a work accident)."""
    asked = fold(_asked_sentences(question)) or fold(question)
    said = _topic_in(asked) or _ASKS_FIGURE.search(parsing.normalise(asked))
    return detect_topic(question) if said else None


def _topic_in(folded: str) -> str | None:
    """The first topic named (NO_CALCULATOR for the rule's), None when none is."""
    for name, pattern in TOPICS:
        if pattern.search(folded):
            if name == "lam_viec_ban_dem" and _OVERTIME_SAID.search(folded):
                continue  # "không tăng ca ban ngày, rồi tăng ca đêm" is night overtime
            return name
    return None


def _asked_sentences(text: str) -> str:
    """The sentences of a message of several that ask ("?"), else its last; "" for one sentence."""
    sentences = message_sentences(text)
    return " ".join(asked_sentences(sentences)) if len(sentences) > 1 else ""


# Calculators that read other people's facts as part of the member's case: the father's leave
# turns on his wife's birth ("Vợ em sinh non lúc 31 tuần"), paid care on the child's age ("Con em 9
# tuổi bị ốm"), and the retirement reader finds the relative asked about itself
# (``extract._retirement``).
_READS_FAMILY = frozenset({"thai_san_cha", "om_dau", "tuoi_nghi_huu"})


def extract(calculator: Calculator, text: str) -> dict[str, Any]:
    """Inputs of ``calculator`` stated in ``text`` (possibly none), read from the clauses of the
    person the question is about (``own_case``)."""
    if calculator.name not in _READS_FAMILY:
        text = own_text(text)
    norm = parsing.normalise(text)
    return {k: v for k, v in EXTRACTORS[calculator.name](text, norm).items() if v is not None}


def speaks_of_self(text: str) -> bool:
    lowered = text.lower()
    if lowered != fold(lowered):  # with diacritics: "tối thiểu" is not "tôi"
        return _FIRST_PERSON_MARKED.search(lowered) is not None
    return _FIRST_PERSON_FOLDED.search(lowered) is not None


def asks_about_past(text: str) -> bool:
    """A question about an event under earlier law ("Năm 2019 tôi nghỉ việc", "luật cũ")."""
    norm = parsing.normalise(text)
    if _PAST_WORDS.search(norm):
        return True
    for match in _YEAR.finditer(norm):
        if int(match.group(1)) >= today().year:
            continue
        if _EVENT_YEAR.search(norm[max(0, match.start() - 12) : match.start()]):
            return True
    return False


def has_concrete_input(calculator: Calculator, values: dict[str, Any], text: str) -> bool:
    if any(name in values for name in KEY_INPUTS[calculator.name]):
        return True
    if not speaks_of_self(text):
        return False
    if calculator.name in OWN_CASE_WITHOUT_INPUTS:
        return True
    if calculator.name == "lam_them_gio" and not _ASKS_AMOUNT.search(parsing.normalise(text)):
        return False  # "giới hạn làm thêm là bao nhiêu giờ" is about the rule
    return any(name in values for name in CHOICE_KEYS.get(calculator.name, ()))


def read_intent(question: str) -> Intent | None:
    """The calculator and inputs of a calculation question, or None when it is not one."""
    name = detect_topic(question)
    if name is None:
        return None
    normalised = parsing.normalise(question)
    compared = name in _ASKS_COMPARED and _ASKS_COMPARED[name].search(normalised) is not None
    asked = _ASKS_FIGURE.search(_UNSAID_WHEN.sub(" ", normalised))
    if not (asked or compared) or asks_about_past(question):
        return None
    calculator = get_calculator(name)
    asked_text = parsing.normalise(_asked_sentences(question)) or normalised
    if _NOT_PRICED.search(asked_text) or _ASKS_LAWFUL.search(asked_text):
        return None
    if _RULE_SUBJECT.search(asked_text) and _topic_in(asked_text) is None:
        return None
    if not _ASKS_AMOUNT.search(normalised):  # a time or a limit asked, and no money: the rule's
        if _ASKS_PROCEDURE.search(asked_text):
            return None  # "hồ sơ nộp khi nào, ở đâu"
        if name not in _TIMES_ITS_OWN and _ASKS_WHEN.search(_UNSAID_WHEN.sub(" ", normalised)):
            return None  # "khi nào tiền về", "nộp muộn nhất là bao lâu": the rule's time limit
        if _ASKS_LIMIT.search(normalised):
            return None  # "tăng ca tối đa bao nhiêu giờ"
        if name in _PAYS_MONEY and _ASKS_DAYS.search(normalised):
            return None  # "được hưởng tối đa bao nhiêu ngày" asks the rule's days, not her pay
    if name in _OTHER_MATTER and _OTHER_MATTER[name].search(normalised):
        return None
    if name == "thai_san_cha" and asked_owner(normalised) == "vo":
        return None  # the wife's own maternity pay asked by her husband: the rule's, not his leave
    values = extract(calculator, question)
    if values.pop("_to_rule", False):
        return None  # a case it does not price (part day, part night; a case the law bars)
    subject = values.pop("_nguoi", "")
    explained = values.pop("_giai_thich", "")
    if not has_concrete_input(calculator, values, question):
        return None
    require: tuple[str, ...] = ()
    if name in ("tro_cap_that_nghiep", "thai_san") and _ASKS_MONTHLY.search(parsing.normalise(question)):
        require = ("luong_binh_quan",)
    return Intent(calculator, values, require, subject, explained)


def read_answer_to(calculator: Calculator, missing: tuple[str, ...], message: str) -> dict[str, Any]:
    """Inputs given in a reply to a request for ``missing`` inputs: "9 triệu", "nữ", "26 ngày"."""
    values = {k: v for k, v in extract(calculator, message).items() if not k.startswith("_")}
    if len(missing) == 1 and missing[0] not in values:
        from assistant.calculators.validation import convert

        spec = calculator.spec(missing[0])
        bare = message.strip().rstrip(".!")
        try:
            convert(spec, bare)
        except (ValueError, TypeError):
            return values
        values[spec.name] = bare  # range-checked with the other inputs by the calculator
    return values
