"""Answer confidence from retrieval evidence, calibrated on the tuning split.

Features (all from the ranked hits and the scope lexicon, no model):
- ``top_score``: the best hit's fused score, scaled by the calibration's ``score_scale``;
- ``margin``: relative gap between the first and second hits;
- ``agreement``: 1 when the lexical (BM25) and dense signals both rank the top article
  near the top, 0.5 when one does, 0 otherwise (read from ``Hit.signals``);
- ``cosine``: the dense cosine of the top hit's best chunk (``Hit.signals["dense_cosine"]``);
- ``domain``: the lexicon's domain score, capped.
A logistic model maps them to P(top articles hold a gold article); its constants and the
decline/escalate thresholds live in ``assistant/data/calibration.json``, written by
``assistant/calibrate.py``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.scope import ScopeSignal
from indexing.hit import Hit

CALIBRATION_FILE = Path(__file__).parent / "data" / "calibration.json"
FEATURES = ("top_score", "margin", "agreement", "cosine", "domain")
AGREEMENT_TOP_RANK = 3  # a signal "agrees" when it ranks the top article within its first 3
DOMAIN_CAP = 6
LEXICAL_SIGNALS = ("bm25", "bm25_folded")
DENSE_SIGNALS = ("dense",)


@dataclass(frozen=True)
class Evidence:
    top_score: float
    margin: float
    agreement: float
    cosine: float
    domain: float

    def vector(self) -> list[float]:
        return [getattr(self, name) for name in FEATURES]


@dataclass(frozen=True)
class Calibration:
    weights: tuple[float, ...] = (2.0, 1.0, 1.5, 2.0, 0.5)
    bias: float = -2.5
    score_scale: float = 1.0
    decline_below: float = 0.15  # questions without domain terms and less confidence are declined
    escalate_below: float = 0.45  # answers below this are caveated and escalated
    meta: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = CALIBRATION_FILE) -> Calibration:
        if not path.is_file():
            return cls()
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            weights=tuple(float(w) for w in raw["weights"]),
            bias=float(raw["bias"]),
            score_scale=float(raw.get("score_scale", 1.0)),
            decline_below=float(raw["decline_below"]),
            escalate_below=float(raw["escalate_below"]),
            meta=raw.get("meta", {}),
        )

    def save(self, path: Path = CALIBRATION_FILE) -> None:
        raw = asdict(self)
        raw["features"] = list(FEATURES)
        path.write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def probability(self, evidence: Evidence) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, evidence.vector(), strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def evidence_from(hits: Sequence[Hit], scope: ScopeSignal, score_scale: float = 1.0) -> Evidence:
    if not hits:
        return Evidence(0.0, 0.0, 0.0, 0.0, min(scope.domain_score, DOMAIN_CAP) / DOMAIN_CAP)
    top = hits[0].score
    second = hits[1].score if len(hits) > 1 else 0.0
    margin = (top - second) / top if top > 0 else 0.0
    return Evidence(
        top_score=top / score_scale if score_scale > 0 else top,
        margin=max(0.0, min(1.0, margin)),
        agreement=signal_agreement(hits[0].signals),
        cosine=float(hits[0].signals.get("dense_cosine", 0.0)),
        domain=min(scope.domain_score, DOMAIN_CAP) / DOMAIN_CAP,
    )


def signal_agreement(signals: Mapping[str, float]) -> float:
    """Share of the lexical and dense signals that rank the hit within AGREEMENT_TOP_RANK.

    ``indexing.retriever`` stores 1-based article ranks under the signal names ("bm25",
    "bm25_folded", "dense"); a signal that did not find the article is absent.
    """
    agreeing = 0.0
    for names in (LEXICAL_SIGNALS, DENSE_SIGNALS):
        ranks = [signals[n] for n in names if n in signals]
        if ranks and 0 < min(ranks) <= AGREEMENT_TOP_RANK:
            agreeing += 0.5
    return agreeing
