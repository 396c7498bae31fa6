"""Load test: 16 concurrent clients on ``POST /v1/ask`` against the real server.

Starts ``legal-assistant serve --no-web`` (extractive generator, built index, a fresh SQLite
database) on loopback, then drives it until ``--requests`` are done or ``--seconds`` pass.
Members repeat questions, so the 40 questions below cycle; the service answers an identical
normalised first-turn question from its in-process LRU cache (``assistant.service.application``), after the
verified-answer lookup and with a stored interaction per request, so every request still
commits a database write. Prints throughput, p50/p95/p99 and errors; writes results/bench/load.json.

    python benchmarks/load_test.py [--clients 16] [--requests 2000] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time

import httpx
import numpy as np
from server_process import ROOT, ServerProcess

QUESTIONS = [
    "Người lao động được nghỉ hằng năm bao nhiêu ngày?",
    "Thời gian thử việc tối đa là bao lâu?",
    "Làm thêm giờ vào ngày nghỉ lễ được trả lương thế nào?",
    "Trợ cấp thôi việc được tính như thế nào?",
    "Phải báo trước bao nhiêu ngày khi nghỉ việc?",
    "Công ty có được sa thải lao động nữ đang mang thai không?",
    "Mức lương tối thiểu vùng hiện nay là bao nhiêu?",
    "Nghỉ thai sản được bao nhiêu tháng?",
    "Người lao động được nghỉ lễ, tết những ngày nào?",
    "Làm thêm giờ tối đa bao nhiêu giờ một năm?",
    "Công đoàn cơ sở có quyền gì khi công ty sa thải đoàn viên?",
    "Hợp đồng lao động phải có những nội dung gì?",
    "Công ty chậm trả lương thì phải bồi thường không?",
    "Người lao động có được đơn phương chấm dứt hợp đồng không cần báo trước không?",
    "Kỷ luật sa thải được áp dụng trong trường hợp nào?",
    "Thời giờ làm việc bình thường tối đa mỗi ngày là bao nhiêu giờ?",
    "Tiền lương làm việc vào ban đêm được tính thế nào?",
    "Đoàn viên công đoàn đóng đoàn phí bao nhiêu?",
    "Doanh nghiệp phải đóng kinh phí công đoàn bao nhiêu phần trăm?",
    "Nghỉ việc riêng có hưởng lương trong trường hợp nào?",
]
WARM_UP = 200
QUESTIONS += [q.replace("?", " ạ?") for q in QUESTIONS]  # 40 distinct strings


async def client_loop(
    client: httpx.AsyncClient,
    worker: int,
    stop_at: float,
    budget: list[int],
    latencies: list[float],
    errors: list[str],
) -> None:
    i = worker
    while time.monotonic() < stop_at:
        if budget[0] <= 0:
            return
        budget[0] -= 1
        question = QUESTIONS[i % len(QUESTIONS)]
        i += 7
        started = time.perf_counter()
        try:
            response = await client.post("/v1/ask", json={"question": question})
            elapsed = time.perf_counter() - started
            if response.status_code == 200 and response.json().get("interaction_id"):
                latencies.append(elapsed)
            else:
                errors.append(f"{response.status_code}: {response.text[:200]}")
        except httpx.HTTPError as exc:
            errors.append(repr(exc))


async def drive(
    url: str, clients: int, requests: int, seconds: float
) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    budget = [requests]
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=30.0, limits=limits) as client:
        started = time.perf_counter()
        stop_at = time.monotonic() + seconds
        await asyncio.gather(
            *(client_loop(client, w, stop_at, budget, latencies, errors) for w in range(clients))
        )
        return latencies, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--db-url", default=None, help="default: a fresh SQLite file in a temp dir")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="la-load-")
    db_url = args.db_url or f"sqlite:///{tmp}/load.db"
    server = ServerProcess(db_url).start()
    try:
        ready_s = server.wait_ready()
        latencies, errors, wall = asyncio.run(drive(server.url, args.clients, args.requests, args.seconds))
    finally:
        server.stop()
    ms = np.array(latencies) * 1000.0 if latencies else np.array([0.0])
    steady = ms[WARM_UP:] if len(ms) > WARM_UP else ms
    result = {
        "clients": args.clients,
        "requests_ok": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:5],
        "seconds": round(wall, 2),
        "throughput_rps": round(len(latencies) / wall, 1) if wall else 0.0,
        "p50_ms": round(float(np.percentile(ms, 50)), 1),
        "p95_ms": round(float(np.percentile(ms, 95)), 1),
        "p99_ms": round(float(np.percentile(ms, 99)), 1),
        "max_ms": round(float(ms.max()), 1),
        # after the first WARM_UP completions (the first pass fills the answer cache)
        "steady_p50_ms": round(float(np.percentile(steady, 50)), 1),
        "steady_p95_ms": round(float(np.percentile(steady, 95)), 1),
        "steady_p99_ms": round(float(np.percentile(steady, 99)), 1),
        "distinct_questions": len(QUESTIONS),
        "server_ready_s": round(ready_s, 2),
        "database": db_url.split(":", 1)[0],
        "cpus": os.cpu_count(),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    out = ROOT / "results" / "bench" / "load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
