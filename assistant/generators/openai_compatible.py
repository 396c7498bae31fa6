"""Generator for any OpenAI-compatible chat endpoint, through langchain_openai.ChatOpenAI."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any

from assistant.evidence import Source
from assistant.generators.base import Draft, GeneratorError
from assistant.generators.prompt import MAX_SOURCE_CHARS, build_messages
from corpus.settings import Settings

DEFAULT_MAX_TOKENS = 256
MIN_LETTERS = 12  # fewer letters than this is an empty/garbage reply
# A server that keeps streaming (no end, or far more than max_tokens) is cut off: the client's
# timeout bounds each read, not the whole reply.
MAX_REPLY_CHARS = 6000


class OpenAICompatibleGenerator:
    """Calls ``settings.llm_base_url`` with no retries and the configured timeout.

    Errors become GeneratorError with reason ``llm_unreachable`` / ``llm_timeout`` /
    ``llm_empty`` so the pipeline can fall back to the extractive answer.
    """

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str = "not-needed",
        timeout_s: float = 20.0,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        source_chars: int = MAX_SOURCE_CHARS,
        name: str | None = None,
    ) -> None:
        if timeout_s <= 0:
            raise ValueError(f"timeout_s must be greater than 0. Currently, timeout_s is {timeout_s}")
        if max_tokens < 1:
            raise ValueError(f"max_tokens must be at least 1. Currently, max_tokens is {max_tokens}")
        self.base_url = base_url
        self.model = model
        self._api_key = api_key
        self._timeout_s = timeout_s
        self._max_tokens = max_tokens
        self._source_chars = source_chars
        self._name = name or f"openai:{model}"
        self._client: Any = None

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> OpenAICompatibleGenerator:
        return cls(
            base_url=settings.llm_base_url,
            model=settings.llm_model,
            api_key=settings.llm_api_key,
            timeout_s=settings.llm_timeout_s,
            **overrides,
        )

    @property
    def name(self) -> str:
        return self._name

    def generate(self, question: str, sources: Sequence[Source]) -> Draft:
        text = "".join(self.stream(question, sources))
        return Draft(text=text, cited=(), generator=self.name, metadata={"raw_llm_text": text})

    def stream(self, question: str, sources: Sequence[Source]) -> Iterator[str]:
        messages = build_messages(question, sources, self._source_chars)
        received: list[str] = []
        deadline = time.monotonic() + 3 * self._timeout_s  # the whole reply, not one read
        try:
            for chunk in self._chat().stream(messages):
                piece = chunk.content if isinstance(chunk.content, str) else ""
                if piece:
                    received.append(piece)
                    yield piece
                if time.monotonic() > deadline or sum(map(len, received)) > MAX_REPLY_CHARS:
                    raise TimeoutError(f"reply still streaming after {3 * self._timeout_s:.0f} s")
        except Exception as exc:  # the client raises many types; classify, never crash the answer
            raise GeneratorError(_classify(exc), type(exc).__name__) from exc
        if sum(ch.isalpha() for ch in "".join(received)) < MIN_LETTERS:
            raise GeneratorError("llm_empty", f"{len(''.join(received))} characters received")

    def _chat(self) -> Any:
        if self._client is None:
            from langchain_openai import ChatOpenAI

            self._client = ChatOpenAI(
                base_url=self.base_url,
                api_key=self._api_key,  # type: ignore[arg-type]
                model=self.model,
                timeout=self._timeout_s,
                max_retries=0,
                max_tokens=self._max_tokens,  # type: ignore[call-arg]
                temperature=0.0,
            )
        return self._client


def _classify(exc: BaseException) -> str:
    import httpx
    import openai

    if isinstance(exc, openai.APITimeoutError | httpx.TimeoutException | TimeoutError):
        return "llm_timeout"
    if isinstance(exc, openai.APIConnectionError | httpx.ConnectError | ConnectionError):
        return "llm_unreachable"
    if isinstance(exc, openai.APIStatusError):
        return f"llm_unreachable: HTTP {exc.status_code}"
    return "llm_empty"
