"""The application layer shared by the HTTP API and the Gradio UI (no web framework here).

``AssistantService`` masks personal data, serves advisor-verified answers first, asks the
answering pipeline otherwise, stores every interaction (committed before it returns), and
runs the advisor review workflow. Build a ready one with ``ui.bootstrap.build_service``.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Generator, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import timedelta
from typing import Any, Protocol

from assistant.service.admission import AnswerSlots, CpuGate
from assistant.service.auth import authenticate, generate_conversation_key, hash_conversation_key
from assistant.service.dashboard.access import require_leader
from assistant.service.dashboard.query import load_report
from assistant.service.dashboard.report import MAX_DAYS, DashboardReport
from assistant.service.errors import InvalidRequestError
from assistant.service.matching import VerifiedMatcher, normalize_question
from assistant.service.member_replies import MemberReplies
from assistant.service.ownership import conversation_for, interaction_for
from assistant.service.privacy import mask_personal_data
from assistant.service.queue_policy import queue_reason
from assistant.service.results import (
    VERIFIED_LABEL,
    AskResult,
    ConversationView,
    DashboardStats,
    FeedbackResult,
    ReviewItem,
    StreamEvent,
    TopicCount,
    UserInfo,
)
from assistant.service.review_workflow import ReviewWorkflow
from assistant.service.sources import (
    hits_to_sources,
    refresh_citations,
    slim_answer,
    slim_sources,
    source_view,
    topic_of,
)
from assistant.service.storage.records import InteractionDraft, ReviewDraft
from assistant.service.storage.store import Store
from assistant.service.text_checks import clean_text
from corpus.questions import validate_question
from corpus.settings import Settings
from corpus.store import Corpus

__all__ = [
    "VERIFIED_LABEL",
    "AskResult",
    "AssistantService",
    "ConversationView",
    "DashboardStats",
    "FeedbackResult",
    "ReviewItem",
    "StreamEvent",
    "UserInfo",
]

# Identical (normalised, masked) first-turn questions reuse the pipeline's answer: members
# ask the same things, and the extractive pipeline is deterministic for a fixed index.
ANSWER_CACHE_SIZE = 1024
# Unmasked questions are kept for this long (``assistant.service.storage.personal``, in the database so that
# every replica sees them) so that a later "Hỏi tư vấn viên" with consent can hand them to the
# advisor; they reach a review only when the member who typed them shares them, from the
# conversation (session) they typed in. After that only the masked text exists.
PERSONAL_DATA_TTL = timedelta(hours=6)
HISTORY_TURNS = 4


class Pipeline(Protocol):
    def ask(self, question: str, history: list[tuple[str, str]] | None = None) -> Any: ...

    def stream(self, question: str, history: list[tuple[str, str]] | None = None) -> Iterator[str]: ...

    def stream_answer(self, question: str, history: list[tuple[str, str]] | None = None) -> Iterator[Any]: ...


class _Lru:
    """A small thread-safe LRU map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        with self._lock:
            if key not in self._items:
                return None
            self._items.move_to_end(key)
            return self._items[key]

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class AssistantService(ReviewWorkflow, MemberReplies):
    """Application layer: one instance per process, safe to call from many threads."""

    def __init__(
        self,
        settings: Settings,
        pipeline: Pipeline,
        store: Store,
        matcher: VerifiedMatcher,
        *,
        corpus: Corpus | None = None,
    ) -> None:
        self.settings = settings
        self.pipeline = pipeline
        self.store = store
        self.matcher = matcher
        found = corpus if corpus is not None else getattr(pipeline, "corpus", None)
        if found is None:
            raise ValueError("AssistantService needs the corpus: pass corpus= or a pipeline with .corpus")
        self.corpus: Corpus = found
        self._answers = _Lru(ANSWER_CACHE_SIZE)
        self._sync_lock = threading.Lock()
        # No global lock: the pipeline is safe to call from many threads (the tokenizer loads
        # under its own lock); answers in flight are bounded, cached and verified ones are free.
        self._slots = AnswerSlots(getattr(settings, "max_answers_in_flight", 32))
        self._cpu = CpuGate()

    # --- asking ---------------------------------------------------------------
    def _validate(self, question: Any) -> str:
        return validate_question(question, self.settings.max_question_chars)

    def _sync_verified(self) -> None:
        with self._sync_lock:
            self.matcher.add(self.store.verified_since(self.matcher.last_id))

    def _conversation_id(self, key: str | None, user: UserInfo | None) -> int | None:
        """The caller's own conversation to extend (None: start one); 404 for anyone else's."""
        return None if key is None else conversation_for(self.store, key, user)

    def _history(self, conversation_id: int | None) -> list[tuple[str, str]]:
        if conversation_id is None:
            return []
        return self.store.history(conversation_id, HISTORY_TURNS)

    def _verified_answer(self, masked: str) -> tuple[dict[str, Any], int] | None:
        self._sync_verified()
        match = self.matcher.match(masked)
        if match is None:
            return None
        record = self.store.get_verified(match.verified_id)
        answer = {
            "direct_answer": record.answer,
            "answer": record.answer,
            "citations": refresh_citations(self.corpus, record.citations),
            "abstained": False,
            "escalate": False,
            "confidence": 1.0,
            "generator": "verified",
            "fallback_reason": None,
            "warnings": [],
            "match_score": round(match.score, 4),
            # The member sees which question the advisor verified: a paraphrase match can be
            # wrong (precision 0.96 on the labelled pairs), and the member can tell.
            "verified_question": match.question,
        }
        return answer, record.id

    def _pipeline_answer(self, masked: str, history: list[tuple[str, str]]) -> tuple[Any, bool]:
        key = normalize_question(masked)
        if not history:
            cached = self._answers.get(key)
            if cached is not None:
                return cached, True
        with self._slots.hold(), self._cpu_bound():
            answer = self.pipeline.ask(masked, history or None)
        if not history:
            self._answers.put(key, answer)
        return answer, False

    def _extractive(self) -> bool:
        return bool(getattr(self.pipeline, "is_extractive", False))

    def _cpu_bound(self) -> AbstractContextManager[Any]:
        """The CPU gate for an extractive pipeline; none for an LLM (its time is network wait)."""
        return self._cpu if self._extractive() else nullcontext()

    def _review_draft(
        self,
        answer: Mapping[str, Any],
        sources: tuple[dict[str, Any], ...],
        share: str | None,
        law: str | None,
    ) -> ReviewDraft | None:
        reason = queue_reason(answer, member_request=share is not None)
        if reason is None:
            return None
        return ReviewDraft(reason=reason, sources=sources, law=law, personal_question=share)

    def ask(
        self,
        question: str,
        *,
        user: UserInfo | None = None,
        conversation_key: str | None = None,
        share_with_advisor: bool = False,
    ) -> AskResult:
        """Answer a member's question and store it (masked); verified answers come first.

        ``conversation_key`` continues the caller's own conversation; without it a new one starts
        and the result carries its key."""
        started = time.perf_counter()
        question = self._validate(question)
        masked = mask_personal_data(question).text
        conversation_id = self._conversation_id(conversation_key, user)
        history = self._history(conversation_id)
        verified = self._verified_answer(masked)
        cached = False
        sources: tuple[dict[str, Any], ...] = ()
        if verified is not None:
            answer_json, verified_id = verified
        else:
            answer, cached = self._pipeline_answer(masked, history)
            answer_json, verified_id = answer.to_json(), None
            sources = hits_to_sources(getattr(answer, "retrieved", ()))
        return self._record(
            question,
            masked,
            answer_json,
            sources,
            started,
            user=user,
            conversation=(conversation_id, conversation_key),
            share=share_with_advisor,
            verified_id=verified_id,
            cached=cached,
        )

    def _record(
        self,
        question: str,
        masked: str,
        answer_json: dict[str, Any],
        sources: tuple[dict[str, Any], ...],
        started: float,
        *,
        user: UserInfo | None,
        conversation: tuple[int | None, str | None],
        share: bool,
        verified_id: int | None,
        cached: bool,
    ) -> AskResult:
        law, chapter = topic_of(self.corpus, answer_json.get("citations", ()))
        conversation_id, key = conversation
        if conversation_id is None:
            key = generate_conversation_key()
        consent_by = None if user is None else user.id
        review = None
        if verified_id is None:
            review = self._review_draft(answer_json, sources, question if share else None, law)
        elif share:
            review = ReviewDraft(reason="member_request", law=law, personal_question=question)
        if review is not None and review.personal_question is not None:
            review = replace(review, consent_by=consent_by)
        draft = InteractionDraft(
            question=masked,
            answer=slim_answer(answer_json),
            confidence=float(answer_json.get("confidence", 0.0)),
            abstained=bool(answer_json.get("abstained")),
            escalated=bool(answer_json.get("escalate")),
            generator=str(answer_json.get("generator", "")),
            latency_ms=(time.perf_counter() - started) * 1000.0,
            user_id=None if user is None else user.id,
            conversation_id=conversation_id,
            conversation_key_hash=None if conversation_id is not None else hash_conversation_key(str(key)),
            verified_answer_id=verified_id,
            topic_law=law,
            topic_chapter=chapter,
            sources=slim_sources(sources),
        )
        interaction_id, conv_id, review_id = self.store.record_interaction(draft, review)
        if question != masked:
            self.store.keep_personal(interaction_id, question, consent_by, PERSONAL_DATA_TTL)
        return AskResult(
            interaction_id=interaction_id,
            conversation_id=conv_id,
            conversation_key=str(key),
            answer=answer_json,
            verified=verified_id is not None,
            label=VERIFIED_LABEL if verified_id is not None else None,
            verified_answer_id=verified_id,
            review_id=review_id,
            cached=cached,
        )

    def stream(
        self,
        question: str,
        *,
        user: UserInfo | None = None,
        conversation_key: str | None = None,
        share_with_advisor: bool = False,
    ) -> Iterator[StreamEvent]:
        """Text deltas, then one ``final`` event carrying the stored ``AskResult``.

        Nothing is stored when the caller stops iterating before the final event.
        """
        started = time.perf_counter()
        question = self._validate(question)
        masked = mask_personal_data(question).text
        conversation = (self._conversation_id(conversation_key, user), conversation_key)
        history = self._history(conversation[0])
        verified = self._verified_answer(masked)
        if verified is not None:
            yield StreamEvent("delta", text=verified[0]["answer"])
            yield StreamEvent(
                "final",
                result=self._record(
                    question,
                    masked,
                    verified[0],
                    (),
                    started,
                    user=user,
                    conversation=conversation,
                    share=share_with_advisor,
                    verified_id=verified[1],
                    cached=False,
                ),
            )
            return
        key = normalize_question(masked)
        answer = None if history else self._answers.get(key)
        was_cached = answer is not None
        if answer is not None:
            yield StreamEvent("delta", text=answer.answer)
        else:  # one pipeline run: its chunks as they come, then the verified answer it stores
            answer = yield from self._streamed_answer(masked, history)
            if not history:
                self._answers.put(key, answer)
        yield StreamEvent(
            "final",
            result=self._record(
                question,
                masked,
                answer.to_json(),
                hits_to_sources(getattr(answer, "retrieved", ())),
                started,
                user=user,
                conversation=conversation,
                share=share_with_advisor,
                verified_id=None,
                cached=was_cached,
            ),
        )

    def _streamed_answer(
        self, masked: str, history: list[tuple[str, str]]
    ) -> Generator[StreamEvent, None, Any]:
        """Delta events as the pipeline produces text; returns its final (verified) answer."""
        answer = None
        with self._slots.hold():  # released when the client goes away (the generator is closed)
            items = self.pipeline.stream_answer(masked, history or None)
            for item in self._cpu.each(items) if self._extractive() else items:
                if isinstance(item, str):
                    if item:
                        yield StreamEvent("delta", text=item)
                else:
                    answer = item
        if answer is None:
            raise RuntimeError("the pipeline's stream ended without its answer")
        return answer

    # --- member feedback --------------------------------------------------------
    def feedback(
        self,
        interaction_id: int,
        rating: int,
        comment: str = "",
        user: UserInfo | None = None,
        *,
        conversation_key: str | None = None,
    ) -> FeedbackResult:
        """Thumbs up (1) or down (-1) on one's own answer; thumbs down queues it for advisors."""
        if rating not in (1, -1):
            raise InvalidRequestError(f"rating phải là 1 hoặc -1; nhận được {rating!r}")
        comment = mask_personal_data(clean_text(comment or "", "Góp ý")).text
        interaction = interaction_for(self.store, interaction_id, conversation_key, user)
        review = None
        if rating == -1:
            review = ReviewDraft(reason="thumbs_down", sources=interaction.sources, law=interaction.topic_law)
        feedback_id, review_id = self.store.add_feedback(
            interaction_id, rating, comment, None if user is None else user.id, review
        )
        return FeedbackResult(feedback_id, interaction_id, rating, review_id)

    def request_advisor(
        self,
        interaction_id: int,
        user: UserInfo | None = None,
        share_personal_data: bool = False,
        *,
        conversation_key: str | None = None,
    ) -> ReviewItem:
        """ "Hỏi tư vấn viên" on one's own interaction; the unmasked question only with the
        consent of the member who typed it, given from the conversation it was typed in."""
        interaction = interaction_for(self.store, interaction_id, conversation_key, user)
        caller = None if user is None else user.id
        personal = self.store.personal_question(interaction_id, caller) if share_personal_data else None
        review = ReviewDraft(
            reason="member_request",
            law=interaction.topic_law,
            personal_question=personal,
            consent_by=caller,
        )
        review_id = self.store.open_review(interaction_id, review, caller)
        return self._full_review(self.store.get_review(review_id))

    # --- leaders --------------------------------------------------------------------
    def dashboard(self, days: int = 30, *, user: UserInfo | None = None) -> DashboardStats:
        require_leader(user)
        if not 1 <= days <= 3650:
            raise InvalidRequestError(f"days phải trong khoảng 1..3650; nhận được {days}")
        rows = self.store.dashboard_rows(days)

        def law_title(law_id: str) -> str:
            doc = self.corpus.documents.get(law_id)
            return doc.title if doc is not None else law_id

        total = rows.total
        return DashboardStats(
            days=days,
            total_questions=total,
            questions_per_day=rows.per_day,
            top_laws=tuple(TopicCount(law, law_title(law), None, n) for law, n in rows.laws),
            top_chapters=tuple(TopicCount(law, law_title(law), ch, n) for law, ch, n in rows.chapters),
            share_declined=rows.abstained / total if total else 0.0,
            share_escalated=rows.escalated / total if total else 0.0,
            satisfaction=rows.thumbs_up / rows.feedback if rows.feedback else None,
            feedback_count=rows.feedback,
            pending_reviews=rows.pending_reviews,
            verified_served=rows.verified,
        )

    def dashboard_report(self, days: int = 30, *, user: UserInfo | None = None) -> DashboardReport:
        """The leaders' dashboard: topics in members' terms, days filled, trends, shares."""
        require_leader(user)
        if not 1 <= days <= MAX_DAYS:
            raise InvalidRequestError(f"Số ngày thống kê phải từ 1 đến {MAX_DAYS}; nhận được {days}.")
        return load_report(self.store.engine, days)

    def source(self, law_id: str, article: int) -> dict[str, Any]:
        """An article's text, title, path, in-force status, replacements and clauses."""
        return source_view(self.corpus, law_id, article)

    def authenticate(self, token: str | None) -> UserInfo:
        """The user holding this bearer token (raises ``AuthenticationError``)."""
        return authenticate(self.store, token)

    def ready(self) -> bool:
        """True when the database answers (corpus and index are loaded by construction)."""
        return self.store.ping()

    def use_pipeline(self, pipeline: Pipeline, corpus: Corpus) -> None:
        """Answer from ``pipeline`` over ``corpus`` from now on (a published document, no restart).

        One assignment each: a request already in the old pipeline finishes there. The answer
        cache is emptied so no answer from the old texts is served again."""
        self.pipeline, self.corpus = pipeline, corpus
        self._answers = _Lru(self._answers.size)
