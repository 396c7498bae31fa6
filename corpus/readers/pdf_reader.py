"""PDF reader (pypdf text layer) with hard line-wrap and page-break repair."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from corpus.errors import SourceError
from corpus.readers.base import SourceText, find_law_number

# A line that starts a new paragraph whatever the previous line looked like.
_MARKER = re.compile(
    r"^(?:Điều \d+[a-z]?[.:]|Chương [IVXLC\d]+\b|CHƯƠNG\b|Mục \d+\b|MỤC\b|Phần\b|PHẦN\b|PHỤ LỤC\b"
    r"|\d{1,3}[a-z]?\.\s|[a-zđ]\)\s|[-–+•]\s|[“\"]|Nơi nhận|CHỦ TỊCH|TM\.|KT\.)"
)
_REFERENCE_END = re.compile(r"\b(?:khoản|Khoản|điểm|Điều|điều|tại|theo|của|và|hoặc|các|số|\d+,?)$")
_TITLE = re.compile(r"^Điều \d+[a-z]?[.:]")
_PAGE_NUMBER = re.compile(r"^(?:Trang\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?$")
# A wrapped line fills the text width; a paragraph's last line usually does not.
_FULL_LINE_RATIO = 0.8


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and headers/footers repeated at the top or bottom of most pages."""
    edges: Counter[str] = Counter()
    for lines in pages:
        for line in {*(lines[:2]), *(lines[-2:])}:
            edges[line] += 1
    repeated = {line for line, n in edges.items() if len(pages) >= 4 and n >= len(pages) // 2 and line}
    cleaned = []
    for lines in pages:
        kept = [
            line
            for i, line in enumerate(lines)
            if line not in repeated and not ((i < 2 or i >= len(lines) - 2) and _PAGE_NUMBER.match(line))
        ]
        cleaned.append(kept)
    return cleaned


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped lines into paragraphs (pure; used for PDF and hard-wrapped text)."""
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return []
    full = lengths[int(len(lengths) * 0.9)] * _FULL_LINE_RATIO
    out: list[str] = []
    previous_full = previous_title = False
    for line in lines:
        line = line.strip()
        if not line:
            previous_full = False
            continue
        # A paragraph never starts in lower case: such a line continues the previous one (this
        # also catches wrapped bold titles, which hold fewer characters a line).
        lowercase_start = line[0].islower() and not out[-1].endswith((".", ";", ":")) if out else False
        # A marker ("Điều 63.", "2.") after a full line that stops mid-sentence ("... theo khoản 4")
        # is a wrapped cross-reference, not a new paragraph.
        mid_sentence = bool(out) and previous_full and _REFERENCE_END.search(out[-1]) is not None
        # A long bold title wraps onto a short line that ends without punctuation.
        title_rest = (
            bool(out) and previous_title and len(line) < full and not line.endswith((".", ";", ":", ","))
        )
        if (
            out
            and (previous_full or lowercase_start or title_rest)
            and (not _MARKER.match(line) or mid_sentence)
        ):
            glue = "" if re.search(r"\S-$", out[-1]) else " "  # "121/2018/NĐ-" + "CP"
            out[-1] = out[-1] + glue + line
        else:
            out.append(line)
        # An article title ends its line: only a lower-case line continues it (rule above).
        title = _TITLE.match(out[-1]) is not None
        previous_title = title and out[-1] == line and len(line) >= 0.6 * full
        previous_full = len(line) >= full and not line.endswith((":", "./.")) and not title
    return out


def read_pdf(path: Path, rel: str) -> list[SourceText]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(str(path))
        pages = [[ln.strip() for ln in (page.extract_text() or "").splitlines()] for page in reader.pages]
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as exc:
        raise SourceError(
            rel, f"unreadable PDF ({type(exc).__name__}: {exc})", "truncated or damaged file"
        ) from exc
    except Exception as exc:  # pypdf raises assorted errors on damaged files
        raise SourceError(
            rel, f"unreadable PDF ({type(exc).__name__}: {exc})", "truncated or damaged file"
        ) from exc
    pages = _drop_running_lines(pages)
    lines = join_wrapped_lines([line for page in pages for line in page])
    text = "\n".join(lines)
    if not text.strip():
        raise SourceError(rel, "the PDF has no text layer", "scanned image? OCR it first")
    return [SourceText(path=rel, format="pdf", law_id=find_law_number(text), text=text)]
