"""Question classifiers over the question's e5 vector: is it labour law, is it a request to evade it.

The scope lexicon (``assistant.scope``) misreads single words ("phép" in "giấy phép kinh
doanh"), retrieval confidence cannot tell an off-topic question from a hard labour one, and
no word list separates "công ty trốn đóng BHXH thì tôi làm gì?" from "chỉ cách trốn đóng
BHXH". Two logistic classifiers read the dense vector the retriever already computed for
the question, so each costs one dot product:

- ``domain``: P(the question is about Vietnamese labour law);
- ``evasion``: P(the question asks for help to break, evade or hide a violation of it).

They are trained by ``python -m assistant.train_classifiers`` on dev_tune and hand-written
question lists in ``assistant/data/`` (never on dev_frozen or the held-out probes) and
stored as ``assistant/data/{domain,evasion}_model.json``. The weights only mean something
for the embedder they were trained with: for another model id a classifier stays silent
(``probability`` returns None) and the pipeline falls back to its lexicon rules.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).parent / "data"
DOMAIN_MODEL_FILE = DATA_DIR / "domain_model.json"
EVASION_MODEL_FILE = DATA_DIR / "evasion_model.json"


@dataclass(frozen=True)
class VectorClassifier:
    name: str
    model_id: str
    weights: tuple[float, ...]
    bias: float
    scale: float  # vectors are unit-length; scaling them lets plain gradient descent converge
    threshold: float  # the positive class from this probability up
    meta: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> VectorClassifier | None:
        if not path.is_file():
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            name=str(raw["name"]),
            model_id=str(raw["model_id"]),
            weights=tuple(float(w) for w in raw["weights"]),
            bias=float(raw["bias"]),
            scale=float(raw["scale"]),
            threshold=float(raw["threshold"]),
            meta=raw.get("meta", {}),
        )

    def save(self, path: Path) -> None:
        raw = {
            "name": self.name,
            "model_id": self.model_id,
            "bias": round(self.bias, 6),
            "scale": self.scale,
            "threshold": self.threshold,
            "meta": dict(self.meta),
            "weights": [round(w, 6) for w in self.weights],
        }
        path.write_text(json.dumps(raw, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    def probability(self, vector: np.ndarray | None, model_id: str | None) -> float | None:
        """P(positive class) for a unit-length query vector of ``model_id``; None if unusable."""
        if vector is None or model_id != self.model_id or vector.shape[-1] != len(self.weights):
            return None
        z = self.bias + self.scale * float(np.dot(np.asarray(self.weights, dtype=np.float32), vector))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def flags(self, probability: float | None) -> bool:
        """True when ``probability`` (from ``probability``) reaches the threshold."""
        return probability is not None and probability >= self.threshold


@dataclass(frozen=True)
class QuestionClassifiers:
    domain: VectorClassifier | None = None
    evasion: VectorClassifier | None = None

    @classmethod
    def load(cls) -> QuestionClassifiers:
        return cls(VectorClassifier.load(DOMAIN_MODEL_FILE), VectorClassifier.load(EVASION_MODEL_FILE))
