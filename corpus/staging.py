"""Staging an uploaded legal document: parse it, report what was found, diff it against the version
it replaces, and refuse bad input before anything reaches the running corpus.

Pure with respect to the corpus: staging reads the file and the built corpus, writes nothing.
Problems are Vietnamese sentences for union legal staff (what is wrong, where, what to do).
"""

from __future__ import annotations

import re
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
    suggested: dict[str, str] = field(default_factory=dict)  # metadata read from the text, for staff to check
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
        report.errors.append(read_problem(path.name, exc))
        return report
    report.warnings += [staff_warning(w.replace(f"{source.path}: ", "")) for w in source.warnings]
    if not source.law_id:
        report.errors.append(
            f'Không tìm thấy số hiệu văn bản trong phần đầu tệp {path.name} (dòng "Luật số: ..." hoặc '
            '"Số: ..."). Hãy kiểm tra tệp là văn bản quy phạm pháp luật đầy đủ, có phần đầu.'
        )
        return report
    report.law_id, report.title = source.law_id, source.title
    parsed = parse_structure(source.law_id, normalize_text(source.text), source.articles)
    report.units = parsed.units
    report.suggested = suggest_metadata(source.law_id, source.title, source.text)
    report.warnings += [staff_warning(w.replace(f"{source.law_id}: ", "")) for w in parsed.warnings]
    report.counts = {kind.value: sum(u.kind is kind for u in parsed.units) for kind in LEVELS}
    if not report.counts[UnitKind.ARTICLE.value]:
        report.errors.append(
            f'Không nhận ra điều luật nào (dòng bắt đầu bằng "Điều 1.", "Điều 2."...) trong {path.name}. '
            "Nếu là bản PDF chụp, hãy nhận dạng chữ (OCR) trước khi tải lên."
        )
    _check_against_corpus(report, corpus, replaces, effective, new_version)
    return report


# What the readers and the parser report (developer English) as staff read it: (pattern, Vietnamese).
_READ_PROBLEMS = (
    (
        "no text layer",
        "tệp PDF không có lớp chữ (có lẽ là bản chụp/quét). Hãy nhận dạng chữ (OCR) rồi tải lại.",
    ),
    ("empty file", "tệp rỗng (0 byte). Hãy chọn đúng tệp văn bản."),
    ("holds no text", "tệp không có nội dung chữ. Hãy mở tệp kiểm tra rồi tải lại."),
    ("unreadable PDF", "tệp PDF bị hỏng hoặc không đầy đủ. Hãy tải lại bản gốc."),
    ("not a readable Word", "tệp Word bị hỏng hoặc không phải định dạng .docx. Hãy lưu lại dưới dạng .docx."),
    (
        "unknown text encoding",
        "không nhận ra bảng mã chữ (không phải UTF-8 hay Windows-1258). Hãy lưu lại dạng UTF-8.",
    ),
    ("binary content", "tệp văn bản chứa dữ liệu nhị phân (có thể đặt sai đuôi tệp)."),
)
_WARNINGS = (
    (
        re.compile(r"duplicate unit (\S+); kept as (\S+)"),
        r"\1: đánh số bị trùng; bản sau được giữ riêng là \2",
    ),
    (re.compile(r"(Điều [\d–-]+) missing before (Điều \d+)"), r"trước \2: thiếu \1 (đánh số bị nhảy)"),
    (re.compile(r"unclosed quotation before (Điều \d+)"), r"trước \1: dấu ngoặc kép mở mà chưa đóng"),
    (
        re.compile(r"(Chương \S+) repeats/decreases; id numbered (\d+)"),
        r"\1: số chương bị lặp hoặc lùi; ghi nhận là chương thứ \2",
    ),
    (re.compile(r"decoded as Windows-1258.*"), "cả tệp: đọc theo bảng mã Windows-1258 (không phải UTF-8)"),
    (re.compile(r"text was not NFC.*"), "cả tệp: chữ tiếng Việt ở dạng tổ hợp; đã chuẩn hoá"),
    (re.compile(r"hard-wrapped lines.*"), "cả tệp: các dòng bị ngắt (in từ PDF) đã được nối lại thành đoạn"),
    (re.compile(r"e-signature stamp dropped \((.*)\)"), r"dấu chữ ký số: đã bỏ (\1)"),
    (re.compile(r"formula missing after (.*)"), r"sau đoạn \1: thiếu công thức (là hình ảnh trong bản gốc)"),
    (
        re.compile(r"(\d+) sentence\(s\) split at page breaks re-joined"),
        r"chỗ sang trang: nối lại \1 câu bị ngắt",
    ),
)


