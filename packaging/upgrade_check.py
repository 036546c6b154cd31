"""An annotation store from an older version, for checking that an installed upgrade keeps it.

    python packaging/upgrade_check.py make OLD.sqlite3    # with the source app: schema 0001 + one annotation
    python packaging/upgrade_check.py check OLD.sqlite3   # after the bundled app opened it

``check`` passes when the file is at the newest schema revision, the annotation is still there,
and a backup of the old file (still at 0001) sits next to it — what the store promises on open.
Run by .ci/package-smoke.sh with the project's virtualenv; the bundle does the opening.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

NOTE = "kept through the upgrade"


def make(path: Path) -> None:
    from alembic import command

    from reviewer.store.engine import make_engine
    from reviewer.store.migrate import alembic_config

    path.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn, conn.begin():
        command.upgrade(alembic_config(conn), "0001")
    engine.dispose()
    # Rows as version 0001 of the app wrote them (the same as tests/store/test_migrations.py).
    con = sqlite3.connect(path)
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
        f" 'hi', 'ok', '{NOTE}', '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
    )
    con.commit()
    con.close()


def check(path: Path) -> list[str]:
    from reviewer.store.migrate import HEAD_REVISION

    problems = []
    con = sqlite3.connect(path)
    [(revision,)] = con.execute("SELECT version_num FROM alembic_version").fetchall()
    if revision != HEAD_REVISION:
        problems.append(f"schema revision {revision}, expected {HEAD_REVISION}")
    if con.execute("SELECT count(*) FROM annotations WHERE note = ?", (NOTE,)).fetchone() != (1,):
        problems.append("the old annotation is gone")
    con.close()
    backups = sorted(path.parent.glob(f"{path.name}.rev0001-*.bak"))
    if len(backups) != 1:
        problems.append(f"expected one backup of the 0001 store, found {len(backups)}")
    else:
        bak = sqlite3.connect(backups[0])
        if bak.execute("SELECT version_num FROM alembic_version").fetchone() != ("0001",):
            problems.append("the backup is not the old store")
        bak.close()
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("make", "check"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    path = Path(argv[2])
    if argv[1] == "make":
        make(path)
        print(f"made {path} at schema 0001 with one annotation")
        return 0
    problems = check(path)
    for problem in problems:
        print(f"upgrade check: {problem}", file=sys.stderr)
    if not problems:
        print(f"upgrade check: {path} upgraded, annotation kept, backup of the old store next to it")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
