"""The topic tree: create, rename, colour, move and merge topics (store-wide)."""

from __future__ import annotations

from reviewer.ops.base import AS_BUILT, Op, Seen
from reviewer.ops.changes import Changes
from reviewer.store import Store
from reviewer.store import operations as store_ops


class CreateTopic(Op):
    """A new topic (with missing parents); on an existing one, its colour and description.
    Undo removes the topics it created (what it changed on an existing one stays)."""

    def __init__(
        self,
        document_id: int | None,
        path: str,
        colour: str | None = None,
        *,
        description: str | None = None,
        title: str = "",
    ) -> None:
        super().__init__(document_id, title)
        self.path, self.colour, self.description = path, colour, description
        self.created: list[str] = []

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        self.created = store_ops.create_topic(store, self.path, self.colour, self.description)
        return Changes(self.document_id, topics=True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        store_ops.delete_topics(store, self.created)
        return Changes(self.document_id, topics=True)


class RenameTopic(Op):
    """A new name for the last part of ``path``: every tag of it (and below) follows."""

    def __init__(self, document_id: int | None, path: str, new_name: str, title: str = "") -> None:
        super().__init__(document_id, title)
        self.path, self.new_name = path, new_name
        self.old_name = path.rsplit(store_ops.SEP, 1)[-1]
        self.new_path = ""

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        self.new_path = store.update_topic(self.path, rename=self.new_name).path
        return Changes(self.document_id, annotations=True, topics=True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        store.update_topic(self.new_path, rename=self.old_name)
        return Changes(self.document_id, annotations=True, topics=True)


class ColourTopic(Op):
    def __init__(
        self, document_id: int | None, path: str, old: str | None, new: str | None, title: str = ""
    ) -> None:
        super().__init__(document_id, title)
        self.path, self.old, self.new = path, old, new

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        store.update_topic(self.path, colour=self.new or "")  # "" clears it
        return Changes(self.document_id, topics=True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        store.update_topic(self.path, colour=self.old or "")
        return Changes(self.document_id, topics=True)


class MoveTopic(Op):
    def __init__(self, document_id: int | None, path: str, new_parent: str | None, title: str = "") -> None:
        super().__init__(document_id, title)
        self.path, self.new_parent = path, new_parent
        self.old_parent = path.rsplit(store_ops.SEP, 1)[0] if store_ops.SEP in path else None
        self.new_path = ""

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        self.new_path = store_ops.move_topic(store, self.path, self.new_parent)
        return Changes(self.document_id, annotations=True, topics=True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        store_ops.move_topic(store, self.new_path, self.old_parent)
        return Changes(self.document_id, annotations=True, topics=True)


class MergeTopics(Op):
    def __init__(self, document_id: int | None, source: str, target: str, title: str = "") -> None:
        super().__init__(document_id, title)
        self.source, self.target = source, target
        self.record: store_ops.MergeRecord | None = None

    def do(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        self.record = store_ops.merge_topics(store, self.source, self.target)
        return Changes(self.document_id, annotations=True, topics=True)

    def undo(self, store: Store, seen: Seen = AS_BUILT) -> Changes:
        assert self.record is not None
        store_ops.unmerge_topics(store, self.record)
        return Changes(self.document_id, annotations=True, topics=True)
