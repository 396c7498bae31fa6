"""Misleading quotes: law text shown without the context that gives it its meaning.

A quote is the text between « and » in an answer, and, in a direct answer that marks no quote,
every line copied from a cited article: word for word, or in the law's words as a rule sentence
restates them (a point joined to its clause's lead-in, a clause after its article's title, with
the enumerators and a list's "như sau" left out). A quote misleads when

- a point is shown without its clause's lead-in ("a) Mang thai từ tháng thứ 07 ..." alone);
- a clause of an article that opens with a lead-in ("Trường hợp phải ngừng việc, người lao
  động được trả lương như sau:") is shown without it;
- a sentence whose subject or condition lies in an earlier sentence of its unit ("Thời gian
  nghỉ vẫn được hưởng đủ tiền lương ...") is shown without that sentence;
- a clause without a subject ("Không được trợ cấp thôi việc.") is shown and the answer does not
  say whose rule it is (the article's title, "Nghĩa vụ của người lao động khi đơn phương chấm
  dứt hợp đồng lao động trái pháp luật");
- the unit is about a particular actor (a surrogate, a foreign worker, a minor...) that the
  question does not mention, and the answer does not say so outside the quote;
- the unit's bands leave out what the member gave: an age ("chưa đủ 15 tuổi" to a
  16-year-old), a month of pregnancy, a child's age;
- the unit is about a contract ended by the other side (Điều 40, a worker who quits unlawfully,
  to a member who was dismissed) and the answer does not show its article's title;
- the text is not in any cited article at all.

Used by the pipeline (to refuse a composition that would mislead) and by the evaluation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant import age_band, contract_ending
from assistant.answer import Answer, Citation
from assistant.unit_context import context_of, is_subjectless, plain_words, strip_enumerator
from corpus.errors import UnknownUnitError
from corpus.model import LegalUnit, UnitKind
from corpus.store import Corpus
from corpus.text import fold

_QUOTE = re.compile(r"«(.*?)»", re.S)
_SPACE = re.compile(r"\s+")
MIN_VERBATIM_CHARS = 25  # shorter unquoted lines ("12 ngày làm việc") are not taken for quotes
# Actors a provision may be reserved for, folded: the member must be told when a quote is theirs.
ACTOR_TERMS = (
    "mang thai ho",
    "nuoc ngoai",
    "chua thanh nien",
    "chua du 15 tuoi",
    "cao tuoi",
    "khuyet tat",
    "giup viec gia dinh",
    "thuyen vien",
    "nguoi hoc nghe",
    "tap su",
    "cong chuc",
    "vien chuc",
)


@dataclass(frozen=True)
class _Located:
    unit: LegalUnit  # deepest unit whose text contains the line
    starts_unit: bool  # the line is the unit's opening text


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().rstrip(";.:,").strip()


def _phrase(text: str) -> str:
    """``text`` as a space-delimited run of plain words, for containment tests."""
    return " " + " ".join(plain_words(text)) + " "


@dataclass(frozen=True)
class _Shown:
    """What an answer block shows, read exactly and in plain words."""

    text: str
    words: str

    @classmethod
    def of(cls, block: str) -> _Shown:
        return cls(_norm(block), _phrase(block))

    def has(self, piece: str) -> bool:
        return _norm(piece) in self.text or _phrase(piece) in self.words


def misleading_quotes(answer: Answer, corpus: Corpus) -> list[str]:
    """One reason per misleading quote in ``answer`` (empty when every quote carries its context)."""
    articles = _cited_articles(corpus, answer.citations)
    if not articles:
        return []
    text = answer.answer
    outside = _QUOTE.sub(" ", text)
    reasons: list[str] = []
    for block in _QUOTE.findall(text):
        reasons.extend(_check_block(block, outside, answer.question, articles, corpus, marked=True))
    direct = answer.direct_answer or ""
    if direct and "«" not in direct:  # an unmarked direct answer quotes the law line by line
        reasons.extend(_check_block(direct, outside, answer.question, articles, corpus, marked=False))
    return reasons


def _cited_articles(corpus: Corpus, citations: Sequence[Citation]) -> list[LegalUnit]:
    found: dict[str, LegalUnit] = {}
    for c in citations:
        try:
            article = corpus.get(c.law_id, c.article)
        except UnknownUnitError:
            continue
        found.setdefault(article.id, article)
    return list(found.values())


def _lines(block: str) -> Iterable[str]:
    for piece in block.split("…"):
        for line in piece.splitlines():
            line = strip_enumerator(line)
            if line:
                yield line


def _check_block(
    block: str, outside: str, question: str, articles: list[LegalUnit], corpus: Corpus, *, marked: bool
) -> list[str]:
    shown = _Shown.of(block)
    reasons: list[str] = []
    readings: dict[str, str] = {}  # each cited unit read in plain words once for all the lines
    for line in _lines(block):
        places = _locate(line, articles, corpus)
        if not places and not marked:
            places = _locate_words(line, articles, corpus, readings)
        if not places:
            if marked:
                reasons.append(f"not in any cited article: «{line[:80]}»")
            continue
        if not marked and len(line) < MIN_VERBATIM_CHARS:
            continue
        # Read in the place whose context the answer shows, if any.
        found = [_missing_context(line, place, shown, outside, question, corpus) for place in places]
        if all(found):
            reasons.append(str(found[0]))
    return reasons


def _locate(line: str, articles: list[LegalUnit], corpus: Corpus) -> list[_Located]:
    """Every deepest unit of the cited articles whose text contains ``line`` (the law repeats
    itself: Điều 80 of 145/2020 has the same point c under two clauses)."""
    needle = _norm(line)
    found: list[_Located] = []
    if not needle:
        return found
    for article in articles:
        if needle not in _norm(article.text):
            continue
        inner = [c for c in corpus.children(article.id) if needle in _norm(c.text)]
        if not inner:
            found.append(_Located(article, _norm(article.text).startswith(needle)))
        for clause in inner:
            points = [p for p in corpus.children(clause.id) if needle in _norm(p.text)]
            for unit in points or [clause]:
                found.append(_Located(unit, _norm(unit.text).startswith(needle)))
    return found


def _locate_words(
    line: str, articles: list[LegalUnit], corpus: Corpus, readings: dict[str, str]
) -> list[_Located]:
    """Where a rule sentence restates the law in its words: the deepest units whose text, read
    after its lead-ins (a point after its clause's lead-in, a clause after its article's), holds
    the line's plain words. A leading article title ("Nghĩa vụ của người lao động khi ...: không
    được trợ cấp thôi việc.") is not law text; the title rule below checks it apart. ``readings``
    keeps each unit's reading by id for the next line."""
    found: list[_Located] = []
    said = plain_words(line)
    for article in articles:
        title = plain_words(article.title)
        words = said[len(title) :] if title and said[: len(title)] == title else said
        if not words:
            continue
        needle = " " + " ".join(words) + " "
        units = [article, *(u for c in corpus.children(article.id) for u in (c, *corpus.children(c.id)))]
        for unit in units:
            if unit.id not in readings:
                readings[unit.id] = _reading(unit, corpus)
        matched = [u for u in units if needle in readings[u.id]]
        deepest = [u for u in matched if not any(m.id.startswith(u.id + ":") for m in matched)]
        found.extend(_Located(u, readings[u.id].startswith(needle)) for u in deepest)
    return found


