"""Copying a whole store into another, empty one (`reviewer copy`, e.g. SQLite into PostgreSQL).

Not an undoable Op: it writes a new store rather than changing one, and the store layer
refuses a target that holds anything, so there is no earlier state to put back.  It lives
here so that every write the command line makes goes through this package.
"""

from __future__ import annotations

from reviewer.store.copy import CopyMismatch, CopyReport
from reviewer.store.copy import copy_store as _copy_store

__all__ = ["CopyMismatch", "CopyReport", "copy_store"]


def copy_store(source_url: str, target_url: str) -> CopyReport:
    """Copy every row of ``source_url`` into the empty store at ``target_url`` in one
    transaction, then compare the two (CopyMismatch, with the report, when they differ)."""
    return _copy_store(source_url, target_url)
