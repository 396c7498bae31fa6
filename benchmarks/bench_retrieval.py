"""Retrieval benchmark: build times, query latency, serving memory, index size.

- cold build: a fresh data dir and an empty cache (everything embedded and segmented);
- incremental build: same cache, after one document's units changed (a copy of the corpus
  with every article of one law edited), so only that law is re-embedded;
- latency: p50/p95 of ``search`` over the dev questions (both splits, ≥ 200), warm;
- peak RSS of a serving process (load corpus + index + model, run the queries);
- index size on disk.

Prints the figures and writes ``results/bench/retrieval.json``.
Usage: ``python benchmarks/bench_retrieval.py [--skip-cold] [--law 84/2015/QH13]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.build import ensure_corpus  # noqa: E402
from corpus.settings import Settings  # noqa: E402
from corpus.store import Corpus  # noqa: E402
from indexing.build import build_index, ensure_index  # noqa: E402

SERVE_SCRIPT = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from corpus.settings import Settings
from corpus.store import load_corpus
from indexing.retriever import HybridRetriever
questions = json.loads(open({questions!r}, encoding="utf-8").read())
settings = Settings.from_env()
started = time.perf_counter()
retriever = HybridRetriever.load(settings, load_corpus(settings.corpus_dir))
load_s = time.perf_counter() - started
for q in questions[:20]:
    retriever.search(q)
times = []
for q in questions:
    t = time.perf_counter(); retriever.search(q, k=10); times.append(time.perf_counter() - t)
print(json.dumps({{"load_s": load_s, "times": times,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def questions() -> list[str]:
    out = []
    for split in ("dev_tune", "dev_frozen"):
        path = ROOT / "evaluation" / "data" / f"{split}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines()
        out += [json.loads(line)["question"] for line in lines if line.strip()]
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def edited_corpus(corpus: Corpus, law: str) -> Corpus:
    units = [
        replace(u, text=u.text + " (sửa đổi thử nghiệm)") if u.law_id == law and u.article is not None else u
        for u in corpus.units.values()
    ]
    return Corpus(corpus.documents.values(), units, corpus.cross_references, corpus.manifest)


def timed_build(settings: Settings, corpus: Corpus) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    manifest = build_index(settings, corpus, progress=True)
    return time.perf_counter() - started, manifest


def serve(settings: Settings, qs: list[str]) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(qs, handle, ensure_ascii=False)
    script = SERVE_SCRIPT.format(root=str(ROOT), questions=handle.name)
    env = dict(os.environ, LEGAL_ASSISTANT_DATA_DIR=str(settings.data_dir))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    data: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return data


def dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-cold", action="store_true", help="skip the cold build (takes minutes)")
    parser.add_argument("--law", default="84/2015/QH13", help="the document edited for the incremental build")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    corpus = ensure_corpus(settings)
    ensure_index(settings, corpus, progress=True)
    results: dict[str, Any] = {"chunks": None}
    with tempfile.TemporaryDirectory(prefix="bench-index-") as tmp:
        scratch = replace(settings, data_dir=Path(tmp))
        if not args.skip_cold:
            results["cold_build_s"], manifest = timed_build(scratch, corpus)
            results["chunks"] = manifest["chunks"]
        else:
            # Seed the scratch cache from the project cache so only the edit is new work.
            import shutil

            shutil.copytree(settings.cache_dir, scratch.cache_dir)
        results["incremental_build_s"], manifest = timed_build(scratch, edited_corpus(corpus, args.law))
        results["incremental_embedded"] = manifest["embedded"]
        results["chunks"] = manifest["chunks"]
    qs = questions()
    served = serve(settings, qs)
    times_ms = [t * 1000 for t in served["times"]]
    results |= {
        "queries": len(times_ms),
        "latency_p50_ms": round(percentile(times_ms, 50), 1),
        "latency_p95_ms": round(percentile(times_ms, 95), 1),
        "load_s": round(served["load_s"], 2),
        "peak_rss_mb": round(served["peak_rss_mb"], 1),
        "index_size_mb": round(dir_size_mb(settings.index_dir), 1),
    }
    for key, value in results.items():
        print(f"{key:>24}: {value}")
    out = settings.results_dir / "bench" / "retrieval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
