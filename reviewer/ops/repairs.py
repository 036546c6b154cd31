"""Deciding the engine's repairs: accept, reject, change or reset one or many edits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.core.structure import MERGE
from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.store import Store
from reviewer.store import operations as store_ops
from reviewer.store.dump import stored_rows
from reviewer.store.records import EditInfo
from reviewer.store.structure import SplitDone, split_at_joins, undo_splits


@dataclass(frozen=True)
class Decision:
    segment_index: int
    edit_id: int
    decision: str
    text: str | None
    old_decision: str
    old_text: str | None
    version: int = 1  # the edit's version when the reviewer saw it
    kind: str = ""  # the edit's kind: rejecting a fragment join ("merge") splits its segment


def decisions_for(
    edits: Sequence[tuple[int, EditInfo]], decision: str, text: str | None = None
) -> list[Decision]:
    """(segment index, edit) pairs as decisions to ``decision`` (``text`` only for "changed");
    edits already decided that way are left out."""
    text = text if decision == "changed" else None
    return [
        Decision(index, e.id, decision, text, e.decision, e.decided_text, e.version, e.kind)
        for index, e in edits
        if (e.decision, e.decided_text) != (decision, text)
    ]


class DecideEdits(Op):
    """Decide repair edits in one transaction, each checked against the version the reviewer saw
    (another reviewer's decision is never overwritten); reads back the rows they are on.

    A rejected fragment join is not kept as a decision: its segment is split there (the rows
    are the fragments again), and the undo joins them back with the join as it was."""

    def __init__(self, document_id: int, decisions: Sequence[Decision], title: str = "") -> None:
        super().__init__(document_id, title)
        splits = [d for d in decisions if d.kind == MERGE and d.decision == "rejected"]
        self.splits = splits
        self.decisions = [d for d in decisions if d not in splits]
        self.focus = sorted({d.segment_index for d in decisions})
        self.written: dict[int, int] = {}  # edit id → its version after this op's last write
        self.split_done: list[SplitDone] = []

    def _apply(self, store: Store, seen: Seen, new: bool) -> Changes:
        assert self.document_id is not None
        # The versions the caller shows now (its own later steps on these edits moved them); a
        # caller that keeps no view expects what this op last wrote.
        versions = {
            d.edit_id: seen.seen_edit_version(
                d.segment_index, d.edit_id, self.written.get(d.edit_id, d.version)
            )
            for d in self.decisions
        }
        rows = [
            (d.edit_id, d.decision if new else d.old_decision, d.text if new else d.old_text)
            for d in self.decisions
        ]
        undone = self.split_done
        with store.write() as s:
            if not new and self.split_done:
                undo_splits(s, self.document_id, self.split_done)
                self.split_done = []
            store_ops.decide_edits(s, rows, versions)
            if new and self.splits:
                joins = [
                    (
                        d.edit_id,
                        seen.seen_edit_version(
                            d.segment_index, d.edit_id, self.written.get(d.edit_id, d.version)
                        ),
                    )
                    for d in self.splits
                ]
                self.split_done = split_at_joins(s, self.document_id, joins)
            if self.splits:
                # Rows were split (or joined again): which, and every row read back renumbered.
                parts, read, focus = _restructured(self.split_done if new else undone, self.focus, new)
                stored = stored_rows(s, self.document_id, read)
                return Changes(
                    self.document_id, rows=stored, speakers=stored.speakers, restructure=parts, focus=focus
                )
            stored = stored_rows(s, self.document_id, self.focus)
        self.written = {e.id: e.version for seg in stored.segments for e in seg.edits}
        return Changes(self.document_id, rows=stored, speakers=stored.speakers, focus=self.focus)

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        return self._apply(store, seen, True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        return self._apply(store, seen, False)


def _restructured(
    done: Sequence[SplitDone], focus: Sequence[int], forward: bool
) -> tuple[tuple[tuple[int, int, int], ...], list[int], list[int]]:
    """(Changes.restructure, rows to read, focus) of splits made (forward) or undone; ``focus``
    in the numbering without them."""
    firsts, added = [], 0
    for d in sorted(done, key=lambda d: d.index):
        firsts.append((d.index - added, d.index, len(d.parts)))  # (without, with, parts added)
        added += len(d.parts)
    if forward:
        parts = tuple((old, 1, 1 + n) for old, _new, n in firsts)

        def moved(i: int) -> int:
            return i + sum(n for old, _new, n in firsts if old < i)

        read = [new + k for _old, new, n in firsts for k in range(n + 1)] + [moved(i) for i in focus]
        return parts, sorted(set(read)), [moved(i) for i in focus]
    parts = tuple((new, 1 + n, 1) for _old, new, n in firsts)
    return parts, sorted({old for old, _new, _n in firsts} | set(focus)), list(focus)
