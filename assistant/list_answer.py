"""A question that asks for a list is answered with the whole list.

"dieu kien huong tro cap that nghiep la gi", "hồ sơ ... gồm những giấy tờ gì", "những trường hợp
nào ...": the decisive ranker picks the one point of the list that shares most words with the
question, and a member who reads only that point takes one condition for all of them (the
unemployment benefit's four conditions answered with "đã đóng bảo hiểm thất nghiệp từ đủ 12
tháng"). When the question asks for a list and the decisive unit is a point of a clause whose
lead-in announces one ("... bao gồm:", "... một trong các trường hợp sau đây:"), the direct answer
is that lead-in and all its points, in the law's words: each point whole when the list is short,
else cut after a ";" or "," and marked "…" (``unit_context.clip``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.textnorm import fold
from assistant.unit_context import UnitContext, clip, strip_enumerator
from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus

# What a member asks when she wants every item: "điều kiện ... là gì", "những trường hợp nào",
# "gồm những giấy tờ gì", "cần những gì", "ai được ...". Read on the folded question.
_ASKS_FOR_LIST = re.compile(
    r"\bdieu kien\b(?! lam viec| binh thuong| lao dong| kinh te)"
    r".{0,60}?\b(?:la gi|gi|nao|nhu the nao|the nao|ra sao)\b"
    r"|\bnhung (?:truong hop|giay to|hanh vi|dieu kien|ai|quyen|nghia vu|noi dung|che do|khoan)\b"
    r"|\b(?:truong hop|hanh vi) nao\b"
    r"|\b(?:can|gom|nop|phai co|chuan bi|lam)(?: nhung)? (?:giay to|ho so) (?:gi|nao)\b"
    r"|\bgom (?:nhung )?(?:gi|giay to|hanh vi|nhung)\b|\bbao gom (?:nhung )?(?:gi|nao)\b"
    r"|\bcan (?:nhung )?(?:gi|giay to gi|ho so gi)\b|\bnhung ai\b|\bai (?:duoc|thi duoc|phai)\b"
)
# A lead-in that announces its points: it ends with a colon.
_ANNOUNCES = re.compile(r":\s*$")
# A list this long, points whole, is quoted as it is; longer, each point is cut.
WHOLE_LIST_CHARS = 700
POINT_CHARS = 140
MAX_POINTS = 8
ITEM_CHARS = 200  # an article's clauses are a list of items only when each is this short


def asks_for_list(question: str) -> bool:
    return _ASKS_FOR_LIST.search(fold(question)) is not None


@dataclass(frozen=True)
class ListAnswer:
    unit: LegalUnit  # the clause (or article) whose points (clauses) are the list: what is cited
    text: str  # the lead-in, then one point per line ("a) ...")
    whole: bool  # every point is quoted whole (nothing cut)


def list_answer(corpus: Corpus, context: UnitContext) -> ListAnswer | None:
    """The list a point belongs to, when its clause's lead-in announces the list, or the list of
    short clauses an article is under its title ("Hồ sơ hưởng chế độ tai nạn lao động: 1. Sổ bảo
    hiểm xã hội. 2. Giấy ra viện ..."); else None."""
    if context.unit.kind is UnitKind.CLAUSE and not context.article_lead:
        return _clause_list(corpus, context)
    clause = context.clause
    if (
        context.unit.kind is not UnitKind.POINT
        or clause is None
        or not _ANNOUNCES.search(context.clause_lead)
    ):
        return None
    points = [u for u in corpus.children(clause.id) if u.kind is UnitKind.POINT]
    if not 2 <= len(points) <= MAX_POINTS:
        return None
    lines = [f"{p.point}) {strip_enumerator(p.text)}" for p in points]
    whole = sum(len(line) for line in lines) <= WHOLE_LIST_CHARS
    if not whole:
        lines = [clip(line, POINT_CHARS) for line in lines]
    lead = strip_enumerator(context.clause_lead.strip())
    if context.article_lead:  # the article's lead-in gives the clause its subject ("Người sử dụng
        # lao động có trách nhiệm ...: 4. Bồi thường cho người lao động ...")
        lead = f"{context.article_lead.strip()}\n{clause.number}. {lead}"
    return ListAnswer(unit=clause, text="\n".join([lead, *lines]), whole=whole)


def _clause_list(corpus: Corpus, context: UnitContext) -> ListAnswer | None:
    """An article with no lead-in whose clauses are all short items: its title, then them all."""
    article = context.article
    clauses = [u for u in corpus.children(article.id) if u.kind is UnitKind.CLAUSE]
    lines = [f"{c.clause}. {strip_enumerator(c.text)}" for c in clauses]
    if not 2 <= len(clauses) <= MAX_POINTS or any(len(line) > ITEM_CHARS for line in lines):
        return None
    if sum(len(line) for line in lines) > WHOLE_LIST_CHARS:
        return None
    return ListAnswer(unit=article, text="\n".join([f"{article.title}:", *lines]), whole=True)
