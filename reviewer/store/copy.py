"""Copy a whole store into another one (e.g. a personal SQLite file into the team's PostgreSQL).

- Both stores are opened with ``open_store``, so both are migrated to this version's schema
  first (the source too, after its usual backup when it is a SQLite file).
- The target must hold no work yet: no documents, topics or glossary entries, and no error types
  beyond the default ones a new store is seeded with.  Merging two stores' documents, topic trees
  and error taxonomies is a decision for a person, not for a copy: a non-empty target is refused
  and left untouched.
- Every table is copied row by row with its ids (so every reference stays what it was); the
  target's seeded error types are replaced by the source's.  On PostgreSQL the id sequences are
  then moved past the copied ids.
- The source is read in one snapshot; the target is written in ONE transaction, and before it
  commits the per-table counts and the content hash of both sides are compared: a difference
  (or any error) rolls everything back, the target is as it was.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reviewer.core.errors import InputError
from reviewer.store.dump import dump
from reviewer.store.migrate import default_error_types
from reviewer.store.models import (
    Annotation,
    Document,
    ErrorType,
    GlossaryAlias,
    GlossaryTerm,
    RepairEdit,
    Segment,
    Speaker,
    Topic,
)
from reviewer.store.store import Store, StoreError, open_store

# In dependency order: a row's references are copied before it.
TABLES: tuple[Table, ...] = tuple(
    m.__table__  # type: ignore[misc]
    for m in (
        ErrorType,
        Topic,
        GlossaryTerm,
        GlossaryAlias,
        Document,
        Speaker,
        Segment,
        RepairEdit,
        Annotation,
    )
)
CHUNK = 1000


@dataclass(frozen=True)
class CopyReport:
    source: str  # where from / to, without passwords
    target: str
    counts: dict[str, tuple[int, int]]  # table → (rows in source, rows in target)
    source_hash: str
    target_hash: str

    @property
    def equal(self) -> bool:
        return self.source_hash == self.target_hash and all(a == b for a, b in self.counts.values())


class CopyMismatch(StoreError):
    """The copy did not come out equal; the target was rolled back."""

    def __init__(self, report: CopyReport) -> None:
        self.report = report
        differ = [t for t, (a, b) in report.counts.items() if a != b]
        what = f"row counts differ in {', '.join(differ)}" if differ else "content hashes differ"
        super().__init__(f"copy to {report.target} not equal to {report.source} ({what}); target unchanged")


def content_hash(session: Session) -> str:
    """sha256 of the store's content as canonical JSON (the JSON export, without surrogate ids)."""
    data = _without_ids(dump(session))
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def _without_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def table_counts(conn: Connection) -> dict[str, int]:
    return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}


def _check_empty(conn: Connection, where: str) -> None:
    counts = table_counts(conn)
    work = {t: n for t, n in counts.items() if n and t != ErrorType.__tablename__}
    defaults = [(e["key"], e["name"], e.get("description")) for e in default_error_types()]
    stored = [
        tuple(r)
        for r in conn.execute(
            select(ErrorType.key, ErrorType.name, ErrorType.description).order_by(ErrorType.position)
        )
    ]
    if work or stored != defaults:
        held = ", ".join(f"{n} {t}" for t, n in work.items()) or "its own error types"
        raise InputError(f"{where} is not empty ({held}); copy into a new, empty store instead")


@contextmanager
def _snapshot(store: Store) -> Iterator[Session]:
    """One consistent read of the whole source (REPEATABLE READ on PostgreSQL; SQLite's read
    transaction is a snapshot already)."""
    with store.read() as session:
        if store.engine.dialect.name == "postgresql":
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield session


def _copy_rows(src: Connection, dst: Connection, table: Table, src_where: str, dst_where: str) -> None:
    q = select(*table.c).order_by(*table.primary_key.columns)
    if table.name == Topic.__tablename__:
        # Parents first (a parent's path is a prefix of its children's): a moved topic may have
        # a smaller id than its new parent.
        q = select(*table.c).order_by(func.length(table.c.path), table.c.id)
    reading = _faults_of(src_where, f"reading {table.name} from the source")
    writing = _faults_of(dst_where, f"writing {table.name} to the target")
    with reading:
        rows = src.execute(q.execution_options(yield_per=CHUNK))
    while True:
        with reading:
            chunk = rows.fetchmany(CHUNK)
        if not chunk:
            break
        batch = [dict(row._mapping) for row in chunk]
        with writing:
            dst.execute(insert(table), batch)


def _move_sequences(dst: Connection) -> None:
    if dst.dialect.name != "postgresql":
        return  # SQLite hands out max(id) + 1 by itself
    for t in TABLES:
        dst.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{t.name}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {t.name}), 1), "
                f"(SELECT max(id) FROM {t.name}) IS NOT NULL)"
            )
        )


class _faults_of:
    """A database error in the block is the fault of the store at ``where``, not of the other one
    (the copy reads one inside the other's write transaction, which would take the blame)."""

    def __init__(self, where: str, doing: str) -> None:
        self.where, self.doing = where, doing

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, _tb: object) -> None:
        if isinstance(exc, DBAPIError):
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            message = f"{self.where}: {self.doing} failed ({reason}); the target is unchanged"
            raise StoreError(message) from None


def copy_store(source_url: str, target_url: str) -> CopyReport:
    """Copy everything from ``source_url`` into the empty store ``target_url``; see the module doc."""
    # The source must be there: a mistyped path would otherwise be created as an empty store.
    with open_store(source_url, must_exist=True) as src_store, open_store(target_url) as dst_store:
        if src_store.url == dst_store.url:
            raise InputError("--from and --to are the same store")
        reading = _faults_of(src_store.where, "reading the source")
        writing = _faults_of(dst_store.where, "writing the target")
        with _snapshot(src_store) as src, dst_store.write() as dst:
            src_conn, dst_conn = src.connection(), dst.connection()
            with writing:
                _check_empty(dst_conn, dst_store.where)
                dst_conn.execute(delete(ErrorType.__table__))
            for table in TABLES:
                _copy_rows(src_conn, dst_conn, table, src_store.where, dst_store.where)
            with writing:
                _move_sequences(dst_conn)
            with reading:
                src_counts, source_hash = table_counts(src_conn), content_hash(src)
            with writing:
                dst_counts, target_hash = table_counts(dst_conn), content_hash(dst)
            report = CopyReport(
                src_store.where,
                dst_store.where,
                {t: (src_counts[t], dst_counts[t]) for t in src_counts},
                source_hash,
                target_hash,
            )
            if not report.equal:
                raise CopyMismatch(report)  # rolls the target back
        return report
