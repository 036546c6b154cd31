"""Write a file all at once or not at all: a temp file beside it, fsync, then rename over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from reviewer.core.errors import InputError


def check_writable(path: str | Path) -> Path:
    """Fail early, with one line, when ``path`` cannot be an output file."""
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give a file name to write")
    if not p.parent.is_dir():
        raise InputError(f"{p}: folder {p.parent} does not exist")
    return p


@contextmanager
def atomic_write(
    path: str | Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """Yield a text stream; on success it replaces ``path``, on error ``path`` is left as it was."""
    p = check_writable(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    except OSError as exc:
        raise InputError(f"{p}: cannot write here ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode_for(p))
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(p: Path) -> int:
    # mkstemp makes the file private (0600); give it the mode a plain open() would have.
    try:
        return p.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
