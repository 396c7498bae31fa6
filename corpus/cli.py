"""``legal-assistant corpus build|stats|show`` (heavy imports inside the commands)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed command (its ``func``): a project error is printed in Vietnamese with exit
    status 2, Ctrl-C exits with 130. Shared by every layer's command-line entry point."""
    from corpus.errors import LegalAssistantError

    try:
        return int(args.func(args) or 0)
    except LegalAssistantError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def register(subparsers: Any) -> None:
    corpus = subparsers.add_parser("corpus", help="Kho văn bản pháp luật: build / stats / show")
    sub = corpus.add_subparsers(dest="corpus_command", required=True)

    build = sub.add_parser("build", help="Build the corpus from the raw legal sources")
    build.add_argument(
        "--sources", type=Path, default=None, help="sources folder (default: Settings.sources_dir)"
    )
    build.add_argument("--out", type=Path, default=None, help="output folder (default: Settings.corpus_dir)")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.set_defaults(func=_build)

    stats = sub.add_parser("stats", help="Documents, status on today's date, unit counts")
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.add_argument("--corpus", type=Path, default=None, help="built corpus folder")
    stats.set_defaults(func=_stats)

    show = sub.add_parser("show", help="Print one article / clause / point with its path and provenance")
    show.add_argument("law", help="law number, e.g. 45/2019/QH14")
    show.add_argument("article", type=_positive, help="article number (Điều)")
    show.add_argument("--clause", type=_positive, default=None, help="clause number (khoản)")
    show.add_argument("--point", default=None, help="point letter (điểm), e.g. a, đ")
    show.add_argument("--json", action="store_true")
    show.add_argument("--corpus", type=Path, default=None, help="built corpus folder")
    show.set_defaults(func=_show)

    stage = sub.add_parser(
        "stage", help="Kiểm tra một văn bản trước khi công bố: báo cáo cấu trúc, cảnh báo, so sánh"
    )
    stage.add_argument("file", type=Path, help="Word, PDF, HTML, Markdown or text file")
    stage.add_argument("--replaces", default=None, help="law number of the document it replaces")
    stage.add_argument("--effective", type=date.fromisoformat, default=None, help="date in force, YYYY-MM-DD")
    stage.add_argument("--new-version", action="store_true", help="corrected text of a corpus document")
    stage.add_argument("--json", action="store_true")
    stage.add_argument("--corpus", type=Path, default=None, help="built corpus folder")
    stage.set_defaults(func=_stage)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}") from None
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def _build(args: argparse.Namespace) -> int:
    from corpus.build import build_corpus
    from corpus.published import published_dir
    from corpus.settings import Settings

    settings = Settings.from_env()
    sources = args.sources or settings.sources_dir
    out = args.out or settings.corpus_dir
    published, cache = published_dir(settings.data_dir), settings.cache_dir
    report = build_corpus(sources, out, progress=not args.quiet, published=published, cache_dir=cache)
    print(
        f"Đã xây dựng kho dữ liệu: {report.documents} văn bản, {report.articles} điều "
        f"({report.seconds:.1f} s) -> {out}"
    )
    if report.warnings:
        print(f"Cảnh báo ({len(report.warnings)}):")
        for warning in report.warnings:
            print(f"  - {warning}")
    if report.skipped:
        print(f"Bỏ qua ({len(report.skipped)} tệp/văn bản không đọc được):")
        for skipped in report.skipped:
            print(f"  - {skipped}")
    return 0


def _load(path: Path | None) -> Any:
    from corpus.settings import Settings
    from corpus.store import load_corpus

    return load_corpus(path or Settings.from_env().corpus_dir)


