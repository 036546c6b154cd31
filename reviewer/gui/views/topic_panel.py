"""The shared topic tree with its actions (create, rename, colour, move, merge, apply, filter)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QHeaderView, QToolButton, QTreeView, QVBoxLayout, QWidget

from reviewer.gui.models.topics import PATH_ROLE, TopicTreeModel


class TopicPanel(QWidget):
    def __init__(self, model: TopicTreeModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model
        self.tree = QTreeView()
        self.tree.setObjectName("topicTree")
        self.tree.setModel(model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.grid = QGridLayout()
        self.grid.setSpacing(2)
        self._n = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.tree)
        lay.addLayout(self.grid)
        self._current: str | None = None
        model.modelAboutToBeReset.connect(self._remember)
        model.rowsAboutToBeRemoved.connect(self._remember)

    def add_action(self, action: QAction) -> None:
        b = QToolButton()
        b.setDefaultAction(action)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.grid.addWidget(b, self._n // 2, self._n % 2)
        self._n += 1
        self.tree.addAction(action)

    def current_path(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(PATH_ROLE) if index.isValid() else None

    def select_path(self, path: str) -> None:
        index = self.model.index_of(path)
        if index is not None:
            self.tree.setCurrentIndex(index)

    def _remember(self, *_args: object) -> None:
        # The tree is rebuilt on every change: keep what was chosen so restore() can choose it again.
        self._current = self.current_path() or self._current

    def restore(self, current: str | None = None) -> None:
        """After the tree is rebuilt: expand everything (topic trees are small) and re-select."""
        self.tree.expandAll()
        path = current or self._current
        if path and self.model.index_of(path) is not None:
            self.select_path(path)
