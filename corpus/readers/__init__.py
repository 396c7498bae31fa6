"""Source readers, one module a format; ``read_source`` dispatches by extension and JSON shape."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from corpus.errors import SourceError
from corpus.readers.base import FORMATS, SourceText, find_law_number

__all__ = ["FORMATS", "SUFFIXES", "SourceText", "find_law_number", "read_source"]

SUFFIXES = (".docx", ".pdf", ".json", ".json.gz", ".md", ".markdown", ".txt", ".html", ".htm")


def _read_json(path: Path, rel: str) -> list[SourceText]:
    from corpus.readers.json_decrees import is_decree_records, read_decree_records
    from corpus.readers.json_law_dict import is_law_dict, read_law_dict
    from corpus.readers.json_outline import is_outline, read_outline
    from corpus.readers.json_tree import is_offset_tree, read_offset_tree

    try:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(rel, f"invalid JSON ({type(exc).__name__}: {exc})") from exc
    if is_offset_tree(data):
        return read_offset_tree(data, rel)
    if is_decree_records(data):
        return read_decree_records(data, rel)
    if is_outline(data):
        return read_outline(data, rel)
    if is_law_dict(data):
        return read_law_dict(data, rel)
    raise SourceError(
        rel,
        "unknown JSON shape",
        "expected {law_id: {article: text}}, a list of {page_content, metadata}, {tree, raw_text}"
        " or {meta, outline}",
    )


def read_source(path: Path, root: Path) -> list[SourceText]:
    """Read one source file into documents; raise ``SourceError`` naming the file and the problem."""
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    name = path.name.lower()
    if not path.is_file():
        raise SourceError(rel, "not a file")
    if path.stat().st_size == 0:
        raise SourceError(rel, "empty file (0 bytes)")
    if name.endswith(".docx"):
        from corpus.readers.docx_reader import read_docx

        return read_docx(path, rel)
    if name.endswith(".pdf"):
        from corpus.readers.pdf_reader import read_pdf

        return read_pdf(path, rel)
    if name.endswith((".json", ".json.gz")):
        return _read_json(path, rel)
    if name.endswith((".md", ".markdown")):
        from corpus.readers.markdown_reader import read_markdown

        return read_markdown(path, rel)
    if name.endswith(".txt"):
        from corpus.readers.text_reader import read_text

        return read_text(path, rel)
    if name.endswith((".html", ".htm")):
        from corpus.readers.html_reader import read_html

        return read_html(path, rel)
    raise SourceError(
        rel, f"unknown format {path.suffix or '(no extension)'!r}", f"supported: {', '.join(SUFFIXES)}"
    )
