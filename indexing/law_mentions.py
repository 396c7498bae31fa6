"""Laws a question names explicitly ("Luật Việc làm 2025", "Nghị định 44/2013", "74/2025/QH15").

A named law is boosted, and a named version overrides the in-force preference: a member
who asks about "Luật Việc làm 2013" wants that text, whatever is in force today.
"""

from __future__ import annotations

import re

from corpus.model import Document
from corpus.text import fold

_NUMBER = re.compile(r"(?<!\d)(\d{1,4})\s*/\s*(\d{4})(?!\d)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# Multiplier on the fused score of an article of a law the question names.
LAW_MENTION_BOOST = 1.6


def _name(doc: Document) -> str:
    """Folded short name without its year: "luat viec lam" for "Luật Việc làm 2025"."""
    return fold(_YEAR.sub("", doc.short_name)).strip(" ,")


def mentioned_laws(question: str, documents: dict[str, Document]) -> set[str]:
    folded = fold(question)
    found = {
        law for law in documents
        for number, year in _NUMBER.findall(folded) if law.lower().startswith(f"{number}/{year}")
    }
    years = set(_YEAR.findall(folded))
    named: dict[str, set[str]] = {}
    for law, doc in documents.items():
        name = _name(doc)
        if len(name.split()) >= 3 and name.startswith(("luat", "bo luat")) and re.search(
            rf"(?<!\w){re.escape(name)}(?!\w)", folded
        ):
            named.setdefault(name, set()).add(law)
    for laws in named.values():
        dated = {law for law in laws if set(_YEAR.findall(documents[law].short_name)) & years}
        found |= dated or laws
    return found
