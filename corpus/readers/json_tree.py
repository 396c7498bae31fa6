"""``bo-luat-lao-dong-2019.json.gz``: ``{metadata, tree, raw_text}``, a tree of character offsets.

The reader returns ``raw_text`` (the structure parser rebuilds the units); the tree is kept as
the ground truth the tests compare the parser with (see ``tree_counts``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from corpus.readers.base import SourceText, find_law_number


def is_offset_tree(data: Any) -> bool:
    return isinstance(data, dict) and {"tree", "raw_text"} <= data.keys()


def read_offset_tree(data: dict[str, Any], rel: str) -> list[SourceText]:
    meta = data.get("metadata") or {}
    raw = str(data["raw_text"])
    law = meta.get("so_hieu_van_ban") or find_law_number(raw)
    return [SourceText(path=rel, format="json-tree", law_id=law, text=raw, title=meta.get("ten_van_ban", ""))]


def tree_counts(data: dict[str, Any]) -> Counter[str]:
    """Node counts by type ("chương", "mục", "điều", "khoản", "điểm") of the offset tree."""
    counts: Counter[str] = Counter()
    stack = [data["tree"]]
    while stack:
        node = stack.pop()
        counts[node.get("node_type", "")] += 1
        stack.extend(node.get("children", []))
    return counts
