"""The error taxonomy: a new error type (shared by every document)."""

from __future__ import annotations

from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.store import ErrorTypeInfo, Store
from reviewer.store import taxonomy as _tax


class AddErrorType(Op):
    def __init__(self, key: str, name: str, description: str | None = None, title: str = "") -> None:
        super().__init__(None, title)
        self.key, self.name, self.description = key, name, description
        self.added: ErrorTypeInfo | None = None

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        with store.write() as s:
            self.added = _tax.error_type_info(_tax.add_error_type(s, self.key, self.name, self.description))
        return Changes(error_types=True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.added is not None
        with store.write() as s:
            _tax.delete_error_type(s, self.added.key)
        return Changes(error_types=True)
