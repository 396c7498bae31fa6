"""The context a legal unit needs to be read correctly on its own.

A point (``a) Mang thai từ tháng thứ 07...``) means nothing without its clause's lead-in
("Người sử dụng lao động không được ... trong trường hợp sau đây:"); a clause of an article
that opens with a lead-in ("Trường hợp phải ngừng việc, người lao động được trả lương như sau:")
is conditioned by it; a clause without a subject ("Không được trợ cấp thôi việc.") takes its
subject and condition from the article's title. The composer quotes units with this context and
the misleading-quote check (``assistant.quote_check``) verifies that it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus
from corpus.text import fold

_CLAUSE_LINE = re.compile(r"^\d+\.\s+")
_POINT_LINE = re.compile(r"^[a-zđ]\)\s+")
_ENUMERATOR = re.compile(r"^(?:\d+\.|[a-zđ]\))\s+")
CLIP_CHARS = 400  # a point longer than this is quoted up to a ";" or "," before it, then "…"
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ])")
# Words a Vietnamese legal sentence opens with when its subject is elsewhere (the title, a
# lead-in or the previous sentence): "Không được trợ cấp thôi việc.", "Phải bồi thường ...".
_SUBJECTLESS_OPENERS = (
    "khong duoc",
    "khong phai",
    "duoc ",
    "phai ",
    "bi ",
    "huong ",
    "co quyen",
    "co nghia vu",
    "va ",
    "hoac ",
    "nhung ",
    "tuy nhien",
    "dong thoi",
    "ngoai ra",
    "khi do",
    "sau do",
    "thoi gian nay",
    "thoi gian nghi",
    "truong hop nay",
    "truong hop do",
    "trong truong hop nay",
    "muc huong",
    "so ngay",
    "tru truong hop",
)
_ANAPHORA = re.compile(
    r"\b(nguoi do|truong hop nay|truong hop do|truong hop tren|neu tren|noi tren|thoi gian nay|"
    r"khoan nay|diem nay|quy dinh nay)\b"
)


def strip_enumerator(line: str) -> str:
    return _ENUMERATOR.sub("", line.strip())


# Words a rule sentence leaves out when it joins an item of a list to the list's lead-in
# ("... trong trường hợp sau đây:" + "a) Mang thai ..." -> "... trong trường hợp mang thai ...").
_ANNOUNCER_WORDS = frozenset({"như", "sau", "đây", "cụ", "thể", "gồm", "bao", "một", "trong", "các"})
_WORD = re.compile(r"\w+")


def plain_words(text: str) -> list[str]:
    """The words of a piece of law as a rule sentence may restate it: enumerators ("1.", "a)"),
    case, punctuation and a list's announcing words ("như sau", "sau đây") left out."""
    lines = (strip_enumerator(line) for line in text.splitlines())
    return [w for w in _WORD.findall(" ".join(lines).casefold()) if w not in _ANNOUNCER_WORDS]


def article_lead_in(article: LegalUnit) -> str:
    """The article's opening text before clause 1 when it ends with ':' (it governs every clause)."""
    lines: list[str] = []
    for line in article.text.splitlines():
        if _CLAUSE_LINE.match(line.strip()):
            break
        lines.append(line.strip())
    lead = " ".join(x for x in lines if x)
    return lead if lead.endswith(":") and len(lines) < len(article.text.splitlines()) else ""


def clause_lead_in(clause: LegalUnit) -> str:
    """The clause's text before its first point (the sentence that introduces the points)."""
    lines: list[str] = []
    for line in clause.text.splitlines():
        if _POINT_LINE.match(line.strip()):
            return " ".join(x for x in lines if x)
        lines.append(line.strip())
    return ""


def is_subjectless(sentence: str) -> bool:
    """True when the sentence opens with a predicate whose subject lies elsewhere."""
    folded = fold(strip_enumerator(sentence))
    return folded.startswith(_SUBJECTLESS_OPENERS) or bool(_ANAPHORA.search(folded))


def lists_prohibited_acts(title: str) -> bool:
    """An article titled "Các hành vi bị nghiêm cấm ..." or "Hành vi người sử dụng lao động không
    được làm ...": each clause is an act ("Giữ bản chính giấy tờ tùy thân ..."), which read alone
    sounds like an instruction; only the title says it is forbidden (22 such articles)."""
    return fold(title).lower().startswith(("hanh vi", "cac hanh vi", "nhung hanh vi"))


@dataclass(frozen=True)
class UnitContext:
    """One quotable unit with the context that gives it meaning."""

    unit: LegalUnit  # a clause, a point, or an article without clauses
    article: LegalUnit
    clause: LegalUnit | None
    article_lead: str  # the article's lead-in ("" when none)
    clause_lead: str  # the clause's lead-in, for a point ("" otherwise)

    @property
    def needs_title(self) -> bool:
        """The unit's first sentence has no subject and no lead-in supplies one."""
        if self.article_lead or self.clause_lead:
            return False
        first = self.unit.text.splitlines()[0] if self.unit.text else ""
        return is_subjectless(first) or lists_prohibited_acts(self.article.title)

    def quote(self, focus: str = "") -> str:
        """The unit's text with its lead-ins, enumerators as in the law ("1.", "a)").

        With ``focus`` (a sentence of a long clause), the clause is cut to its first sentence,
        which carries the subject, and the focus sentence, joined by "…".
        """
        lines: list[str] = []
        if self.article_lead:
            lines.append(self.article_lead)
        if self.unit.kind is UnitKind.POINT:
            assert self.clause is not None
            lines.append(f"{self.clause.number}. {self.clause_lead}")
            lines.append(f"{self.unit.number}) {clip(self.unit.text.strip())}")
            return "\n".join(lines)
        body = self.unit.text.strip()
        if focus and focus.strip() != body:
            first, kept = _first_sentence(body), focus.strip()
            if kept in first:
                body = first
            elif kept.startswith(first):  # the unit's opening, its tail (a worked example) left out
                body = f"{kept} …"
            else:
                body = f"{first} … {kept}"
        if self.unit.kind is UnitKind.CLAUSE:
            body = f"{self.unit.number}. {body}"
        lines.append(body)
        return "\n".join(lines)


def clip(text: str, limit: int = CLIP_CHARS) -> str:
    """``text`` cut after its last ";" or "," before ``limit`` characters, marked with "…"."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind("; ", 0, limit), text.rfind(", ", 0, limit))
    return (text[: cut + 1] if cut > limit // 2 else text[:limit].rsplit(" ", 1)[0]) + " …"


def _first_sentence(text: str) -> str:
    line = text.splitlines()[0].strip()
    match = _SENTENCE_END.search(line)
    return line[: match.start()].strip() if match else line


def context_of(corpus: Corpus, unit: LegalUnit) -> UnitContext:
    """The context of a clause, point or article (resolved in ``corpus``)."""
    if unit.article is None:
        raise ValueError(f"only articles and their parts have a legal context; got {unit.id}")
    article = corpus.get(unit.law_id, unit.article)
    clause = corpus.get(unit.law_id, unit.article, unit.clause) if unit.clause is not None else None
    clause_lead = clause_lead_in(clause) if clause is not None and unit.kind is UnitKind.POINT else ""
    lead = article_lead_in(article) if unit.kind is not UnitKind.ARTICLE else ""
    return UnitContext(unit, article, clause, lead, clause_lead)
