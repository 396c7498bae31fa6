"""Read the application layer's results into what the web UI displays.

The UI only calls ``assistant.service.application.AssistantService`` and reshapes its results; this module is
that reshaping, kept apart from the layout so it can be tested without a browser.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.service.results import AskResult
from corpus.errors import LegalAssistantError
from ui.web.format import as_mapping

logger = logging.getLogger(__name__)
USER_FACING_ERRORS = (LegalAssistantError, ValueError, PermissionError, LookupError)


@dataclass(frozen=True)
class AnswerView:
    text: str
    citations: tuple[Mapping[str, Any], ...]
    verified: bool
    interaction_id: Any
    conversation_key: Any  # the conversation's secret key, kept in the browser session's state
    payload: Mapping[str, Any]  # the public answer JSON (flags, warnings)


def answer_payload(answer: Any) -> Mapping[str, Any]:
    """The public answer JSON, whether given as a dict or as an ``Answer`` object."""
    if isinstance(answer, Mapping):
        return answer
    to_json = getattr(answer, "to_json", None)
    if callable(to_json):
        return dict(to_json())
    return as_mapping(answer)


def answer_view(result: AskResult) -> AnswerView:
    payload = answer_payload(result.answer)
    return AnswerView(
        text=str(payload.get("answer") or ""),
        citations=tuple(as_mapping(c) for c in payload.get("citations") or ()),
        verified=bool(result.verified),
        interaction_id=result.interaction_id,
        conversation_key=result.conversation_key,
        payload=payload,
    )


def stream_answer(
    service: Any, question: str, *, conversation_key: Any = None, user: Any = None
) -> Iterator[str | AnswerView]:
    """The answer text so far after each streamed delta, then the final ``AnswerView``.

    A verified answer arrives whole in the final event; the text is then yielded once more so the
    chat always ends on the exact final wording.
    """
    shown = ""
    for event in service.stream(question, user=user, conversation_key=conversation_key):
        if event.kind == "delta":
            shown += event.text
            yield shown
        elif event.result is not None:
            view = answer_view(event.result)
            if view.text != shown:
                yield view.text
            yield view
            return
    raise RuntimeError("the answer stream ended without a final result")


def error_text(exc: Exception) -> str:
    """A Vietnamese message for a failed action.

    Validation and permission errors carry a message meant for the user; anything else is a
    fault whose details belong in the log, not on the screen.
    """
    if isinstance(exc, USER_FACING_ERRORS) and str(exc).strip():
        return f"Lỗi: {str(exc).strip()}"
    logger.exception("web UI action failed", exc_info=exc)
    return "Đã có lỗi hệ thống. Vui lòng thử lại sau."
