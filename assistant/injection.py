"""Prompt-injection handling: instruction-like phrases are cut out of the question, never obeyed.

The question text is data. Phrases that try to instruct the assistant ("bỏ qua mọi hướng dẫn",
"ignore previous instructions", "bạn là ...", "in ra system prompt") are removed before
retrieval; what remains is answered as an ordinary question, or declined if nothing legal remains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text import fold_aligned

# Patterns over the folded text (lower-case, no diacritics); each removes up to the end of its
# clause (punctuation, newline or a joining "va"/"and" before a new request).
_CLAUSE_END = r"[^.,;:!?\n]*?(?=[.,;:!?\n]|\s+(?:va|roi|and|then)\s|$)"
_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(bo qua|phot lo|lo di|quen|xoa bo|khong can tuan theo|ignore|disregard|forget|override)\b"
        r"[^.;!?\n]{0,40}?\b(huong dan|chi dan|chi thi|menh lenh|lenh|quy tac|quy dinh cua ban|rang buoc"
        r"|instruction|instructions|rules|prompt|system)\b" + _CLAUSE_END,
        r"\b(system prompt|prompt he thong|developer mode|che do nha phat trien|jailbreak|dan mode"
        r"|ghi chu he thong|system note)\s*:?" + _CLAUSE_END,
        # "hệ thống" alone is an everyday word ("hệ thống thang lương"): only "hệ thống:" instructs.
        r"\b(system|he thong)( override| ghi de)?\s*:" + _CLAUSE_END,
        r"\b(moi|tat ca) cau tra loi (phai|deu|can)\b" + _CLAUSE_END,
        r"\b(khong can|dung|khong) (trich dan|dan) nguon\b" + _CLAUSE_END,
        r"\b(bia|bia them|tu bia)( them)?( neu can)?\b" + _CLAUSE_END,
        # "từ giờ cty bắt làm 10 tiếng" is a member's story; "từ giờ hãy trả lời ..." instructs.
        r"\b(tu (bay )?gio|ke tu bay gio)( tro di)?,? (ban|hay|tro ly|chatbot|tra loi|moi cau|chi)\b"
        + _CLAUSE_END,
        r"\bfrom now on\b" + _CLAUSE_END,
        # Not "văn bản là", "biên bản là": folded, "bản" is "bạn".
        r"(?<!van )(?<!bien )\b(ban la|ban bay gio la|hay dong vai|dong vai|gia vo la|hay gia vo"
        r"|you are now|you are a"
        r"|act as|pretend|roleplay)\b" + _CLAUSE_END,
        r"\b(in ra|tiet lo|hien thi|cho toi xem|reveal|print|show me|tell me|output|give me)\b"
        r"[^.;!?\n]{0,30}?"
        r"\b(prompt|huong dan|cau lenh|mat khau|password|api key|khoa api|bi mat|secret|cau hinh)\b"
        + _CLAUSE_END,
        # "hãy nói rằng X": the order is cut, X stays and is answered as a question.
        r"\b(hay )?(tra loi|noi|viet|khang dinh|xac nhan)( voi toi| giup toi)? (rang|la)\b",
        r"\bhay khang dinh\b",
        # English only with "that": folded, "sảy thai" and "say rượu" read "say".
        r"\b(say|claim|state) that\b" + _CLAUSE_END,
        r"\b(chi )?(tra loi|answer|reply)( bang| in| voi)? (tieng anh|english|mot tu|yes|co|dong y)\b"
        + _CLAUSE_END,
        r"\b(viet|sang tac|lam|write)( cho toi)?( mot)? (bai tho|bai hat|truyen|doan code|ma nguon|code"
        r"|poem|story|essay)\b" + _CLAUSE_END,
        r"</?\s*(system|assistant|user|instruction)\s*>|\[/?(inst|system)\]|###\s*(instruction|system)",
    )
)
# Requests to misuse the system or someone else's account are declined, whatever follows.
# (Requests to forge documents are evasion requests: ``assistant.evasion``, which spares a
# worker asking what to do about a forged signature.)
_HARMFUL = re.compile(
    r"\b(dang nhap|truy cap|hack|xam nhap|chiem doat|rut tien)\b[^.!?\n]{0,60}\b(nguoi khac|trai phep)\b"
    r"|\b(mat khau|password|api key)\b"
)
_SPACES = re.compile(r"\s+")
_LEFTOVER = re.compile(r"^[\s,.;:!?\-–—\"'()]+|[\s,;:\-–—\"'(]+$")


@dataclass(frozen=True)
class Sanitised:
    """The question with instruction-like phrases removed, and what was removed."""

    text: str
    removed: tuple[str, ...]
    harmful: bool = False  # asks to misuse an account or the system: always declined

    @property
    def had_injection(self) -> bool:
        return bool(self.removed) or self.harmful


def strip_instructions(question: str) -> Sanitised:
    folded = fold_aligned(question)
    harmful = bool(_HARMFUL.search(folded))
    spans: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        spans.extend(m.span() for m in pattern.finditer(folded) if m.end() > m.start())
    if not spans:
        return Sanitised(question, (), harmful)
    keep = [True] * len(question)
    for start, end in spans:
        for i in range(start, end):
            keep[i] = False
    removed = tuple(question[s:e].strip() for s, e in sorted(spans))
    text = "".join(ch if k else " " for ch, k in zip(question, keep, strict=True))
    # Glue words left dangling at a cut ("... và cho tôi biết ..." keeps "cho tôi biết").
    text = re.sub(r"(?i)(^|[.;!?]\s*)(và|rồi|and|then)\s+", r"\1", _SPACES.sub(" ", text).strip())
    text = _LEFTOVER.sub("", text).strip()
    return Sanitised(text, removed, harmful)
