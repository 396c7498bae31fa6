"""What the shipped linear rankers share: their JSON file, their class-balanced fit and their
listwise fit.

``assistant/data/reranker.json`` (articles) and ``assistant/data/decisive.json`` (clauses and
points) are linear models over named features, standardised with the training mean and scale.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.calibrate import fit_logistic


def read_model(text: str, features: Sequence[str], command: str) -> dict[str, Any]:
    """The model's JSON, refused when it was trained on other features than the code computes."""
    raw: dict[str, Any] = json.loads(text)
    if list(raw["features"]) != list(features):
        raise ValueError(
            f"model features {raw['features']} do not match the code's {list(features)}; "
            f"retrain with: {command}"
        )
    return raw


def fit_standardised(
    samples: Sequence[dict[str, Any]], l2: float
) -> tuple[tuple[float, ...], float, tuple[float, ...], tuple[float, ...]]:
    """Weights, bias, mean and scale of a class-balanced logistic fit on standardised features;
    each sample holds a feature matrix ``x`` and 0/1 labels ``y``."""
    x = np.vstack([s["x"] for s in samples])
    y = np.concatenate([s["y"] for s in samples])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    positives = max(1.0, float(y.sum()))
    weight = np.where(y == 1, len(y) / (2 * positives), len(y) / (2 * max(1.0, len(y) - positives)))
    w, b = fit_logistic((x - mean) / scale, y, l2=l2, sample_weight=weight)
    return tuple(map(float, w)), float(b), tuple(map(float, mean)), tuple(map(float, scale))


def fit_listwise(
    samples: Sequence[dict[str, Any]],
    l2: float,
    fixed: dict[int, float] | None = None,
    *,
    steps: int = 600,
    learning_rate: float = 0.1,
) -> tuple[tuple[float, ...], float, tuple[float, ...], tuple[float, ...]]:
    """Weights, bias (0: a shift changes no ranking), mean and scale of a listwise fit.

    Each sample is one question's candidates (rows of ``x``) with 0/1 labels ``y``; the fit
    maximises, over the questions, the softmax probability of the positive rows (softmax
    cross-entropy, as in ListNet with a top-one target), with L2 on the standardised weights.
    A pointwise fit spends its capacity on telling every negative row apart; what a reader sees
    is only the first row, which this fits directly. ``fixed`` keeps columns at given
    unstandardised weights (safety priors the data is too sparse to learn).
    """
    x = np.vstack([s["x"] for s in samples])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    # A question none of whose candidates is a positive teaches no order: left out.
    rows = [((s["x"] - mean) / scale, np.asarray(s["y"]) > 0) for s in samples if np.any(s["y"])]
    w = np.zeros(x.shape[1])
    frozen = np.zeros(x.shape[1], dtype=bool)
    for column, weight in (fixed or {}).items():
        w[column], frozen[column] = weight * scale[column], True
    for _ in range(steps):
        grad = l2 * len(rows) * w
        for xs, positive in rows:
            z = xs @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            target = np.where(positive, p, 0.0)
            grad += xs.T @ (p - target / target.sum())
        grad[frozen] = 0.0
        w -= learning_rate * grad / len(rows)
    return tuple(map(float, w)), 0.0, tuple(map(float, mean)), tuple(map(float, scale))
