"""Structure parser: canonical text -> units Phần/Chương/Mục/Điều/Khoản/Điểm/Phụ lục.

A pure function of the text. Rules that keep cross-references from becoming headings:
- an article heading is "Điều N." / "Điều N:" at a line start with N greater than the previous
  article ("Điều 36 của Bộ luật này ..." mid-article is not a heading);
- clauses "1." and points "a)" must continue their sequence (1, 2, 3 ...; a, b, c, d, đ ...);
- a quotation (amending text, "“Điều 54. ..." ... "”.") belongs to the unit that quotes it; its
  own clauses and points become nested units (``...:d219:k1:a:k1``), its opening line is text;
- after the signature block ("Luật này đã được Quốc hội ...", "TM. CHÍNH PHỦ", "Nơi nhận:")
  everything is skipped until an appendix ("PHỤ LỤC").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.model import LegalUnit, UnitKind, article_id
from corpus.normalize import _SIGNATURE_START
from corpus.numbering import next_point_letter, ordinal_to_int, roman_to_int

_PART = re.compile(r"^(?:Phần|PHẦN)\s+(thứ\s+\S+|THỨ\s+\S+|[IVXLC]+|\d+)\b[.:]?\s*(.*)$")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\b[.:]?\s*(.*)$")
_SECTION = re.compile(r"^(?:Mục|MỤC)\s+(\d+|[IVXLC]+)\b[.:]?\s*(.*)$")
_ARTICLE = re.compile(r"^Điều\s+(\d+)([a-zđ]?)\s*[.:]\s*(.*)$")
_CLAUSE = re.compile(r"^(\d{1,3})\.(?!\d)\s*(.*)$")
_POINT = re.compile(r"^([a-zđ])\)\s*(.*)$")
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVXLC]+|\d+))?\b[.:]?\s*(.*)$")
_ROW = re.compile(r"^(\d{1,3})\.\s+(.*)$")
# A clause heading run together with its first point on one line, a defect of some gazette text
# layers ("2. Nộp hồ sơ hưởng trợ cấp thất nghiệp a) Trong thời hạn 03 tháng ..."): the heading
# (no sentence end in it) and the point are split into the two lines they are in the gazette.
_HEADING_WITH_POINT = re.compile(r"^(\d{1,3}\.\s+[^.;:\n]{5,100}?)\s+(a\)\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÓÒÚÙÝ].*)$")
_QUOTE_OPEN = ("“", '"', "‘")
_QUOTE_CLOSE = re.compile(r"[”\"’]\s*[.;,]*\s*(?:/\.)?\s*$")

LEVEL = {
    UnitKind.PART: 0,
    UnitKind.APPENDIX: 0,
    UnitKind.CHAPTER: 1,
    UnitKind.APPENDIX_ROW: 1,
    UnitKind.SECTION: 2,
    UnitKind.ARTICLE: 3,
    UnitKind.CLAUSE: 4,
    UnitKind.POINT: 5,
}


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= 0.8


def _is_title(text: str) -> bool:
    """An article heading has a title starting with a capital ("Điều 5. Quyền ..."); a wrapped
    cross-reference ("Điều 63." / "Điều 36 của ...") does not."""
    text = text.strip().lstrip("*_")
    return bool(text) and text[0].isupper()


@dataclass
class _Node:
    kind: UnitKind
    id: str
    number: str
    title: str
    level: int
    start: int  # first body line index
    path: tuple[str, ...]
    parent: _Node | None
    first_line: str = ""  # body text on the heading line itself (clauses, points)
    end: int = -1
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    last_clause: int = 0
    last_point: str | None = None

    @property
    def label(self) -> str:
        if self.kind is UnitKind.ARTICLE:
            return f"Điều {self.number}. {self.title}".rstrip(". ")
        if self.kind is UnitKind.CLAUSE:
            return f"Khoản {self.number}"
        if self.kind is UnitKind.POINT:
            return f"Điểm {self.number}"
        return self.title


@dataclass
class ParseResult:
    units: list[LegalUnit]
    warnings: list[str] = field(default_factory=list)


class _Parser:
    def __init__(self, law_id: str, lines: list[str]) -> None:
        self.law = law_id
        self.lines = lines
        self.nodes: list[_Node] = []
        self.stack: list[_Node] = []
        self.last_article = 0
        self.last_key: tuple[int, str] = (0, "")
        self.chapter_no: int | None = None
        self.appendix_no = 0
        self.quote_owner: _Node | None = None  # set while inside a quotation
        self.quote_clause: _Node | None = None
        self.quote_last_clause = 0
        self.quote_last_point: str | None = None
        self.skipping = False
        self.warnings: list[str] = []
        self.seen: dict[str, int] = {}
        self.allowed: set[str] | None = None

    # --- stack handling ----------------------------------------------------
    def _close_to(self, level: int, index: int) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop().end = index

    def _open(self, node: _Node) -> _Node:
        if node.id in self.seen:
            self.seen[node.id] += 1
            self.warnings.append(
                f"{self.law}: duplicate unit {node.id}; kept as {node.id}~{self.seen[node.id]}"
            )
            node.id = f"{node.id}~{self.seen[node.id]}"
        else:
            self.seen[node.id] = 1
        self.nodes.append(node)
        self.stack.append(node)
        return node

    def _path(self) -> tuple[str, ...]:
        return tuple(n.label for n in self.stack)

    def _current(self, kind: UnitKind) -> _Node | None:
        return next((n for n in reversed(self.stack) if n.kind is kind), None)

    def _title_lines(self, index: int) -> tuple[str, int]:
        """Upper-case title lines after a "Chương I" / "Mục 1" line; returns (title, next index)."""
        parts = []
        i = index
        while i < len(self.lines) and not self.lines[i]:
            i += 1
        if i >= len(self.lines) or not _is_caps(self.lines[i]):
            return "", index
        while (
            i < len(self.lines)
            and self.lines[i]
            and _is_caps(self.lines[i])
            and not (
                _ARTICLE.match(self.lines[i])
                or _CHAPTER.match(self.lines[i])
                or _SECTION.match(self.lines[i])
            )
        ):
            parts.append(self.lines[i])
            i += 1
        return " ".join(parts), i

    # --- the line loop -----------------------------------------------------
    def run(self) -> ParseResult:
        i = 0
        while i < len(self.lines):
            i = self._line(i)
        self._close_to(0, len(self.lines))
        return ParseResult(self._units(), self.warnings)

    def _line(self, i: int) -> int:
        line = self.lines[i]
        if not line:
            return i + 1
        if self.quote_owner is not None:
            return self._quoted(i, line)
        article = _ARTICLE.match(line)
        if (
            article
            and (int(article.group(1)), article.group(2)) > self.last_key
            and self._is_heading(int(article.group(1)), article.group(2), article.group(3))
        ):
            return self._article(i, int(article.group(1)), article.group(2), article.group(3))
        appendix = _APPENDIX.match(line)
        if appendix and (self.last_article or self.skipping) and line[:7].isupper():
            return self._appendix(i, appendix.group(1), appendix.group(2))
        if self.skipping:
            return i + 1
        if self.last_article and _SIGNATURE_START.match(line):
            self._close_to(0, i)
            self.skipping = True
            return i + 1
        if self._current(UnitKind.APPENDIX) is not None:
            return self._appendix_line(i, line)
        for pattern, handler in ((_PART, self._part), (_CHAPTER, self._chapter), (_SECTION, self._section)):
            match = pattern.match(line)
            if match and (not match.group(2) or _is_caps(match.group(2))):
                return handler(i, match.group(1), match.group(2))
        owner = self._current(UnitKind.ARTICLE)
        if owner is None:
            return i + 1  # preamble
        if line.startswith(_QUOTE_OPEN) and not _QUOTE_CLOSE.search(line[1:]):
            self.quote_owner = self.stack[-1]
            self.quote_clause = None
            self.quote_last_clause, self.quote_last_point = 0, None
            return i + 1
        clause = _CLAUSE.match(line)
        if clause and int(clause.group(1)) == owner.last_clause + 1:
            return self._clause(i, owner, int(clause.group(1)), clause.group(2))
        point = _POINT.match(line)
        if point:
            parent = self._current(UnitKind.CLAUSE) or owner
            if point.group(1) == next_point_letter(parent.last_point):
                return self._point(i, parent, point.group(1), point.group(2))
        return i + 1

    # --- headings ----------------------------------------------------------
    def _is_heading(self, n: int, suffix: str, title: str) -> bool:
        """"Điều N." starts an article: listed by the source, or titled, or the next number
        with its title on the following line ("Điều 2.\nHiệu lực thi hành")."""
        if self.allowed is not None:
            return f"{n}{suffix}" in self.allowed
        return _is_title(title) or (not title.strip() and not suffix and n == self.last_article + 1)

    def _part(self, i: int, number: str, title: str) -> int:
        n = ordinal_to_int(number) or 0
        self._close_to(0, i)
        extra, nxt = self._title_lines(i + 1) if not title else ("", i + 1)
        label = f"Phần {number} {title or extra}".strip()
        self._open(_Node(UnitKind.PART, f"{self.law}:p{n}", str(n), label, 0, nxt, (), None))
        return nxt

    def _chapter(self, i: int, number: str, title: str) -> int:
        n = roman_to_int(number) or 0
        if self.chapter_no is not None and n <= self.chapter_no:
            self.warnings.append(
                f"{self.law}: Chương {number} repeats/decreases; id numbered {self.chapter_no + 1}"
            )
            n = self.chapter_no + 1
        self._close_to(1, i)
        extra, nxt = self._title_lines(i + 1) if not title else ("", i + 1)
        self.chapter_no = n
        label = f"Chương {number}. {title or extra}".rstrip(". ")
        parent = self.stack[-1] if self.stack else None
        self._open(_Node(UnitKind.CHAPTER, f"{self.law}:c{n}", number, label, 1, nxt, self._path(), parent))
        return nxt

    def _section(self, i: int, number: str, title: str) -> int:
        n = roman_to_int(number) or 0
        self._close_to(2, i)
        extra, nxt = self._title_lines(i + 1) if not title else ("", i + 1)
        prefix = f"{self.law}:c{self.chapter_no}" if self._current(UnitKind.CHAPTER) else self.law
        label = f"Mục {number}. {title or extra}".rstrip(". ")
        parent = self.stack[-1] if self.stack else None
        self._open(_Node(UnitKind.SECTION, f"{prefix}:m{n}", number, label, 2, nxt, self._path(), parent))
        return nxt

    def _article(self, i: int, n: int, suffix: str, title: str) -> int:
        self.skipping = False
        self._close_to(3, i)
        if self.last_article and n > self.last_article + 1:
            self.warnings.append(f"{self.law}: Điều {self.last_article + 1}–{n - 1} missing before Điều {n}")
        self.last_article, self.last_key = n, (n, suffix)
        parent = self.stack[-1] if self.stack else None
        number = f"{n}{suffix}"
        self._open(
            _Node(
                UnitKind.ARTICLE,
                article_id(self.law, number),
                number,
                title.strip(),
                3,
                i + 1,
                self._path(),
                parent,
                article=n,
            )
        )
        return i + 1

    def _clause(self, i: int, owner: _Node, n: int, body: str) -> int:
        self._close_to(4, i)
        owner.last_clause = n
        self._open(
            _Node(
                UnitKind.CLAUSE,
                f"{owner.id}:k{n}",
                str(n),
                "",
                4,
                i + 1,
                self._path(),
                owner,
                first_line=body,
                article=owner.article,
                clause=n,
            )
        )
        return i + 1

    def _point(self, i: int, parent: _Node, letter: str, body: str) -> int:
        self._close_to(5, i)
        parent.last_point = letter
        self._open(
            _Node(
                UnitKind.POINT,
                f"{parent.id}:{letter}",
                letter,
                "",
                5,
                i + 1,
                self._path(),
                parent,
                first_line=body,
                article=parent.article,
                clause=parent.clause,
                point=letter,
            )
        )
        return i + 1

    # --- quotations (amending text) ---------------------------------------
    def _quoted(self, i: int, line: str) -> int:
        owner = self.quote_owner
        assert owner is not None
        article = _ARTICLE.match(line)
        if article and int(article.group(1)) == self.last_article + 1 and not article.group(2):
            self.warnings.append(f"{self.law}: unclosed quotation before Điều {article.group(1)}")
            self.quote_owner = None
            return i  # re-read as a heading
        if _QUOTE_CLOSE.search(line):
            self.quote_owner = None
        self._quoted_structure(i, line, owner)
        if self.quote_owner is None:
            self._close_to(owner.level + 1, i + 1)
        return i + 1

    def _quoted_structure(self, i: int, line: str, owner: _Node) -> None:
        clause = _CLAUSE.match(line)
        if clause and int(clause.group(1)) == self.quote_last_clause + 1:
            n = int(clause.group(1))
            self.quote_last_clause, self.quote_last_point = n, None
            self._close_to(owner.level + 1, i)
            self.quote_clause = self._open(
                _Node(
                    UnitKind.CLAUSE,
                    f"{owner.id}:k{n}",
                    str(n),
                    "",
                    owner.level + 1,
                    i + 1,
                    self._path(),
                    owner,
                    first_line=clause.group(2),
                    article=owner.article,
                    clause=n,
                )
            )
            return
        point = _POINT.match(line)
        if point and point.group(1) == next_point_letter(self.quote_last_point):
            parent = self.quote_clause or owner
            self.quote_last_point = point.group(1)
            self._close_to(parent.level + 1, i)
            self._open(
                _Node(
                    UnitKind.POINT,
                    f"{parent.id}:{point.group(1)}",
                    point.group(1),
                    "",
                    parent.level + 1,
                    i + 1,
                    self._path(),
                    parent,
                    first_line=point.group(2),
                    article=owner.article,
                    clause=parent.clause,
                    point=point.group(1),
                )
            )

    # --- appendices --------------------------------------------------------
    def _appendix(self, i: int, number: str | None, title: str) -> int:
        self.skipping = False
        self._close_to(0, i)
        self.appendix_no += 1
        n = roman_to_int(number) if number else self.appendix_no
        extra, nxt = self._title_lines(i + 1) if not title else ("", i + 1)
        if not extra and nxt < len(self.lines) and not _ROW.match(self.lines[nxt]):
            extra, nxt = self.lines[nxt], nxt + 1
        label = f"Phụ lục {number or ''} {title or extra}".replace("  ", " ").strip()
        self._open(_Node(UnitKind.APPENDIX, f"{self.law}:pl{n}", str(n), label, 0, nxt, (), None))
        return nxt

    def _appendix_line(self, i: int, line: str) -> int:
        appendix = self._current(UnitKind.APPENDIX)
        assert appendix is not None
        row = _ROW.match(line)
        table_row = " | " in line and appendix.last_clause == 0 and self.stack[-1] is appendix
        numbered = row is not None and int(row.group(1)) == appendix.last_clause + 1 and not table_row
        if numbered or table_row:
            if numbered and row:
                number = int(row.group(1))
                appendix.last_clause = number
                title = row.group(2)
            else:
                number = sum(1 for x in self.nodes if x.parent is appendix) + 1
                title = line
            self._close_to(1, i)
            self._open(
                _Node(
                    UnitKind.APPENDIX_ROW,
                    f"{appendix.id}:r{number}",
                    str(number),
                    title,
                    1,
                    i + 1,
                    (appendix.label,),
                    appendix,
                )
            )
        return i + 1

    # --- output -------------------------------------------------------------
    def _units(self) -> list[LegalUnit]:
        units = []
        for node in self.nodes:
            body = [node.first_line] if node.first_line else []
            if node.kind is UnitKind.APPENDIX_ROW:
                body = [node.title]
            body += [ln for ln in self.lines[node.start : node.end] if ln]
            units.append(
                LegalUnit(
                    id=node.id,
                    law_id=self.law,
                    kind=node.kind,
                    number=node.number,
                    title=node.title if node.kind is not UnitKind.APPENDIX_ROW else node.title[:200],
                    text="\n".join(body).strip(),
                    parent_id=node.parent.id if node.parent else None,
                    path=node.path,
                    article=node.article,
                    clause=node.clause,
                    point=node.point,
                )
            )
        return units


def parse_structure(law_id: str, text: str, articles: tuple[str, ...] = ()) -> ParseResult:
    """Parse canonical text (one element a line, normalised) into the law's units.

    ``articles``: when the source itself lists its article numbers, only those are headings.
    """
    lines: list[str] = []
    for line in (raw.strip() for raw in text.split("\n")):
        glued = _HEADING_WITH_POINT.match(line)
        lines.extend(glued.groups() if glued else (line,))
    parser = _Parser(law_id, lines)
    parser.allowed = set(articles) or None
    return parser.run()
