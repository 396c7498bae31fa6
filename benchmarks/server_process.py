"""Starts ``legal-assistant serve`` as a child process on a free loopback port (for benchmarks)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    def __init__(
        self,
        db_url: str,
        *,
        port: int | None = None,
        web: bool = False,
        extra_env: dict[str, str] | None = None,
        log_path: Path | None = None,
    ) -> None:
        self.port = port or free_port()
        self.db_url = db_url
        self.web = web
        self.env = {
            **os.environ,
            "LEGAL_ASSISTANT_DATABASE_URL": db_url,
            "LEGAL_ASSISTANT_RATE_LIMIT_PER_MINUTE": "10000000",
            "LEGAL_ASSISTANT_GENERATOR": "extractive",
            **(extra_env or {}),
        }
        self.log_path = log_path or Path(f"/tmp/legal-assistant-bench-{self.port}.log")
        self.process: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        command = [sys.executable, "-m", "ui.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        if not self.web:
            command.append("--no-web")
        self.started_at = time.perf_counter()
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        return self

    def wait_ready(self, timeout: float = 300.0) -> float:
        """Seconds from start() until /readyz answered 200."""
        deadline = time.monotonic() + timeout
        with httpx.Client(timeout=2.0) as client:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    raise RuntimeError(f"server exited with {self.process.returncode}; see {self.log_path}")
                try:
                    if client.get(self.url + "/readyz").status_code == 200:
                        return time.perf_counter() - self.started_at
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        raise RuntimeError(f"server not ready after {timeout} s; see {self.log_path}")

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flushing (the crash the durability test needs)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
