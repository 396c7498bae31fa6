"""Cited units to topics in members' terms, and laws to the short names leaders read.

The table is data (``topics.json``): a rule names laws and, optionally, an inclusive article
range taken from the law's chapters; the first rule that holds a unit gives its topic.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

TABLE_PATH = Path(__file__).with_name("topics.json")


@dataclass(frozen=True)
class TopicRule:
    laws: frozenset[str]
    first: int | None
    last: int | None
    topic: str

    def holds(self, law_id: str, article: int | None) -> bool:
        if law_id not in self.laws:
            return False
        if self.first is None or self.last is None:
            return True
        return article is not None and self.first <= article <= self.last


@dataclass(frozen=True)
class TopicTable:
    rules: tuple[TopicRule, ...]
    short_names: Mapping[str, str]
    other: str  # a law the table knows nothing about
    unknown: str  # an answer without any cited or retrieved unit

    def topic(self, law_id: str | None, article: int | None = None) -> str:
        if not law_id:
            return self.unknown
        return next((r.topic for r in self.rules if r.holds(law_id, article)), self.other)

    def short_name(self, law_id: str) -> str:
        return self.short_names.get(law_id, law_id)

    @property
    def topics(self) -> tuple[str, ...]:
        """Every topic the table can give, in the table's order."""
        return tuple(dict.fromkeys([*(r.topic for r in self.rules), self.other, self.unknown]))


def _rule(raw: Mapping[str, Any]) -> TopicRule:
    articles = raw.get("articles")
    first, last = (int(articles[0]), int(articles[1])) if articles else (None, None)
    return TopicRule(frozenset(str(law) for law in raw["laws"]), first, last, str(raw["topic"]))


@lru_cache(maxsize=1)
def topic_table(path: Path = TABLE_PATH) -> TopicTable:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return TopicTable(
        rules=tuple(_rule(r) for r in raw["rules"]),
        short_names=dict(raw["short_names"]),
        other=str(raw["other"]),
        unknown=str(raw["unknown"]),
    )


def first_unit(*unit_lists: Iterable[Mapping[str, Any]] | None) -> tuple[str | None, int | None]:
    """(law id, article) of the first unit with a law in the first non-empty list: the answer's
    citations first, then the units retrieved for it (a declined answer cites nothing)."""
    for units in unit_lists:
        for unit in units or ():
            if not isinstance(unit, Mapping) or not unit.get("law_id"):
                continue
            try:
                article = int(unit["article"]) if unit.get("article") is not None else None
            except (TypeError, ValueError):
                article = None
            return str(unit["law_id"]), article
    return None, None
