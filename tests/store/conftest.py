from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.store import Store, open_store
from tests.store.backends import BACKENDS, PgDatabases, new_db_url, pg_databases

__all__ = ["PgDatabases", "pg_databases"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A SQLite file: for the tests about SQLite files themselves (WAL, backups, crashes)."""
    return tmp_path / "store.sqlite3"


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
