"""Probe of the rate limit as issue 12 ran it: 10,000 requests with random bearer values.

Usage: python benchmarks/ratelimit_probe.py [--requests 10000] [--per-minute 600]
Starts ``legal-assistant serve`` (API and web UI) on a loopback port with a fresh SQLite file,
sends the requests from one client with made-up tokens and forged forwarding headers to API
and web UI routes, then checks that the address stays blocked (200 plain requests) and that a
real member's token still works. Prints the status counts.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.service.auth import create_user  # noqa: E402
from assistant.service.storage.store import Store  # noqa: E402
from benchmarks.server_process import ServerProcess  # noqa: E402
from tests.ui.test_ratelimit import random_headers  # noqa: E402

PATHS = ("/v1/sources/45/2019/QH14/113", "/v1/reviews", "/v1/dashboard", "/v1/ask", "/", "/config")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--per-minute", type=int, default=600)
    args = parser.parse_args()
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/probe.db"
        store = Store(url).open()
        member = create_user(store, "Đoàn viên thật", "member")[1]
        store.close()
        server = ServerProcess(
            url, web=True, extra_env={"LEGAL_ASSISTANT_RATE_LIMIT_PER_MINUTE": str(args.per_minute)}
        )
        server.start()
        try:
            print(f"server ready in {server.wait_ready():.1f} s")
            codes: Counter[int] = Counter()
            started = time.perf_counter()
            with httpx.Client(base_url=server.url, timeout=30) as client:
                for _ in range(args.requests):
                    path = rng.choice(PATHS)
                    headers = random_headers(rng)
                    if path == "/v1/ask":
                        response = client.post(path, json={"question": "Nghỉ phép năm?"}, headers=headers)
                    else:
                        response = client.get(path, headers=headers)
                    codes[response.status_code] += 1
                elapsed = time.perf_counter() - started
                after = Counter(client.get(PATHS[0]).status_code for _ in range(200))
                own = client.get(PATHS[0], headers={"Authorization": f"Bearer {member}"}).status_code
        finally:
            server.stop()
    allowed_max = args.per_minute + int(elapsed * args.per_minute / 60) + 1
    print(f"{args.requests} requests with random bearer values and forged headers in {elapsed:.1f} s")
    print("status counts: " + ", ".join(f"{code} × {n}" for code, n in sorted(codes.items())))
    print(f"not limited: {args.requests - codes[429]} (the limit allows at most {allowed_max} in that time)")
    print(f"then 200 plain requests from the blocked address: {after[200]} got through, {after[429]} × 429")
    print(f"a real member's token from the same address: {own}")
    held = args.requests - codes[429] <= allowed_max and after[429] >= 180 and own == 200
    print("limits hold" if held else "LIMITS DO NOT HOLD")
    return 0 if held else 1


if __name__ == "__main__":
    raise SystemExit(main())
