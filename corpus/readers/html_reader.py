"""HTML reader for pages saved from official portals (vbpl.vn, thuvienphapluat.vn, chinhphu.vn).

Block elements become lines; scripts, styles, navigation and forms are dropped; tables become
" | " rows.
"""

from __future__ import annotations

from pathlib import Path

from corpus.errors import SourceError
from corpus.readers.base import SourceText, find_law_number
from corpus.readers.text_reader import decode_bytes

_DROP = ("script", "style", "nav", "header", "footer", "form", "noscript", "button", "iframe")
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "section", "article", "blockquote")


def html_to_text(markup: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(list(_DROP)):
        tag.decompose()
    for row in soup.find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
        row.replace_with(soup.new_string("\n" + " | ".join(c for c in cells if c) + "\n"))
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    root = soup.body or soup
    return root.get_text("")


def read_html(path: Path, rel: str) -> list[SourceText]:
    markup, warnings = decode_bytes(path.read_bytes(), rel)
    text = html_to_text(markup)
    if not text.strip():
        raise SourceError(rel, "the HTML page holds no text")
    return [
        SourceText(path=rel, format="html", law_id=find_law_number(text), text=text, warnings=tuple(warnings))
    ]
