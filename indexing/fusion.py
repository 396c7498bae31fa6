"""Rank fusion of several retrievers' result lists."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

# Reciprocal rank fusion constant from Cormack, Clarke & Büttcher, "Reciprocal Rank Fusion
# outperforms Condorcet and individual Rank Learning Methods", SIGIR 2009: k = 60.
RRF_K = 60


def reciprocal_rank_fusion(
    rankings: Mapping[str, Sequence[K]],
    *,
    k: int = RRF_K,
    weights: Mapping[str, float] | None = None,
) -> dict[K, float]:
    """score(d) = sum_r w_r / (k + rank_r(d)), ranks starting at 1; absent items add nothing."""
    if k < 0:
        raise ValueError(f"k must be non-negative. Currently, k is {k}")
    fused: dict[K, float] = {}
    for name, ranking in rankings.items():
        weight = 1.0 if weights is None else weights.get(name, 0.0)
        if weight == 0.0:
            continue
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + weight / (k + rank)
    return fused


def ranked(scores: Mapping[K, float]) -> list[K]:
    """Items best first; ties keep insertion order (stable)."""
    return sorted(scores, key=lambda item: -scores[item])
