"""Teaching a correction: ``wrong => right`` into the glossary, and an error tag on chosen occurrences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.store import Store, TagSpec
from reviewer.store import operations as store_ops


class TeachCorrection(Op):
    """One transaction: the alias (if ``glossary``) and the tags ``specs`` (document id → its tags,
    any document); the stored texts are not rewritten (the tags are the record)."""

    def __init__(
        self,
        document_id: int | None,
        wrong: str,
        right: str,
        specs: Mapping[int, Sequence[TagSpec]],
        glossary: bool = True,
        title: str = "",
    ) -> None:
        super().__init__(document_id, title)
        self.wrong, self.right, self.specs, self.glossary = wrong, right, specs, glossary
        self.record: store_ops.TeachRecord | None = None
        self.focus = sorted(
            {s.segment_index for s in specs.get(document_id if document_id is not None else -1, [])}
        )

    def _changes(self, store: Store) -> Changes:
        others = frozenset(doc for doc, specs in self.specs.items() if specs and doc != self.document_id)
        rows = (
            store.stored_rows(self.document_id, self.focus)
            if self.document_id is not None and self.focus
            else None
        )
        return Changes(
            self.document_id, rows=rows, glossary=self.glossary, documents=others, focus=self.focus
        )

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        self.record = store_ops.teach_correction(
            store, self.wrong, self.right, self.specs, glossary=self.glossary
        )
        return self._changes(store)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.record is not None
        store_ops.unteach_correction(store, self.record)
        return self._changes(store)
