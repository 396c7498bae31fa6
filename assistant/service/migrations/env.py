"""Alembic environment: uses the connection handed over by assistant.service.storage.database.migrate,
or a URL from ``-x url=...`` / LEGAL_ASSISTANT_DATABASE_URL when run from the command line."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from assistant.service.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    from corpus.settings import Settings

    return context.get_x_argument(as_dictionary=True).get("url") or Settings.from_env().db_url


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url())
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
