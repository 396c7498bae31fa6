"""What every reader returns: the text of one legal document in canonical line form.

Canonical form: one structural element a line ("Chương I", "Điều 5. Title", "1. ...",
"a) ..."), NFC text. The structure parser (``corpus.structure``) works only on this form, so
every format reaches the same units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.normalize import normalize_text

# Format names, in the preference order used by de-duplication (best first).
FORMATS = ("docx", "pdf", "html", "json-tree", "md", "txt", "json-outline", "json-decrees", "json-law-dict")

_LAW_NUMBER = re.compile(
    r"(?:Bộ luật|Luật|Nghị định|Thông tư|Quyết định|Văn bản hợp nhất|Nghị quyết)?\s*[Ss]ố\s*:?\s*"
    r"(\d{1,4}/(?:\d{4}/)?[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)"
)


@dataclass(frozen=True)
class SourceText:
    """One document as read from one file."""

    path: str  # relative to the sources directory
    format: str
    law_id: str | None
    text: str
    title: str = ""
    warnings: tuple[str, ...] = ()
    # Article numbers known from the source's own structure (JSON keys): when given, only these
    # "Điều N." lines are headings (amending laws quote "Điều 7a. ..." without quotation marks).
    articles: tuple[str, ...] = ()


def find_law_number(text: str, head_chars: int = 4000) -> str | None:
    """The document's own number ("Luật số: 12/2012/QH13", "Số: 145/2020/NĐ-CP") from its head."""
    match = _LAW_NUMBER.search(normalize_text(text[:head_chars]))
    return match.group(1) if match else None
