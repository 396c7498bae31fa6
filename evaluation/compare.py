"""Compare two evaluation runs: metric deltas (overall and per kind) and questions that changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from evaluation.metrics import LOWER_IS_BETTER, metric_names
from evaluation.results import RunResult


@dataclass(frozen=True)
class QuestionChange:
    id: str
    kind: str
    # "hit→miss", "miss→hit", "abstained→answered", "answered→abstained", "facts→missing", "missing→facts"
    change: str
    question: str
    rank_a: int | None
    rank_b: int | None


@dataclass(frozen=True)
class Comparison:
    run_a: str
    run_b: str
    overall: dict[str, dict[str, float | None]]  # metric -> {"a", "b", "delta"}
    per_kind: dict[str, dict[str, dict[str, float | None]]]
    changes: tuple[QuestionChange, ...]
    only_in_a: tuple[str, ...]
    only_in_b: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "run_a": self.run_a,
            "run_b": self.run_b,
            "overall": self.overall,
            "per_kind": self.per_kind,
            "changes": [c.__dict__ for c in self.changes],
            "only_in_a": list(self.only_in_a),
            "only_in_b": list(self.only_in_b),
        }


def metric_deltas(a: dict[str, Any], b: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    """For every metric in either summary: its value in A, in B, and B − A (None when one lacks it)."""
    names = metric_names({**a, **b})
    out: dict[str, dict[str, float | None]] = {}
    for name in names:
        va, vb = a.get(name), b.get(name)
        delta = None if va is None or vb is None else float(vb) - float(va)
        out[name] = {"a": va, "b": vb, "delta": delta}
    return out


def _change(ra: dict[str, Any], rb: dict[str, Any]) -> str | None:
    if ra.get("hit") is True and rb.get("hit") is False:
        return "hit→miss"
    if ra.get("hit") is False and rb.get("hit") is True:
        return "miss→hit"
    abst_a, abst_b = ra.get("abstained"), rb.get("abstained")
    if abst_a is True and abst_b is False:
        return "abstained→answered"
    if abst_a is False and abst_b is True:
        return "answered→abstained"
    facts_a, facts_b = ra.get("facts_all"), rb.get("facts_all")
    if facts_a is True and facts_b is False:
        return "facts→missing"
    if facts_a is False and facts_b is True:
        return "missing→facts"
    return None


def question_changes(
    records_a: list[dict[str, Any]], records_b: list[dict[str, Any]]
) -> list[QuestionChange]:
    """Questions (matched by id) whose hit, abstention or facts-in-the-direct-answer differ."""
    by_id = {r["id"]: r for r in records_a}
    changes = []
    for rb in records_b:
        ra = by_id.get(rb["id"])
        if ra is None:
            continue
        change = _change(ra, rb)
        if change is not None:
            changes.append(
                QuestionChange(
                    rb["id"],
                    rb["kind"],
                    change,
                    rb["question"],
                    ra.get("first_gold_rank"),
                    rb.get("first_gold_rank"),
                )
            )
    return changes


def compare_runs(a: RunResult, b: RunResult) -> Comparison:
    kinds_a, kinds_b = a.metrics.get("per_kind", {}), b.metrics.get("per_kind", {})
    ids_a, ids_b = {r["id"] for r in a.records}, {r["id"] for r in b.records}
    return Comparison(
        run_a=a.run_id,
        run_b=b.run_id,
        overall=metric_deltas(a.overall, b.overall),
        per_kind={
            k: metric_deltas(kinds_a.get(k, {}), kinds_b.get(k, {})) for k in sorted({*kinds_a, *kinds_b})
        },
        changes=tuple(question_changes(a.records, b.records)),
        only_in_a=tuple(sorted(ids_a - ids_b)),
        only_in_b=tuple(sorted(ids_b - ids_a)),
    )


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def _delta_rows(deltas: dict[str, dict[str, float | None]], indent: str = "") -> list[str]:
    rows = []
    for name, d in deltas.items():
        delta = d["delta"]
        sign = "" if delta is None or delta <= 0 else "+"
        better = ""
        if delta:
            improved = delta < 0 if name in LOWER_IS_BETTER else delta > 0
            better = "better" if improved else "worse"
        rows.append(
            f"{indent}{name:<28}{_fmt(d['a']):>10}{_fmt(d['b']):>10}{sign + _fmt(delta):>10}  {better}"
        )
    return rows


def format_table(comparison: Comparison) -> str:
    lines = [f"A = {comparison.run_a}", f"B = {comparison.run_b}", ""]
    lines.append(f"{'metric':<28}{'A':>10}{'B':>10}{'B−A':>10}")
    lines += _delta_rows(comparison.overall)
    for kind, deltas in comparison.per_kind.items():
        lines += ["", f"[{kind}]", *_delta_rows(deltas, "  ")]
    lines += ["", f"{len(comparison.changes)} question(s) changed:"]
    for c in comparison.changes:
        lines.append(
            f"  {c.change:<20} {c.id:<14} {c.kind:<14} rank {c.rank_a}→{c.rank_b}  {c.question[:70]}"
        )
    if comparison.only_in_a or comparison.only_in_b:
        lines.append(f"only in A: {len(comparison.only_in_a)}, only in B: {len(comparison.only_in_b)}")
    return "\n".join(lines)
