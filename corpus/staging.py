"""Staging an uploaded legal document: parse it, report what was found, diff it against the version
it replaces, and refuse bad input before anything reaches the running corpus.

Pure with respect to the corpus: staging reads the file and the built corpus, writes nothing.
Problems are Vietnamese sentences for union legal staff (what is wrong, where, what to do).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from corpus.errors import SourceError
from corpus.model import Document, LegalUnit, UnitKind
from corpus.normalize import normalize_text
from corpus.readers import SUFFIXES, read_source
from corpus.store import Corpus
from corpus.structure import parse_structure

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# Word, PDF, HTML, Markdown or text (the JSON shapes are source dumps, not staff uploads).
UPLOAD_SUFFIXES = tuple(s for s in SUFFIXES if not s.startswith(".json"))
LEVELS = (
    UnitKind.PART,
    UnitKind.CHAPTER,
    UnitKind.SECTION,
    UnitKind.ARTICLE,
    UnitKind.CLAUSE,
    UnitKind.POINT,
    UnitKind.APPENDIX,
)


@dataclass(frozen=True)
class DocumentDiff:
    """Article-level difference between a staged document and the version it replaces."""

    against: str
    added: tuple[str, ...]  # article numbers only in the new text
    removed: tuple[str, ...]  # article numbers only in the old text
    changed: tuple[str, ...]  # same number, different text
    unchanged: int


@dataclass
class StageReport:
    file: str
    law_id: str | None = None
    title: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    diff: DocumentDiff | None = None
    units: list[LegalUnit] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors


def _articles(units: list[LegalUnit]) -> dict[str, str]:
    return {u.number: u.text for u in units if u.kind is UnitKind.ARTICLE}


def diff_articles(new: list[LegalUnit], old: list[LegalUnit], against: str) -> DocumentDiff:
    a, b = _articles(new), _articles(old)

    def key(n: str) -> tuple[int, str]:
        digits = "".join(ch for ch in n if ch.isdigit())
        return (int(digits or 0), n)

    changed = tuple(sorted((n for n in a.keys() & b.keys() if a[n] != b[n]), key=key))
    return DocumentDiff(
        against=against,
        added=tuple(sorted(a.keys() - b.keys(), key=key)),
        removed=tuple(sorted(b.keys() - a.keys(), key=key)),
        changed=changed,
        unchanged=len(a.keys() & b.keys()) - len(changed),
    )


def _check_file(path: Path, report: StageReport) -> bool:
    if not path.is_file():
        report.errors.append(f"Không tìm thấy tệp {path.name}. Hãy chọn lại tệp cần tải lên.")
        return False
    size = path.stat().st_size
    if size > MAX_UPLOAD_BYTES:
        report.errors.append(
            f"Tệp {path.name} nặng {size / 1024 / 1024:.1f} MB, vượt giới hạn "
            f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB. Hãy tách phụ lục hoặc nén ảnh rồi tải lại."
        )
        return False
    if not path.name.lower().endswith(UPLOAD_SUFFIXES):
        report.errors.append(
            f"Định dạng {path.suffix or '(không có đuôi)'} của tệp {path.name} chưa được hỗ trợ; "
            f"hãy dùng Word, PDF, HTML, Markdown hoặc văn bản thuần ({', '.join(UPLOAD_SUFFIXES)})."
        )
        return False
    return True


def stage_file(
    path: Path,
    corpus: Corpus,
    *,
    replaces: str | None = None,
    effective: date | None = None,
    new_version: bool = False,
) -> StageReport:
    """Read and parse ``path``; report counts per level, warnings, errors and the diff.

    ``replaces``: law id of the document the upload replaces (diffed against it);
    ``new_version``: the upload is a corrected text of a document already in the corpus."""
    report = StageReport(file=path.name)
    if not _check_file(path, report):
        return report
    try:
        [source, *_] = read_source(path, path.parent)
    except SourceError as exc:
        report.errors.append(
            f"Không đọc được tệp {path.name}: {exc.problem}" + (f" ({exc.hint})" if exc.hint else "")
        )
        return report
    report.warnings += [w.replace(f"{source.path}: ", "") for w in source.warnings]
    if not source.law_id:
        report.errors.append(
            f'Không tìm thấy số hiệu văn bản trong phần đầu tệp {path.name} (dòng "Luật số: ..." hoặc '
            '"Số: ..."). Hãy kiểm tra tệp là văn bản quy phạm pháp luật đầy đủ, có phần đầu.'
        )
        return report
    report.law_id, report.title = source.law_id, source.title
    parsed = parse_structure(source.law_id, normalize_text(source.text), source.articles)
    report.units = parsed.units
    report.warnings += parsed.warnings
    report.counts = {kind.value: sum(u.kind is kind for u in parsed.units) for kind in LEVELS}
    if not report.counts[UnitKind.ARTICLE.value]:
        report.errors.append(
            f'Không nhận ra điều luật nào (dòng bắt đầu bằng "Điều 1.", "Điều 2."...) trong {path.name}. '
            "Nếu là bản PDF chụp, hãy nhận dạng chữ (OCR) trước khi tải lên."
        )
    _check_against_corpus(report, corpus, replaces, effective, new_version)
    return report


def _check_against_corpus(
    report: StageReport, corpus: Corpus, replaces: str | None, effective: date | None, new_version: bool
) -> None:
    law = report.law_id or ""
    existing = {k.upper(): k for k in corpus.documents}
    if law.upper() in existing and not new_version:
        report.errors.append(
            f"Số hiệu {law} đã có trong kho dữ liệu. Nếu đây là bản sửa lỗi của chính văn bản đó, "
            'hãy chọn "phiên bản mới"; nếu là văn bản khác, hãy kiểm tra lại số hiệu.'
        )
    if new_version and law.upper() in existing:
        old = existing[law.upper()]
        report.diff = diff_articles(report.units, corpus.articles(old), old)
    if replaces is None:
        return
    if replaces.upper() not in existing:
        report.errors.append(
            f"Văn bản bị thay thế {replaces} không có trong kho dữ liệu; hãy kiểm tra số hiệu."
        )
        return
    old_doc: Document = corpus.documents[existing[replaces.upper()]]
    if report.diff is None:  # a new version is diffed against its own previous text
        report.diff = diff_articles(report.units, corpus.articles(old_doc.law_id), old_doc.law_id)
    if effective is not None and old_doc.effective is not None and effective < old_doc.effective:
        report.errors.append(
            f"Ngày có hiệu lực {effective:%d/%m/%Y} sớm hơn ngày có hiệu lực của văn bản bị thay thế "
            f"{old_doc.law_id} ({old_doc.effective:%d/%m/%Y}). Hãy kiểm tra lại ngày có hiệu lực."
        )


def render(report: StageReport) -> str:
    """The parse report as staff read it (Vietnamese)."""
    lines = [f"Tệp: {report.file}", f"Số hiệu: {report.law_id or '(không rõ)'}"]
    if report.counts:
        names = {
            "phan": "phần",
            "chuong": "chương",
            "muc": "mục",
            "dieu": "điều",
            "khoan": "khoản",
            "diem": "điểm",
            "phu_luc": "phụ lục",
        }
        lines.append("Cấu trúc: " + ", ".join(f"{n} {names[k]}" for k, n in report.counts.items() if n))
    if report.diff is not None:
        d = report.diff
        lines.append(
            f"So với {d.against}: thêm {len(d.added)} điều, bỏ {len(d.removed)} điều, "
            f"sửa {len(d.changed)} điều, giữ nguyên {d.unchanged} điều"
        )
        for label, numbers in (
            ("Điều mới", d.added),
            ("Điều bị bỏ", d.removed),
            ("Điều có sửa đổi", d.changed),
        ):
            if numbers:
                lines.append(f"  {label}: {', '.join(numbers[:40])}" + (" ..." if len(numbers) > 40 else ""))
    lines += [f"Cảnh báo: {w}" for w in report.warnings]
    lines += [f"LỖI: {e}" for e in report.errors]
    lines.append("Có thể công bố." if report.ok else "Chưa thể công bố: hãy sửa các lỗi trên rồi tải lại.")
    return "\n".join(lines)
