"""Progress reports from long work, and the way a reader of them cancels it.

Long calls (load a file, repair it, store it) take an optional ``progress``
callable: ``progress(stage, done, total)``.  It is called between pieces of work
that take a fraction of a second each; to stop the work it raises
:class:`Cancelled`, which unwinds the call before anything is kept (a store write
in progress is rolled back).  Core code never catches it.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]

# Stages, in the order an import goes through them; their share of a whole import's time
# (measured on a 100k-segment file: storing is about two thirds of it).
STAGES: tuple[tuple[str, float], ...] = (
    ("decode", 0.05),
    ("parse", 0.05),
    ("repair", 0.25),
    ("store", 0.65),
)
_START: dict[str, float] = {}
_SHARE: dict[str, float] = {}
_acc = 0.0
for _name, _share in STAGES:
    _START[_name], _SHARE[_name] = _acc, _share
    _acc += _share


class Cancelled(Exception):
    """The reader of the progress reports asked for the work to stop."""


def fraction(stage: str, done: int, total: int) -> float:
    """How far along a whole import is, 0..1, from one report."""
    start = _START.get(stage, 0.0)
    share = _SHARE.get(stage, 0.0)
    part = min(max(done / total, 0.0), 1.0) if total > 0 else 0.0
    return start + share * part


def report(progress: Progress | None, stage: str, done: int, total: int) -> None:
    if progress is not None:
        progress(stage, done, total)
