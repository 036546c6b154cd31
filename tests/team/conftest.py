"""Team-review tests: each runs on a SQLite file and on a fresh database of the PostgreSQL test server."""

from __future__ import annotations

from tests.store.backends import backend, db_url, pg_databases, store

__all__ = ["backend", "db_url", "pg_databases", "store"]
