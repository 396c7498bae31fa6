"""Domain types of the legal corpus: documents, units and their provenance.

Unit ids are stable: ``<law_id>`` + path of the unit inside the law, e.g.
``45/2019/QH14:d113`` (Điều 113), ``45/2019/QH14:d113:k1`` (khoản 1),
``45/2019/QH14:d113:k1:a`` (điểm a), ``45/2019/QH14:c3`` (Chương III),
``45/2019/QH14:c3:m1`` (Mục 1 of Chương III), ``45/2019/QH14:p1`` (Phần 1),
``293/2025/NĐ-CP:pl1:r12`` (row 12 of appendix 1). Law ids keep their official
spelling (NFC, upper-case letters as published: ``145/2020/NĐ-CP``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import Enum


class UnitKind(str, Enum):  # noqa: UP042 (str() must stay the enum's repr for callers)
    PART = "phan"
    CHAPTER = "chuong"
    SECTION = "muc"
    ARTICLE = "dieu"
    CLAUSE = "khoan"
    POINT = "diem"
    APPENDIX = "phu_luc"
    APPENDIX_ROW = "phu_luc_dong"


def canonical_law_id(law_id: str) -> str:
    """Compare-key for law ids: NFC, stripped, upper-case ("146/2018/nđ-cp" == "146/2018/NĐ-CP")."""
    return unicodedata.normalize("NFC", law_id.strip()).upper()


def article_id(law_id: str, article: int | str) -> str:
    return f"{law_id}:d{article}"


def unit_id(
    law_id: str, article: int | str, clause: int | str | None = None, point: str | None = None
) -> str:
    uid = article_id(law_id, article)
    if clause is not None:
        uid += f":k{clause}"
        if point is not None:
            uid += f":{point}"
    return uid


@dataclass(frozen=True)
class SourceRef:
    """One file that carried a unit, and whether it was the one kept."""

    path: str  # relative to the sources directory, e.g. "docx/45_2019_LD.docx"
    format: str  # docx | pdf | json-law-dict | json-decrees | json-tree | md | txt | html
    chosen: bool = False
    reason: str = ""


class ChangeKind(str, Enum):  # noqa: UP042 (serialised by value)
    REPEALED = "repealed"
    AMENDED = "amended"


@dataclass(frozen=True)
class UnitChange:
    """A later provision that repealed or amended one unit (clause, article, appendix).

    ``by`` is the unit id of the changing provision ("158/2025/NĐ-CP:d44:k2:c") or a law id when
    its text is not in the sources; ``since`` is the first day the change applies (None: date not
    known, treated as already applying); ``instead`` names the units that apply in its place."""

    unit_id: str
    change: ChangeKind
    by: str
    since: date | None = None
    instead: tuple[str, ...] = ()
    notes: str = ""

    def applies_on(self, day: date) -> bool:
        return self.since is None or day >= self.since


@dataclass(frozen=True)
class LegalUnit:
    """A node of a law's structure. ``text`` is the unit's full body (children included),
    without its own heading line; ``title`` is the heading's title ("Nghỉ hằng năm")."""

    id: str
    law_id: str
    kind: UnitKind
    number: str  # "113", "1", "a", "III"
    title: str
    text: str
    parent_id: str | None = None
    # Labels of the enclosing headings, outermost first, e.g.
    # ("Chương VII. THỜI GIỜ LÀM VIỆC, THỜI GIỜ NGHỈ NGƠI", "Mục 3. NGHỈ HẰNG NĂM ...").
    path: tuple[str, ...] = ()
    article: int | None = None
    clause: int | None = None
    point: str | None = None
    sources: tuple[SourceRef, ...] = ()
    # Resolved cross-references from this unit's own text: target unit ids.
    references: tuple[str, ...] = ()
    # Later repeals/amendments of this unit or of a unit that contains it (corpus/catalog.toml).
    changes: tuple[UnitChange, ...] = ()

    def repeal_on(self, day: date) -> UnitChange | None:
        """The repeal in effect on ``day`` (of this unit or an enclosing one), if any."""
        return next((c for c in self.changes if c.change is ChangeKind.REPEALED and c.applies_on(day)), None)

    @property
    def heading(self) -> str:
        if self.kind is UnitKind.ARTICLE:
            return f"Điều {self.number}. {self.title}".rstrip(". ")
        if self.kind is UnitKind.CLAUSE:
            return f"Khoản {self.number} Điều {self.article}"
        if self.kind is UnitKind.POINT:
            return f"Điểm {self.number} khoản {self.clause} Điều {self.article}"
        return self.title


@dataclass(frozen=True)
class Document:
    """Catalog metadata of one legal document (from ``corpus/catalog.toml``)."""

    law_id: str
    doc_type: str  # "Bộ luật", "Luật", "Nghị định", "Thông tư", "Quyết định", "Văn bản hợp nhất"
    title: str
    issuer: str
    issued: date | None
    effective: date | None
    expired: date | None = None  # first day no longer in force, when known
    replaces: tuple[str, ...] = ()
    replaced_by: tuple[str, ...] = ()
    amended_by: tuple[str, ...] = ()
    short_name: str = ""
    notes: str = ""

    def in_force_on(self, day: date) -> bool:
        if self.effective is not None and day < self.effective:
            return False
        return self.expired is None or day < self.expired

    def status_on(self, day: date) -> str:
        """Vietnamese status label computed from the catalog dates."""
        if self.effective is not None and day < self.effective:
            return "Chưa có hiệu lực"
        if self.expired is not None and day >= self.expired:
            return "Hết hiệu lực"
        return "Còn hiệu lực"


@dataclass(frozen=True)
class CrossReference:
    source_id: str
    text: str  # the phrase as written, e.g. "khoản 2 Điều 36 của Bộ luật này"
    target_id: str | None  # None when it names a law outside the corpus
    target_law: str | None = None


@dataclass
class BuildReport:
    """What a corpus build did, including everything it skipped and why."""

    documents: int = 0
    articles: int = 0
    skipped: list[str] = field(default_factory=list)  # "path: problem"
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
