"""Rate limits: keyed by identity or address, bounded memory without a reset, every route.

The 10,000-request probe is ``benchmarks/ratelimit_probe.py``; here a bounded version of it.
"""

from __future__ import annotations

import random
import secrets
import string
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from assistant.service.auth import create_user
from ui.api.app import create_app
from ui.api.ratelimit import TokenBuckets, client_address

SOURCE = "/v1/sources/45/2019/QH14/113"


def random_headers(rng: random.Random) -> dict[str, str]:
    """A made-up bearer value and the headers a client might forge to look like someone else."""
    scheme = rng.choice(["Bearer", "bearer", "BEARER", "Bearer  "])
    value = rng.choice(
        [
            "la_" + secrets.token_urlsafe(32),  # well-formed but unknown
            secrets.token_hex(rng.randint(1, 64)),
            "".join(rng.choices(string.printable[:94], k=rng.randint(1, 300))),
        ]
    )
    fake_ip = f"{rng.randint(1, 254)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    return {
        "Authorization": f"{scheme} {value}",
        "X-Forwarded-For": fake_ip,
        "X-Real-IP": fake_ip,
        "Forwarded": f"for={fake_ip}",
        "User-Agent": secrets.token_hex(8),
    }


def test_buckets_stay_bounded_and_never_free_an_active_client() -> None:
    buckets = TokenBuckets(per_minute=5, max_keys=100)
    now = 1000.0
    for _ in range(5):
        assert buckets.take("victim", now) == 0.0
    assert buckets.take("victim", now) > 0  # blocked
    for i in range(5000):
        buckets.take(f"ip:{i}", now)
        if i % 50 == 0:
            assert buckets.take("victim", now) > 0, i  # still blocked while it keeps trying
    assert len(buckets) <= 100
    assert buckets.take("victim", now + 60.0) == 0.0  # refilled after a minute, as designed


def test_ipv6_clients_are_keyed_by_their_64_network() -> None:
    one = client_address({"client": ("2001:db8:1:2::1", 1)})
    other = client_address({"client": ("2001:db8:1:2:ffff::9", 1)})
    assert one == other == "ip:2001:db8:1:2::/64"
    assert client_address({"client": ("203.0.113.7", 1)}) == "ip:203.0.113.7"


@pytest.mark.slow
def test_random_bearers_and_forged_headers_hit_the_address_limit(service: Any) -> None:
    settings = replace(service.settings, rate_limit_per_minute=20)
    rng = random.Random(12)
    member = create_user(service.store, "Đoàn viên", "member")[1]
    with TestClient(create_app(settings, service=service, web_ui=False)) as client:
        codes = [client.get(SOURCE, headers=random_headers(rng)).status_code for _ in range(300)]
        plain = client.get(SOURCE)
        own = client.get(SOURCE, headers={"Authorization": f"Bearer {member}"})
    limited = codes.count(429)
    assert limited >= 300 - 25, limited  # 20 a minute, plus refill during the run
    assert set(codes) <= {200, 401, 429}
    assert plain.status_code == 429 and plain.json()["error"] == "rate_limited"
    assert int(plain.headers["retry-after"]) >= 1
    assert own.status_code == 200  # a real member is keyed by identity, not by the blocked address


@pytest.mark.slow
def test_each_member_has_an_own_limit_and_the_web_ui_is_limited_too(service: Any) -> None:
    settings = replace(service.settings, rate_limit_per_minute=5)
    tokens = [create_user(service.store, f"Đoàn viên {i}", "member")[1] for i in range(2)]
    with TestClient(create_app(settings, service=service, web_ui=True)) as client:
        first = [
            client.get(SOURCE, headers={"Authorization": f"Bearer {tokens[0]}"}).status_code for _ in range(7)
        ]
        second = client.get(SOURCE, headers={"Authorization": f"Bearer {tokens[1]}"}).status_code
        pages = [client.get("/").status_code for _ in range(8)]
        health = [client.get("/healthz").status_code for _ in range(8)]
    assert first[:5] == [200] * 5 and first[-1] == 429
    assert second == 200
    assert pages[0] == 200 and pages[-1] == 429
    assert health == [200] * 8  # probes are not limited
