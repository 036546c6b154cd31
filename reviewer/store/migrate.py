"""Bring a database to the schema this code knows, safely, when the store opens.

- An empty database is created at the newest revision and seeded (error types).
- An older one is copied to a backup file first, then upgraded in one transaction.
- One whose revision this code does not know (written by a newer version), or a
  SQLite file that is not ours or not a database at all, is refused untouched.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, insert, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from reviewer.core.errors import InputError
from reviewer.store.engine import WRITE_OPTION, is_sqlite, sqlite_file
from reviewer.store.errors import db_reason
from reviewer.store.models import ErrorType, utcnow

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
# The newest revision in migrations/versions (a test keeps them in step).  Opening a store
# that is already there needs no Alembic import at all, which keeps `reviewer tag` quick.
HEAD_REVISION = "0006"
# PostgreSQL advisory lock held while migrating ("reviewer" in ASCII): two clients opening a new
# team database at once take turns; the second then finds it migrated and does nothing.
MIGRATION_LOCK = 0x7265766965776572


@dataclass(frozen=True)
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None = None

    @property
    def created(self) -> bool:
        return self.from_revision is None

    @property
    def upgraded(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def describe(url: str) -> str:
    """How to name the database in a message: its file, or its URL without the password."""
    return sqlite_file(url) or make_url(url).render_as_string(hide_password=True)


def current_revision(engine: Engine, url: str) -> str | None:
    """The database's schema revision (None: empty).  Refuses anything that is not a store we can open."""
    where = describe(url)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            revision = _stored_revision(conn) if VERSION_TABLE in tables else None
    except SQLAlchemyError as exc:
        raise InputError(f"{where}: cannot open the annotation store ({db_reason(exc)})") from None
    if revision is None and tables - {VERSION_TABLE}:
        raise InputError(f"{where}: not a Transcript Reviewer store (it has other tables); left untouched")
    if revision is not None and revision != HEAD_REVISION and not _known_revision(revision):
        raise InputError(
            f"{where}: the store's schema (revision {revision}) is newer than this version of "
            f"Transcript Reviewer knows (up to {HEAD_REVISION}); upgrade the app to open it"
        )
    return revision


def _stored_revision(conn: Connection) -> str | None:
    rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise InputError(f"several schema revisions ({', '.join(rows)}): not a store this app made")
    return rows[0] if rows else None


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(revision)
    except CommandError:
        return False
    return True


def prepare(engine: Engine, url: str) -> MigrationReport:
    """Check, back up and upgrade the database; returns what was done."""
    where = describe(url)
    current = current_revision(engine, url)
    head = HEAD_REVISION
    if is_sqlite(url):
        _enable_wal(engine, where)
    if current == head:
        return MigrationReport(current, head)
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    backup = backup_sqlite(url, current) if current is not None else None
    try:
        with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
            # SQLite changes a table by copying it and dropping the old one (Alembic batch mode);
            # with foreign keys on, that DROP would cascade into the rows that point at it.  The
            # switch only works outside a transaction; the keys are checked before the commit.
            raw = conn.connection.driver_connection if is_sqlite(url) else None
            if raw is not None:
                raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    if conn.dialect.name == "postgresql":
                        # Released by the commit; SQLite's BEGIN IMMEDIATE already serialises this.
                        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                    # Another process may have upgraded it while we waited for the write lock.
                    again = MigrationContext.configure(conn).get_current_revision()
                    if again != head:
                        command.upgrade(alembic_config(conn), "head")
                        if again is None:
                            seed_error_types(conn)
                    else:
                        current = again
                    if raw is not None and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                        raise InputError(f"{where}: the upgrade would break references; nothing changed")
            finally:
                if raw is not None:
                    raw.execute("PRAGMA foreign_keys = ON")
    except SQLAlchemyError as exc:
        raise InputError(f"{where}: cannot set up the annotation store ({db_reason(exc)})") from None
    return MigrationReport(current, head, backup)


def backup_sqlite(url: str, revision: str) -> Path | None:
    """Copy a SQLite store (consistently, WAL included) next to itself before it is upgraded."""
    path = sqlite_file(url)
    if path is None:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = Path(f"{path}.rev{revision}-{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        dest.unlink(missing_ok=True)
        raise InputError(
            f"{path}: cannot back up the store before upgrading it ({exc}); nothing changed"
        ) from None
    finally:
        src.close()
    return dest


def default_error_types() -> list[dict[str, str]]:
    from reviewer.resources import read_text

    return list(json.loads(read_text("error_types.json"))["error_types"])


def seed_error_types(conn: Connection) -> None:
    now = utcnow()
    rows = [
        {
            "key": e["key"],
            "name": e["name"],
            "description": e.get("description"),
            "position": n,
            "created_at": now,
        }
        for n, e in enumerate(default_error_types())
    ]
    conn.execute(insert(ErrorType), rows)


def _enable_wal(engine: Engine, where: str) -> None:
    if engine.url.database in (None, "", ":memory:"):
        return
    raw = engine.raw_connection()
    try:
        # Outside any transaction (SQLite refuses to switch journal mode inside one).
        mode = raw.driver_connection.execute("PRAGMA journal_mode = WAL").fetchone()  # type: ignore[union-attr]
    except sqlite3.Error as exc:
        raise InputError(f"{where}: cannot open the annotation store ({exc})") from None
    finally:
        raw.close()
    if not mode or str(mode[0]).lower() != "wal":
        raise InputError(f"{where}: cannot switch the store to write-ahead logging (journal mode {mode})")
