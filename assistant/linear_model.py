"""What the shipped linear rankers share: their JSON file and their class-balanced fit.

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
