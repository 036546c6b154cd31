"""The documents in the store: name, format, review progress, annotation count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from reviewer.gui.names import format_name
from reviewer.store.records import DocumentSummary

# Marked for lupdate; headerData translates them in the "DocumentsModel" context.
HEADERS = (
    QT_TRANSLATE_NOOP("DocumentsModel", "Document"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Format"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Reviewed"),
    QT_TRANSLATE_NOOP("DocumentsModel", "Tags"),
)
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class DocumentsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.docs: list[DocumentSummary] = []
        # document id → (segments reviewed, total); filled in by a background job or the open document.
        self.progress: dict[int, tuple[int, int]] = {}

    def set_documents(self, docs: Sequence[DocumentSummary]) -> None:
        self.beginResetModel()
        self.docs = list(docs)
        self.endResetModel()

    def set_progress(self, document_id: int, reviewed: int, total: int) -> None:
        self.progress[document_id] = (reviewed, total)
        for n, d in enumerate(self.docs):
            if d.id == document_id:
                self.dataChanged.emit(self.index(n, 2), self.index(n, 2))

    def set_annotation_count(self, document_id: int, count: int) -> None:
        import dataclasses

        for n, d in enumerate(self.docs):
            if d.id == document_id and d.annotations != count:
                self.docs[n] = dataclasses.replace(d, annotations=count)
                self.dataChanged.emit(self.index(n, 3), self.index(n, 3))

    def row_of(self, document_id: int) -> int | None:
        return next((n for n, d in enumerate(self.docs) if d.id == document_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.docs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def retranslate(self) -> None:
        """Headers and format names are translated when shown: ask the views to show them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.docs:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.docs) - 1, 1))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("DocumentsModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.docs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return d.name
            if col == 1:
                return format_name(d.format)
            if col == 2:
                done = self.progress.get(d.id)
                if done is None:
                    return f"… / {d.segments}"
                return f"{done[0]} / {done[1]}"
            if col == 3:
                return str(d.annotations)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return f"{d.name}\n{d.path}" if d.path and d.path != d.name else d.name
        if role == DOC_ID_ROLE:
            return d.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
