"""Benchmark of the full corpus build: wall time, peak memory, articles per second.

Usage: python benchmarks/bench_corpus.py [--sources DIR] [--cache]
Prints the figures and writes them to results/bench/corpus.json. With ``--cache`` it also
builds twice with a fresh readers' cache (``corpus.read_cache``; what publishing a document
does): the build that fills it, the rebuild that reads it, and whether the rebuilt files
equal those of the plain build byte for byte.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.build import build_corpus  # noqa: E402
from corpus.settings import Settings  # noqa: E402


def _cached_builds(sources: Path, tmp: Path) -> dict[str, object]:
    times = []
    for name in ("filled", "rebuilt"):
        started = time.perf_counter()
        build_corpus(sources, tmp / name, progress=False, cache_dir=tmp / "cache")
        times.append(time.perf_counter() - started)
    same = all(
        filecmp.cmp(tmp / "corpus" / f, tmp / "rebuilt" / f, shallow=False)
        for f in ("documents.jsonl", "units.jsonl", "cross_references.jsonl")
    )
    return {
        "cache_fill_seconds": round(times[0], 2),
        "cached_rebuild_seconds": round(times[1], 2),
        "cached_output_identical": same,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=Path, default=Settings.from_env().sources_dir)
    parser.add_argument("--out", type=Path, default=Settings.from_env().results_dir / "bench" / "corpus.json")
    parser.add_argument("--cache", action="store_true", help="also time a rebuild from the readers' cache")
    args = parser.parse_args()
    cached: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = build_corpus(args.sources, Path(tmp) / "corpus", progress=False)
        seconds = time.perf_counter() - started
        if args.cache:
            cached = _cached_builds(args.sources, Path(tmp))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    result = {
        "build_seconds": round(seconds, 2),
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "documents": report.documents,
        "articles": report.articles,
        "articles_per_second": round(report.articles / seconds, 1),
        "skipped": len(report.skipped),
        "warnings": len(report.warnings),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "target_seconds": 60,
        **cached,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    for key, value in result.items():
        print(f"{key:>20}: {value}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
