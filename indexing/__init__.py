"""Chunking, embedding, BM25 and FAISS indexes, and the hybrid retriever."""
