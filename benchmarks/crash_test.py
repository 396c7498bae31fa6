"""Crash durability: SIGKILL the server during a load of feedback/review writes, restart it,
and check that every write acknowledged with a 2xx is in the database.

    python benchmarks/crash_test.py [--writers 8] [--kill-after 8] [--db-url URL]

Writes results/bench/crash.json; exits 1 when an acknowledged write is missing.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time

import httpx
from server_process import ROOT, ServerProcess
from sqlalchemy import text

QUESTIONS = ["Người lao động được nghỉ hằng năm bao nhiêu ngày?", "Thời gian thử việc tối đa là bao lâu?"]


def writer(
    url: str,
    interactions: list[int],
    worker: int,
    stop: threading.Event,
    acked: list[tuple[str, int]],
    lock: threading.Lock,
    failures: list[str],
) -> None:
    with httpx.Client(base_url=url, timeout=10.0) as client:
        n = worker
        while not stop.is_set():
            interaction = interactions[n % len(interactions)]
            n += 1
            try:
                if n % 3 == 0:
                    response = client.post("/v1/advisor-requests", json={"interaction_id": interaction})
                    kind, key = "review", "review_id"
                else:
                    body = {
                        "interaction_id": interaction,
                        "rating": -1 if n % 2 else 1,
                        "comment": f"w{worker}",
                    }
                    response = client.post("/v1/feedback", json=body)
                    kind, key = "feedback", "feedback_id"
            except httpx.HTTPError as exc:  # the server is gone: nothing was acknowledged
                failures.append(type(exc).__name__)
                time.sleep(0.05)
                continue
            if 200 <= response.status_code < 300:
                with lock:
                    acked.append((kind, int(response.json()[key])))
            else:
                failures.append(str(response.status_code))


def stored_ids(db_url: str) -> dict[str, set[int]]:
    from assistant.service.storage.store import Store

    store = Store(db_url).open()
    try:
        with store.engine.connect() as conn:
            return {
                "feedback": {int(r[0]) for r in conn.execute(text("SELECT id FROM feedback"))},
                "review": {int(r[0]) for r in conn.execute(text("SELECT id FROM reviews"))},
            }
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--kill-after", type=float, default=8.0)
    parser.add_argument("--db-url", default=None, help="default: a fresh SQLite file")
    args = parser.parse_args()
    db_url = args.db_url or f"sqlite:///{tempfile.mkdtemp(prefix='la-crash-')}/crash.db"
    server = ServerProcess(db_url).start()
    server.wait_ready()
    with httpx.Client(base_url=server.url, timeout=60.0) as client:
        interactions = [
            int(client.post("/v1/ask", json={"question": q}).json()["interaction_id"]) for q in QUESTIONS * 5
        ]
    acked: list[tuple[str, int]] = []
    failures: list[str] = []
    lock = threading.Lock()
    stop = threading.Event()
    threads = [
        threading.Thread(target=writer, args=(server.url, interactions, w, stop, acked, lock, failures))
        for w in range(args.writers)
    ]
    for t in threads:
        t.start()
    time.sleep(args.kill_after)
    server.kill()
    killed_at = len(acked)
    time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join()

    restarted = ServerProcess(db_url, port=server.port).start()
    restart_s = restarted.wait_ready()
    restarted.stop()
    present = stored_ids(db_url)
    missing = [(kind, key) for kind, key in acked if key not in present[kind]]
    result = {
        "acknowledged": len(acked),
        "acknowledged_before_kill": killed_at,
        "acknowledged_feedback": sum(1 for k, _ in acked if k == "feedback"),
        "acknowledged_reviews": sum(1 for k, _ in acked if k == "review"),
        "stored_feedback": len(present["feedback"]),
        "stored_reviews": len(present["review"]),
        "missing": len(missing),
        "missing_samples": missing[:10],
        "failed_requests": len(failures),
        "restart_ready_s": round(restart_s, 2),
        "database": db_url.split(":", 1)[0],
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "results" / "bench" / "crash.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
