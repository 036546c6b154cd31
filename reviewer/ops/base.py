"""The shape of every user action: an Op writes the store in one transaction and says what changed.

    changes = ops.run(store, Tag(doc, [TagSpec(3, "topic", "AI")]))     # the command line
    session.run(op)                                                     # the window (undoable)

``do`` and ``undo`` each write in ONE transaction and return :class:`Changes`.  Checks
against other reviewers' writes compare versions with what the caller has *seen*: the
window passes itself (the versions it shows, which its own later steps may have moved);
the command line passes nothing and the versions the op was built with are used.
"""

from __future__ import annotations

from typing import Protocol

from reviewer.ops.changes import Changes
from reviewer.store import AnnotationConflict, AnnotationInfo, Store


class Seen(Protocol):
    """What the caller last read of the store (see the module's docstring)."""

    def seen_annotation(self, annotation_id: int) -> AnnotationInfo | None: ...

    def seen_edit_version(self, segment_index: int, edit_id: int, default: int) -> int: ...


class AsBuilt:
    """Seen for a caller that keeps no view of its own: the versions the op was given."""

    def seen_annotation(self, annotation_id: int) -> AnnotationInfo | None:
        return None

    def seen_edit_version(self, segment_index: int, edit_id: int, default: int) -> int:
        return default


AS_BUILT = AsBuilt()


class Op:
    """One user action on one document (None: store-wide, e.g. a topic)."""

    def __init__(self, document_id: int | None, title: str = "") -> None:
        self.document_id = document_id
        self.title = title  # what the undo history calls it (the window gives it in its language)

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        raise NotImplementedError

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        raise NotImplementedError

    def rebase(self, conflict: AnnotationConflict) -> bool:
        """Take the stored state ``conflict`` reports as the one this op overrides ("use mine");
        False when there is nothing left to do."""
        return False


def run(store: Store, op: Op) -> Changes:
    """Do ``op`` once (the command line: no undo history, versions as built)."""
    return op.do(store)
