"""The notebooks in ``notebooks/`` run top to bottom on the real corpus (and index) without errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CELL_TIMEOUT_S = 600

pytestmark = pytest.mark.slow


def _execute(name: str) -> tuple[Any, str]:
    """Run the notebook in ``notebooks/`` with this interpreter's kernel; return it and its text output."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_S,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    return notebook, _text(notebook)


def _text(notebook: Any) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", (
                f"cell failed: {output.get('ename')}: {output.get('evalue')}"
            )
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/markdown", ""))
    return "\n".join(parts)


def _has_image(notebook: Any) -> bool:
    return any("image/png" in o.get("data", {}) for cell in notebook.cells for o in cell.get("outputs", []))


@pytest.mark.usefixtures("corpus")  # build the corpus once, outside the kernel's timeout
def test_corpus_exploration_notebook() -> None:
    notebook, text = _execute("01_corpus_exploration.ipynb")
    assert "documents: " in text and "articles: " in text
    assert "45/2019/QH14" in text  # the Labour Code's row in the status table
    assert "Còn hiệu lực" in text and "Hết hiệu lực" in text
    assert _has_image(notebook)


@pytest.mark.usefixtures("retriever")  # build the index once, outside the kernel
def test_evaluation_notebook_runs_small_eval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An empty results folder makes the notebook run its own small evaluation (the kernel inherits env).
    monkeypatch.setenv("LEGAL_ASSISTANT_RESULTS_DIR", str(tmp_path))
    notebook, text = _execute("02_evaluation_analysis.ipynb")
    assert "ran a small retrieval evaluation" in text
    assert "Recall@5" in text and "misses: " in text
    assert _has_image(notebook)
    assert any((run / "questions.jsonl").is_file() for run in tmp_path.iterdir())
