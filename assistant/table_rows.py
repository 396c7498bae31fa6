"""A unit of law that is a table ("Vùng | Mức lương tối thiểu tháng ... \\nVùng I | 5.310.000 |
25.500"): its header, its rows, and the row a question names.

Read as sentences, a table's best "sentence" is its header line ("Vùng | Mức lương tối thiểu
tháng."), which answers nothing. A member who asks "lương tối thiểu vùng 1 là bao nhiêu" should
read the row of Vùng I under the header's words: "Vùng I: mức lương tối thiểu tháng (đơn vị:
đồng/tháng) 5.310.000, mức lương tối thiểu giờ (đơn vị: đồng/giờ) 25.500". Every word comes from
the table itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.textnorm import lower_first
from corpus.text import fold

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8"}
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Table:
    lead: str  # the text before the table ("... theo vùng như sau:")
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def parse(text: str) -> Table | None:
    """The table in ``text``: header lines (a cell may wrap onto the next line) up to the first
    row whose cells after the first hold a number; None when the text holds no such table."""
    lines = text.strip().splitlines()
    start = next((i for i, line in enumerate(lines) if " | " in line), None)
    if start is None:
        return None
    header_lines: list[str] = []
    rows: list[tuple[str, ...]] = []
    for line in lines[start:]:
        cells = tuple(c.strip() for c in line.split("|"))
        if len(cells) > 1 and all(_NUMBER.search(c) for c in cells[1:]) and header_lines:
            rows.append(cells)
        elif rows:
            break  # text after the table
        else:
            header_lines.append(line)
    header = tuple(c.strip() for c in " ".join(header_lines).split("|"))
    if not rows or any(len(r) != len(header) for r in rows):
        return None
    return Table("\n".join(lines[:start]).strip(), header, tuple(rows))


def _names(text: str) -> str:
    """Folded, with roman numerals written as digits: "Vùng II" and "vung 2" read alike."""
    return " ".join(_ROMAN.get(w, w) for w in re.findall(r"\w+", fold(text)))


def row_named(table: Table, question: str) -> tuple[str, ...] | None:
    """The one row whose first cell the question names ("vùng 1", "Vùng I"), if exactly one."""
    asked = f" {_names(question)} "
    found = [row for row in table.rows if f" {_names(row[0])} " in asked]
    return found[0] if len(found) == 1 else None


def row_line(row: tuple[str, ...]) -> str:
    return " | ".join(row)


def row_sentence(table: Table, row: tuple[str, ...]) -> str:
    """The row under its header's words: "Vùng I: mức lương tối thiểu tháng (đơn vị: đồng/tháng)
    5.310.000, mức lương tối thiểu giờ (đơn vị: đồng/giờ) 25.500"."""
    pairs = zip(table.header[1:], row[1:], strict=True)
    values = [f"{lower_first(label)} {value}" for label, value in pairs]
    return f"{row[0]}: {', '.join(values)}"
