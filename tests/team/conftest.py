"""Team-review tests: each runs on a SQLite file and on a fresh database of the PostgreSQL test server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.store import Store, open_store
from tests.store.backends import BACKENDS, new_db_url, pg_databases

__all__ = ["pg_databases"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return new_db_url(backend, tmp_path, request)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s
