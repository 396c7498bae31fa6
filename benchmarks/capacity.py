"""Capacity on DISTINCT questions (no answer-cache hits): answers/s, latency, /healthz under load.

Starts ``legal-assistant serve --no-web`` on loopback with a fresh SQLite file, then 16 clients
ask each question of the dev sets once (first turns only), while a probe calls ``/healthz``
every 50 ms. ``--llm`` points the service (LEGAL_ASSISTANT_GENERATOR=openai) at a scripted
OpenAI-compatible server on loopback that streams its reply over ``--llm-seconds``; answers
are then streamed (``/v1/ask/stream``) and the delay from the server sending its first token
to the client reading it is measured (same monotonic clock, one machine).

    python benchmarks/capacity.py [--clients 16] [--requests 400]
    python benchmarks/capacity.py --llm [--llm-seconds 2] [--requests 160]

Prints one JSON object and writes it to results/bench/capacity[-llm].json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from typing import Any

import httpx
import numpy as np
from server_process import ROOT, ServerProcess

sys.path.insert(0, str(ROOT / "tests" / "assistant"))
from llm_servers import ScriptedChatServer

DATASETS = ("dev_tune.jsonl", "dev_frozen.jsonl")
LLM_REPLY = (
    "Theo nguồn được cung cấp, người lao động được hưởng quyền lợi như quy định tại khoản này [1]. "
    "Người sử dụng lao động phải thực hiện đúng quy định đó [1]."
)


def distinct_questions() -> list[str]:
    questions: list[str] = []
    for name in DATASETS:
        for line in (ROOT / "evaluation" / "data" / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("question") and not row.get("history"):
                questions.append(row["question"].strip())
    return list(dict.fromkeys(questions))


class Run:
    def __init__(self, questions: list[str], stream: bool) -> None:
        self.queue = list(reversed(questions))
        self.stream = stream
        self.latencies: list[float] = []
        self.first_read: dict[str, float] = {}
        self.errors: list[str] = []
        self.health: list[float] = []
        self.done = False

    async def client(self, http: httpx.AsyncClient) -> None:
        while self.queue:
            question = self.queue.pop()
            started = time.perf_counter()
            try:
                ok = await (self._stream(http, question) if self.stream else self._ask(http, question))
            except httpx.HTTPError as exc:
                self.errors.append(repr(exc))
                continue
            if ok:
                self.latencies.append(time.perf_counter() - started)

    async def _ask(self, http: httpx.AsyncClient, question: str) -> bool:
        response = await http.post("/v1/ask", json={"question": question})
        if response.status_code == 200 and response.json().get("interaction_id"):
            return True
        self.errors.append(f"{response.status_code}: {response.text[:200]}")
        return False

    async def _stream(self, http: httpx.AsyncClient, question: str) -> bool:
        final = None
        async with http.stream("POST", "/v1/ask/stream", json={"question": question}) as response:
            if response.status_code != 200:
                self.errors.append(f"{response.status_code}: {(await response.aread())[:200]!r}")
                return False
            async for line in response.aiter_lines():
                if not line:
                    continue
                event = json.loads(line)
                if event["type"] == "delta" and question not in self.first_read:
                    self.first_read[question] = time.monotonic()
                elif event["type"] in ("final", "error"):
                    final = event
        if final is None or final["type"] != "final":
            self.errors.append(f"stream ended without a final event: {final}")
            return False
        return True

    async def probe(self, http: httpx.AsyncClient) -> None:
        while not self.done:
            started = time.perf_counter()
            response = await http.get("/healthz")
            if response.status_code == 200:
                self.health.append(time.perf_counter() - started)
            else:
                self.errors.append(f"/healthz {response.status_code}")
            await asyncio.sleep(0.05)


async def drive(url: str, run: Run, clients: int) -> float:
    limits = httpx.Limits(max_connections=clients + 2, max_keepalive_connections=clients + 2)
    async with (
        httpx.AsyncClient(base_url=url, timeout=120.0, limits=limits) as http,
        httpx.AsyncClient(base_url=url, timeout=10.0) as probe_http,
    ):
        probe = asyncio.create_task(run.probe(probe_http))
        started = time.perf_counter()
        await asyncio.gather(*(run.client(http) for _ in range(clients)))
        wall = time.perf_counter() - started
        run.done = True
        await probe
    return wall


def ms(values: list[float], q: float) -> float:
    return round(float(np.percentile(np.array(values) * 1000.0, q)), 1) if values else float("nan")


def first_token_delays(run: Run, llm: ScriptedChatServer) -> list[float]:
    """Seconds from the LLM server writing its first token to the client reading a delta."""
    delays = []
    for question, read_at in run.first_read.items():
        sent = [t for message, t in llm.first_sent if question in message]
        if sent:
            delays.append(read_at - min(sent))
    return delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=None, help="distinct questions asked (default: all)")
    parser.add_argument("--llm", action="store_true", help="generator: scripted OpenAI-compatible server")
    parser.add_argument("--llm-seconds", type=float, default=2.0)
    args = parser.parse_args()
    questions = distinct_questions()[: args.requests]
    tmp = tempfile.mkdtemp(prefix="la-capacity-")
    llm = ScriptedChatServer(LLM_REPLY, seconds=args.llm_seconds) if args.llm else None
    env = {"LEGAL_ASSISTANT_MAX_ANSWERS_IN_FLIGHT": str(max(32, args.clients * 2))}
    if llm is not None:
        llm.__enter__()
        env |= {"LEGAL_ASSISTANT_GENERATOR": "openai", "LEGAL_ASSISTANT_LLM_BASE_URL": llm.base_url}
    server = ServerProcess(f"sqlite:///{tmp}/capacity.db", extra_env=env).start()
    run = Run(questions, stream=llm is not None)
    try:
        server.wait_ready()
        generator = httpx.get(server.url + "/readyz").json().get("generator")
        wall = asyncio.run(drive(server.url, run, args.clients))
    finally:
        server.stop()
        if llm is not None:
            llm.__exit__()
    result: dict[str, Any] = {
        "generator": generator,
        "clients": args.clients,
        "distinct_questions": len(questions),
        "answers": len(run.latencies),
        "errors": len(run.errors),
        "error_samples": run.errors[:5],
        "seconds": round(wall, 2),
        "answers_per_s": round(len(run.latencies) / wall, 2) if wall else 0.0,
        "p50_ms": ms(run.latencies, 50),
        "p95_ms": ms(run.latencies, 95),
        "healthz_probes": len(run.health),
        "healthz_p99_ms": ms(run.health, 99),
        "healthz_max_ms": ms(run.health, 100),
        "cpus": os.cpu_count(),
    }
    if llm is not None:
        delays = first_token_delays(run, llm)
        result |= {
            "llm_seconds": args.llm_seconds,
            "llm_requests": len(llm.requests),
            "first_token_matched": len(delays),
            "first_token_delay_p50_ms": ms(delays, 50),
            "first_token_delay_p95_ms": ms(delays, 95),
        }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    out = ROOT / "results" / "bench" / ("capacity-llm.json" if llm else "capacity.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
