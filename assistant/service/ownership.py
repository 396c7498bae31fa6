"""Who may touch a conversation or an interaction (issue 12).

Clients know a conversation only by its key: 256 random bits handed to whoever started it,
stored hashed. An interaction is reached through the key of the conversation it belongs to.
A conversation started by a signed-in user belongs to that user; one started anonymously
belongs to whoever holds its key (the browser session that started it). Staff may read
conversations; nobody else's conversation can be read, extended, rated or shared.
Every refusal is the same 404, so a probe learns nothing about which ids or keys exist.
"""

from __future__ import annotations

import re

from assistant.service.auth import hash_conversation_key
from assistant.service.errors import InvalidRequestError, NotFoundError
from assistant.service.results import UserInfo
from assistant.service.storage.records import StoredInteraction
from assistant.service.storage.store import Store

KEY_RE = re.compile(r"cv_[A-Za-z0-9_-]{43}")
NOT_FOUND = "Không tìm thấy cuộc hội thoại; hãy bắt đầu cuộc hội thoại mới."
INTERACTION_NOT_FOUND = "Không tìm thấy lượt hỏi {id} trong cuộc hội thoại của bạn."


def check_key_format(key: object) -> str:
    """The key when it has the shape of one; a clear 422 otherwise."""
    if not isinstance(key, str) or not KEY_RE.fullmatch(key):
        raise InvalidRequestError(
            "conversation_key không hợp lệ: dùng đúng mã cuộc hội thoại mà trợ lý đã trả về "
            "(bắt đầu bằng «cv_»), hoặc bỏ trống để bắt đầu cuộc hội thoại mới."
        )
    return key


def may_use(owner: int | None, user: UserInfo | None, *, read: bool) -> bool:
    """Owner matches (both anonymous, or the same user), or a staff member reading."""
    caller = None if user is None else user.id
    if owner == caller:
        return True
    return read and user is not None and user.staff


def conversation_for(store: Store, key: object, user: UserInfo | None, *, read: bool = False) -> int:
    """The internal id of the caller's conversation with this key (404 for anyone else)."""
    found = store.conversation_by_key(hash_conversation_key(check_key_format(key)))
    if found is None or not may_use(found[1], user, read=read):
        raise NotFoundError(NOT_FOUND)
    return found[0]


def interaction_for(
    store: Store, interaction_id: int, key: object, user: UserInfo | None
) -> StoredInteraction:
    """The caller's own interaction: in the conversation of ``key``, which the caller owns."""
    if key is None:
        raise InvalidRequestError(
            "Thiếu conversation_key: gửi kèm mã cuộc hội thoại mà trợ lý đã trả về cùng câu trả lời."
        )
    conversation_id = conversation_for(store, key, user)
    try:
        interaction = store.get_interaction(interaction_id)
    except NotFoundError:
        raise NotFoundError(INTERACTION_NOT_FOUND.format(id=interaction_id)) from None
    if interaction.conversation_id != conversation_id:
        raise NotFoundError(INTERACTION_NOT_FOUND.format(id=interaction_id))
    return interaction
