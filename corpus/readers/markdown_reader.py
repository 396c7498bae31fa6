"""Markdown reader (``### Điều N. Title``), with an optional YAML front matter and metadata table.

The law number is taken from the BODY ("Luật số: 12/2012/QH13"); a front matter that says
something else is reported as a warning, never trusted.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus.readers.base import SourceText, find_law_number
from corpus.readers.text_reader import decode_bytes

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_BODY_MARK = re.compile(r"^##\s*VĂN BẢN\s*$", re.M)
_META_NUMBER = re.compile(r"\*\*Số hiệu\*\*\s*\|\s*([^|\s]+)")
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*)")
_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[_*](?=\S)|(?<=\S)[_*](?!\w))")


def markdown_to_lines(text: str) -> str:
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"-{3,}|\*{3,}|\|?[-:| ]+\|?", stripped) and stripped:
            continue
        stripped = _MD_PREFIX.sub("", stripped)
        out.append(_EMPHASIS.sub("", stripped).strip())
    return "\n".join(out)


def read_markdown(path: Path, rel: str) -> list[SourceText]:
    raw, warnings = decode_bytes(path.read_bytes(), rel)
    raw = raw.replace("\r\n", "\n")
    header_number = None
    body = _FRONT_MATTER.sub("", raw, count=1)
    meta = _META_NUMBER.search(body[:3000])
    if meta:
        header_number = meta.group(1)
    mark = _BODY_MARK.search(body)
    if mark:
        body = body[mark.end() :]
    text = markdown_to_lines(body)
    law = find_law_number(text) or header_number
    if header_number and law and header_number != law:
        warnings.append(
            f'{rel}: metadata says {header_number} but the body is {law} ("... số: {law}"); using the body'
        )
    return [SourceText(path=rel, format="md", law_id=law, text=text, warnings=tuple(warnings))]
