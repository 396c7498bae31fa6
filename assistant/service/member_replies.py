"""The member's conversation with the advisors' replies in it (part of ``AssistantService``).

A member reads their conversation by its key (web UI after a reload, API, other channels such
as a messaging bot): every turn carries the advisors' reply to it, if any, with an unread mark
that the owner's read clears (a staff member reading does not). The member may rate a reply.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.service.auth import hash_conversation_key
from assistant.service.errors import InvalidRequestError, NotFoundError
from assistant.service.ownership import NOT_FOUND, check_key_format, conversation_for, may_use
from assistant.service.results import AdvisorReply, ConversationView, UserInfo
from assistant.service.sources import full_answer, refresh_citations
from assistant.service.storage.store import Store
from corpus.store import Corpus


class MemberReplies:
    corpus: Corpus
    store: Store

    def _owner_reads(self, conversation_key: str, user: UserInfo | None) -> tuple[int, bool]:
        """(conversation id, whether the caller owns it: only the owner's read clears unread marks)."""
        found = self.store.conversation_by_key(hash_conversation_key(check_key_format(conversation_key)))
        if found is None or not may_use(found[1], user, read=True):
            raise NotFoundError(NOT_FOUND)
        return found[0], may_use(found[1], user, read=False)

    def conversation(self, conversation_key: str, *, user: UserInfo | None = None) -> ConversationView:
        """The caller's own conversation with the advisors' replies (staff may read any whose key
        they hold); the owner's read marks the replies read."""
        conversation_id, owner = self._owner_reads(conversation_key, user)
        view = self.store.get_conversation(conversation_id)
        replies = self._fresh(self.store.conversation_replies(conversation_id, mark_read=owner))
        turns = tuple(
            replace(t, answer=full_answer(self.corpus, t.answer), reply=replies.get(t.interaction_id))
            for t in view.turns
        )
        return replace(view, turns=turns)

    def advisor_replies(
        self, conversation_key: str, *, user: UserInfo | None = None, unread_only: bool = False
    ) -> tuple[AdvisorReply, ...]:
        """The replies of the caller's conversation (for channels that only relay replies)."""
        conversation_id, owner = self._owner_reads(conversation_key, user)
        replies = self._fresh(self.store.conversation_replies(conversation_id, mark_read=owner)).values()
        return tuple(r for r in replies if r.unread or not unread_only)

    def _fresh(self, replies: dict[int, AdvisorReply]) -> dict[int, AdvisorReply]:
        """Replies with their citations re-read from the corpus (titles, text, in-force status)."""
        return {
            i: replace(r, citations=tuple(refresh_citations(self.corpus, r.citations)))
            for i, r in replies.items()
        }

    def rate_reply(
        self, conversation_key: str, reference: str, rating: int, *, user: UserInfo | None = None
    ) -> AdvisorReply:
        """The member's rating (1 or -1) of an advisor's reply in their own conversation."""
        if rating not in (1, -1):
            raise InvalidRequestError(f"rating phải là 1 hoặc -1; nhận được {rating!r}")
        conversation_id = conversation_for(self.store, conversation_key, user)
        return self.store.rate_reply(conversation_id, reference, rating, None if user is None else user.id)
