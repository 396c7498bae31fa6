"""schemathesis over every operation, anonymous and with member and advisor tokens.

Usage: python benchmarks/contract_fuzz.py [--examples 25] [--seed N]
Builds the real service on a fresh SQLite file, loads the app's OpenAPI document through the
ASGI transport, and sends positive and negative cases for every operation and identity with
response validation on. Prints requests sent, server errors and contract violations
(a larger, randomised run of tests/ui/test_contract.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import schemathesis  # noqa: E402
from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.core.parameters import ParameterLocation  # noqa: E402

from assistant.service.auth import create_user  # noqa: E402
from corpus.settings import Settings  # noqa: E402
from tests.ui.test_contract import CHECKS, CONFIG  # noqa: E402
from ui.api.app import create_app  # noqa: E402
from ui.bootstrap import build_service  # noqa: E402


def run(
    schema: Any, identity: dict[str, str], mode: GenerationMode, examples: int, tally: Counter[str]
) -> None:
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(
            max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def one(case: Any) -> None:
            negative_header = case.meta and case.meta.is_negative_at(ParameterLocation.HEADER)
            tally["requests"] += 1
            try:
                response = case.call_and_validate(
                    headers={} if negative_header else identity, checks=CHECKS, timeout=120
                )
            except (AssertionError, BaseExceptionGroup) as exc:  # a failed check (FailureGroup)
                tally["violations"] += 1
                inner = getattr(exc, "exceptions", (exc,))
                print(f"VIOLATION {case.operation.label}: " + " | ".join(str(e)[:400] for e in inner))
                return
            tally[f"{response.status_code // 100}xx"] += 1
            if response.status_code >= 500:
                tally["server errors"] += 1

        try:
            one()
        except Unsatisfiable:
            tally["operations without negative cases"] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=25, help="per operation, identity and mode")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Settings.from_env()
        settings = replace(base, database_url=f"sqlite:///{tmp}/fuzz.db", rate_limit_per_minute=10_000_000)
        service = build_service(settings)
        identities = {
            "anonymous": {},
            "member": {"Authorization": f"Bearer {create_user(service.store, 'member', 'member')[1]}"},
            "advisor": {"Authorization": f"Bearer {create_user(service.store, 'admin', 'admin')[1]}"},
        }
        schema = schemathesis.openapi.from_asgi(
            "/openapi.json", create_app(settings, service=service, web_ui=False), config=CONFIG
        )
        tally: Counter[str] = Counter()
        started = time.perf_counter()
        for name, headers in identities.items():
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                runner = run if args.seed is None else seed(args.seed)(run)
                runner(schema, headers, mode, args.examples, tally)
                print(f"{name} {mode.value}: {tally['requests']} requests so far")
        service.store.close()
    elapsed = time.perf_counter() - started
    print(f"{tally['requests']} requests in {elapsed:.0f} s over {len(identities)} identities")
    print("status classes: " + ", ".join(f"{k} × {v}" for k, v in sorted(tally.items()) if k.endswith("xx")))
    print(f"server errors: {tally['server errors']}, contract violations: {tally['violations']}")
    return 0 if tally["server errors"] == 0 and tally["violations"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
