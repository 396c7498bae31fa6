"""Cold start: seconds from launching ``legal-assistant serve`` to ``/readyz`` = 200, with a
built corpus and index (target <= 15 s). Writes results/bench/cold_start.json.

    python benchmarks/cold_start.py [--runs 3] [--web]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile

from server_process import ROOT, ServerProcess


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--web", action="store_true", help="also mount the Gradio UI")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="la-cold-")
    times = []
    for run in range(args.runs):
        server = ServerProcess(f"sqlite:///{tmp}/cold-{run}.db", web=args.web).start()
        try:
            times.append(server.wait_ready())
        finally:
            server.stop()
        print(f"run {run + 1}: ready in {times[-1]:.2f} s")
    result = {
        "runs": [round(t, 2) for t in times],
        "median_s": round(statistics.median(times), 2),
        "max_s": round(max(times), 2),
        "web_ui": args.web,
        "target_s": 15,
    }
    print(json.dumps(result, indent=2))
    out = ROOT / "results" / "bench" / ("cold_start_web.json" if args.web else "cold_start.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
