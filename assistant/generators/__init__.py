"""Answer generators: extractive (default, offline) and LLM-backed, behind one Protocol."""
