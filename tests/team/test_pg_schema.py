"""The schema on PostgreSQL: migrations from empty and from the first revision, models == migrations,
two clients migrating a new database at once, NUL in texts, values too long, a bad URL."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from reviewer.core.errors import InputError
from reviewer.store import open_store
from reviewer.store.migrate import alembic_config, head_revision
from reviewer.store.models import Base
from tests.store.backends import PgDatabases
from tests.store.helpers import doc


def test_empty_database_to_head_matches_models(pg_databases: PgDatabases) -> None:
    url = pg_databases.create()
    with open_store(url) as store:
        assert store.migration.created and store.migration.backup is None
        assert store.is_shared
        with store.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, Base.metadata) == []
            assert ctx.get_current_revision() == head_revision()
        assert len(store.error_types()) >= 6
    with open_store(url) as again:
        assert not again.migration.upgraded


def test_upgrade_from_first_revision_keeps_data(pg_databases: PgDatabases) -> None:
    url = pg_databases.create()
    engine = create_engine(url)
    with engine.connect() as conn, conn.begin():
        command.upgrade(alembic_config(conn), "0001")
        conn.execute(
            text(
                "INSERT INTO documents (id, path, name, content_hash, encoding, encoding_reason, format,"
                " metadata, header, trailing_newline, original_text, version, imported_at, updated_at)"
                " VALUES (1, '/x/old.txt', 'old.txt', 'h', 'utf-8', '', 'chat', '{}', '', true, '[A]: hi', 1,"
                " '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO segments (id, document_id, segment_index, original, repaired, original_speaker,"
                " source_lines, text_offset) VALUES (1, 1, 0, 'hi', 'hi', 'A', '[1]', 5)"
            )
        )
        conn.execute(
            text("INSERT INTO speakers (id, document_id, label, display_name) VALUES (1, 1, 'A', 'Ann')")
        )
        conn.execute(
            text(
                "INSERT INTO annotations (document_id, segment_id, kind, speaker_id, target, quote,"
                " anchor_status, created_at, updated_at) VALUES (1, 1, 'speaker', 1, 'segment', 'hi', 'ok',"
                " '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
            )
        )
    engine.dispose()
    with open_store(url) as store:
        assert (store.migration.from_revision, store.migration.to_revision) == ("0001", head_revision())
        assert store.migration.backup is None  # a server's backups are its operators' business
        [a] = store.annotations(1)
        assert (a.tag, a.version) == ("Ann", 1)
        # 0003 turned the old whole-segment speaker tag into the segment's assignment.
        assert store.segment(1, 0).speaker_assigned
        # The explicit ids above did not confuse the sequences of later rows.
        assert store.tag(1, 0, topic="T") == a.id + 1


def _open_once(url: str) -> int:
    with open_store(url) as store:
        return 1 if store.migration.created else 0


def test_two_clients_opening_a_new_database_at_once(pg_databases: PgDatabases) -> None:
    url = pg_databases.create()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(4) as pool:
        created = pool.map(_open_once, [url] * 4)
    # The advisory lock let one of them create the schema; the others found it done.
    assert sum(created) == 1
    with open_store(url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
        # Seeded once, not once per client.
        keys = conn.execute(text("SELECT key FROM error_types")).scalars().all()
        assert len(keys) == len(set(keys)) == len(store.error_types())
        assert "annotations" in inspect(conn).get_table_names()


def test_nul_in_a_transcript_round_trips(pg_databases: PgDatabases, tmp_path: Path) -> None:
    url = pg_databases.create()
    line = "[A]: hello there, a line long enough that one stray byte is not binary data.\n"
    text_ = line.replace("hello", "hel\x00lo") + line.replace("hello", "odd \uffff mark") + line
    with open_store(url) as store:
        d = store.import_document(doc(text_, glossary=False)).document_id
        assert store.document(d).original_text == text_
        segs = store.segments(d)
        assert segs[0].original.startswith("hel\x00lo") and "\uffff" in segs[1].original
        a = store.tag(d, 0, error="asr", span=(0, 6), target="original", note="nul \x00 here")
        got = store.annotation(a)
        assert got is not None and got.quote == "hel\x00lo" and got.note == "nul \x00 here"
        engine = store.engine
        with engine.connect() as conn:
            q = text("SELECT original FROM segments ORDER BY segment_index")
            stored = conn.execute(q).scalars().all()
        assert "\x00" not in stored[0] and stored[0].startswith("hel\uffff0lo")


def test_too_long_value_is_one_line_and_writes_nothing(pg_databases: PgDatabases) -> None:
    url = pg_databases.create()
    with open_store(url) as store:
        d = store.import_document(doc()).document_id
        with pytest.raises(InputError, match=r"cannot be written \(value too long") as caught:
            store.tag(d, 0, topic="AI", annotator="x" * 300)
        assert "\n" not in str(caught.value)
        assert store.annotations(d) == [] and store.topics() == []


def test_unreachable_server_is_one_line(pg_databases: PgDatabases) -> None:
    url = pg_databases.create()
    bad = url.replace(url.split("@")[1].split("/")[0], "127.0.0.1:1")
    with pytest.raises(InputError, match="cannot open the annotation store") as caught:
        open_store(bad)
    assert "\n" not in str(caught.value) and ":***@" in str(caught.value)


def test_a_dropped_connection_is_replaced(pg_databases: PgDatabases) -> None:
    """A window open for hours: the server (or a NAT) drops its connection; the next action works."""
    url = pg_databases.create()
    name = url.rsplit("/", 1)[1]
    with open_store(url) as store:
        d = store.import_document(doc()).document_id
        with pg_databases.admin.connect() as admin:
            killed = admin.execute(
                text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            ).scalar()
        assert killed >= 1  # the store's pooled connection was there, and is gone now
        assert store.tag(d, 0, topic="After the drop") > 0
        assert [a.tag for a in store.annotations(d)] == ["After the drop"]
