"""Ops are tested without Qt or a window, on both store backends (tests/store/backends.py)."""

from __future__ import annotations

import pytest

from reviewer.store import Store
from tests.store.backends import PgDatabases, backend, db_url, pg_databases, store
from tests.store.helpers import CHAT, TIMED, doc

__all__ = ["PgDatabases", "backend", "db_url", "pg_databases", "store"]


@pytest.fixture
def chat(store: Store) -> int:
    """The chat sample, repaired with the test glossary: pending repairs on segments 1 and 2."""
    return store.import_document(doc(CHAT, "chat.txt")).document_id


@pytest.fixture
def timed(store: Store) -> int:
    return store.import_document(doc(TIMED, "timed.txt")).document_id
