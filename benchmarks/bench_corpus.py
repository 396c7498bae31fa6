"""Benchmark of the full corpus build: wall time, peak memory, articles per second.

Usage: python benchmarks/bench_corpus.py [--sources DIR]
Prints the figures and writes them to results/bench/corpus.json.
"""

from __future__ import annotations

import argparse
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sources", type=Path, default=Settings.from_env().sources_dir)
    parser.add_argument("--out", type=Path, default=Settings.from_env().results_dir / "bench" / "corpus.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = build_corpus(args.sources, Path(tmp) / "corpus", progress=False)
        seconds = time.perf_counter() - started
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
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    for key, value in result.items():
        print(f"{key:>20}: {value}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
