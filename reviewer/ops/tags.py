"""Tagging: add and remove annotations (one transaction), and change one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.store import AnnotationConflict, AnnotationInfo, Store, TagSpec
from reviewer.store import annotations as _ann
from reviewer.store import operations as store_ops
from reviewer.store.dump import stored_rows


class ReplaceTags(Op):
    """Add tags, remove tags, or both at once (a new speaker tag replacing the old one)."""

    def __init__(
        self,
        document_id: int,
        add: Sequence[TagSpec] = (),
        remove: Sequence[AnnotationInfo] = (),
        title: str = "",
    ) -> None:
        super().__init__(document_id, title)
        self.add_specs = list(add)
        self.remove_ids = [a.id for a in remove]
        self.removed = list(remove)  # as they were: undo brings these back
        # Versions to expect that the caller has not seen yet ("use mine" after a conflict).
        self.override: dict[int, int] = {}
        self.replaced = store_ops.Replaced([], [])
        # Removals may be of other documents' tags too (`reviewer untag` takes any ids).
        self.focus = sorted(
            {s.segment_index for s in self.add_specs}
            | {
                a.segment_index
                for a in remove
                if a.segment_index is not None and a.document_id == document_id
            }
        )

    def _changes(self, s: Any) -> Changes:
        assert self.document_id is not None
        mine = [a for a in self.removed if a.document_id == self.document_id]
        loose = any(a.segment_index is None for a in mine)  # a tag on no segment
        topics = bool(self.replaced.new_topics) or any(
            t.kind == "topic" for t in (*self.add_specs, *self.removed)
        )
        rows = stored_rows(s, self.document_id, self.focus)
        return Changes(
            self.document_id,
            rows=rows,
            speakers=rows.speakers,  # a speaker tag may name one the document did not have
            annotations=loose,
            topics=topics,
            documents=frozenset(a.document_id for a in self.removed) - {self.document_id},
            focus=self.focus,
        )

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.document_id is not None
        # As the caller knows them now (its own later steps may have changed these tags since).
        known = {a.id: seen.seen_annotation(a.id) for a in self.removed if a.id not in self.override}
        self.removed = [known.get(a.id) or a for a in self.removed]
        expected = {a.id: self.override.get(a.id, a.version) for a in self.removed}
        with store.write() as s:
            self.replaced = store_ops.replace_annotations(
                s, self.document_id, self.remove_ids, self.add_specs, expected
            )
            changes = self._changes(s)
        self.override.clear()
        return changes

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        # The removed ones come back as they were (same ids and times), so redo removes them
        # again; a topic the new tags created (an accepted suggestion's) goes with them.
        with store.write() as s:
            store_ops.undo_replace(s, self.replaced, self.removed)
            return self._changes(s)

    def rebase(self, conflict: AnnotationConflict) -> bool:
        if conflict.theirs is None:  # deleted by someone else already: the rest is left to do
            self.remove_ids.remove(conflict.annotation_id)
            self.removed = [a for a in self.removed if a.id != conflict.annotation_id]
        else:
            self.override[conflict.annotation_id] = conflict.theirs.version
            # Undo brings back what was removed: their version.
            self.removed = [conflict.theirs if a.id == conflict.annotation_id else a for a in self.removed]
        return bool(self.remove_ids or self.add_specs)


class UpdateTag(Op):
    """Change a tag's fields (error type, correction, note…), checked against the version seen."""

    def __init__(self, before: AnnotationInfo, title: str = "", **changes: Any) -> None:
        super().__init__(before.document_id, title)
        self.before = before
        self.changes = changes
        self.override: int | None = None  # set by "use mine" after a conflict
        self.written: int | None = None  # its version after this op's last write
        self.focus = [before.segment_index] if before.segment_index is not None else []

    def _expected(self, seen: Seen) -> int:
        if self.override is not None:
            return self.override
        known = seen.seen_annotation(self.before.id)
        if known is not None:
            return known.version
        # A caller that keeps no view: what this op last wrote, or the version it was built on.
        return self.written if self.written is not None else self.before.version

    def _write(self, store: Store, seen: Seen, fields: dict[str, Any]) -> Changes:
        assert self.document_id is not None
        with store.write() as s:
            _ann.update_annotation(s, self.before.id, expected_version=self._expected(seen), **fields)
            self.override = None
            rows = stored_rows(s, self.document_id, self.focus)
            self.written = next((a.version for a in rows.annotations if a.id == self.before.id), None)
            return Changes(
                self.document_id,
                rows=rows,
                annotations=not self.focus,
                topics=self.before.kind == "topic" or fields.get("kind") == "topic",
                focus=self.focus,
            )

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        return self._write(store, seen, self.changes)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        return self._write(store, seen, {name: getattr(self.before, name) for name in self.changes})

    def rebase(self, conflict: AnnotationConflict) -> bool:
        if conflict.theirs is None:
            return False
        self.before, self.override = conflict.theirs, conflict.theirs.version
        return True
