"""Publish one new document into the running server under a load of 10 requests/s.

Starts ``legal-assistant serve --no-web`` on loopback over a COPY of ``data/`` (corpus, index,
embedding cache; a fresh SQLite database), creates an admin, then keeps 10 ``POST /v1/ask``
requests a second going while the admin stages and publishes a small law through
``/v1/admin/documents``. Prints (and writes to results/bench/publish_under_load.json): failed
requests during the load, latency percentiles, seconds until the publish call returned,
seconds from the upload until a question about the new law is answered citing it, and the
publish broken into phases (staging, the child's corpus check and rebuild, index chunking,
tokens, vectors, BM25, FAISS..., then the swap into the running service).

    python benchmarks/publish_under_load.py [--rate 10] [--after 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import numpy as np
from server_process import ROOT, ServerProcess

LAW_ID = "3/2026/QH15"
LAW = "\n".join(
    [
        f"Luật số: {LAW_ID}",
        "Điều 1. Phụ cấp trách nhiệm thử nghiệm của tổ trưởng công đoàn",
        "Tổ trưởng công đoàn được hưởng phụ cấp trách nhiệm thử nghiệm bằng 7% lương tối thiểu vùng.",
        "Điều 2. Hiệu lực",
        "Luật này có hiệu lực từ ngày 01 tháng 01 năm 2026.",
    ]
)
NEW_QUESTION = "Tổ trưởng công đoàn được hưởng phụ cấp trách nhiệm thử nghiệm bao nhiêu?"
QUESTIONS = [
    "Người lao động được nghỉ hằng năm bao nhiêu ngày?",
    "Thời gian thử việc tối đa là bao lâu?",
    "Trợ cấp thôi việc được tính như thế nào?",
    "Phải báo trước bao nhiêu ngày khi nghỉ việc?",
    "Mức lương tối thiểu vùng hiện nay là bao nhiêu?",
    "Đoàn phí công đoàn đóng bao nhiêu?",
    "Doanh nghiệp phải đóng kinh phí công đoàn bao nhiêu phần trăm?",
    "Nộp hồ sơ hưởng trợ cấp thất nghiệp trong thời hạn bao lâu?",
]


def _admin_token(env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "admin", "create-user", "Cán bộ pháp chế", "--role", "admin"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


async def _load(url: str, rate: float, stop: asyncio.Event, log: list[tuple[float, int, float]]) -> None:
    """``rate`` requests a second, each in its own task (a slow answer does not slow the rate)."""
    async with httpx.AsyncClient(timeout=60.0) as client:

        async def one(i: int) -> None:
            started = time.perf_counter()
            question = f"{QUESTIONS[i % len(QUESTIONS)][:-1]} (lần {i})?"  # distinct: no answer cache
            try:
                status = (await client.post(url + "/v1/ask", json={"question": question})).status_code
            except httpx.HTTPError:
                status = 0
            log.append((started, status, time.perf_counter() - started))

        tasks, i = [], 0
        while not stop.is_set():
            tasks.append(asyncio.create_task(one(i)))
            i += 1
            await asyncio.sleep(1.0 / rate)
        await asyncio.gather(*tasks)


async def _publish(url: str, token: str, phases: dict[str, float]) -> dict[str, float]:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(timeout=600.0) as client:
        started = time.perf_counter()
        phases["publish_started"] = started
        staged = (
            await client.post(
                url + "/v1/admin/documents/stage",
                params={"filename": "luat-thu.txt"},
                content=LAW.encode(),
                headers=headers,
            )
        ).json()
        if not staged.get("ok"):
            raise RuntimeError(f"staging refused: {staged}")
        stage_s = time.perf_counter() - started
        body = {
            "staging_id": staged["staging_id"],
            "law_id": LAW_ID,
            "doc_type": "Luật",
            "title": "Luật thử nghiệm",
            "issuer": "Quốc hội",
            "effective": "2026-01-01",
        }
        published = await client.post(url + "/v1/admin/documents/publish", json=body, headers=headers)
        published.raise_for_status()
        publish_s = time.perf_counter() - started
        phases["publish_returned"] = time.perf_counter()
        while True:
            answer = (await client.post(url + "/v1/ask", json={"question": NEW_QUESTION})).json()
            if any(c.get("law_id") == LAW_ID for c in answer.get("citations", [])):
                answerable = time.perf_counter() - started
                return {
                    "publish_call_s": publish_s,
                    "answerable_s": answerable,
                    "embedded": float(published.json()["embedded"]),
                    "breakdown_s": {
                        "stage_upload": stage_s,
                        **published.json().get("timings", {}),
                        "first_answer_citing_it": answerable - publish_s,
                    },
                }
            await asyncio.sleep(0.5)


async def _run(url: str, token: str, rate: float, before: float, after: float) -> dict[str, object]:
    stop, log = asyncio.Event(), []  # type: ignore[var-annotated]
    load = asyncio.create_task(_load(url, rate, stop, log))
    await asyncio.sleep(before)
    phases: dict[str, float] = {}
    timing = await _publish(url, token, phases)
    await asyncio.sleep(after)
    stop.set()
    await load
    latencies = np.array([d for _, _, d in log]) * 1000
    failed = [s for _, s, _ in log if s != 200]
    by_phase = {
        "before": [x for x in log if x[0] < phases["publish_started"]],
        "during": [x for x in log if phases["publish_started"] <= x[0] < phases["publish_returned"]],
        "after": [x for x in log if x[0] >= phases["publish_returned"]],
    }
    return {
        **timing,
        "requests": len(log),
        "failed": len(failed),
        "failed_statuses": sorted(set(failed)),
        "rate_per_s": rate,
        "latency_p50_ms": float(np.percentile(latencies, 50)),
        "latency_p95_ms": float(np.percentile(latencies, 95)),
        "latency_max_ms": float(latencies.max()),
        "phases": {name: _summary(rows) for name, rows in by_phase.items()},
    }


def _summary(rows: list[tuple[float, int, float]]) -> dict[str, float]:
    if not rows:
        return {"requests": 0}
    ms = np.array([d for _, _, d in rows]) * 1000
    return {
        "requests": len(rows),
        "failed": sum(s != 200 for _, s, _ in rows),
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--before", type=float, default=10.0, help="seconds of load before publishing")
    parser.add_argument("--after", type=float, default=10.0, help="seconds of load after it is answerable")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="publish-bench-") as tmp:
        data = Path(tmp) / "data"
        for part in ("corpus", "index", "cache"):
            shutil.copytree(ROOT / "data" / part, data / part)
        env_extra = {"LEGAL_ASSISTANT_DATA_DIR": str(data)}
        server = ServerProcess(f"sqlite:///{tmp}/bench.db", extra_env=env_extra).start()
        try:
            ready = server.wait_ready()
            result = asyncio.run(
                _run(server.url, _admin_token(server.env), args.rate, args.before, args.after)
            )
        finally:
            server.stop()
    result["server_ready_s"] = ready
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print("\nPublish phases (seconds):")
    for name, seconds in result.get("breakdown_s", {}).items():  # type: ignore[union-attr]
        print(f"  {name:<28} {seconds:8.2f}")
    out = ROOT / "results" / "bench" / "publish_under_load.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if result["failed"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
