"""The answering pipeline as LangChain runnables:

validate + normalise → rewrite follow-up → retrieve → assess (scope, confidence) →
compose (generator, citation verification, extractive fallback) → Answer.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant import messages
from assistant.answer import Answer, Citation
from assistant.calculators import CalculationReply, answer_calculation
from assistant.calculators.deciding import deciding_rule
from assistant.citations import citation_for, validity_notes
from assistant.classifiers import QuestionClassifiers
from assistant.compose import asked_questions, related_provisions, tail_sections
from assistant.confidence import Calibration, Evidence, evidence_from
from assistant.conversation import DEFAULT_MAX_TURNS, Conversation, rewrite_follow_up
from assistant.evasion import asks_to_evade
from assistant.evidence import Source, decisive_first, may_decide, numbered_sources, select_sources
from assistant.generators.base import Draft, Generator, GeneratorError
from assistant.generators.extractive import ExtractiveGenerator
from assistant.injection import Sanitised, strip_instructions
from assistant.question_memory import EMPTY as EMPTY_RECALL
from assistant.question_memory import QuestionMemory
from assistant.remedies import RemedyPlan, RemedyStep, remedy_plan
from assistant.remedies.topics import asks_what_to_do, folded
from assistant.rerank import DEPTH as RERANK_DEPTH
from assistant.rerank import Reranker, with_recalled
from assistant.scope import STRONG_WEIGHT, ScopeLexicon, ScopeSignal, default_lexicon
from assistant.unit_context import context_of
from assistant.verify import verify_draft
from corpus.errors import UnknownUnitError
from corpus.model import LegalUnit
from corpus.questions import validate_question, without_salutation
from corpus.settings import Settings
from corpus.store import Corpus
from corpus.text import fold
from indexing.hit import Hit
from indexing.law_mentions import mentioned_laws

# A question naming no labour-law term is answered only on strong retrieval evidence.
# On dev_tune only 1 of 190 answerable questions named no domain term (the abbreviation
# "LTT", now in the lexicon); the calibrated decline threshold (0.09) let 8 of 25 fresh
# off-topic probes through with confidences 0.10-0.59, so this bar sits above them.
NO_DOMAIN_TERM_MIN_CONFIDENCE = 0.6
NO_SCOPE = ScopeSignal(0, 0, (), ())
RETRIEVE_K = 10
LLM_SOURCES = 3
CALCULATOR = "calculator"


@dataclass(frozen=True)
class Turn:
    """What the pipeline knows about one question as it moves through the steps."""

    question: str
    history: tuple[tuple[str, str], ...] = ()
    started: float = 0.0
    sanitised: Sanitised | None = None
    query: str = ""
    expanded: str = ""  # query plus the legal wording of its everyday words (for quoting)
    previous: str = ""  # the member's previous question in this conversation ("" when none)
    context: ScopeSignal = NO_SCOPE  # the lexicon's reading of ``previous``
    hits: tuple[Hit, ...] = ()
    vector: Any = None  # the question's e5 vector from the retriever, when it gives one
    similarity: dict[str, float] = field(default_factory=dict)  # cosine per indexed unit of the hits
    exclude: frozenset[str] = frozenset()  # memory rows not to recall (training on tune)
    domain: float | None = None  # P(labour-law question) from the domain classifier, if it ran
    evasion: float | None = None  # P(request to evade the law) from the evasion classifier, if it ran
    scope: ScopeSignal | None = None
    evidence: Evidence | None = None
    confidence: float = 0.0
    decline: str | None = None  # the Vietnamese decline message when declining
    escalate: bool = False
    sources: tuple[Source, ...] = ()
    calculation: CalculationReply | None = None  # a calculator's reply to a money/time question
    # The unit that decides a money/time question a calculator declined for a fact of the member's
    # case ("nghỉ ngang": khoản 1 Điều 40); the answer opens with it (``calculators.deciding``).
    ruled: LegalUnit | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Composed:
    direct: str
    cited: tuple[LegalUnit, ...]
    numbers: tuple[int, ...] | None  # source numbers of an LLM draft's markers
    generator: str
    fallback_reason: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    quoted: bool = False  # the direct text already quotes its decisive unit (extractive)
    steps: RemedyPlan | None = None  # the "Bạn có thể làm gì" steps, when the question calls for them
    shown: int = 1  # with ``quoted``: how many leading cited units the direct text already shows


class AssistantPipeline:
    """Answers one question (with optional history) from the corpus via the retriever."""

    def __init__(
        self,
        *,
        settings: Settings,
        corpus: Corpus,
        retriever: Any,
        generator: Generator | None = None,
        calibration: Calibration | None = None,
        lexicon: ScopeLexicon | None = None,
        classifiers: QuestionClassifiers | None = None,
        max_turns: int = DEFAULT_MAX_TURNS,
        today: date | None = None,
    ) -> None:
        self.settings = settings
        self.corpus = corpus
        self.retriever = retriever
        self.extractive = (
            generator if isinstance(generator, ExtractiveGenerator) else ExtractiveGenerator(corpus)
        )
        self.generator: Generator = generator or self.extractive
        # Any extractive generator is deterministic and quotes the law: no verification needed.
        self.is_extractive = isinstance(self.generator, ExtractiveGenerator)
        self.calibration = calibration or Calibration.load()
        self.lexicon = lexicon or default_lexicon()
        self.classifiers = classifiers or QuestionClassifiers.load()
        # The reranker reads signals of the hybrid retriever only (a retriever without query
        # vectors, like the unit tests' keyword retriever, keeps its own order).
        self.reranker = Reranker.load() if hasattr(retriever, "unit_similarities") else None
        self.memory = (
            QuestionMemory.load(retriever.embedder.model_id, retriever.query_vectors)
            if self.reranker is not None
            else None
        )
        self.max_turns = max_turns
        self.today = today
        self._front: Runnable[Turn, Turn] = (
            RunnableLambda(self._prepare) | RunnableLambda(self._retrieve) | RunnableLambda(self._assess)
        )
        self.chain: Runnable[Turn, Answer] = self._front | RunnableLambda(self._answer)

    # --- public API ----------------------------------------------------------
    def ask(
        self,
        question: str,
        history: Sequence[tuple[str, str]] | None = None,
        *,
        exclude: frozenset[str] = frozenset(),
    ) -> Answer:
        """The verified answer. ``exclude``: question ids the memory must not recall (the
        evaluation asks each dev question without its own memory row)."""
        return self.chain.invoke(replace(self._start(question, history), exclude=exclude))

    def assess(
        self,
        question: str,
        history: Sequence[tuple[str, str]] | None = None,
        *,
        exclude: frozenset[str] = frozenset(),
    ) -> Turn:
        """Run the steps before composing (for calibration and debugging). ``exclude``: question ids
        the memory must not recall (a tune question trains on the others, not on itself)."""
        return self._front.invoke(replace(self._start(question, history), exclude=exclude))

    def stream(self, question: str, history: Sequence[tuple[str, str]] | None = None) -> Iterator[str]:
        """Answer text in chunks: sentences (extractive) or tokens (LLM), then the legal basis."""
        for item in self.stream_answer(question, history):
            if isinstance(item, str):
                yield item

    def stream_answer(
        self, question: str, history: Sequence[tuple[str, str]] | None = None
    ) -> Iterator[str | Answer]:
        """``stream``'s text chunks, then the verified ``Answer`` itself: one run per question.

        The chunks joined may differ from the final answer when verification corrected or replaced
        an LLM draft; the last chunk then restarts with the corrected answer after a blank line.
        """
        turn = self._front.invoke(self._start(question, history))
        if turn.calculation is not None or turn.decline is not None or not turn.sources:
            answer = self._answer(turn) if turn.calculation is not None else self._finish(turn, None)
            yield answer.answer
            yield answer
            return
        plan, borrowed = self._remedies(turn)
        if borrowed:  # the steps for the story just told are the answer: known first, sent whole
            answer = self._answer(turn, (plan, borrowed))
            yield answer.answer
            yield answer
            return
        pieces: list[str] = []
        extractive = self.is_extractive
        sources = turn.sources if extractive else self._llm_sources(turn)
        question = turn.expanded if extractive else turn.query
        try:
            pieces_of = (
                self.extractive.stream(
                    question, sources, self._similarity(turn), doubtful=turn.escalate, decisive=turn.ruled
                )
                if extractive
                else self.generator.stream(question, sources)
            )
            for piece in pieces_of:
                pieces.append(piece)
                yield piece
            if extractive:  # deterministic: same sentences, with their units
                composed = self._extractive(turn)
            else:
                composed = self._from_draft(turn, Draft("".join(pieces), (), self.generator.name), sources)
        except GeneratorError as exc:
            composed = self._fallback(turn, exc.reason)
        answer = self._finish(turn, replace(composed, steps=plan) if plan else composed)
        streamed = "".join(pieces)
        if answer.answer.startswith(streamed):
            yield answer.answer[len(streamed) :]
        else:  # the LLM draft was corrected or replaced after verification
            yield "\n\n" + answer.answer
        yield answer

    # --- steps ---------------------------------------------------------------
    def _start(self, question: str, history: Sequence[tuple[str, str]] | None) -> Turn:
        text = validate_question(question, self.settings.max_question_chars)
        return Turn(question=text, history=tuple(history or ()), started=time.perf_counter())

    def _prepare(self, turn: Turn) -> Turn:
        sanitised = strip_instructions(turn.question)
        conversation = Conversation.from_history(turn.history, self.max_turns)
        # A greeting ("Chào anh chị công đoàn, ...") says nothing about the case: not searched.
        query = rewrite_follow_up(without_salutation(sanitised.text), conversation) if sanitised.text else ""
        expanded = _expand(query) if query else ""
        previous = conversation.last_question() or ""
        return replace(
            turn,
            sanitised=sanitised,
            query=query,
            expanded=expanded,
            previous=previous,
            context=self.lexicon.signal(previous) if previous else NO_SCOPE,
            meta={**turn.meta, "query": query},
        )

    def _retrieve(self, turn: Turn) -> Turn:
        if not turn.query:
            return turn
        retrieve = getattr(self.retriever, "retrieve", None)
        if retrieve is None:  # a retriever without query vectors: no domain classifier
            return replace(turn, hits=tuple(self.retriever.search(turn.query, k=RETRIEVE_K)))
        result = retrieve(turn.query, k=RERANK_DEPTH if self.reranker else RETRIEVE_K)
        model_id = self.retriever.embedder.model_id
        domain, evasion = (
            None if c is None else c.probability(result.query_vector, model_id)
            for c in (self.classifiers.domain, self.classifiers.evasion)
        )
        vector = result.query_vector[0] if result.query_vector.ndim == 2 else result.query_vector
        recalled = self.memory.recall(vector, turn.exclude) if self.memory is not None else EMPTY_RECALL
        hits = with_recalled(self.retriever, result.hits, vector, recalled)
        similarities = getattr(self.retriever, "unit_similarities", None)
        articles = [f"{h.law_id}:d{h.article}" for h in hits]
        similarity = similarities(vector, articles) if similarities else {}
        if self.reranker is not None:
            hits = self.reranker.rerank(hits, turn.query, self.corpus, similarity, recalled)
        asked = fold(turn.expanded or turn.query)
        hits = [h for h in hits if may_decide(h, asked)]
        return replace(
            turn,
            hits=tuple(hits[:RETRIEVE_K]),
            vector=vector,
            similarity=similarity,
            domain=domain,
            evasion=evasion,
        )

    def _assess(self, turn: Turn) -> Turn:
        # The member's words, or the legal wording they expand to, whichever names the domain more.
        scope = max(
            self.lexicon.signal(turn.query), self.lexicon.signal(turn.expanded), key=lambda s: s.domain_score
        )
        evidence = evidence_from(turn.hits, scope, self.calibration.score_scale)
        confidence = self.calibration.probability(evidence) if turn.hits else 0.0
        decline = self._decline_message(turn, scope, confidence)
        calculation = self._calculation(turn, decline)
        if calculation is not None:
            return replace(
                turn, scope=scope, evidence=evidence, confidence=confidence, calculation=calculation
            )
        ruled = None if decline else self._ruled(turn)
        hits = self._ruled_first(turn, ruled) if ruled is not None else turn.hits
        sources = () if decline else tuple(select_sources(hits, self.corpus, turn.expanded))
        if ruled is not None and not any(s.article.id == f"{ruled.law_id}:d{ruled.article}" for s in sources):
            ruled = None  # its article could not be made a source: the ranker's choice stands
        if decline is None and not sources:
            decline = messages.DECLINE_NO_EVIDENCE
        return replace(
            turn,
            scope=scope,
            evidence=evidence,
            confidence=confidence,
            decline=decline,
            escalate=decline is None and confidence < self.calibration.escalate_below,
            sources=sources,
            ruled=ruled,
        )

    def _ruled(self, turn: Turn) -> LegalUnit | None:
        """The unit that decides a calculation question the calculators declined, if any."""
        if not turn.sanitised:
            return None
        ref = deciding_rule(turn.sanitised.text or turn.question)
        if ref is None:
            return None
        try:
            return self.corpus.get(ref.law_id, ref.article, ref.clause, ref.point)
        except UnknownUnitError:
            return None

    def _ruled_first(self, turn: Turn, ruled: LegalUnit) -> tuple[Hit, ...]:
        """The hits with the deciding unit's article first (found by retrieval or fetched), scored
        as the best hit so that the other close sources stay beside it."""
        article = f"{ruled.law_id}:d{ruled.article}"
        found = [h for h in turn.hits if f"{h.law_id}:d{h.article}" == article]
        if not found and turn.vector is not None and hasattr(self.retriever, "article_hits"):
            found = list(self.retriever.article_hits(turn.vector, [article]))
        if not found:
            return turn.hits
        best = max((h.score for h in turn.hits), default=found[0].score)
        first = replace(found[0], score=max(best, found[0].score))
        return (first, *(h for h in turn.hits if f"{h.law_id}:d{h.article}" != article))

    def _calculation(self, turn: Turn, decline: str | None) -> CalculationReply | None:
        """A calculator's reply, unless the question was declined as an injection or evasion.

        Calculation questions are recognised strictly (a topic, a figure asked for and an input of
        the member's own case), so a calculator may answer one the scope checks found off-topic.
        """
        if decline in (messages.DECLINE_INJECTION, messages.DECLINE_EVASION) or not turn.sanitised:
            return None
        return answer_calculation(turn.sanitised.text or turn.question, turn.history)

    def rule_declines(self, turn: Turn) -> str | None:
        """The decline message a rule gives (injection, evasion, off-topic), before any confidence test."""
        assert turn.sanitised is not None and turn.scope is not None
        scope = turn.scope
        if turn.sanitised.harmful or (turn.sanitised.had_injection and not scope.has_domain_terms):
            return messages.DECLINE_INJECTION
        evasion = self.classifiers.evasion
        if asks_to_evade(turn.question, flagged=evasion is not None and evasion.flags(turn.evasion)):
            return messages.DECLINE_EVASION
        # A follow-up's query carries its conversation's labour terms; the topic the member's
        # own message names ("Thế còn giá vàng hôm nay?") still declines it.
        own = scope if turn.query == turn.sanitised.text else self.lexicon.signal(turn.sanitised.text)
        if scope.clearly_out_of_scope or own.clearly_out_of_scope or self._off_topic(turn, scope):
            return messages.DECLINE_OUT_OF_SCOPE
        return None

    def _decline_message(self, turn: Turn, scope: ScopeSignal, confidence: float) -> str | None:
        rule = self.rule_declines(replace(turn, scope=scope))
        if rule is not None:
            return rule
        if not turn.hits:
            return messages.DECLINE_NO_EVIDENCE if scope.has_domain_terms else messages.DECLINE_OUT_OF_SCOPE
        if (
            not scope.has_domain_terms
            and not turn.context.has_domain_terms
            and confidence < NO_DOMAIN_TERM_MIN_CONFIDENCE
        ):
            return messages.DECLINE_OUT_OF_SCOPE
        return None

    def _off_topic(self, turn: Turn, scope: ScopeSignal) -> bool:
        """The domain classifier says off-topic and no strong labour-law term says otherwise,
        neither in this message nor in the member's previous one of the same conversation
        ("Vậy giờ tôi muốn kiện thì phải làm gì?" after a story about a dismissal names no labour
        term itself; the conversation is about labour law)."""
        domain = self.classifiers.domain
        return (
            turn.domain is not None
            and domain is not None
            and not domain.flags(turn.domain)
            and scope.domain_score < STRONG_WEIGHT
            and turn.context.domain_score < STRONG_WEIGHT
            and not mentioned_laws(turn.query, self.corpus.documents)
        )

    def _answer(self, turn: Turn, remedies: tuple[RemedyPlan | None, bool] | None = None) -> Answer:
        """``remedies``: ``_remedies(turn)`` when the caller already has it."""
        if turn.calculation is not None:
            return self._finish(turn, self._calculated(turn.calculation))
        if turn.decline is not None:
            return self._finish(turn, None)
        composed = self._compose(turn)
        plan, borrowed = remedies or self._remedies(turn)
        if borrowed and plan is not None and plan.steps and composed.quoted:
            return self._finish(turn, self._steps_first(composed, plan))
        return self._finish(turn, replace(composed, steps=plan) if plan else composed)

    def _remedies(self, turn: Turn) -> tuple[RemedyPlan | None, bool]:
        """The "Bạn có thể làm gì" steps for the member's message, or, when it asks what to do
        without saying about what ("Vậy giờ tôi muốn kiện thì phải làm gì?"), for the story its
        conversation told just before (then True: those steps are the answer, and a rule
        retrieved for the bare words "kiện", "thời hạn" is not)."""
        bare = turn.previous and asks_what_to_do(folded(turn.question))
        if bare and remedy_plan(turn.question, self.corpus) is None:  # the message names no problem
            return remedy_plan(f"{turn.previous}\n{turn.question}", self.corpus), True
        return remedy_plan(turn.query or turn.question, self.corpus), False

    def _steps_first(self, composed: Composed, plan: RemedyPlan) -> Composed:
        """The direct answer is the steps, each cited; the other sources stay as references."""
        units = self._resolved(plan.steps)
        stepped = {(u.law_id, u.article) for u in units}
        rest = [u for u in composed.cited[1:] if (u.law_id, u.article) not in stepped]
        meta = {**composed.meta, "decisive_unit": None, "steps_first": plan.topic}
        cited = tuple(dict.fromkeys((*units, *rest)))
        return replace(composed, direct=plan.render(), cited=cited, meta=meta, shown=len(units))

    def _resolved(self, refs: Sequence[Any]) -> list[LegalUnit]:
        """The units these references (law_id, article, clause, point) name; a unit of a document
        not in the corpus is left out, never cited."""
        units = []
        for ref in refs:
            try:
                units.append(self.corpus.get(ref.law_id, ref.article, ref.clause, ref.point))
            except UnknownUnitError:
                continue
        return units

    def _calculated(self, reply: CalculationReply) -> Composed:
        units = self._resolved(reply.citations)
        meta = {"calculation": reply.to_json()}
        return Composed(reply.direct_answer, tuple(dict.fromkeys(units)), None, CALCULATOR, meta=meta)

    def _compose(self, turn: Turn) -> Composed:
        if self.is_extractive:
            return self._extractive(turn)
        sources = self._llm_sources(turn)
        try:
            draft = self.generator.generate(turn.query, sources)
        except GeneratorError as exc:
            return self._fallback(turn, exc.reason)
        return self._from_draft(turn, draft, sources)

    def _llm_sources(self, turn: Turn) -> tuple[Source, ...]:
        """The prompt's sources, the unit the extractive ranker finds decisive first (the prompt
        tells the model that [1] is the deciding rule). Computed once per answer: the draft is
        verified against the very list the model read."""
        sources = numbered_sources(turn.hits, self.corpus, LLM_SOURCES)
        best = self.extractive.decisive(turn.expanded, turn.sources, self._similarity(turn), turn.ruled)
        if best is None or not 0 < best.source <= len(turn.sources):
            return tuple(sources)
        return tuple(decisive_first(sources, best.unit, turn.sources[best.source - 1], self.corpus))

    def _from_draft(self, turn: Turn, draft: Draft, sources: Sequence[Source]) -> Composed:
        check = verify_draft(draft.text, sources, self.corpus, turn.question)
        meta = {"raw_llm_text": draft.text, "removed_citations": list(check.removed)}
        if check.failure is not None:
            return self._fallback(turn, f"verification_failed: {check.failure}", meta)
        by_number = {s.number: s for s in sources}
        cited = tuple(by_number[n].unit for n in check.valid_sources)
        return Composed(check.text, cited, check.valid_sources, draft.generator, None, meta)

    def _extractive(self, turn: Turn) -> Composed:
        draft = self.extractive.generate(
            turn.expanded, turn.sources, self._similarity(turn), doubtful=turn.escalate, decisive=turn.ruled
        )
        shown = 1 + len(draft.metadata.get("referred_units", ()))  # the rule and the clauses quoted under it
        return Composed(
            draft.text, draft.cited, None, self.extractive.name, meta=draft.metadata, quoted=True, shown=shown
        )

    @staticmethod
    def _similarity(turn: Turn) -> dict[str, float] | None:
        """Cosines of the units of the chosen sources only (the composer ranks inside them)."""
        articles = tuple(s.article.id for s in turn.sources)
        found = {u: c for u, c in turn.similarity.items() if u.startswith(articles)}
        return found or None

    def _fallback(self, turn: Turn, reason: str, meta: dict[str, Any] | None = None) -> Composed:
        composed = self._extractive(turn)
        return replace(composed, fallback_reason=reason, meta={**composed.meta, **(meta or {})})

    def _finish(self, turn: Turn, composed: Composed | None) -> Answer:
        latency = (time.perf_counter() - turn.started) * 1000
        meta = {**turn.meta, **self._debug(turn)}
        if composed is None or (not composed.cited and composed.generator != CALCULATOR):
            return Answer(
                question=turn.question,
                answer=turn.decline or messages.DECLINE_NO_EVIDENCE,
                citations=(),
                abstained=True,
                escalate=composed is not None or turn.escalate,
                confidence=turn.confidence,
                generator=composed.generator if composed else self.generator.name,
                fallback_reason=composed.fallback_reason if composed else None,
                retrieved=turn.hits,
                latency_ms=latency,
                metadata=meta,
            )
        day = self.today or date.today()
        citations = tuple(citation_for(self.corpus, unit, day) for unit in composed.cited)
        validity = validity_notes(self.corpus, citations, day)
        if composed.generator == CALCULATOR:  # the result names its basis; the units are listed
            quotes, listed = None, citations
        elif composed.quoted:
            quotes, listed = None, citations[composed.shown :]
        else:
            quotes, listed = [context_of(self.corpus, u).quote() for u in composed.cited], citations
        plan = composed.steps
        if plan is not None and composed.quoted and composed.cited:
            # A step that restates the quoted decisive unit (or a part of it) is not said twice.
            decisive = composed.cited[0]
            plan = replace(plan, steps=tuple(s for s in plan.steps if not _within(s, decisive)))
        if quotes is None and plan is not None:
            # An article a step already cites is not listed again under "Xem thêm".
            stepped = {(s.law_id, s.article) for s in plan.steps}
            listed = tuple(c for c in listed if (c.law_id, c.article) not in stepped)
        # A quoted decisive unit: only what that rule refers to ("theo quy định tại Điều 47"),
        # not what the further references refer to in turn.
        referring = composed.cited[: min(composed.shown, 1)] if composed.quoted else composed.cited
        tail = tail_sections(
            listed,
            quotes=quotes,
            steps=plan.render() if plan is not None and plan.steps else "",
            numbers=composed.numbers,
            related=related_provisions(self.corpus, referring, composed.meta.get("referred_units", ())),
            validity=validity,
            escalate=turn.escalate,
            questions=self._questions(turn, shown_steps=plan is not None and bool(plan.steps))
            if composed.generator != CALCULATOR
            else 1,
        )
        return Answer(
            question=turn.question,
            answer=composed.direct + tail,
            citations=citations,
            abstained=False,
            escalate=turn.escalate,
            confidence=turn.confidence,
            generator=composed.generator,
            fallback_reason=composed.fallback_reason,
            warnings=tuple(validity),
            retrieved=turn.hits,
            latency_ms=latency,
            metadata={**meta, **composed.meta, "direct_answer": composed.direct},
            direct_answer=composed.direct,
        )

    @staticmethod
    def _questions(turn: Turn, *, shown_steps: bool) -> int:
        """How many questions the member's message asks; "what do I do?" is answered by the steps
        when they are shown."""
        asked = asked_questions(turn.question)
        if shown_steps:
            asked = [q for q in asked if not asks_what_to_do(folded(q))]
        return len(asked)

    @staticmethod
    def _debug(turn: Turn) -> dict[str, Any]:
        return {
            "injection_removed": list(turn.sanitised.removed) if turn.sanitised else [],
            "domain_terms": list(turn.scope.domain_terms) if turn.scope else [],
            "out_of_scope_terms": list(turn.scope.out_of_scope_terms) if turn.scope else [],
            "evidence": turn.evidence.__dict__ if turn.evidence else {},
            "domain_probability": None if turn.domain is None else round(turn.domain, 4),
            "evasion_probability": None if turn.evasion is None else round(turn.evasion, 4),
        }


def _expand(query: str) -> str:
    """The retriever's query normalisation (abbreviations, everyday words → legal words)."""
    try:
        from indexing.query import normalize_query
    except ImportError:  # indexing layer absent: answer from the member's own words
        return query
    try:
        return normalize_query(query)
    except ValueError:
        return query


def citations_resolve(corpus: Corpus, citations: Sequence[Citation]) -> bool:
    """True when every citation names a unit of ``corpus`` (the invariant tests and benches check)."""
    return all(corpus.has(c.law_id, c.article, c.clause, c.point) for c in citations)


def _within(step: RemedyStep, unit: LegalUnit) -> bool:
    """Does the step cite ``unit`` or a part of it?"""
    return (
        (step.law_id, step.article) == (unit.law_id, unit.article)
        and unit.clause in (None, step.clause)
        and unit.point in (None, step.point)
    )
