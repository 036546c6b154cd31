"""The shared topic tree, as a QStandardItemModel rebuilt from the store's topic list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from reviewer.gui.colours import topic_colour
from reviewer.store.records import TopicInfo

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class TopicTreeModel(QStandardItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.topics: list[TopicInfo] = []
        self.counts: dict[str, int] = {}
        self._colours: dict[str, str | None] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Topic"), self.tr("Uses")])

    def set_topics(self, topics: Sequence[TopicInfo], counts: dict[str, int] | None = None) -> None:
        self.topics = list(topics)
        self.counts = counts or {}
        self._colours = {t.path: t.colour for t in self.topics}
        self.removeRows(0, self.rowCount())
        items: dict[int, QStandardItem] = {}
        # Parents sort before their children: paths are stored in full.
        for t in sorted(self.topics, key=lambda t: t.path):
            item = QStandardItem(t.name)
            item.setEditable(False)
            item.setData(t.path, PATH_ROLE)
            item.setData(topic_colour(t.colour), Qt.ItemDataRole.DecorationRole)
            uses = QStandardItem(str(self.counts.get(t.path, 0)) if self.counts.get(t.path) else "")
            uses.setEditable(False)
            uses.setData(t.path, PATH_ROLE)
            parent = items.get(t.parent_id or -1)
            (parent or self.invisibleRootItem()).appendRow([item, uses])
            items[t.id] = item

    def index_of(self, path: str) -> Any:
        for row in self._walk(self.invisibleRootItem()):
            if row.data(PATH_ROLE) == path:
                return row.index()
        return None

    def _walk(self, item: QStandardItem) -> Any:
        for r in range(item.rowCount()):
            child = item.child(r, 0)
            yield child
            yield from self._walk(child)

    def paths(self) -> list[str]:
        return [t.path for t in self.topics]

    def colour_of(self, path: str) -> str | None:
        return self._colours.get(path)

    def info(self, path: str) -> TopicInfo | None:
        return next((t for t in self.topics if t.path == path), None)
