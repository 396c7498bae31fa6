"""``law_dict.json``: ``{law_id: {"<article no>": "Điều N. Title\\n<text>"}}`` (articles only)."""

from __future__ import annotations

from typing import Any

from corpus.errors import SourceError
from corpus.readers.base import SourceText


def is_law_dict(data: Any) -> bool:
    return isinstance(data, dict) and bool(data) and all(isinstance(v, dict) for v in data.values())


def read_law_dict(data: dict[str, Any], rel: str) -> list[SourceText]:
    out: list[SourceText] = []
    for law_id, articles in data.items():

        def order(key: str) -> tuple[int, str]:
            digits = "".join(ch for ch in key if ch.isdigit())
            return (int(digits) if digits else 0, key)

        bodies = []
        for key in sorted(articles, key=order):
            body = articles[key]
            if not isinstance(body, str):
                raise SourceError(rel, f"{law_id} article {key!r}: expected text, got {type(body).__name__}")
            body = body.strip()
            if not body.startswith("Điều"):
                body = f"Điều {key}. {body}"
            bodies.append(body)
        out.append(
            SourceText(
                path=rel,
                format="json-law-dict",
                law_id=law_id.strip(),
                text="\n".join(bodies),
                articles=tuple(sorted(articles, key=order)),
            )
        )
    return out
