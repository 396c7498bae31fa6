"""Bounds the answers computed at once; beyond the bound a request is refused at once.

Answers from the pipeline (and an LLM behind it) are the only slow work of the service; with
no bound, a burst would queue threads without end and starve everything else. Cached and
advisor-verified answers do not take a slot.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from assistant.service.errors import ServiceBusyError

T = TypeVar("T")


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


class CpuGate:
    """At most ``width`` answers do CPU work at once (default: the number of cores).

    Python code holds the interpreter lock, so more threads computing at once add no
    throughput, only waits for everything else: with 16 threads computing, /healthz took
    200-300 ms; with the work gated to the cores it answers at once. An LLM's network wait is
    not gated (only extractive pipelines pass through here).
    """

    def __init__(self, width: int | None = None) -> None:
        self.width = width or max(2, os.cpu_count() or 2)
        self._free = threading.Semaphore(self.width)

    def __enter__(self) -> CpuGate:
        self._free.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self._free.release()

    def each(self, items: Iterator[T]) -> Iterator[T]:
        """``items`` with each step computed inside the gate and each item yielded outside it
        (a slow reader of a stream never holds a core)."""
        while True:
            with self:
                try:
                    item = next(items)
                except StopIteration:
                    return
            yield item
