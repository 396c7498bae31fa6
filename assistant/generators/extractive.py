"""Extractive composer: the rule that decides the question, then that unit quoted once.

Offline and deterministic. The direct answer is

    <one plain sentence stating the decisive rule>

    Căn cứ pháp lý: <Điểm a khoản 1 Điều 137> <law> — <article title>
    «<the unit with the lead-in or subject that gives it meaning>»

When the unit is that one sentence word for word (44% of the frozen split's answers), it is not
quoted a second time: the basis line says the sentence above is the law's own text. Nor is it
when the sentence already carries the whole unit with its context in the law's words (a point
joined to its clause's lead-in, a clause after its article's title): only the enumerators and a
list's announcing words ("như sau", "sau đây") differ, and quoting it again doubled the answer.

The sentence is built from the unit's own words (``assistant.rule_sentence``), so every figure
a member reads ("tháng thứ 07", "12 ngày làm việc") is the law's. The other retrieved units are
cited after the decisive one; the pipeline lists them as short references, never quoted again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

from assistant import messages
from assistant.citations import law_name
from assistant.decisive import Candidate, UnitRanker, candidates
from assistant.evidence import Source
from assistant.generators.base import Draft
from assistant.list_answer import ListAnswer, asks_for_list, list_answer
from assistant.rule_sentence import rule_sentence
from assistant.unit_context import context_of, plain_words, strip_enumerator
from corpus.model import LegalUnit
from corpus.store import Corpus
from indexing.law_mentions import mentioned_laws

# Below this decisive-unit score, an answer the pipeline already doubts (low confidence: it is
# escalated to an advisor) says first that no rule was found to decide the case. Measured with
# leave-one-out memory on dev_tune, dev_frozen and the member probes: of the escalated answers
# scoring from the ranker's ``min_score`` to 0, 4 of 13 opened with a gold article (0.31); from 0
# to 1, 12 of 19 (0.63). "cty cấm dùng điện thoại trong xưởng" opened with electronic filing of
# social insurance (-0.29), "lắp camera trong phòng thay đồ" with union-law sanctions (-0.60).
DOUBTFUL_BELOW = 0.0


class ExtractiveGenerator:
    """Default generator; needs the corpus to walk from an article to its clauses and points."""

    name = "extractive"

    def __init__(self, corpus: Corpus, ranker: UnitRanker | None = None) -> None:
        self._corpus = corpus
        self._ranker = ranker or UnitRanker.load()

    def generate(
        self,
        question: str,
        sources: Sequence[Source],
        similarity: Mapping[str, float] | None = None,
        *,
        doubtful: bool = False,
        decisive: LegalUnit | None = None,
    ) -> Draft:
        """``doubtful``: the pipeline's confidence is low (the answer goes to an advisor);
        ``decisive``: the unit known to decide the question (``_ranked``)."""
        ranked = self._ranked(question, sources, similarity, decisive)
        if not ranked:
            return Draft(text="", cited=(), generator=self.name)
        best = ranked[0]
        listed = self._list(question, best, doubtful)
        pieces, referred = self._compose(best, doubtful, listed)
        text = "".join(pieces)
        shown = listed.unit if listed else best.unit
        others = _others(best, sources, mentioned_laws(question, self._corpus.documents))
        cited = (shown, *referred, *others)
        meta = {
            "decisive_unit": shown.id,
            "referred_units": [u.id for u in referred],
            "decisive_score": round(best.score, 3),
            "direct_answer": text,
            # The units of the sources in the ranker's order: the clause-level ranking that the
            # evaluation scores (clause_Recall@k), beside the retriever's article ranking.
            "ranked_units": [[u.law_id, u.article, u.clause, u.point] for u in (c.unit for c in ranked[:10])],
        }
        return Draft(text=text, cited=tuple(dict.fromkeys(cited)), generator=self.name, metadata=meta)

    def decisive(
        self,
        question: str,
        sources: Sequence[Source],
        similarity: Mapping[str, float] | None = None,
        known: LegalUnit | None = None,
    ) -> Candidate | None:
        """The unit that decides the question, as ``generate`` would open with it."""
        ranked = self._ranked(question, sources, similarity, known)
        return ranked[0] if ranked else None

    def _ranked(
        self,
        question: str,
        sources: Sequence[Source],
        similarity: Mapping[str, float] | None,
        known: LegalUnit | None,
    ) -> list[Candidate]:
        """The sources' units, best first; ``known``, the unit a calculator's rule names as deciding
        the member's case (``calculators.deciding``), comes first when it is among them, scored so
        that it is never said not to decide."""
        ranked = candidates(self._corpus, sources, question, similarity, self._ranker)
        chosen = next((c for c in ranked if known is not None and c.unit.id == known.id), None)
        if chosen is None:
            return ranked
        floor = max(ranked[0].score, self._ranker.min_score, DOUBTFUL_BELOW)
        return [replace(chosen, score=max(chosen.score, floor)), *(c for c in ranked if c is not chosen)]

    def stream(
        self,
        question: str,
        sources: Sequence[Source],
        similarity: Mapping[str, float] | None = None,
        *,
        doubtful: bool = False,
        decisive: LegalUnit | None = None,
    ) -> Iterator[str]:
        """The rule sentence, then the quoted basis (joined exactly as in ``generate``)."""
        ranked = self._ranked(question, sources, similarity, decisive)
        if ranked:
            yield from self._compose(ranked[0], doubtful, self._list(question, ranked[0], doubtful))[0]

    def _undecided(self, best: Candidate, doubtful: bool) -> bool:
        """No unit decides the question: the answer says so before the nearest rule."""
        return best.score < self._ranker.min_score or (doubtful and best.score < DOUBTFUL_BELOW)

    def _list(self, question: str, best: Candidate, doubtful: bool) -> ListAnswer | None:
        """The whole list the decisive point belongs to, for a question that asks for a list
        (not when no unit decides: the nearest rule's whole list would only add length)."""
        if self._undecided(best, doubtful) or not asks_for_list(question):
            return None
        return list_answer(self._corpus, best.context)

    def _compose(
        self, best: Candidate, doubtful: bool = False, listed: ListAnswer | None = None
    ) -> tuple[list[str], list[LegalUnit]]:
        """The pieces of the direct answer, and the clauses quoted under its rule because it takes
        its figure from them (``referred_units``; only under a rule that decides, stated alone: not
        a list, not a rule with its exceptions), which the answer cites right after the rule."""
        undecided = self._undecided(best, doubtful)
        pieces = [messages.NO_DECISIVE_RULE + "\n\n"] if undecided else []
        if listed is not None:  # the question asks for the list: all its points, under its lead-in
            basis = messages.VERBATIM_BLOCK if listed.whole else messages.LIST_CUT
            return [*pieces, listed.text, f"\n\n{self._heading(best, listed.unit)} {basis}"], []
        rule = rule_sentence(best)
        quote = best.context.quote(best.focus)
        exceptions = best.exceptions()
        if exceptions:  # the rule is an exception list's lead-in: its cases follow it, verbatim
            heading = "\n\n" + self._heading(best) + " " + messages.VERBATIM_BLOCK
            return [*pieces, rule.removesuffix(".") + ":\n" + exceptions, heading], []
        pieces.append(rule)
        if is_verbatim(rule, quote):  # the unit is that one sentence: shown once, said to be the law's
            pieces.append("\n\n" + self._heading(best) + " " + messages.VERBATIM)
        elif carries_quote(rule, quote):  # the sentence is the unit with its lead-in: shown once
            pieces.append("\n\n" + self._heading(best) + " " + messages.OWN_WORDS)
        else:
            pieces.append("\n\n" + self._heading(best) + "\n«" + quote + "»")
        referred = [] if undecided else referred_units(self._corpus, best.unit, rule + " " + quote)
        for unit in referred:
            label = f"{_label(unit)} {law_name(self._corpus.document(unit.law_id))}"
            quoted = context_of(self._corpus, unit).quote()
            pieces.append("\n\n" + messages.REFERRED.format(label=label) + "\n«" + quoted + "»")
        return pieces, referred

    def _heading(self, best: Candidate, unit: LegalUnit | None = None) -> str:
        unit = unit or best.unit
        document = self._corpus.document(unit.law_id)
        return f"{messages.LEGAL_BASIS} {_label(unit)} {law_name(document)} — {best.context.article.title}"


def is_verbatim(rule: str, quote: str) -> bool:
    """Is the rule sentence the whole quote, word for word (a one-sentence clause that needs no
    lead-in)? Quoting it again under the sentence would show a member the same text twice."""

    def norm(text: str) -> str:
        return " ".join(strip_enumerator(text).split()).rstrip(".;:").casefold()

    return norm(rule) == norm(quote)


def carries_quote(rule: str, quote: str) -> bool:
    """Does the rule sentence already say the whole quote in the law's words? True when, apart
    from enumerators, case, punctuation and a list's announcing words, the quote's words are the
    sentence's last words (before them, at most the article's title: "Nghĩa vụ của người lao
    động khi ...: không được trợ cấp thôi việc."). A quote cut with "…" says more than the
    sentence and is kept."""
    if "…" in quote:
        return False
    said, quoted = plain_words(rule), plain_words(quote)
    return 0 < len(quoted) <= len(said) and said[len(said) - len(quoted) :] == quoted


# "theo quy định tại khoản 1 Điều này", "quy định tại điểm b khoản 1 Điều này", "theo quy định
# tại khoản 1 Điều 139 của Bộ luật này"; not in an exception ("trừ trường hợp quy định tại
# khoản 2, khoản 3 Điều này"), which names other cases.
_REFERENCE = re.compile(
    r"quy định tại ((?:(?:điểm [a-zđ] )?khoản \d+(?:,| và| hoặc)? ?)+)"
    r"Điều (này|\d+ của (?:Bộ luật|Luật|Nghị định) này)",
    re.IGNORECASE,
)
_REFERRED_PART = re.compile(r"(?:điểm ([a-zđ]) )?khoản (\d+)", re.IGNORECASE)
# A number that only names a provision or a document is not a figure a member needs.
_PROVISION_NUMBER = re.compile(
    r"\b(?:Điều|khoản|điểm|Chương|Mục|số)\s+\d+[\w/.\-]*(?:\s*(?:,|và|hoặc)\s*\d+[\w/.\-]*)*", re.IGNORECASE
)
# An exception names other cases: "trừ trường hợp ... quy định tại điểm e khoản 1 Điều 36".
_EXCEPTION_BEFORE = re.compile(r"(?<!khấu )\btrừ\b[^.;:]*$", re.IGNORECASE)  # not "khấu trừ" (deduct)
# A figure stated relative to yet another provision ("ít nhất bằng 40% mức quy định tại khoản 4
# Điều này") is not the figure itself: the chain is not followed.
_RELATIVE_FIGURE = re.compile(r"\b(?:mức|theo) quy định tại\b", re.IGNORECASE)
REFERRED_MAX_CHARS = 320
REFERRED_MAX_UNITS = 2


def referred_units(corpus: Corpus, unit: LegalUnit, shown: str) -> list[LegalUnit]:
    """The clauses or points of the same law that the shown rule takes its figure from ("thời
    gian hưởng ... của mỗi người theo quy định tại khoản 1 Điều này"), quoted after the rule so
    that a member reads the 20 days and not only where they are written. All or nothing: each
    must be short and state a figure of its own, not one relative to yet another provision (a
    rule that refers to a long clause is left as it is, never shown with half of what it refers
    to); not in the rule's own clause; at most two. The answer cites them right after the rule.
    """
    ids: list[str] = []
    for match in _REFERENCE.finditer(shown):
        if _EXCEPTION_BEFORE.search(shown, 0, match.start()):
            continue
        article = unit.article if match.group(2).casefold() == "này" else int(match.group(2).split()[0])
        for point, clause in _REFERRED_PART.findall(match.group(1)):
            ids.append(f"{unit.law_id}:d{article}:k{clause}" + (f":{point.lower()}" if point else ""))
    targets = [corpus.units[i] for i in dict.fromkeys(ids) if i in corpus.units]
    if not targets or len(targets) != len(set(ids)) or len(targets) > REFERRED_MAX_UNITS:
        return []
    own = (unit.article, unit.clause)
    if any((t.article, t.clause) == own for t in targets):
        return []
    if any(
        len(t.text) > REFERRED_MAX_CHARS
        or not re.search(r"\d", _PROVISION_NUMBER.sub("", t.text))
        or _RELATIVE_FIGURE.search(t.text)
        for t in targets
    ):
        return []
    return targets


def _label(unit: LegalUnit) -> str:
    return f"Điều {unit.article}" if unit.clause is None else unit.heading


def _others(best: Candidate, sources: Sequence[Source], named: set[str]) -> list[LegalUnit]:
    """The other sources' matched units (clause, else article), for the references list.

    When the decisive unit is law in force, units of laws no longer in force are left out: a
    member asking about today is not sent to the replaced Labour Code. A law the question names
    ("Theo Luật Công đoàn 2012") is kept: the member asked about it.
    """
    current = sources[best.source - 1].hit.in_force if 0 < best.source <= len(sources) else False
    return [
        s.unit
        for s in sources
        if s.article.id != best.context.article.id
        and (s.hit.in_force or not current or s.article.law_id in named)
    ]
