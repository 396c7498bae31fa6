"""Answering: question normalisation, RAG pipeline, generators, citation verification."""
