"""``remedy_plan``: the steps open to a worker for a procedure question or a violation story."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from assistant.evasion import asks_to_evade
from assistant.remedies.catalog import MIN_STEPS, catalog, resolve
from assistant.remedies.model import RemedyPlan, RemedyStep
from assistant.remedies.topics import (
    about_work,
    asks_how_to_evade,
    asks_procedure,
    employer_voice,
    folded,
    topic_of,
    violations,
)
from corpus.store import Corpus

# Resolving and checking a step reads its unit in the corpus (a few ms for a plan); a built
# corpus does not change once loaded, so each corpus keeps its resolved steps while it lives.
_RESOLVED: WeakKeyDictionary[Corpus, dict[str, RemedyStep | None]] = WeakKeyDictionary()


def _step(corpus: Corpus, step_id: str) -> RemedyStep | None:
    known = _RESOLVED.setdefault(corpus, {})
    if step_id not in known:
        data = catalog()
        known[step_id] = resolve(corpus, data.steps[step_id], data.framing)
    return known[step_id]


def remedy_plan(question: str, corpus: Corpus) -> RemedyPlan | None:
    """The cited steps for ``question``, or None when it neither asks what to do nor tells of a
    violation by the employer (a textbook question), when it is not about work ("khiếu nại ở
    đâu" about a phone shop), when it is asked from the employer's side or asks how to evade
    the law (an employer's "how do I avoid paying..." gets no worker's remedies), or when the
    corpus lacks the units.

    Steps whose unit is missing, out of force or no longer grounds the line are left out; a plan
    left with fewer than three steps is not shown.
    """
    if not isinstance(question, str) or not question.strip():
        return None
    text = folded(question)
    if not about_work(text) or employer_voice(text):
        return None
    if asks_to_evade(question) or asks_how_to_evade(text):
        return None
    violated = violations(text)
    if not violated and not asks_procedure(text):
        return None
    topic = topic_of(text, violated)
    resolved = (_step(corpus, step_id) for step_id in catalog().plans[topic])
    steps = tuple(step for step in resolved if step is not None)
    if len(steps) < MIN_STEPS:
        return None
    return RemedyPlan(topic=topic, steps=steps)
