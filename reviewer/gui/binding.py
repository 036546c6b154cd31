"""Checks on the Qt binding itself, run once at start-up.

PySide6 6.12.0 drops one reference to ``None`` on every call of a method that returns
void (``QPainter.save``, ``QTextLayout.draw``, ``QWidget.update`` …).  Python 3.11's
``None`` is an ordinary object: after some thousand calls its count reaches zero and
the interpreter aborts with ``Fatal Python error: none_dealloc``, taking the window and
its undo history with it.  pyproject.toml excludes that release; this probe catches it
(or a later release with the same bug) when the app runs on a binding it did not choose,
such as a distribution's package.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

PROBE_CALLS = 400
# The count given to None when the binding leaks (where None is not immortal already):
# as good as immortal for any session, like Python 3.12's None.
_PIN = 1 << 48


def none_references_lost(calls: int = PROBE_CALLS) -> int:
    """How many references to None ``calls`` void method calls took away (0 on a sound binding)."""
    probe = QObject()
    samples = []
    for _ in range(3):  # other threads may take or drop references meanwhile: the least counts
        before = sys.getrefcount(None)
        for _ in range(calls):
            probe.setObjectName("probe")
        samples.append(before - sys.getrefcount(None))
    return max(0, min(samples))


def leaks_none() -> bool:
    return none_references_lost() >= PROBE_CALLS // 2


def guard_none_refcount() -> bool:
    """If the binding leaks references to None, say so once and keep None from being freed.

    Returns True when the binding leaks.  On CPython before 3.12 None's count is raised
    far beyond what any session can drop; a newer Python never frees None anyway.
    """
    if not leaks_none():
        return False
    import PySide6

    print(
        f"reviewer: warning: PySide6 {PySide6.__version__} loses a reference to None on every "
        "void call (a bug of that release); install another one, e.g. "
        "pip install 'PySide6-Essentials!=6.12.0'. This session is protected against the crash.",
        file=sys.stderr,
    )
    release_build = not hasattr(sys, "gettotalrefcount")
    if sys.implementation.name == "cpython" and sys.version_info < (3, 12) and release_build:
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(None)).value += _PIN
    return True
