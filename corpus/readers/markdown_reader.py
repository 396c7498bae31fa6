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
# Gazette text layers (files with a YAML front matter): e-signature stamps, sentences split at
# page breaks, formulas that were images.
_STAMP = re.compile(r"^Người ký: .*Thời gian ký:")
_POINT = re.compile(r"^[a-zđ]\)")
_FORMULA_INTRO = re.compile(r"công thức(?: như)? sau:$")
MISSING_FORMULA = "[Công thức là hình ảnh trong văn bản gốc, không có trong nguồn này]"


def markdown_to_lines(text: str) -> str:
    out = []
    for line in text.split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"-{3,}|\*{3,}|\|?[-:| ]+\|?", stripped) and stripped:
            continue
        stripped = _MD_PREFIX.sub("", stripped)
        out.append(_EMPHASIS.sub("", stripped).strip())
    return "\n".join(out)


def _continues(line: str, previous: str | None) -> bool:
    """A lower-case line (not a point "a)") after one that stops mid-sentence: a page-break split."""
    return (
        previous is not None
        and bool(line)
        and line[0].islower()
        and not _POINT.match(line)
        and not previous.endswith((".", ";", ":"))
        and not previous.startswith(("Điều ", "Chương "))
    )


def repair_gazette_lines(text: str, rel: str) -> tuple[str, list[str]]:
    """Drop e-signature stamps, re-join sentences split at page breaks, mark missing formulas."""
    out: list[str] = []
    warnings: list[str] = []
    joined = 0
    for line in text.split("\n"):
        if _STAMP.match(line):
            warnings.append(f"{rel}: e-signature stamp dropped ({line[:40]}...)")
            continue
        last = next((i for i in range(len(out) - 1, -1, -1) if out[i]), None)
        if _continues(line, out[last] if last is not None else None):
            assert last is not None
            out[last] = f"{out[last]} {line}"
            joined += 1
            continue
        if last is not None and _FORMULA_INTRO.search(out[last]) and line.startswith("Trong đó"):
            warnings.append(f"{rel}: formula missing after {out[last][:60]!r}... (an image in the original)")
            out.append(MISSING_FORMULA)
        out.append(line)
    if joined:
        warnings.append(f"{rel}: {joined} sentence(s) split at page breaks re-joined")
    return "\n".join(out), warnings


def read_markdown(path: Path, rel: str) -> list[SourceText]:
    raw, warnings = decode_bytes(path.read_bytes(), rel)
    raw = raw.replace("\r\n", "\n")
    header_number = None
    gazette = _FRONT_MATTER.match(raw) is not None
    body = _FRONT_MATTER.sub("", raw, count=1)
    meta = _META_NUMBER.search(body[:3000])
    if meta:
        header_number = meta.group(1)
    mark = _BODY_MARK.search(body)
    if mark:
        body = body[mark.end() :]
    text = markdown_to_lines(body)
    if gazette:
        text, repairs = repair_gazette_lines(text, rel)
        warnings.extend(repairs)
    law = find_law_number(text) or header_number
    if header_number and law and header_number != law:
        warnings.append(
            f'{rel}: metadata says {header_number} but the body is {law} ("... số: {law}"); using the body'
        )
    return [SourceText(path=rel, format="md", law_id=law, text=text, warnings=tuple(warnings))]
