"""Creating a row that another reviewer may be creating at the same moment (a topic, a speaker).

On SQLite a write transaction holds the whole database, so "look it up, else add it" cannot
race.  On PostgreSQL two transactions may both miss the row and both insert it: the second
waits on the unique index until the first commits, then fails.  There the insert runs inside a
SAVEPOINT, and on that failure the row the other transaction committed is used instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

T = TypeVar("T")


def add_or_existing(session: Session, row: T, find: Callable[[], T | None]) -> T:
    """Insert ``row`` and return it; if a concurrent transaction inserted the same key first,
    return that one (``find`` looks it up) instead."""
    if session.get_bind().dialect.name == "sqlite":
        session.add(row)
        session.flush()
        return row
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        found = find()
        if found is None:  # not a race on the key: a real error
            raise
        return found
    return row
