"""Screenshots of the leaders' dashboard with one day, 90 days and a year of generated data.

For each case: a temporary SQLite database is seeded with generated interactions through the
real storage layer (``assistant.service.dashboard.sample``), a leader's token is created, the real server
(``legal-assistant serve``) starts on loopback over it, and Debian's headless Chromium signs in
on the "Thống kê" tab and photographs it into ``results/screenshots/``.

    python benchmarks/dashboard_screenshots.py [--out results/screenshots]

Prints, per case, the rows stored, the report's totals as the service computes them, and the
PNG's size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.service.auth import create_user  # noqa: E402
from assistant.service.dashboard.query import load_report  # noqa: E402
from assistant.service.dashboard.report import local_day  # noqa: E402
from assistant.service.dashboard.sample import generated_rows, store_rows  # noqa: E402
from assistant.service.storage.models import utcnow  # noqa: E402
from assistant.service.storage.store import Store  # noqa: E402
from benchmarks.server_process import ServerProcess  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]
TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class Case:
    name: str
    data_days: int  # days of generated data
    period: str  # the period picked on the tab
    window: int  # its number of days


CASES = (
    Case("dashboard-1-day", 1, "30 ngày", 30),
    Case("dashboard-90-days", 90, "90 ngày", 90),
    Case("dashboard-365-days", 365, "365 ngày", 365),  # a year: one bar a week
)


def seed(db_url: str, case: Case) -> tuple[str, int]:
    """Store the case's rows and a leader; returns (leader token, rows stored)."""
    now = utcnow()
    rows = generated_rows(case.data_days, now, per_day=24, seed=11)
    if case.data_days == 1:  # yesterday, a whole working day, whatever the hour the script runs
        yesterday = local_day(now) - timedelta(days=1)
        rows = [r for r in generated_rows(2, now, per_day=24, seed=11) if local_day(r.when) == yesterday]
    store = Store(db_url).open()
    try:
        store_rows(store, rows)
        _, token = create_user(store, "Lãnh đạo công đoàn (mẫu)", "leader")
        started = time.perf_counter()
        report = load_report(store.engine, case.window)
        took_ms = (time.perf_counter() - started) * 1000
        print(
            f"{case.name}: {len(rows)} interactions stored; window {case.window} ngày: "
            f"total={report.total} timeline={report.timeline_kind}({len(report.timeline)}) "
            f"topics={sum(1 for t in report.topics if t.questions)} declined={report.declined} "
            f"escalated={report.escalated} verified={report.verified} "
            f"this_week={report.this_week} last_week={report.last_week}; report built in {took_ms:.0f} ms"
        )
    finally:
        store.close()
    return token, len(rows)


def photograph(url: str, token: str, case: Case, path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(url)
        page.get_by_role("tab", name="Thống kê").click()
        page.fill("#la-token-dashboard input", token)
        page.click("#la-login-dashboard")
        page.wait_for_selector("#la-dash-cards .la-stat", timeout=TIMEOUT_MS)
        if case.period != "30 ngày":
            page.get_by_label(case.period).check()
            page.wait_for_selector(
                f"#la-dash-cards >> text=Câu hỏi trong {case.window} ngày", timeout=TIMEOUT_MS
            )
        for plot in ("#la-plot-days", "#la-plot-topics", "#la-plot-laws"):
            page.wait_for_selector(f"{plot} img", timeout=TIMEOUT_MS)
        page.wait_for_timeout(800)
        page.locator("#la-tab-dashboard").screenshot(path=str(path))
        browser.close()
    shrink(path)


def shrink(path: Path) -> None:
    """A 256-colour palette keeps the flat UI and charts sharp at a fraction of the size."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256)
    small.save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="la-dashboard-") as tmp:
        for case in CASES:
            db_url = f"sqlite:///{Path(tmp) / (case.name + '.db')}"
            token, _ = seed(db_url, case)
            server = ServerProcess(db_url, web=True, log_path=Path(tmp) / f"{case.name}.log").start()
            try:
                started = time.perf_counter()
                server.wait_ready(timeout=600)
                path = args.out / f"{case.name}.png"
                photograph(server.url + "/", token, case, path)
                print(
                    f"{case.name}: server ready + screenshot in {time.perf_counter() - started:.1f} s; "
                    f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} "
                    f"{path.stat().st_size / 1024:.0f} KB"
                )
            finally:
                server.stop()


if __name__ == "__main__":
    main()