def stats_rows(corpus: Any, today: date) -> dict[str, Any]:
    from corpus.model import UnitKind

    kinds = [k.value for k in UnitKind]
    counts: dict[str, dict[str, int]] = {law: dict.fromkeys(kinds, 0) for law in corpus.documents}
    for unit in corpus.units.values():
        counts[unit.law_id][unit.kind.value] += 1
    docs = []
    for law, doc in corpus.documents.items():
        c = counts[law]
        docs.append(
            {
                "law_id": law,
                "title": doc.title,
                "type": doc.doc_type,
                "status": doc.status_on(today),
                "in_force": doc.in_force_on(today),
                "replaced_by": list(doc.replaced_by),
                "chapters": c["chuong"],
                "sections": c["muc"],
                "articles": c["dieu"],
                "clauses": c["khoan"],
                "points": c["diem"],
                "appendix_rows": c["phu_luc_dong"],
                "sources": [
                    s["path"] for s in corpus.manifest.get("documents", {}).get(law, {}).get("sources", [])
                ],
            }
        )
    keys = ("chapters", "sections", "articles", "clauses", "points", "appendix_rows")
    totals = {
        "documents": len(docs),
        "in_force": sum(d["in_force"] for d in docs),
        **{k: sum(d[k] for d in docs) for k in keys},
    }
    return {"as_of": today.isoformat(), "documents": docs, "totals": totals}


def _stats(args: argparse.Namespace) -> int:
    data = stats_rows(_load(args.corpus), date.today())
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"Kho văn bản pháp luật — tình trạng hiệu lực ngày {data['as_of']}")
    header = (
        f"{'Số hiệu':<20} {'Loại':<17} {'Hiệu lực':<17} {'Chương':>6} {'Mục':>4} {'Điều':>5} "
        f"{'Khoản':>6} {'Điểm':>5}  Tên"
    )
    print(header)
    print("-" * len(header))
    for d in data["documents"]:
        status = d["status"] + (
            f" → {', '.join(d['replaced_by'])}" if not d["in_force"] and d["replaced_by"] else ""
        )
        print(
            f"{d['law_id']:<20} {d['type']:<17} {d['status']:<17} {d['chapters']:>6} {d['sections']:>4} "
            f"{d['articles']:>5} {d['clauses']:>6} {d['points']:>5}  {d['title'][:60]}"
        )
        if status != d["status"]:
            print(f"{'':<20} {'':<17} thay thế bởi: {', '.join(d['replaced_by'])}")
    t = data["totals"]
    print("-" * len(header))
    print(
        f"Tổng: {t['documents']} văn bản ({t['in_force']} còn hiệu lực), {t['chapters']} chương, "
        f"{t['sections']} mục, {t['articles']} điều, {t['clauses']} khoản, {t['points']} điểm"
    )
    return 0


def _show(args: argparse.Namespace) -> int:
    corpus = _load(args.corpus)
    if args.point is not None and args.clause is None:
        from corpus.errors import UnknownUnitError

        raise UnknownUnitError("--point cần --clause (a point is looked up inside a clause)")
    unit = corpus.get(args.law, args.article, args.clause, args.point)
    doc = corpus.document(unit.law_id)
    if args.json:
        from dataclasses import asdict

        print(
            json.dumps(
                {
                    **asdict(unit),
                    "kind": unit.kind.value,
                    "document": doc.title,
                    "status": doc.status_on(date.today()),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"{doc.doc_type} {doc.title} ({unit.law_id}) — {doc.status_on(date.today())}")
    for label in unit.path:
        print(f"  {label}")
    print(f"\n{unit.heading}\n{unit.text}\n")
    print("Nguồn (provenance):")
    for src in unit.sources:
        mark = "✔" if src.chosen else " "
        print(f"  {mark} {src.path} [{src.format}]{' — ' + src.reason if src.reason else ''}")
    if unit.references:
        print("Dẫn chiếu: " + ", ".join(unit.references))
    sys.stdout.flush()
    return 0


def _stage(args: argparse.Namespace) -> int:
    """Parse report of an upload; exit 1 when it cannot be published (nothing is written)."""
    from dataclasses import asdict

    from corpus.staging import render, stage_file

    report = stage_file(
        args.file,
        _load(args.corpus),
        replaces=args.replaces,
        effective=args.effective,
        new_version=args.new_version,
    )
    if args.json:
        data = {k: v for k, v in asdict(report).items() if k != "units"}
        print(json.dumps({**data, "ok": report.ok}, ensure_ascii=False, indent=2))
    else:
        print(render(report))
    return 0 if report.ok else 1
