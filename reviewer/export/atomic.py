"""Writing an export: all at once or not at all, and never over something it must not replace.

- A regular file (new or existing) is written to a temporary file beside it, synced, then
  renamed over it: a crash or a full disk leaves the old file as it was.
- A symlink is followed: its target is replaced, the link stays a link.
- A character device or a FIFO (``/dev/stdout``, a pipe) is written straight into; it is
  never replaced by a regular file.  Anything else that is not a regular file is refused.
- A read-only file is refused, and so is the open store itself or its journal files
  (writing there would replace every record).
- The temporary file is locked while it is written; a later export removes the
  temporary files of ours that an earlier, killed export left behind.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from reviewer.core.errors import InputError
from reviewer.core.own_files import refuse_store_file

try:
    import fcntl
except ImportError:  # Windows: stale temporary files are told by their age instead
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tmp"
# Without locks (Windows), a temporary file this old is taken as left by a killed export.
STALE_AFTER_S = 24 * 3600


def _target(p: Path) -> Path:
    """Where writing ``p`` ends up: a symlink's (final) target, else ``p`` itself."""
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def _why(err: OSError) -> str:
    return err.strerror or str(err)


def check_writable(path: str | Path) -> Path:
    """Fail early, with one line, when ``path`` cannot be an output file; returns where to write."""
    p = Path(path)
    refuse_store_file(p, "write to")
    target = _target(p)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as err:
        raise InputError(f"{p}: cannot write here ({_why(err)})") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{p}: is a directory; give a file name to write")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            return target  # written into as it is (a terminal, /dev/null, a pipe)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{p}: is not a regular file; refusing to replace it")
        # No write bit for anyone says "do not change" even to root, who may write it anyway.
        if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise InputError(f"{p}: is read-only; refusing to replace it")
    if not target.parent.is_dir():
        raise InputError(f"{p}: folder {target.parent} does not exist")
    return target


@contextmanager
def atomic_write(
    path: str | Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """Yield a text stream; on success it replaces ``path``, on error ``path`` is left as it was."""
    target = check_writable(path)
    if _is_stream(target):
        with _stream(target, path, encoding, newline) as f:
            yield f
        return
    remove_stale_temporaries(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise InputError(f"{path}: cannot write here ({_why(exc)})") from None
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)  # released when the file closes, or the process dies
        try:
            with os.fdopen(fd, "w", encoding=encoding, newline=newline) as f:
                yield f
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:  # a full disk, a quota, an I/O error
            raise InputError(f"{path}: cannot write ({_why(exc)}); nothing was changed") from None
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _is_stream(target: Path) -> bool:
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


@contextmanager
def _stream(target: Path, path: str | Path, encoding: str, newline: str | None) -> Iterator[IO[str]]:
    flags = os.O_WRONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(target, flags)  # a FIFO nobody reads: ENXIO at once instead of hanging
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise InputError(f"{path}: a pipe nobody is reading from") from None
        raise InputError(f"{path}: cannot write ({_why(exc)})") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as f:
            yield f
            f.flush()
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({_why(exc)})") from None


def remove_stale_temporaries(target: Path) -> int:
    """Delete the temporary files an earlier export of ``target`` left when it was killed.

    A temporary file still being written is locked by its writer and kept; without locks,
    only one older than STALE_AFTER_S goes.  Returns how many were removed.
    """
    removed = 0
    try:
        candidates = list(target.parent.glob(f".{_glob_escape(target.name)}.*{TEMP_SUFFIX}"))
    except OSError:
        return 0
    for tmp in candidates:
        try:
            if not tmp.is_file() or tmp.is_symlink():
                continue
            if fcntl is None:
                if time.time() - tmp.stat().st_mtime < STALE_AFTER_S:
                    continue
                tmp.unlink()
                removed += 1
                continue
            fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # another export is writing it right now
            finally:
                os.close(fd)
            tmp.unlink()
            removed += 1
        except OSError:
            continue
    return removed


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _mode_for(p: Path) -> int:
    # mkstemp makes the file private (0600); give it the mode a plain open() would have.
    try:
        return p.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
