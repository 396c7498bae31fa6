"""Reciprocal rank fusion on hand-computed ranks."""

from __future__ import annotations

import pytest

from indexing.fusion import RRF_K, ranked, reciprocal_rank_fusion


def test_constant_is_the_papers() -> None:
    assert RRF_K == 60


def test_hand_computed_scores() -> None:
    fused = reciprocal_rank_fusion({"a": ["x", "y", "z"], "b": ["y", "w"]}, k=60)
    assert fused["x"] == pytest.approx(1 / 61)
    assert fused["y"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["z"] == pytest.approx(1 / 63)
    assert fused["w"] == pytest.approx(1 / 62)
    assert ranked(fused) == ["y", "x", "w", "z"]


def test_weights_scale_each_list_and_zero_drops_it() -> None:
    fused = reciprocal_rank_fusion({"a": ["x"], "b": ["y"]}, k=0, weights={"a": 2.0, "b": 0.0})
    assert fused == {"x": pytest.approx(2.0)}


def test_negative_k_rejected() -> None:
    with pytest.raises(ValueError, match="k must be non-negative"):
        reciprocal_rank_fusion({"a": ["x"]}, k=-1)


def test_ties_keep_first_seen_order() -> None:
    assert ranked({"b": 1.0, "a": 1.0, "c": 2.0}) == ["c", "b", "a"]
