"""``legal_decrees.json``: a list of article records ``{page_content, metadata{doc_number, ...}}``.

Each ``page_content`` starts with bracketed context lines ("[Bộ luật Lao động]",
"[Chương I. ...]"); they are turned back into headings so the structure parser sees the
chapters. Appendix records (``article_id`` "PL_n") become rows under a "PHỤ LỤC" heading.
"""

from __future__ import annotations

from typing import Any

from corpus.errors import SourceError
from corpus.normalize import strip_glued_heading
from corpus.readers.base import SourceText


def is_decree_records(data: Any) -> bool:
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(r, dict) and "page_content" in r and "metadata" in r for r in data[:5])
    )


def _body(record: dict[str, Any]) -> str:
    lines = record["page_content"].split("\n")
    while lines and lines[0].startswith("[") and lines[0].rstrip().endswith("]"):
        lines.pop(0)
    return "\n".join(lines).strip()


def read_decree_records(data: list[Any], rel: str) -> list[SourceText]:
    by_law: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    chapters: dict[str, str] = {}
    in_appendix: set[str] = set()
    pending: dict[str, str] = {}  # glued heading waiting to be placed before the next article
    warnings: list[str] = []
    for position, record in enumerate(data):
        meta = record.get("metadata") if isinstance(record, dict) else None
        if not isinstance(meta, dict) or not meta.get("doc_number") or "page_content" not in record:
            raise SourceError(rel, f"record {position}: missing metadata.doc_number or page_content")
        law = str(meta["doc_number"]).strip()
        lines = by_law.setdefault(law, [])
        titles.setdefault(law, str(meta.get("doc_name", "")))
        article = str(meta.get("article_id", ""))
        if article.upper().startswith("PL"):
            if law not in in_appendix:
                lines.append("PHỤ LỤC")
                in_appendix.add(law)
            lines.append(_body(record))
            continue
        chapter = str(meta.get("chapter") or "")
        if chapter.startswith(("Chương", "CHƯƠNG", "Phần", "PHẦN")) and chapters.get(law) != chapter:
            lines.append(chapter)
            chapters[law] = chapter
        if pending.get(law):
            lines.append(pending.pop(law))
        body, glued = strip_glued_heading(_body(record))
        if glued:
            pending[law] = glued
            first = glued.split(chr(10))[0]
            warnings.append(
                f"{rel}: {law} Điều {article}: heading {first!r} glued at the end; moved after it"
            )
        lines.append(body)
    return [
        SourceText(
            path=rel,
            format="json-decrees",
            law_id=law,
            text="\n".join(lines),
            title=titles[law],
            warnings=tuple(w for w in warnings if f" {law} " in w),
        )
        for law, lines in by_law.items()
    ]
