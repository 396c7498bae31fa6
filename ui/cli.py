"""The ``legal-assistant`` console script.

Each layer registers its own subcommands (``<layer>/cli.py`` exposes ``register``) and
imports its heavy code inside the command, so ``legal-assistant --help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

# Modules that contribute subcommands, lowest layer first.
COMMAND_MODULES = (
    "corpus.cli",
    "indexing.cli",
    "assistant.cli",
    "assistant.calculators.cli",
    "evaluation.cli",
    "ui.serve_cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="legal-assistant",
        description="Trợ lý Pháp luật Công đoàn — Vietnamese labour-law assistant.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # layer not present in this checkout
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from corpus.cli import run_command

    return run_command(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
