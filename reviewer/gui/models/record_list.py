"""A short list of plain records as rows of text: the inspector's repairs and tags.

A model the views read (not QTreeWidgetItems holding the records): items would copy
every record into Qt on each row change, and PySide6 6.10–6.11 keep a reference to
None for every call of an item's setter, so their count grows as the reviewer moves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
# The record behind a row.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


class RecordListModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._headers: list[str] = [""] * columns
        self._records: list[T] = []
        self._cells: list[list[str]] = []
        self._colours: list[dict[int, QColor]] = []

    def set_headers(self, headers: Sequence[str]) -> None:
        self._headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)

    def set_records(
        self,
        records: Sequence[T],
        cells: Callable[[T], Sequence[str]],
        colours: Callable[[T], dict[int, QColor]] | None = None,
    ) -> None:
        """Show these records; ``cells`` gives a record's texts, ``colours`` its column colours."""
        self.beginResetModel()
        self._records = list(records)
        self._cells = [list(cells(r)) for r in self._records]
        self._colours = [colours(r) if colours else {} for r in self._records]
        self.endResetModel()

    def record(self, row: int) -> T:
        return self._records[row]

    def records(self) -> list[T]:
        return list(self._records)

    def text(self, row: int, column: int) -> str:
        return self._cells[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[row][col]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colours[row].get(col)
        if role == RECORD_ROLE:
            return self._records[row]
        return None
