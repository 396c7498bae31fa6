"""The listwise fit of the decisive-unit ranker (assistant.linear_model.fit_listwise)."""

from __future__ import annotations

import numpy as np

from assistant.linear_model import fit_listwise


def _questions(rng: np.random.Generator, n: int) -> list[dict[str, np.ndarray]]:
    """Questions of 6 candidate units: column 0 marks the gold unit (noisily), column 1 is noise
    that a pointwise fit could still lean on, column 2 is constant."""
    samples = []
    for _ in range(n):
        x = rng.normal(size=(6, 3))
        x[:, 2] = 1.0
        y = np.zeros(6)
        gold = int(rng.integers(6))
        y[gold] = 1.0
        x[gold, 0] += 2.0
        samples.append({"x": x, "y": y})
    return samples


def _first_is_gold(samples: list[dict[str, np.ndarray]], fitted: tuple) -> float:
    w, b, mean, scale = (np.asarray(v) for v in fitted)
    return float(np.mean([s["y"][int(np.argmax(((s["x"] - mean) / scale) @ w + b))] for s in samples]))


def test_learns_the_column_that_picks_the_first_unit() -> None:
    rng = np.random.default_rng(0)
    train, test = _questions(rng, 200), _questions(rng, 200)
    fitted = fit_listwise(train, l2=1e-3)
    weights = fitted[0]
    assert weights[0] > 5 * abs(weights[1])  # the signal, not the noise
    assert _first_is_gold(test, fitted) > 0.7  # chance is 1/6
    assert fitted[1] == 0.0


def test_fixed_columns_keep_their_unstandardised_weight() -> None:
    train = _questions(np.random.default_rng(1), 100)
    weights, _, _, scale = fit_listwise(train, l2=1e-3, fixed={1: -3.0})
    assert abs(weights[1] / scale[1] - (-3.0)) < 1e-9


def test_a_question_without_a_positive_is_left_out() -> None:
    train = _questions(np.random.default_rng(2), 50)
    train.append({"x": np.ones((4, 3)), "y": np.zeros(4)})  # retrieval missed every gold unit
    weights = np.asarray(fit_listwise(train, l2=1e-3)[0])
    assert np.all(np.isfinite(weights)) and weights[0] > 0
