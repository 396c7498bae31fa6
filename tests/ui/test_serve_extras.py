"""``make serve`` installs the core and the ``serve`` extra only (``llm`` when the generator asks).

The serving path must therefore run without anything that only the ``llm`` (for the default
generator), ``eval``, ``st`` or ``dev`` extras bring. The extras and their dependency closure
are read from ``pyproject.toml`` and the installed packages' metadata, so a new import or a new
dependency is checked without editing this file.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

import httpx
import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from corpus.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
FIRST_PARTY = tuple(str(ROOT / name) + os.sep for name in ("assistant", "corpus", "indexing", "ui"))
NEVER_SERVED = {"torch", "sentence-transformers", "playwright", "pytest", "ruff", "mypy"}
QUESTION = "Thời gian thử việc tối đa là bao lâu?"


def _project() -> dict[str, list[str]]:
    """Requirement strings of the core ("") and of each extra, from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"": project["dependencies"], **project["optional-dependencies"]}


def _closure(requirements: Iterable[str]) -> set[str]:
    """Canonical names of the distributions these requirements install, transitively."""
    queue = [(Requirement(raw), "") for raw in requirements]
    seen: set[tuple[str, str]] = set()
    names: set[str] = set()
    while queue:
        requirement, extra = queue.pop()
        name = canonicalize_name(requirement.name)
        names.add(name)
        for wanted in {extra, *requirement.extras}:
            if (name, wanted) in seen:
                continue
            seen.add((name, wanted))
            try:
                requires = metadata.distribution(name).requires or []
            except metadata.PackageNotFoundError:
                continue
            for raw in requires:
                sub = Requirement(raw)
                if sub.marker is None or sub.marker.evaluate({"extra": wanted}):
                    queue.append((sub, ""))
    return names


def _served(*extras: str) -> set[str]:
    project = _project()
    return _closure([*project[""], *(raw for extra in extras for raw in project[extra])])


def _not_served() -> set[str]:
    """Distributions that only the other extras bring (with the default, extractive generator)."""
    project = _project()
    return _closure(raw for requirements in project.values() for raw in requirements) - _served("serve")


def _blocked_modules(distributions: set[str]) -> set[str]:
    """Top-level modules every installed provider of which is one of ``distributions``."""
    provided = metadata.packages_distributions()
    return {
        module
        for module, providers in provided.items()
        if providers and all(canonicalize_name(p) in distributions for p in providers)
    }


@pytest.mark.parametrize("extras", [("serve",), ("serve", "llm")])
def test_serving_extras_bring_no_torch_and_no_dev_tools(extras: tuple[str, ...]) -> None:
    assert not NEVER_SERVED & _served(*extras)


def test_other_extras_are_what_serving_must_do_without() -> None:
    not_served = _not_served()
    direct = {"markdown", "langchain-community", "sentence-transformers", "pytest", "playwright"}
    assert direct <= not_served
    assert {"langchain-openai", "xllamacpp"} <= not_served  # the default generator needs no LLM client
    assert "matplotlib" not in not_served  # in both serve (dashboard) and eval


def _make_dry_run(target: str, venv: Path, **env: str) -> str:
    result = subprocess.run(
        ["make", "-n", target, f"VENV={venv}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **env},
        check=True,
    )
    return result.stdout


@pytest.mark.parametrize(("generator", "extras"), [("extractive", "serve"), ("gguf", "serve,llm")])
def test_make_serve_installs_the_serving_extras_only(tmp_path: Path, generator: str, extras: str) -> None:
    commands = _make_dry_run("serve", tmp_path / "venv", LEGAL_ASSISTANT_GENERATOR=generator)
    assert f'-e ".[{extras}]"' in commands
    assert "torch" not in commands and "dev]" not in commands
    full = _make_dry_run("test", tmp_path / "venv")
    assert "install -q -c requirements-lock.txt torch" in full and '".[serve,llm,eval,st,dev]"' in full


def test_make_serve_after_make_test_installs_nothing(tmp_path: Path) -> None:
    """A venv stamped by ``make test`` holds the serving extras: only the serve stamp is written."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)  # no pip here: an install would fail
    lock = b"".join((ROOT / name).read_bytes() for name in ("pyproject.toml", "requirements-lock.txt"))
    digest = hashlib.md5(lock).hexdigest()[:12]
    command = ["make", "venv-serve", f"VENV={venv}"]
    unstamped = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert unstamped.returncode != 0 and "pip" in unstamped.stderr  # without the stamp it installs
    (venv / f".installed-{digest}").touch()
    stamped = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert stamped.returncode == 0, stamped.stdout + stamped.stderr
    assert (venv / f".installed-serve-{digest}").is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(http: httpx.Client, server: subprocess.Popen[bytes]) -> dict[str, object]:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited; see its output above"
        try:
            ready = http.get("/readyz")
        except httpx.TransportError:
            ready = None
        if ready is not None and ready.status_code == 200:
            return dict(ready.json())
        time.sleep(0.3)
    raise AssertionError("the server did not become ready in 180 s")


@pytest.mark.slow
def test_serve_runs_without_the_other_extras(settings: Settings, retriever: object, tmp_path: Path) -> None:
    blocked = _blocked_modules(_not_served())
    assert {"torch", "pytest", "markdown"} <= blocked
    attempts, port = tmp_path / "attempts.jsonl", _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "LEGAL_ASSISTANT_DATA_DIR": str(settings.data_dir),
        "LEGAL_ASSISTANT_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}",
        "LEGAL_ASSISTANT_GENERATOR": "extractive",
    }
    script = str(Path(__file__).with_name("without_extras.py"))
    command = [sys.executable, script, json.dumps(sorted(blocked)), str(attempts), "--"]
    command += ["serve", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            assert _wait_ready(http, server)["generator"] == "extractive"
            answer = http.post("/v1/ask", json={"question": QUESTION})
            page = http.get("/")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert answer.status_code == 200 and answer.json()["citations"], answer.text
    assert page.status_code == 200 and "gradio" in page.text.lower()
    tried = [json.loads(line) for line in attempts.read_text(encoding="utf-8").splitlines()]
    ours = sorted({f"{module} from {where}" for module, where in tried if where.startswith(FIRST_PARTY)})
    assert not ours, f"the serving path imports packages that `make serve` does not install: {ours}"
