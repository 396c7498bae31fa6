"""Run ``legal-assistant`` as if some installed packages were not installed (a named fake).

Usage: ``python without_extras.py BLOCKED_JSON ATTEMPTS_LOG -- legal-assistant arguments...``

``BLOCKED_JSON`` is a JSON list of top-level module names. Importing one of them raises
``ModuleNotFoundError`` and ``importlib.util.find_spec`` answers None, exactly what a venv
without them does; each attempt is appended to ``ATTEMPTS_LOG`` as a JSON line
``[module, importing file]``, so the test can tell the project's own imports from the optional
imports of third-party libraries (which catch the error and carry on).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

_real_find_spec = importlib.util.find_spec


def _importer() -> str:
    """The file of the innermost frame outside the import machinery and this script."""
    frame = sys._getframe(1)
    while frame is not None:
        name = frame.f_code.co_filename
        if not name.startswith("<frozen") and name != __file__ and "importlib" not in name:
            return name
        frame = frame.f_back  # type: ignore[assignment]
    return "?"


class NotInstalled(importlib.abc.MetaPathFinder):
    def __init__(self, blocked: set[str], log: Path) -> None:
        self.blocked = blocked
        self.log = log

    def hides(self, name: str) -> bool:
        top = name.partition(".")[0]
        if top not in self.blocked:
            return False
        with self.log.open("a", encoding="utf-8") as out:
            out.write(json.dumps([top, _importer()]) + "\n")
        return True

    def find_spec(self, name: str, path: Any = None, target: ModuleType | None = None) -> None:
        if self.hides(name):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def install(blocked: set[str], log: Path) -> None:
    finder = NotInstalled(blocked, log)
    sys.meta_path.insert(0, finder)

    def find_spec(name: str, package: str | None = None) -> Any:
        if not name.startswith(".") and finder.hides(name):
            return None
        return _real_find_spec(name, package)

    importlib.util.find_spec = find_spec


def main() -> int:
    blocked, log, separator, *arguments = sys.argv[1:]
    assert separator == "--", "usage: without_extras.py BLOCKED_JSON LOG -- arguments"
    install(set(json.loads(blocked)), Path(log))
    from ui.cli import main as cli_main

    return cli_main(arguments)


if __name__ == "__main__":
    raise SystemExit(main())
