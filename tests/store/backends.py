"""The two store backends the store tests run on: a SQLite file and a real PostgreSQL server.

The PostgreSQL server is the one `.ci/postgres.sh run` starts (``make test`` and ``.ci/run`` do);
its URL comes in ``$REVIEWER_TEST_PG_URL``.  Each test gets a new, empty database on it (created
here, dropped afterwards), as each SQLite test gets a new file.  Without the variable a PostgreSQL
test fails under CI (``CI=true``) and is skipped, with the reason, in a plain local ``pytest``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from reviewer.store import Store, open_store

PG_ENV = "REVIEWER_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def pg_server_url() -> str:
    """The test server's URL, or fail (CI) / skip (local run) the test that needs it."""
    url = os.environ.get(PG_ENV, "").strip()
    if url:
        return url
    why = f"${PG_ENV} is not set: run the tests through `make test` (.ci/postgres.sh run …)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL test server missing under CI: {why}")
    pytest.skip(f"no PostgreSQL test server: {why}")


class PgDatabases:
    """Creates empty databases on the test server and drops them again."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.admin = create_engine(server_url, isolation_level="AUTOCOMMIT", pool_size=1)
        self.created: list[str] = []

    def create(self) -> str:
        name = f"t_{uuid.uuid4().hex[:16]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" STRATEGY FILE_COPY'))
        self.created.append(name)
        return make_url(self.server_url).set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.created:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.created.clear()
        self.admin.dispose()


@pytest.fixture
def pg_databases() -> Iterator[PgDatabases]:
    dbs = PgDatabases(pg_server_url())
    try:
        yield dbs
    finally:
        dbs.drop_all()


def new_db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest, name: str = "store") -> str:
    """A new, empty store location on ``backend`` for this test (a file path or a PostgreSQL URL)."""
    if backend == "sqlite":
        return str(tmp_path / f"{name}.sqlite3")
    dbs: PgDatabases = request.getfixturevalue("pg_databases")
    return dbs.create()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """A new, empty store on each backend: a SQLite file, a fresh PostgreSQL database."""
    return new_db_url(backend, tmp_path, request)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s