def _reading(unit: LegalUnit, corpus: Corpus) -> str:
    """A unit's plain words after the lead-ins that govern it."""
    if unit.kind is UnitKind.ARTICLE:
        return _phrase(unit.text)
    context = context_of(corpus, unit)
    lead = context.clause_lead if unit.kind is UnitKind.POINT else ""
    return _phrase(" ".join(x for x in (context.article_lead, lead, unit.text) if x))


def _missing_context(
    line: str, located: _Located, shown: _Shown, outside: str, question: str, corpus: Corpus
) -> str | None:
    unit = located.unit
    label = unit.heading
    if unit.kind is UnitKind.ARTICLE:
        context = None
    else:
        context = context_of(corpus, unit)
        if context.clause_lead and not shown.has(context.clause_lead):
            return f"{label}: point quoted without its lead-in"
        if context.article_lead and not shown.has(context.article_lead):
            return f"{label}: quoted without the article's lead-in «{context.article_lead[:60]}»"
    if not located.starts_unit and is_subjectless(line):
        first = unit.text.splitlines()[0].split(". ")[0]
        if not shown.has(first):
            return f"{label}: sentence quoted without the sentence that carries its subject"
    article = context.article if context else unit
    needs_title = located.starts_unit and context is not None and context.needs_title
    if needs_title and fold(article.title) not in fold(outside):
        return f"{label}: subjectless clause quoted without its article's title"
    # Who the unit is about is what its title and lead-ins declare; a rule for everyone that
    # names several groups in passing ("người lao động chưa thành niên, cao tuổi...") is not.
    leads = [context.article_lead, context.clause_lead] if context else []
    scope = fold(" ".join([article.title, *leads]))
    asked, said = fold(question), fold(outside)
    if age_band.excludes(fold(" ".join([*leads, unit.text])), asked):
        return f"{label}: about an age band that leaves out the age the member gave"
    side, ends = contract_ending.ended_by(fold(article.title)), contract_ending.who_ends(asked)
    if side and ends and side != ends and fold(article.title) not in said:
        return f"{label}: about a contract ended by the {side}, while the member's was ended by the {ends}"
    asked += " " + age_band.actor_words(asked)  # "em 16 tuổi" mentions a minor
    for term in ACTOR_TERMS:
        if term in scope and term not in asked and term not in said:
            return f"{label}: about '{term}', which the question does not mention and the answer does not say"
    return None
