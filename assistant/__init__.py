"""Answering: question normalisation, RAG pipeline, generators, citation verification; and in
``assistant.service`` the application layer that the edges in ``ui`` call."""
