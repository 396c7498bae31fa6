"""Facts of a member's case that take a calculator's figure away, as patterns on the normalised
(folded) message. ``intent`` declines a calculation on them; ``deciding`` names the provision that
decides the case instead. One pattern per fact, shared by both."""

from __future__ import annotations

# The member quit without notice: "em nghỉ ngang", "tự nghỉ ngang không báo trước" (not "cty cho
# em nghỉ ngang", the employer's act).
QUIT_UNLAWFULLY = (
    r"(?<!cho )(?<!bat )\b(?:em|e|toi|minh|tui|anh|chi)(?: (?:da|moi|tu|lo|dinh|muon))* nghi ngang\b"
    r"|\btu (?:y )?nghi ngang\b"
    r"|\b(?:em|e|toi|minh|tui)(?: (?:da|tu))* nghi (?:viec |luon )?(?:khong|ko|k) bao truoc\b"
    # the subject left out: "cãi nhau với quản lý nên nghỉ ngang luôn"
    r"|\b(?:nen|roi|va) nghi ngang\b|\bnghi ngang luon\b"
)
# Already in a new job ("đã có việc", "tìm được việc mới") while on or asking for the benefit.
NEW_JOB = r"\b(?:co|tim (?:duoc|dc)) viec (?:lam )?moi\b|\bda co viec\b"
# Still working for another employer ("cty A cho em nghỉ, còn cty B thì em vẫn làm").
STILL_WORKING_ELSEWHERE = (
    r"\b(?:cty|cong ty|cho)(?: \w+){1,3} (?:thi )?(?:em |e |toi |minh )?van (?:dang )?(?:lam|di lam)\b"
    r"|\bvan (?:dang )?(?:lam|di lam) (?:o |cho |tai )(?:cty|cong ty|cho) (?:b|khac|moi|kia|thu hai)\b"
)
# Still working and insured (the lump sum is for a member who stopped).
STILL_INSURED = r"\b(?:van|dang) (?:dang )?(?:di lam|lam viec|lam o|dong bhxh|dong bao hiem|tham gia)\b"
# A pension earned or decided.
PENSION = (
    r"\bdu dieu kien (?:huong )?luong huu\b|\b(?:co )?quyet dinh (?:huong |nghi |ve )?(?:luong )?huu\b"
    r"|\b(?:dang|da) (?:huong|lanh|nhan) luong huu\b"
)
DISMISSAL = r"\bsa thai\b"
# An employer that closed down ("giải thể bộ phận" is a department closed in a restructuring).
CLOSED = (
    r"\bpha san\b|\b(?:giai the|dong cua|cham dut hoat dong)\b"
    r"(?! (?:\w+ )?(?:bo phan|phong|xuong|to|chi nhanh|day chuyen|khoa|ban)\b)"
)
CONTRACT_EXPIRED = r"\bhet han (?:hop dong|hd|hdld)\b|\b(?:hop dong|hd|hdld)(?: \w+){0,5} het han\b"
# An expiring contract not renewed ("hết hạn ngày 31/12 và không ký tiếp nữa").
NOT_RENEWED = r"\bhet han\b.{0,40}\b(?:khong|ko|k) (?:ky|ki) (?:tiep|lai|moi)\b"
# Grounds to quit without notice (khoản 2 Điều 35).
UNPAID_WAGES = r"\bno luong\b|\bcham (?:tra )?luong\b|\bkhong tra (?:du )?luong\b"
ABUSE = r"\bnguoc dai\b|\bdanh dap\b|\bxuc pham\b|\bcuong buc\b"
HARASSMENT = r"\bquay roi\b"
PREGNANT_DOCTOR = r"\b(?:mang thai|mang bau|co bau|bau)\b.{0,60}\b(?:bac si|benh vien|giu thai)\b"
RETIREMENT_AGE = r"\b(?:du|qua|den) tuoi (?:nghi )?huu\b|\b(?:6[0-9]|7[0-9]) tuoi\b"
# A long illness or treatment (the employer's notice is 3 working days, điểm c khoản 2 Điều 36).
ILLNESS = r"\bdieu tri\b|\bom dau\b|\bnghi om\b|\btai bien\b"
# A fine or a deduction for lateness (banned in place of discipline, khoản 2 Điều 127).
FINE = r"\b(?:bi|tien) phat\b|\bphat (?:tien|di|ve|\d)|\bdi (?:tre|muon)\b"
# Leaving early: a fine for it, or a mother's nursing hour ("về sớm để cho con bú", khoản 4 Điều 137).
LEAVING_EARLY = r"\bve som\b"
# A deduction for something other than damage: a fund, charity, clothing, money or goods lost.
NOT_DAMAGE = (
    r"(?<!thu )\bquy\b|\btu thien\b|\bdong phuc\b|\bbao ho\b"
    r"|\bthat thoat\b|\b(?:lam|danh|bi) mat (?!viec)"
)
WORK_ACCIDENT = r"\btai nan lao dong\b|\btnld\b"
# An accident on the way to or from work (the employer's allowance of khoản 2 Điều 39 Luật ATVSLĐ).
COMMUTE = (
    r"\btren (?:duong|tuyen duong) (?:di lam|di ve|tu nha|ve nha|den cong ty|di lam ve)\b"
    r"|\bdi lam ve\b|\btren duong di\b"
)
# Cleared after a suspension.
CLEARED = r"\bkhong (?:co )?(?:bi )?(?:vi pham|ky luat|xu ly ky luat)\b|\bkhong (?:co )?loi\b"
PROBATION = r"\bthu viec\b"
# The union fee taken from the member's wage: the employer pays it (điểm b khoản 1 Điều 29 Luật
# Công đoàn 2024), nothing of it is the member's to pay.
# Said as done ("cty trừ vào lương em 2%"), not asked ("có bị trừ vào lương tụi mình không?").
UNION_FEE_DEDUCTED = (
    r"(?<!co )(?<!co bi )\btru (?:vao |cua )?(?:luong|tien luong|em|e|toi|minh|cong nhan|nguoi lao dong)\b"
)
UNION_FEE = r"\bkinh phi cong doan\b|\bdoan phi\b"


def any_of(*patterns: str) -> str:
    """One pattern matching any of ``patterns``."""
    return "|".join(f"(?:{p})" for p in patterns)
