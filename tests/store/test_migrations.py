"""Schema migrations: from empty, from the first revision (with a backup), and models == migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from reviewer.store import open_store
from reviewer.store.engine import make_engine
from reviewer.store.migrate import alembic_config, default_error_types, head_revision
from reviewer.store.models import Base
from tests.store.helpers import doc


def _at_revision(path: Path, revision: str) -> None:
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn, conn.begin():
        command.upgrade(alembic_config(conn), revision)
    engine.dispose()


def test_empty_database_to_head_matches_models(db_path: Path) -> None:
    with open_store(str(db_path)) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert diff == []
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert {"glossary_terms", "glossary_aliases", "annotations"} <= set(inspect(conn).get_table_names())
    # Seeded once, from the shipped taxonomy.
    with open_store(str(db_path)) as store:
        keys = [e.key for e in store.error_types()]
    assert keys == [e["key"] for e in default_error_types()]
    assert {"asr", "encoding", "speaker", "missing-extra", "segmentation", "other"} <= set(keys)


def test_upgrade_from_first_revision_keeps_data_and_backs_up(db_path: Path) -> None:
    _at_revision(db_path, "0001")
    con = sqlite3.connect(db_path)
    con.execute(
        "INSERT INTO documents (id, path, name, content_hash, encoding, encoding_reason, format, metadata,"
        " header, trailing_newline, original_text, version, imported_at, updated_at)"
        " VALUES (1, '/x/old.txt', 'old.txt', 'h', 'utf-8', '', 'chat', '{}', '', 1, '[A]: hi', 1,"
        " '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
    )
    con.execute(
        "INSERT INTO segments (id, document_id, segment_index, original, repaired, original_speaker,"
        " source_lines, text_offset) VALUES (1, 1, 0, 'hi', 'hi', 'A', '[1]', 5)"
    )
    con.execute(
        "INSERT INTO error_types (id, key, name, position, created_at) VALUES (1, 'asr', 'ASR', 0,"
        " '2024-01-01 00:00:00')"
    )
    con.execute(
        "INSERT INTO annotations (document_id, segment_id, kind, error_type_id, target, span_start, span_end,"
        " quote, anchor_status, note, created_at, updated_at) VALUES (1, 1, 'error', 1, 'repaired', 0, 2,"
        " 'hi', 'ok', 'kept through the upgrade', '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
    )
    con.commit()
    con.close()

    with open_store(str(db_path)) as store:
        report = store.migration
        assert (report.from_revision, report.to_revision) == ("0001", head_revision())
        assert report.backup is not None and report.backup.exists()
        [row] = list(store.annotation_rows())
        assert (row.file_name, row.text_repaired, row.note) == ("old.txt", "hi", "kept through the upgrade")
        # Not re-seeded: the user's taxonomy is theirs.
        assert [e.key for e in store.error_types()] == ["asr"]
        store.add_term("ChatGPT", ["chat gpt"])  # a table the upgrade added
        assert store.glossary().aliases == {"chat gpt": "ChatGPT"}

    # The backup is the database as it was: still at 0001, with the data.
    bak = sqlite3.connect(report.backup)
    assert bak.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert bak.execute("SELECT note FROM annotations").fetchone() == ("kept through the upgrade",)
    assert bak.execute("SELECT name FROM sqlite_master WHERE name = 'glossary_terms'").fetchone() is None
    assert bak.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_downgrade_to_base_and_up_again(db_path: Path) -> None:
    with open_store(str(db_path)) as store:
        store.import_document(doc())
        with store.engine.connect() as conn, conn.begin():
            command.downgrade(alembic_config(conn), "0001")
        with store.engine.connect() as conn:
            assert "glossary_terms" not in inspect(conn).get_table_names()
        with store.engine.connect() as conn, conn.begin():
            command.downgrade(alembic_config(conn), "base")
        with store.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    with open_store(str(db_path)) as store:
        assert store.documents() == []


def test_head_constant_matches_the_migration_scripts() -> None:
    from reviewer.store.migrate import HEAD_REVISION

    assert HEAD_REVISION == head_revision()
