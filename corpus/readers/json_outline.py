"""Outline JSON saved from a legal-document site: ``{meta, outline: [...], summaries, ...}``.

Each ``outline`` item is one article: ``{code: "Điều 5", title: "Điều 5. ...", chuong: "Chương II
— TITLE", muc: "Mục 1", content}``; ``content`` is a list of ``{"k": "p", "t": text}`` paragraphs
and ``{"k": "tbl", "rows": [...]}`` tables, or the same list written as a Python repr string.

``summaries`` (and ``details``/``refs``) are the site's own commentary, not law: they are never
read. Tables inside an article are signature blocks and form headers, so they are dropped (and
said). Appendix forms merged into the last article ("Phụ lục I" paragraphs) are split off as
appendices. Paragraphs under a point that lost their dash bullet get it back.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from corpus.errors import SourceError
from corpus.readers.base import SourceText, find_law_number

_NUMBER = re.compile(r"\d{1,4}/\d{4}/[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*")
_HEADING = re.compile(r"^(Chương|Mục)\s+([IVXLC]+|\d+)\s*(?:[—–.:-]\s*(.*))?$")
_APPENDIX = re.compile(r"^Phụ lục\s+([IVXLC]+|\d+)\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"^\d{1,3}\.\s")
_POINT = re.compile(r"^[a-zđ]\)\s")


def is_outline(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("outline"), list)
        and isinstance(data.get("meta"), dict)
    )


def _paragraphs(item: dict[str, Any], where: str) -> list[dict[str, Any]]:
    content = item.get("content", [])
    if isinstance(content, str):
        try:
            content = ast.literal_eval(content)
        except (ValueError, SyntaxError) as exc:
            raise SourceError(where, f"content is neither a list nor a Python-repr list ({exc})") from exc
    if not isinstance(content, list):
        raise SourceError(where, f"content: expected a list of paragraphs, got {type(content).__name__}")
    return [p for p in content if isinstance(p, dict)]


def _heading_lines(label: str, key: str, seen: set[str], where: str, warnings: list[str]) -> list[str]:
    """ "Chương II — TITLE" -> ["Chương II", "TITLE"], once per ``key`` (a Mục is keyed by its Chương)."""
    label = label.strip()
    if not label or key in seen:
        return []
    seen.add(key)
    match = _HEADING.match(label)
    if match is None:
        warnings.append(f"{where}: heading {label!r} not understood; left out")
        return []
    kind, number, title = match.group(1), match.group(2), (match.group(3) or "").strip()
    if title.endswith((",", ";", "-")):
        warnings.append(f"{where}: title of {kind} {number} is cut short in the source ({title!r})")
    return [f"{kind} {number}", title.upper()] if title else [f"{kind} {number}"]


def _article_lines(item: dict[str, Any], where: str, warnings: list[str]) -> list[str]:
    title = str(item.get("title") or item.get("code") or "").strip()
    lines = [title]
    in_point = False
    dropped = 0
    for para in _paragraphs(item, where):
        if para.get("k") != "p":
            dropped += 1
            continue
        text = " ".join(str(para.get("t", "")).split())
        if not text or set(text) <= {"_", "-", " "}:
            continue
        appendix = _APPENDIX.match(text)
        if appendix:
            lines.append(f"PHỤ LỤC {appendix.group(1)}")
            warnings.append(
                f"{where}: Phụ lục {appendix.group(1)} is merged into {item.get('code')}; split off"
            )
            in_point = False
            continue
        if _CLAUSE.match(text):
            in_point = False
        elif _POINT.match(text):
            in_point = text.endswith(":")
        elif in_point and not text.startswith(("-", "+", "•")):
            text = f"- {text}"
        lines.append(text)
    if dropped:
        warnings.append(f"{where}: {dropped} table(s) (signature block or form header) left out")
    return lines


def read_outline(data: dict[str, Any], rel: str) -> list[SourceText]:
    meta = data["meta"]
    title = str(meta.get("title", ""))
    number = _NUMBER.search(title)
    law_id = number.group(0) if number else None
    warnings = [f"{rel}: 'summaries' is the site's commentary, not law; not ingested"]
    if meta.get("effectiveDate"):
        warnings.append(
            f"{rel}: meta.effectiveDate {meta['effectiveDate']!r} not used; dates are in corpus/catalog.toml"
        )
    seen: set[str] = set()
    lines: list[str] = []
    for position, item in enumerate(data["outline"]):
        if not isinstance(item, dict):
            raise SourceError(rel, f"outline[{position}]: expected an object, got {type(item).__name__}")
        where = f"{rel} outline[{position}] ({item.get('code', '?')})"
        chapter, section = str(item.get("chuong") or ""), str(item.get("muc") or "")
        lines += _heading_lines(chapter, chapter, seen, where, warnings)
        lines += _heading_lines(section, f"{chapter}|{section}", seen, where, warnings)
        lines += _article_lines(item, where, warnings)
    text = "\n".join(lines)
    return [
        SourceText(
            path=rel,
            format="json-outline",
            law_id=law_id or find_law_number(text),
            text=text,
            title=title.split("—", 1)[-1].strip(),
            warnings=tuple(warnings),
        )
    ]
