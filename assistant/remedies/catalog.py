"""Candidate steps and per-topic plans, read from ``data/steps.toml`` and resolved in the corpus."""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from assistant.citations import citation_for, citation_label
from assistant.remedies.grounding import grounding_text, ungrounded
from assistant.remedies.model import RemedyStep
from corpus.errors import UnknownUnitError
from corpus.store import Corpus

DATA_FILE = "data/steps.toml"
# The order a worker takes the channels in; a plan's steps must not go back in this order.
CHANNEL_ORDER = ("report", "union", "employer", "agency", "mediation", "court", "time")
MIN_STEPS, MAX_STEPS = 3, 6
# A step is one line a member reads on a phone.
MAX_STEP_CHARS = 220


@dataclass(frozen=True)
class StepSpec:
    """A candidate step as written in the data file, before it is resolved in the corpus."""

    id: str
    channel: str
    law_id: str
    article: int
    clause: int | None
    point: str | None
    text: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    steps: dict[str, StepSpec]
    plans: dict[str, tuple[str, ...]]
    framing: tuple[str, ...]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _step(step_id: str, raw: dict[str, Any]) -> StepSpec:
    where = f"{DATA_FILE} [steps.{step_id}]"
    missing = [k for k in ("channel", "law", "article", "text", "terms") if k not in raw]
    if missing:
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    if raw["channel"] not in CHANNEL_ORDER:
        raise ValueError(f"{where}: channel {raw['channel']!r} is not one of {', '.join(CHANNEL_ORDER)}")
    if len(raw["text"]) > MAX_STEP_CHARS:
        raise ValueError(f"{where}: text has {len(raw['text'])} characters; at most {MAX_STEP_CHARS}")
    if "point" in raw and "clause" not in raw:
        raise ValueError(f"{where}: a point needs its clause")
    return StepSpec(
        id=step_id,
        channel=raw["channel"],
        law_id=_nfc(raw["law"]),
        article=int(raw["article"]),
        clause=int(raw["clause"]) if "clause" in raw else None,
        point=_nfc(raw["point"]) if "point" in raw else None,
        text=_nfc(raw["text"]).strip().rstrip("."),
        terms=tuple(_nfc(t) for t in raw["terms"]),
    )


def parse_catalog(table: dict[str, Any]) -> Catalog:
    """Validate the data file's table: known steps in plans, 3-6 steps, channel order kept."""
    steps = {sid: _step(sid, raw) for sid, raw in table.get("steps", {}).items()}
    plans: dict[str, tuple[str, ...]] = {}
    for topic, raw in table.get("plans", {}).items():
        where = f"{DATA_FILE} [plans.{topic}]"
        ids = tuple(raw.get("steps", ()))
        unknown = [s for s in ids if s not in steps]
        if unknown:
            raise ValueError(f"{where}: unknown steps {', '.join(unknown)}")
        if not MIN_STEPS <= len(ids) <= MAX_STEPS:
            raise ValueError(f"{where}: {len(ids)} steps; a plan has {MIN_STEPS} to {MAX_STEPS}")
        ranks = [CHANNEL_ORDER.index(steps[s].channel) for s in ids]
        if ranks != sorted(ranks):
            raise ValueError(f"{where}: steps out of order {ids} (order: {' -> '.join(CHANNEL_ORDER)})")
        plans[topic] = ids
    unused = sorted(set(steps) - {s for ids in plans.values() for s in ids})
    if unused:
        raise ValueError(f"{DATA_FILE}: steps in no plan: {', '.join(unused)}")
    return Catalog(steps=steps, plans=plans, framing=tuple(_nfc(w) for w in table.get("framing", ())))


@cache
def catalog() -> Catalog:
    raw = resources.files("assistant.remedies").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_catalog(tomllib.loads(raw))


def law_label_name(corpus: Corpus, law_id: str) -> str:
    """A code or law by its name ("Bộ luật Lao động"); a decree by its number ("Nghị định 145/2020/NĐ-CP")."""
    document = corpus.document(law_id)
    if document.doc_type in ("Bộ luật", "Luật"):
        return document.title
    return document.short_name or f"{document.doc_type} {document.law_id}"


def resolve(corpus: Corpus, spec: StepSpec, framing: tuple[str, ...]) -> RemedyStep | None:
    """The step with its label, or None when its unit is missing, not in force or no longer
    says what the line says (a rebuilt corpus must never make a step assert more than its unit)."""
    try:
        unit = corpus.get(spec.law_id, spec.article, spec.clause, spec.point)
        ground = grounding_text(corpus, spec.law_id, spec.article, spec.clause, spec.point)
    except UnknownUnitError:
        return None
    citation = citation_for(corpus, unit)
    if not citation.in_force or ungrounded(spec.text, ground, spec.terms, framing):
        return None
    return RemedyStep(
        text=spec.text,
        law_id=citation.law_id,
        article=citation.article,
        clause=citation.clause,
        point=citation.point,
        label=f"{citation_label(citation)} {law_label_name(corpus, citation.law_id)}",
    )
