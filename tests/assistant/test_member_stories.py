"""The member stories shipped for the question memory (``assistant/data/member_stories.jsonl``):
written for the memory alone, each grounded in the unit that decides it, none from a dev split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.question_memory import ROWS_FILE, STORIES_FILE
from corpus.text import fold

DATA = Path(__file__).resolve().parents[2] / "evaluation" / "data"


def _stories() -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in STORIES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _texts(name: str) -> set[str]:
    rows = [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]
    return {r["question"] for r in rows} | {h for r in rows for h in r.get("history") or []}


def test_stories_are_member_questions_with_ids_of_their_own() -> None:
    stories = _stories()
    assert len(stories) >= 40
    ids = [s["id"] for s in stories]
    assert len(set(ids)) == len(ids) and all(i.startswith("s_") for i in ids)
    assert {s["kind"] for s in stories} <= {"scenario", "procedure"}
    unaccented = [s for s in stories if fold(s["question"]) == s["question"]]
    assert 0.15 <= len(unaccented) / len(stories) <= 0.5, "about a quarter typed without diacritics"


def test_no_story_is_a_dev_or_probe_question() -> None:
    texts = {s["question"] for s in _stories()}
    for name in ("dev_tune.jsonl", "dev_frozen.jsonl", "member_probes.jsonl"):
        assert not texts & _texts(name), name


@pytest.mark.slow
def test_every_gold_unit_exists_and_holds_the_facts(corpus: Any) -> None:
    problems = []
    for story in _stories():
        units = [corpus.get(g["law"], g["article"], g.get("clause"), g.get("point")) for g in story["gold"]]
        if any(u is None for u in units) or not all(corpus.in_force(g["law"]) for g in story["gold"]):
            problems.append(f"{story['id']}: gold {story['gold']}")
            continue
        texts = [fold(u.text.lower()) for u in units]
        problems += [
            f"{story['id']}: fact {fact!r}"
            for fact in story["facts"]
            if not any(fold(fact.lower()) in text for text in texts)
        ]
    assert not problems, "\n".join(problems)


def test_the_shipped_memory_remembers_every_story() -> None:
    shipped = json.loads(ROWS_FILE.read_text(encoding="utf-8"))
    remembered = {r["id"] for r in shipped["rows"]}
    assert {s["id"] for s in _stories()} <= remembered
