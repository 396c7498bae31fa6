"""The advisors' review workflow: queue, save a draft, approve, edit and approve, reject
(part of ``AssistantService``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from assistant.answer import citation_ref
from assistant.service.errors import InvalidRequestError, PermissionDeniedError
from assistant.service.matching import VerifiedMatcher
from assistant.service.results import REVIEW_REASONS, REVIEW_STATUSES, STAFF_ROLES, ReviewItem, UserInfo
from assistant.service.review_editor import editor_start
from assistant.service.sources import full_answer, full_sources, resolve_citations, slim_answer
from assistant.service.storage.records import Decision, VerifiedDraft
from assistant.service.storage.store import Store
from assistant.service.text_checks import clean_text
from corpus.store import Corpus


def require_advisor(user: UserInfo | None) -> UserInfo:
    if user is None or user.role not in STAFF_ROLES:
        raise PermissionDeniedError("Chỉ tư vấn viên hoặc quản trị viên được thực hiện thao tác này.")
    return user


def _check_choice(value: str | None, allowed: Sequence[str], name: str) -> None:
    if value is not None and value not in allowed:
        raise InvalidRequestError(f"{name} không hợp lệ: {value!r}; cho phép: {', '.join(allowed)}")


class ReviewWorkflow:
    """Advisor actions; legal texts are re-read from the corpus (stored as references)."""

    corpus: Corpus
    store: Store
    matcher: VerifiedMatcher

    def _full_review(self, item: ReviewItem) -> ReviewItem:
        """A review with legal texts re-read from the corpus (stored as references only)."""
        return replace(
            item,
            answer=full_answer(self.corpus, item.answer),
            sources=full_sources(self.corpus, item.sources),
            final_answer=None if item.final_answer is None else full_answer(self.corpus, item.final_answer),
        )

    # --- advisors -----------------------------------------------------------------
    def review_queue(
        self,
        status: str = "pending",
        law: str | None = None,
        reason: str | None = None,
        limit: int = 50,
        *,
        topic: str | None = None,
        user: UserInfo | None = None,
    ) -> list[ReviewItem]:
        """Members' own requests first, then the rest oldest first; filters by law and topic."""
        require_advisor(user)
        _check_choice(status, REVIEW_STATUSES, "status")
        _check_choice(reason, REVIEW_REASONS, "reason")
        if not 1 <= limit <= 500:
            raise InvalidRequestError(f"limit phải trong khoảng 1..500; nhận được {limit}")
        items = self.store.list_reviews(status=status, law=law, reason=reason, limit=limit, topic=topic)
        return [self._full_review(item) for item in items]

    def get_review(self, review_id: int, *, user: UserInfo | None = None) -> ReviewItem:
        require_advisor(user)
        return self._full_review(self.store.get_review(review_id))

    def _verified_draft(
        self,
        item: ReviewItem,
        text: str,
        citations: Sequence[Mapping[str, Any]],
        advisor: UserInfo,
    ) -> VerifiedDraft:
        return VerifiedDraft(
            question=item.question,
            embedding=self.matcher.embed(item.question),
            answer=text,
            citations=tuple(citation_ref(c) for c in citations),
            approved_by=advisor.id,
            review_id=item.id,
        )

    def approve(self, review_id: int, advisor: UserInfo | None, comment: str = "") -> ReviewItem:
        """ "Duyệt": the direct answer with its own citations (or the saved draft) becomes verified."""
        user = require_advisor(advisor)
        comment = clean_text(comment or "", "Nhận xét")
        item = self._full_review(self.store.get_review(review_id))
        text, citations = editor_start(item)
        if not text:
            raise InvalidRequestError(
                f"Mục #{review_id} không có câu trả lời để duyệt; "
                "hãy viết câu trả lời rồi bấm «Sửa và duyệt»."
            )
        return self._decide_with(
            item, "approved", user, text, resolve_citations(self.corpus, citations), comment
        )

    def _decide_with(
        self,
        item: ReviewItem,
        status: str,
        user: UserInfo,
        text: str,
        resolved: Sequence[Mapping[str, Any]],
        comment: str,
    ) -> ReviewItem:
        final = {
            **item.answer,
            "answer": text,
            "direct_answer": text,
            "citations": list(resolved),
            "generator": "verified",
            "abstained": False,
            "escalate": False,
        }
        decision = Decision(
            status,
            user.id,
            user.name,
            comment,
            slim_answer(final),
            self._verified_draft(item, text, resolved, user),
        )
        return self._full_review(self.store.decide_review(item.id, decision))

    def _edited_parts(
        self, answer_text: Any, citations: Sequence[Mapping[str, Any]]
    ) -> tuple[str, tuple[dict[str, Any], ...]]:
        if not isinstance(answer_text, str):
            raise InvalidRequestError("Nội dung câu trả lời sửa phải là văn bản.")
        text = clean_text(answer_text, "Nội dung câu trả lời sửa", required=True)
        return text, resolve_citations(self.corpus, citations)

    def edit(
        self,
        review_id: int,
        advisor: UserInfo | None,
        answer_text: str,
        citations: Sequence[Mapping[str, Any]],
        comment: str = "",
    ) -> ReviewItem:
        """ "Sửa và duyệt": the edited answer and the citations the advisor kept or added (each
        checked against the corpus) become the verified answer."""
        user = require_advisor(advisor)
        text, resolved = self._edited_parts(answer_text, citations)
        comment = clean_text(comment or "", "Nhận xét")
        item = self.store.get_review(review_id)
        return self._decide_with(item, "edited", user, text, resolved, comment)

    def save_draft(
        self,
        review_id: int,
        advisor: UserInfo | None,
        answer_text: str,
        citations: Sequence[Mapping[str, Any]],
    ) -> ReviewItem:
        """ "Lưu nháp": keep the edit without approving it; the item stays in the queue."""
        user = require_advisor(advisor)
        text, resolved = self._edited_parts(answer_text, citations)
        refs = [citation_ref(c) for c in resolved]
        return self._full_review(
            self.store.save_draft(review_id, {"answer": text, "citations": refs}, user.id, user.name)
        )

    def reject(self, review_id: int, advisor: UserInfo | None, comment: str = "") -> ReviewItem:
        user = require_advisor(advisor)
        comment = clean_text(comment or "", "Lý do từ chối")
        if not comment:
            raise InvalidRequestError("Cần ghi lý do khi từ chối câu trả lời.")
        decision = Decision("rejected", user.id, user.name, comment)
        return self._full_review(self.store.decide_review(review_id, decision))
