"""Reading a file the user named: one clear line for every way it can fail, and never unbounded.

- Only regular files are read: a FIFO would block forever in open(), ``/dev/zero`` or
  ``/dev/urandom`` would fill memory until a MemoryError.  Devices, FIFOs and sockets
  are refused before they are opened.
- Nothing over :data:`MAX_INPUT_BYTES` is read (the README states the limit); a file that
  grows while it is read is cut off at the limit and refused, not read on.
- The open store's own files are never opened (see :mod:`reviewer.core.own_files`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reviewer.core.errors import InputError
from reviewer.core.own_files import refuse_store_file

# The largest transcript or glossary read (a 100,000-segment ASR export is about 6 MB).
MAX_INPUT_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _size_text(n: int) -> str:
    return f"{n / (1 << 20):.0f} MB" if n >= 1 << 20 else f"{n} bytes"


def read_input(path: str | Path, what: str = "file", limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a file the user named; every failure is an InputError with a one-line message."""
    p = Path(path)
    try:
        st = os.stat(p)  # not open(): a FIFO is told apart without blocking on it
    except FileNotFoundError:
        raise InputError(f"no such {what}: {p}") from None
    except PermissionError:
        raise InputError(f"permission denied: {p}") from None
    except (OSError, ValueError) as err:  # a name too long, a loop of links, a NUL in the name
        raise InputError(f"cannot read {p}: {getattr(err, 'strerror', None) or err}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"is a directory, not a {what}: {p}")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{p}: is {_kind(st.st_mode)}, not a {what}; only regular files are read")
    refuse_store_file(p, "read")
    if st.st_size > limit:
        raise InputError(f"{p}: {_size_text(st.st_size)} is over the {_size_text(limit)} limit for a {what}")
    # O_NONBLOCK: a FIFO put in its place since the stat cannot block the open (no-op on files).
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except PermissionError:
        raise InputError(f"permission denied: {p}") from None
    except OSError as err:
        raise InputError(f"cannot read {p}: {err.strerror or err}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode):  # swapped for something else since the stat
            raise InputError(f"{p}: is {_kind(opened.st_mode)}, not a {what}; only regular files are read")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise InputError(f"cannot read {p}: {err.strerror or err}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise InputError(f"{p}: grew past the {_size_text(limit)} limit for a {what} while being read")
    return b"".join(chunks)
