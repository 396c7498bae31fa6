"""The rule that decides a case a calculator does not price.

A calculator declines a money or time question when the member's own facts take the figure away:
she quit without notice ("nghỉ ngang": no severance, khoản 1 Điều 40), she has reached retirement
age (no notice needed, điểm e khoản 2 Điều 35), her child is 7 (no paid care, điểm e khoản 1 Điều
42 Luật BHXH 2024). The calculator knows which provision decides; retrieval, searching the whole
story, often opened with the rule for the ordinary case instead (45 days' notice for a member of
61, the lump sum's rates for a member still insured). ``deciding_rule`` names that provision, and
the pipeline opens the answer with it.

Only facts that decide alone are listed: each pattern is a case the law settles whatever the rest
of the story says.
"""

from __future__ import annotations

import re

from assistant.calculators import facts, parsing
from assistant.calculators.base import UnitRef
from assistant.calculators.intent import asked_topic, extract
from assistant.calculators.registry import get_calculator

BLLD = "45/2019/QH14"
BHXH = "41/2024/QH15"
LVL = "74/2025/QH15"
LCD = "50/2024/QH15"
# What the member owes for too little notice ("cty đòi em bồi thường"): khoản 2 Điều 40.
_MEMBER_OWES = (
    r"\b(?:doi|bat|bao) (?:em|e|toi|minh) (?:phai )?(?:boi thuong|den bu)\b"
    r"|\b(?:em|e|toi|minh) (?:co )?(?:phai|bi) (?:boi thuong|den bu)\b"
)
# The employer ends the contract of a member under long treatment ("điều trị ... cty muốn chấm dứt").
_EMPLOYER_ENDS_ILLNESS = (
    rf"(?:{facts.ILLNESS}).{{0,120}}\b(?:cty|cong ty|sep)\b.{{0,40}}"
    r"\b(?:cham dut|cho (?:em |e |toi )?nghi|bao truoc)\b"
)

# (calculators, a fact of the member's case, the unit that decides it), first match wins.
_RULES: tuple[tuple[frozenset[str], re.Pattern[str], UnitRef], ...] = tuple(
    (frozenset(names.split()), re.compile(pattern), unit)
    for names, pattern, unit in (
        # quit without notice: no severance, no benefit, and she owes (khoản 1-2 Điều 40)
        ("tro_cap_thoi_viec", facts.QUIT_UNLAWFULLY, UnitRef(BLLD, 40, 1)),
        ("tro_cap_that_nghiep", facts.QUIT_UNLAWFULLY, UnitRef(LVL, 38, 1, "a")),
        ("cham_dut_trai_luat", facts.QUIT_UNLAWFULLY, UnitRef(BLLD, 40, 2)),
        ("thoi_han_bao_truoc", _MEMBER_OWES, UnitRef(BLLD, 40, 2)),
        # a worker may quit without notice (khoản 2 Điều 35; a pregnancy: khoản 1 Điều 138)
        ("thoi_han_bao_truoc", facts.UNPAID_WAGES, UnitRef(BLLD, 35, 2, "b")),
        ("thoi_han_bao_truoc", facts.ABUSE, UnitRef(BLLD, 35, 2, "c")),
        ("thoi_han_bao_truoc", facts.HARASSMENT, UnitRef(BLLD, 35, 2, "d")),
        ("thoi_han_bao_truoc", facts.PREGNANT_DOCTOR, UnitRef(BLLD, 138, 1)),
        ("thoi_han_bao_truoc", facts.RETIREMENT_AGE, UnitRef(BLLD, 35, 2, "e")),
        # a contract that expires is ended by a written notice (khoản 1 Điều 45), not a notice period
        ("thoi_han_bao_truoc", facts.NOT_RENEWED, UnitRef(BLLD, 45, 1)),
        # the employer ending a contract for a long illness: 3 working days (điểm c khoản 2 Điều 36)
        ("thoi_han_bao_truoc", _EMPLOYER_ENDS_ILLNESS, UnitRef(BLLD, 36, 2, "c")),
        # no benefit once a new job starts, nor while insured in another (khoản 4 Điều 41, Điều 38)
        ("tro_cap_that_nghiep", facts.NEW_JOB, UnitRef(LVL, 41, 4, "a")),
        ("tro_cap_that_nghiep", facts.STILL_WORKING_ELSEWHERE, UnitRef(LVL, 38, 1, "d")),
        # the lump sum is for a member who has stopped being insured, in the ordinary case 12 months
        # before (điểm đ khoản 1 Điều 70, quoted under its lead-in)
        ("bhxh_mot_lan", facts.STILL_INSURED, UnitRef(BHXH, 70, 1, "đ")),
        # a pension earned or a dismissal: no severance (khoản 1 Điều 46 lists the endings it is for);
        # an employer closed down or a contract expired owes severance, not the job-loss allowance
        ("tro_cap_thoi_viec", facts.any_of(facts.DISMISSAL, facts.PENSION), UnitRef(BLLD, 46, 1)),
        ("tro_cap_mat_viec", facts.any_of(facts.CLOSED, facts.CONTRACT_EXPIRED), UnitRef(BLLD, 46, 1)),
        ("tro_cap_mat_viec", facts.DISMISSAL, UnitRef(BLLD, 47, 1)),
        # a fine in place of discipline is banned (khoản 2 Điều 127); only damage may be deducted
        ("khau_tru_luong", facts.FINE, UnitRef(BLLD, 127, 2)),
        ("khau_tru_luong", facts.NOT_DAMAGE, UnitRef(BLLD, 102, 1)),
        # the union fee is the employer's, never taken from the wage (điểm b khoản 1 Điều 29)
        ("khau_tru_luong", facts.UNION_FEE, UnitRef(LCD, 29, 1, "b")),
        ("kinh_phi_cong_doan", facts.UNION_FEE_DEDUCTED, UnitRef(LCD, 29, 1, "b")),
        # a work accident's treatment is not sickness benefit (điểm c khoản 2 Điều 42 Luật BHXH 2024)
        ("om_dau", facts.WORK_ACCIDENT, UnitRef(BHXH, 42, 2, "c")),
        # cleared after a suspension: the full wage (khoản 4 Điều 128)
        ("tam_dinh_chi", facts.CLEARED, UnitRef(BLLD, 128, 4)),
        # a probation ended by either side: no notice, no compensation (khoản 2 Điều 27)
        ("cham_dut_trai_luat", facts.PROBATION, UnitRef(BLLD, 27, 2)),
    )
)


def deciding_rule(question: str) -> UnitRef | None:
    """The provision that decides the member's case when a fact of it takes a calculator's figure
    away (the calculator then declines), or None."""
    name = asked_topic(question)  # the question asks about the calculator's matter itself
    if not name:
        return None
    norm = parsing.normalise(question)
    for names, pattern, unit in _RULES:
        if name in names and pattern.search(norm):
            return unit
    ruled = extract(get_calculator(name), question).get("_to_rule")
    return ruled if isinstance(ruled, UnitRef) else None
