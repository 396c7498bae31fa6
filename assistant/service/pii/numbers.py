"""Numbers that identify a person: phone, CCCD/CMND, social insurance, bank account; e-mail
and dates of birth. A digit run in any spacing is classified by the nearest cue before it
("CCCD", "mã BHXH", "STK"...), or by its length and prefix when there is none.
Money ("5.000.000 đồng"), law numbers ("45/2019/QH14") and short counts are left alone."""

from __future__ import annotations

import re

from assistant.service.pii.spans import Span

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Digits with single separators (space, dot, dash), optionally after a country code.
DIGITS_RE = re.compile(
    r"(?<![\w/.,:-])(?:\(\+?84\)[ .-]?|\+84[ .-]?|0084[ .-]?|\(0\d{1,3}\)[ .-]?)?"
    r"\d(?:[ .-]?\d){5,18}(?![\w/]|[.,-]\d)"
)
INSURANCE_CODE_RE = re.compile(r"(?<![\w/])[a-z]{2}\d{13}(?![\w/])")  # BHYT card: GD4010123456789
MONEY_AFTER_RE = re.compile(r"[ \t]*(?:dong\b|d\b|vnd\b|usd\b|trieu\b|nghin\b|ngan\b(?! hang)|ty\b|%)")
MONEY_SHAPE_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
CUES: tuple[tuple[str, str], ...] = (
    ("id_number", r"cccd|cmnd|can cuoc|chung minh|dinh danh"),
    ("social_insurance", r"bhxh|bhyt|bao hiem xa hoi|bao hiem y te|so bao hiem|ma so bao hiem|ma bh|so so"),
    (
        "bank_account",
        r"stk|so tk|tk|tai khoan|ngan hang|vietcombank|vcb|techcombank|bidv|agribank|vietinbank|"
        r"mb bank|acb|tpbank|sacombank|vpbank",
    ),
    ("phone", r"sdt|so dien thoai|dien thoai|di dong|zalo|goi|lien he|hotline|nhan tin|so cua|de so|dung so"),
)
CUE_RE = re.compile("|".join(rf"(?P<{kind}>\b(?:{words})\b)" for kind, words in CUES))
BANK_AFTER_RE = re.compile(
    r"[ \t(]*(?:vietcombank|vcb|techcombank|bidv|agribank|vietinbank|mb\b|acb|tpbank|sacombank|vpbank)"
)
CUE_WINDOW = 45
DOB_RE = re.compile(
    r"\b(?:ngay thang nam sinh|ngay sinh|nam sinh|sinh ngay|sinh nam|sinh|sn)"
    r"(?:[ \t]+(?:cua|toi|em|minh|chau|la))*[ \t]*:?[ \t]*"
    r"(?P<date>\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|\d{1,2} thang \d{1,2} nam (?:19|20)\d{2}|"
    r"(?:19|20)\d{2})(?![\w/])"
)


def _nearest_cue(folded: str, start: int) -> str | None:
    window = folded[max(0, start - CUE_WINDOW) : start]
    window = re.split(r"[.;!?\n]", window)[-1]
    found = None
    for match in CUE_RE.finditer(window):
        found = match.lastgroup
    return found


def _classify(digits: str, cue: str | None, bank_after: bool) -> str | None:
    n = len(digits)
    if cue == "id_number" and n in (9, 12):
        return "id_number"
    if cue == "social_insurance" and n == 10:
        return "social_insurance"
    if (cue == "bank_account" or bank_after) and 6 <= n <= 19:
        return "bank_account"
    if cue == "phone" and 9 <= n <= 12:
        return "phone"
    if (n == 10 and digits[:2] in {"03", "05", "07", "08", "09"}) or (n == 11 and digits[:2] in {"02", "84"}):
        return "phone"
    if n == 12 and digits.startswith("84"):
        return "phone"
    if n in (9, 12):
        return "id_number"
    if n >= 13:
        return "bank_account"
    return None


def number_spans(text: str, folded: str) -> list[Span]:
    spans = [Span(m.start(), m.end(), "email") for m in EMAIL_RE.finditer(text)]
    for match in DIGITS_RE.finditer(text):
        raw = match.group(0)
        digits = re.sub(r"\D", "", raw)
        cue = _nearest_cue(folded, match.start())
        if MONEY_AFTER_RE.match(folded, match.end()) or (cue is None and MONEY_SHAPE_RE.fullmatch(raw)):
            continue
        bank_after = bool(BANK_AFTER_RE.match(folded, match.end()))
        kind = _classify(digits, cue, bank_after)
        if kind is not None:
            spans.append(Span(match.start(), match.end(), kind))
    for match in INSURANCE_CODE_RE.finditer(folded):
        spans.append(Span(match.start(), match.end(), "social_insurance"))
    for match in DOB_RE.finditer(folded):
        spans.append(Span(match.start("date"), match.end("date"), "dob"))
    return spans
