"""Prometheus metrics, one registry per app (tests build many apps in one process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "legal_assistant_http_requests",
            "HTTP requests by route and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "legal_assistant_http_request_seconds",
            "HTTP request latency by route",
            ["route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.answers = Counter(
            "legal_assistant_answers",
            "Answers by outcome (answered, abstained, escalated, verified)",
            ["outcome"],
            registry=self.registry,
        )

    def observe_answer(self, answer: dict[str, object], verified: bool) -> None:
        if verified:
            outcome = "verified"
        elif answer.get("escalate"):
            outcome = "escalated"
        elif answer.get("abstained"):
            outcome = "abstained"
        else:
            outcome = "answered"
        self.answers.labels(outcome=outcome).inc()

    def render(self) -> bytes:
        return generate_latest(self.registry)
