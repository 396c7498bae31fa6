"""underthesea's segmenter, first called from many threads at once in a fresh process: the
model loads once and every thread gets the same tokens as a single-threaded call."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
from concurrent.futures import ThreadPoolExecutor
from threading import Barrier
from indexing.analyzer import analyze

text = "Người lao động được nghỉ hằng năm khi làm việc đủ mười hai tháng cho người sử dụng lao động"
barrier = Barrier(8)

def first_call(_):
    barrier.wait()  # all threads reach the not-yet-loaded model together
    return analyze(text)

with ThreadPoolExecutor(8) as pool:
    results = list(pool.map(first_call, range(8)))
assert all(r == analyze(text) for r in results), results
assert any("_" in t for t in results[0]), results[0]  # compounds came from the segmenter
print("ok", len(results))
"""


def test_first_concurrent_calls_share_one_loaded_model() -> None:
    root = Path(__file__).parents[2]
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=root, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "ok 8"
