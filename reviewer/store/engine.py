"""Engines for the store: SQLite set up for a desktop app used by a GUI and scripts at once
(and PostgreSQL for a team: see make_engine).

Every connection gets foreign keys on and a busy timeout; SQLAlchemy, not the
sqlite3 module, emits BEGIN, so reads are real transactions and a write
transaction takes the write lock up front (``BEGIN IMMEDIATE``) instead of
failing with "database is locked" when it upgrades from reading to writing.
WAL is switched on by :func:`reviewer.store.migrate.prepare` once the file is
known to be ours (the journal mode is stored in the file).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

# How long a writer waits for another process's write transaction before giving up.
BUSY_TIMEOUT_MS = 10_000
# Execution option that makes a SQLite transaction begin as a writer.
WRITE_OPTION = "reviewer_write"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_file(url: str) -> str | None:
    """The database file of a SQLite URL; None for in-memory databases and other dialects."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    if u.database.startswith("file:"):
        return None
    return u.database


# A team server far away: give up connecting after this long instead of hanging the window.
CONNECT_TIMEOUT_S = 10


def make_engine(url: str, **kwargs: Any) -> Engine:
    if not is_sqlite(url):
        if make_url(url).get_backend_name() == "postgresql":
            # A window stays open for hours: a connection the server or a NAT dropped meanwhile is
            # noticed and replaced on checkout instead of failing the reviewer's next action.
            kwargs.setdefault("pool_pre_ping", True)
            kwargs.setdefault("connect_args", {"connect_timeout": CONNECT_TIMEOUT_S})
        return create_engine(url, **kwargs)
    if sqlite_file(url) is None:
        # One shared connection, or every checkout would see a fresh empty database.
        from sqlalchemy.pool import StaticPool

        kwargs.setdefault("poolclass", StaticPool)
        kwargs.setdefault("connect_args", {"check_same_thread": False})
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Take BEGIN away from the sqlite3 module (it would skip it for SELECT); _sqlite_begin emits it.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # With WAL, FULL syncs the log on every commit: a commit survives a power cut, not only a crash.
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE_OPTION) else "BEGIN")
