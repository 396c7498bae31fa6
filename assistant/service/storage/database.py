"""Engine creation, durability settings, migrations and error mapping.

SQLite (default, a file under ``data/``) runs in WAL mode with ``synchronous=FULL`` so a
committed write survives a crash or power loss, and every transaction starts with
``BEGIN IMMEDIATE`` so concurrent writers queue on ``busy_timeout`` instead of failing
on a read-to-write lock upgrade. PostgreSQL is reached through psycopg 3
(``postgresql+psycopg://``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from assistant.service.errors import StorageUnavailableError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
DEFAULT_BUSY_TIMEOUT_MS = 5000
DEFAULT_CONNECT_TIMEOUT_S = 5


def _json(value: Any) -> str:
    """JSON columns as UTF-8 text: "\\u1ea1" escapes made Vietnamese answers twice as large."""
    return json.dumps(value, ensure_ascii=False)


def _sqlite_engine(url: str, busy_timeout_ms: int) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"timeout": busy_timeout_ms / 1000.0, "check_same_thread": False},
        json_serializer=_json,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the "begin" hook below issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(
    url: str,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    connect_timeout_s: int = DEFAULT_CONNECT_TIMEOUT_S,
) -> Engine:
    """An engine for ``sqlite:///path`` or ``postgresql+psycopg://...``."""
    backend = make_url(url).get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, busy_timeout_ms)
    if backend == "postgresql":
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=10,
            pool_timeout=connect_timeout_s,
            connect_args={"connect_timeout": connect_timeout_s},
            json_serializer=_json,
        )
    raise ValueError(f"unsupported database URL {url!r}; use sqlite:///<file> or postgresql+psycopg://...")


def migrate(engine: Engine) -> None:
    """``alembic upgrade head`` on this engine (idempotent)."""
    from alembic import command
    from alembic.config import Config

    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("version_locations", str(MIGRATIONS_DIR / "versions"))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except (exc.OperationalError, exc.InterfaceError) as error:
        raise StorageUnavailableError(str(error)) from error


UNAVAILABLE_ERRORS = (exc.OperationalError, exc.InterfaceError, exc.TimeoutError)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One committed unit of work; database outages become ``StorageUnavailableError``.

    The commit happens before the block's caller returns, so an acknowledged write is durable.
    """
    try:
        with factory() as session, session.begin():
            yield session
    except UNAVAILABLE_ERRORS as error:
        raise StorageUnavailableError(str(error).splitlines()[0]) from error
    except exc.DBAPIError as error:
        if error.connection_invalidated:
            raise StorageUnavailableError(str(error).splitlines()[0]) from error
        raise
