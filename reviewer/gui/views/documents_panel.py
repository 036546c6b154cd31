"""The documents in the store; double click (or Enter) opens one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolButton, QVBoxLayout, QWidget

from reviewer.gui.models.documents import DOC_ID_ROLE, DocumentsModel


class DocumentsTable(QTableView):
    activated_doc = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_doc.emit(self.currentIndex().data(DOC_ID_ROLE))
            return
        super().keyPressEvent(event)


class DocumentsPanel(QWidget):
    open_requested = Signal(int)

    def __init__(self, model: DocumentsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = DocumentsTable()
        self.table.setObjectName("documentsTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.activated_doc.connect(self.open_requested.emit)
        self.buttons = QVBoxLayout()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.table)
        lay.addLayout(self.buttons)

    def add_action(self, action: QAction) -> None:
        b = QToolButton()
        b.setDefaultAction(action)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.buttons.addWidget(b)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.data(DOC_ID_ROLE))

    def select_document(self, document_id: int) -> None:
        model = self.table.model()
        assert isinstance(model, DocumentsModel)
        row = model.row_of(document_id)
        if row is not None:
            self.table.selectRow(row)
