"""Files the running app's store holds open through SQLite, which nothing else may open.

SQLite's locks are POSIX locks: they belong to the process, and closing *any*
descriptor of the database file releases all of them.  Another process then believes
the window has gone, checkpoints and deletes the write-ahead log, and the window goes
on writing into a file no one will read again: edits vanish.  So the store registers
its files here when it opens them; reading an input and writing an export check this
list first (by device and inode, so a symlink, a relative path or a hard link is
recognised too) and refuse with one line instead of touching them.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

# SQLite's companions of a database file (WAL mode; the rollback journal while switching to it).
SUFFIXES = ("", "-wal", "-shm", "-journal")

_lock = threading.Lock()
_databases: dict[str, int] = {}  # absolute database path → how many open stores hold it


def hold(database: str | os.PathLike[str]) -> None:
    """A store opened this database file: it and its companions are off limits until release()."""
    key = os.path.abspath(database)
    with _lock:
        _databases[key] = _databases.get(key, 0) + 1


def release(database: str | os.PathLike[str]) -> None:
    key = os.path.abspath(database)
    with _lock:
        n = _databases.get(key, 0) - 1
        if n > 0:
            _databases[key] = n
        else:
            _databases.pop(key, None)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # stat never opens the file: it cannot drop a lock
    except OSError:
        return None
    return st.st_dev, st.st_ino


def store_file(path: str | os.PathLike[str]) -> str | None:
    """The held database that ``path`` is (or is a companion of), else None."""
    with _lock:
        databases = list(_databases)
    if not databases:
        return None
    wanted = _identity(os.fspath(path))
    resolved = os.path.realpath(path)
    for db in databases:
        for suffix in SUFFIXES:
            own = db + suffix
            if wanted is not None and wanted == _identity(own):
                return db
            # A companion that does not exist yet is known by its name only.
            if resolved == os.path.realpath(own):
                return db
    return None


def refuse_store_file(path: str | os.PathLike[str], what: str) -> None:
    """InputError when ``path`` is one of the open store's files (``what``: "read", "write to")."""
    from reviewer.core.errors import InputError

    db = store_file(path)
    if db is not None:
        same = os.path.realpath(path) == os.path.realpath(db)
        own = "the annotation store" if same else "a file of the annotation store"
        raise InputError(f"{Path(path)}: is {own} ({db}); refusing to {what} it")
