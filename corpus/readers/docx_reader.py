"""Word (.docx) reader: paragraphs and tables in body order (tables become " | " rows)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from corpus.errors import SourceError
from corpus.readers.base import SourceText, find_law_number

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(element: object) -> str:
    parts: list[str] = []
    for node in element.iter():  # type: ignore[attr-defined]
        if node.tag == _W + "t" and node.text:
            parts.append(node.text)
        elif node.tag in (_W + "tab",):
            parts.append(" ")
        elif node.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _table_lines(table: object) -> list[str]:
    lines: list[str] = []
    for row in table.iter(_W + "tr"):  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.iter(_W + "tc"):
            text = " ".join(_paragraph_text(p).strip() for p in cell.iter(_W + "p"))
            if text.strip() and (not cells or cells[-1] != text.strip()):
                cells.append(text.strip())
        if cells:
            lines.append(" | ".join(cells))
    return lines


def read_docx(path: Path, rel: str) -> list[SourceText]:
    try:
        import docx  # python-docx

        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SourceError(rel, f"not a readable Word file ({type(exc).__name__}: {exc})") from exc
    lines: list[str] = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(element))
        elif tag == "tbl":
            lines.extend(_table_lines(element))
    text = "\n".join(lines)
    if not text.strip():
        raise SourceError(rel, "the Word file holds no text", "empty document")
    return [SourceText(path=rel, format="docx", law_id=find_law_number(text), text=text)]
