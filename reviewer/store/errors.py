"""What the store raises: one readable line each (they are InputErrors: the CLI prints one line, exit 2).

The conflicts carry both sides, so the window can show the reviewer theirs and mine and let them
choose; nothing is written when one is raised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reviewer.core.errors import InputError

if TYPE_CHECKING:
    from reviewer.store.records import AnnotationInfo, EditInfo


class StoreError(InputError):
    """The database could not do what was asked (locked too long, read-only, disk full…)."""


class AnnotationConflict(StoreError):
    """Another reviewer changed (or deleted) the annotation since this caller read it."""

    def __init__(
        self,
        annotation_id: int,
        expected_version: int,
        theirs: AnnotationInfo | None,
        mine: dict[str, Any],
    ) -> None:
        self.annotation_id = annotation_id
        self.expected_version = expected_version
        self.theirs = theirs  # as stored now; None: it was deleted
        self.mine = mine  # the changes asked for ({"delete": True} for a deletion)
        if theirs is None:
            what = "was deleted by another reviewer"
        else:
            who = f" by {theirs.annotator}" if theirs.annotator else ""
            what = f"was changed{who} (now version {theirs.version}, you had {expected_version})"
        super().__init__(f"annotation {annotation_id} {what}; nothing was overwritten")


class EditConflict(StoreError):
    """Another reviewer decided the repair edit since this caller read it."""

    def __init__(
        self, edit_id: int, expected_version: int, theirs: EditInfo | None, mine: dict[str, Any]
    ) -> None:
        self.edit_id = edit_id
        self.expected_version = expected_version
        self.theirs = theirs
        self.mine = mine
        what = (
            "is gone (the document was imported again)"
            if theirs is None
            else f"was decided meanwhile ({theirs.decision}, version {theirs.version}, you had "
            f"{expected_version})"
        )
        super().__init__(f"repair edit {edit_id} {what}; nothing was overwritten")


class TextConflict(StoreError):
    """The segment's text is not what this caller saw: someone changed it since."""

    def __init__(self, document_id: int, index: int, seen: str, now: str) -> None:
        self.document_id, self.index, self.seen, self.now = document_id, index, seen, now
        super().__init__(
            f"segment {index} of document {document_id} was changed meanwhile; nothing was overwritten"
        )


def db_reason(exc: BaseException) -> str:
    """The first line of what the database driver said (SQLAlchemy wraps it in ``orig``)."""
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0]
