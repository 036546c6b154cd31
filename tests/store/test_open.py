"""Opening a store: SQLite settings, and refusing what is not ours or too new, untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from reviewer.core.errors import InputError
from reviewer.store import open_store
from reviewer.store.engine import BUSY_TIMEOUT_MS
from reviewer.store.migrate import head_revision


def test_new_store_settings(db_path: Path) -> None:
    with open_store(str(db_path)) as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == BUSY_TIMEOUT_MS
        assert store.migration.created
        assert store.migration.to_revision == head_revision()


def test_reopen_is_not_a_migration(db_path: Path) -> None:
    open_store(str(db_path)).close()
    with open_store(str(db_path)) as store:
        assert not store.migration.upgraded
        assert store.migration.backup is None


def test_in_memory_store_works() -> None:
    with open_store("sqlite://") as store:
        assert [e.key for e in store.error_types()][:2] == ["asr", "encoding"]


def _refused(path: Path, match: str) -> None:
    before = path.read_bytes()
    with pytest.raises(InputError, match=match) as err:
        open_store(str(path))
    assert "\n" not in str(err.value)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.bak"))


def test_garbage_file_refused_untouched(tmp_path: Path) -> None:
    p = tmp_path / "garbage.db"
    p.write_bytes(b"this is not a database at all\x00\x01" * 200)
    _refused(p, "cannot open the annotation store")


def test_foreign_sqlite_database_refused_untouched(tmp_path: Path) -> None:
    p = tmp_path / "other.db"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    _refused(p, "not a Transcript Reviewer store")
    assert sqlite3.connect(p).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_newer_schema_refused_untouched(db_path: Path) -> None:
    open_store(str(db_path)).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    _refused(db_path, r"revision 9999\) is newer")


def test_directory_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot open"):
        open_store(str(tmp_path))


def test_missing_folder_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot open"):
        open_store(str(tmp_path / "no" / "such" / "store.db"))
    assert not (tmp_path / "no").exists()


def test_two_stores_writing_at_once_wait_for_each_other(db_path: Path) -> None:
    """A GUI and a script on one file: BEGIN IMMEDIATE + busy timeout, no 'database is locked'."""
    import threading

    from tests.store.helpers import doc

    with open_store(str(db_path)) as first:
        doc_id = first.import_document(doc()).document_id
    errors: list[BaseException] = []
    made: list[int] = []

    def writer(n: int) -> None:
        try:
            with open_store(str(db_path)) as store:
                for i in range(60):
                    made.append(store.tag(doc_id, i % 4, topic=f"W{n}/T{i % 5}", note=str(i)))
                    store.rename_speaker(doc_id, "A", f"A by {n}")
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(str(db_path)) as store:
        assert sorted(a.id for a in store.annotations()) == sorted(made) and len(made) == 180


def test_schema_compiles_for_postgresql() -> None:
    """The later PostgreSQL issue runs the same models: their DDL must compile there too."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    from reviewer.store.models import Base

    for table in Base.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=postgresql.dialect()))
        for index in table.indexes:
            str(CreateIndex(index).compile(dialect=postgresql.dialect()))
