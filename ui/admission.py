"""Bounds the answers computed at once; beyond the bound a request is refused at once.

Answers from the pipeline (and an LLM behind it) are the only slow work of the service; with
no bound, a burst would queue threads without end and starve everything else. Cached and
advisor-verified answers do not take a slot.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ui.errors import ServiceBusyError


class AnswerSlots:
    """A counting bound on answers in flight, safe to use from many threads."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError(f"max_answers_in_flight must be at least 1; got {limit}")
        self.limit = limit
        self._free = threading.BoundedSemaphore(limit)

    def acquire(self) -> None:
        """Take a slot or raise ``ServiceBusyError`` (503 with Retry-After) when all are taken."""
        if not self._free.acquire(blocking=False):
            raise ServiceBusyError(self.limit)

    def release(self) -> None:
        self._free.release()

    @contextmanager
    def hold(self) -> Iterator[None]:
        self.acquire()
        try:
            yield
        finally:
            self.release()
