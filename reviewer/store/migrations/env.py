"""Alembic environment for the store.

Normally run by ``reviewer.store.migrate`` on open, which hands over its own
connection.  Developers may also run ``alembic -c reviewer/store/alembic.ini
revision --autogenerate -m "…"`` with ``REVIEWER_DB`` (or ``-x db=URL``) set.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from reviewer.store.models import Base
from reviewer.store.paths import resolve_db_url

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("db")
    engine = create_engine(resolve_db_url(url))
    with engine.connect() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()
        conn.commit()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations()
