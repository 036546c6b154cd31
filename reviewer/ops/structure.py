"""Split a segment at the cursor, merge it with the next: rows added or taken away, undoable.

The Changes say which rows became how many (``Changes.restructure``): the window renumbers the
rows after them in place instead of reading the document again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.store import Store
from reviewer.store import structure as _structure
from reviewer.store.dump import stored_rows

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# How a split part's start time was found (SplitDone.times), for the message.
HOW = {"stamp": "its fragment's timestamp", "given": "as given", "estimated": "estimated", "none": "none"}


class SplitSegment(Op):
    """Segment ``index`` split at ``at`` of its repaired text (as ``seen``); ``time``: the second
    part's start, where the reviewer gives it (else its fragment's stamp, else estimated)."""

    def __init__(
        self, document_id: int, index: int, seen: str, at: int, time: float | None = None, title: str = ""
    ) -> None:
        super().__init__(document_id, title)
        self.index, self.seen, self.at, self.time = index, seen, at, time
        self.done: list[_structure.SplitDone] = []

    @property
    def second_start(self) -> tuple[float | None, str]:
        """The second part's start time and how it was found (after do)."""
        return self.done[0].times[0] if self.done else (None, "none")

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.document_id is not None
        with store.write() as s:
            done = _structure.split_at(
                s, self.document_id, self.index, self.at, seen=self.seen, time=self.time
            )
            self.done = [done]
            return _moved(s, self.document_id, self.index, 1, len(done.parts) + 1, focus=self.index + 1)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.document_id is not None
        with store.write() as s:
            _structure.undo_splits(s, self.document_id, self.done)
            return _moved(s, self.document_id, self.index, len(self.done[0].parts) + 1, 1, focus=self.index)


class MergeSegments(Op):
    """Segment ``index`` and the next as one row, joined by a ``merge`` edit of the reviewer's
    (rejecting it splits them again)."""

    def __init__(self, document_id: int, index: int, annotator: str | None, title: str = "") -> None:
        super().__init__(document_id, title)
        self.index, self.annotator = index, annotator
        self.done: _structure.MergeDone | None = None

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.document_id is not None
        with store.write() as s:
            self.done = _structure.merge_segments(s, self.document_id, self.index, self.annotator)
            return _moved(s, self.document_id, self.index, 2, 1, focus=self.index)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.document_id is not None and self.done is not None
        with store.write() as s:
            _structure.undo_merge(s, self.done)
            return _moved(s, self.document_id, self.index, 1, 2, focus=self.index)


def _moved(s: Session, document_id: int, first: int, before: int, now: int, focus: int) -> Changes:
    """``before`` rows at ``first`` are ``now`` rows: the Changes, those rows read back in the
    op's own transaction."""
    rows = stored_rows(s, document_id, range(first, first + now))
    return Changes(
        document_id, rows=rows, speakers=rows.speakers, restructure=((first, before, now),), focus=[focus]
    )
