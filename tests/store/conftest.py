"""Store tests run on both backends (tests/store/backends.py), except those about SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.store.backends import PgDatabases, backend, db_url, pg_databases, store

__all__ = ["PgDatabases", "backend", "db_url", "pg_databases", "store"]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A SQLite file: for the tests about SQLite files themselves (WAL, backups, crashes)."""
    return tmp_path / "store.sqlite3"
