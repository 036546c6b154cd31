"""What long operations report to while they run: progress, and a way to stop them.

The window's background Job (gui/workers.py) is one; the command line and tests can pass
:data:`QUIET` (no progress, never cancelled).
"""

from __future__ import annotations

from typing import Protocol


class Task(Protocol):
    cancelled: bool

    def report(self, done: int, total: int, what: str = "") -> None: ...

    def check(self, done: int, total: int, what: str = "") -> None:
        """Report progress, and raise core.progress.Cancelled here if the task was cancelled."""
        ...


class Quiet:
    cancelled = False

    def report(self, done: int, total: int, what: str = "") -> None:
        pass

    def check(self, done: int, total: int, what: str = "") -> None:
        pass


QUIET = Quiet()
