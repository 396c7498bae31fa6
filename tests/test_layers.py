"""The layering rule: dependencies point one way (corpus ← indexing ← assistant ← ui, evaluation).

Every ``import`` in a layer's source files (module level or inside a function) is read with
``ast``; a layer may import only itself and the layers below it. The application layer lives in
``assistant/service`` and so may not import ``ui``. And the extractive core imports without the
``serve`` extra: importing ``assistant``, ``assistant.pipeline`` and ``assistant.service`` loads
no database library or web framework.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {
    "corpus": {"corpus"},
    "indexing": {"corpus", "indexing"},
    "assistant": {"corpus", "indexing", "assistant"},
    "evaluation": {"corpus", "indexing", "assistant", "evaluation"},
    "ui": {"corpus", "indexing", "assistant", "ui"},
}
HEAVY = ("sqlalchemy", "alembic", "fastapi", "starlette", "uvicorn", "gradio", "matplotlib")


def _first_party_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found & set(ALLOWED)


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_a_layer_imports_only_itself_and_the_layers_below(layer: str) -> None:
    files = sorted((ROOT / layer).rglob("*.py"))
    assert files, f"no Python files under {layer}/"
    wrong = {
        str(path.relative_to(ROOT)): sorted(bad)
        for path in files
        if (bad := _first_party_imports(path) - ALLOWED[layer])
    }
    assert not wrong, f"{layer}/ imports layers above it: {wrong}"


def test_the_application_layer_is_inside_assistant() -> None:
    assert (ROOT / "assistant" / "service" / "application.py").is_file()
    assert not (ROOT / "ui" / "application.py").exists() and not (ROOT / "ui" / "storage").exists()


def test_the_core_and_the_service_package_import_nothing_heavy() -> None:
    code = (
        "import json, sys\n"
        "import assistant, assistant.pipeline, assistant.service\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
