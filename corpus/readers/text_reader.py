"""Plain-text reader with encoding detection (UTF-8/UTF-16 with or without BOM, Windows-1258)."""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

from corpus.errors import SourceError
from corpus.readers.base import SourceText, find_law_number


def decode_bytes(data: bytes, rel: str) -> tuple[str, list[str]]:
    """Decode a text file; Windows-1258 (with its combining tone marks) is recognised and NFC-ed."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), warnings
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError as exc:
            raise SourceError(rel, f"unknown text encoding (not UTF-8 nor Windows-1258): {exc}") from exc
        warnings.append(f"{rel}: decoded as Windows-1258 (not UTF-8)")
    if "\x00" in text:
        raise SourceError(rel, "binary content in a text file")
    if unicodedata.normalize("NFC", text) != text:
        warnings.append(f"{rel}: text was not NFC (decomposed Unicode); normalised")
    return text, warnings


# Share of lines that stop mid-sentence before a lower-case line above which a text file is
# taken as hard-wrapped (printed from a PDF); paragraph-per-line files stay far below it.
_WRAPPED_SHARE = 0.15


def is_hard_wrapped(lines: list[str]) -> bool:
    body = [ln.strip() for ln in lines if ln.strip()]
    breaks = sum(
        1 for a, b in itertools.pairwise(body) if not a.endswith((".", ";", ":")) and b[0].islower()
    )
    return len(body) > 20 and breaks / len(body) > _WRAPPED_SHARE


def read_text(path: Path, rel: str) -> list[SourceText]:
    text, warnings = decode_bytes(path.read_bytes(), rel)
    lines = text.replace("\r\n", "\n").split("\n")
    if is_hard_wrapped(lines):
        from corpus.readers.pdf_reader import join_wrapped_lines

        text = "\n".join(join_wrapped_lines(lines))
        warnings.append(f"{rel}: hard-wrapped lines (printed from a PDF) re-joined into paragraphs")
    return [
        SourceText(path=rel, format="txt", law_id=find_law_number(text), text=text, warnings=tuple(warnings))
    ]
