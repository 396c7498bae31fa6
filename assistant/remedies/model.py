"""The remedy plan handed to the answer composer: cited steps and their rendering."""

from __future__ import annotations

from dataclasses import dataclass

HEADING = "Bạn có thể làm gì:"


@dataclass(frozen=True)
class RemedyStep:
    """One step open to the worker, worded from the unit it cites."""

    text: str  # one short Vietnamese line, no final full stop
    law_id: str
    article: int
    clause: int | None
    point: str | None
    label: str  # "Khoản 1 Điều 188 Bộ luật Lao động"


@dataclass(frozen=True)
class RemedyPlan:
    topic: str  # "wages", "dismissal", "insurance"... (keys of [plans] in data/steps.toml)
    steps: tuple[RemedyStep, ...]

    def render(self) -> str:
        lines = [HEADING]
        lines.extend(f"{n}. {step.text} ({step.label})" for n, step in enumerate(self.steps, start=1))
        return "\n".join(lines)