_SAME_RANGE = re.compile(r"Điều (\d+)–\1\b")


def read_problem(name: str, exc: SourceError) -> str:
    """Why a file could not be read, in Vietnamese (the reader's English detail when unknown)."""
    for needle, text in _READ_PROBLEMS:
        if needle in exc.problem:
            return f"Không đọc được tệp {name}: {text}"
    return f"Không đọc được tệp {name} ({exc.problem}). Hãy kiểm tra tệp mở được và đúng định dạng."


def staff_warning(raw: str) -> str:
    """A parser or reader warning as ``"location: what"`` in Vietnamese (unknown ones unchanged)."""
    for pattern, text in _WARNINGS:
        found = pattern.search(raw)
        if found:
            return _SAME_RANGE.sub(r"Điều \1", found.expand(text))  # "Điều 3–3" -> "Điều 3"
    return raw


def warning_location(warning: str) -> tuple[str, str]:
    """Split ``"Điều 7: ..."`` into (where, what); ("", warning) when it names no place."""
    where, sep, what = warning.partition(": ")
    return (where, what) if sep and len(where) <= 60 else ("", warning)


_TYPES = (  # law-number suffix -> (document type, issuing body)
    ("QH", "Luật", "Quốc hội"),
    ("NĐ-CP", "Nghị định", "Chính phủ"),
    ("QĐ-TTG", "Quyết định", "Thủ tướng Chính phủ"),
    ("TT-BLĐTBXH", "Thông tư", "Bộ Lao động - Thương binh và Xã hội"),
    ("TT-BNV", "Thông tư", "Bộ Nội vụ"),
    ("TT-BTC", "Thông tư", "Bộ Tài chính"),
    ("TT-", "Thông tư", ""),
)
_DATE = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_EFFECTIVE = re.compile(r"có hiệu lực(?: thi hành)?(?: kể)? từ " + _DATE, re.IGNORECASE)
_ISSUED = re.compile(r"^[^\n]{0,60}?,\s*" + _DATE, re.IGNORECASE | re.MULTILINE)


def _day(found: re.Match[str] | None) -> str:
    if found is None:
        return ""
    try:
        return date(int(found.group(3)), int(found.group(2)), int(found.group(1))).isoformat()
    except ValueError:
        return ""


_HEADING = re.compile(r"^(BỘ LUẬT|LUẬT|NGHỊ ĐỊNH|THÔNG TƯ|QUYẾT ĐỊNH)\s*\n+\s*([^\n]{3,300})$", re.MULTILINE)


def _title(title: str, text: str) -> str:
    """The reader's title, else the heading under the document type ("LUẬT" / "CÔNG ĐOÀN")."""
    found = None if title else _HEADING.search(text[:5000])
    if found is None:
        return title
    return f"{found.group(1).capitalize()} {found.group(2).strip().lower()}"


def suggest_metadata(law_id: str, title: str, text: str) -> dict[str, str]:
    """Type, issuing body and dates as the text states them (staff check and correct them)."""
    doc_type, issuer = next(((t, i) for suffix, t, i in _TYPES if suffix in law_id.upper()), ("", ""))
    if doc_type == "Luật" and title.upper().startswith("BỘ LUẬT"):
        doc_type = "Bộ luật"
    return {
        "doc_type": doc_type,
        "issuer": issuer,
        "title": _title(title, text),
        "issued": _day(_ISSUED.search(text[:3000])),
        "effective": _day(_EFFECTIVE.search(text)),
    }


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
