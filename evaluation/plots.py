"""The report's plots as PNG bytes.

Figures are built with matplotlib's object API (``Figure`` renders through the Agg canvas),
not pyplot: no global backend switch, so a notebook's inline plots keep working after a
report is written, and nothing needs a display.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from matplotlib.figure import Figure

# The metric shown per kind: the headline one of each run mode.
HEADLINE = {"retrieval": "Recall@5", "answers": "citation_hit_rate"}


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=90)
    return buffer.getvalue()


def metric_by_kind(per_kind: dict[str, dict[str, Any]], metric: str) -> bytes:
    kinds = [k for k, m in per_kind.items() if metric in m]
    values = [float(per_kind[k][metric]) for k in kinds]
    fig = Figure(figsize=(7, 3.5))
    ax = fig.subplots()
    ax.barh(kinds, values, color="#3b6ea5")
    ax.set_xlim(0, 1)
    ax.set_xlabel(metric)
    ax.set_title(f"{metric} by question kind")
    for y, value in enumerate(values):
        ax.text(min(value + 0.01, 0.9), y, f"{value:.2f}", va="center", fontsize=8)
    ax.invert_yaxis()
    return _png(fig)


def first_rank_histogram(ranks: Sequence[int | None], k: int = 10) -> bytes:
    """Bars for ranks 1..k of the first gold hit, plus one for 'not found'."""
    labels = [str(r) for r in range(1, k + 1)] + ["miss"]
    counts = [sum(1 for r in ranks if r == rank) for rank in range(1, k + 1)]
    counts.append(sum(1 for r in ranks if r is None or r > k))
    fig = Figure(figsize=(7, 3))
    ax = fig.subplots()
    ax.bar(labels, counts, color=["#3b6ea5"] * k + ["#b04a4a"])
    ax.set_xlabel("rank of the first gold article")
    ax.set_ylabel("questions")
    ax.set_title("Rank of first gold hit")
    return _png(fig)


def latency_histogram(latencies_ms: Sequence[float]) -> bytes:
    fig = Figure(figsize=(7, 3))
    ax = fig.subplots()
    ax.hist(list(latencies_ms), bins=30, color="#5a8f5a")
    ax.set_xlabel("latency (ms)")
    ax.set_ylabel("questions")
    ax.set_title("Latency per question")
    return _png(fig)
