from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.store import Store, open_store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with open_store(str(db_path)) as s:
        yield s
