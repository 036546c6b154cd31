"""Help → Keyboard shortcuts: every action that has one, grouped by menu."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout


class ShortcutsDialog(QDialog):
    def __init__(self, groups: Sequence[tuple[str, Sequence[QAction]]], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        for title, actions in groups:
            group = QTreeWidgetItem([title.replace("&", ""), ""])
            for a in actions:
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in a.shortcuts())
                if keys:
                    group.addChild(QTreeWidgetItem([a.text().replace("&", ""), keys]))
            if group.childCount():
                self.tree.addTopLevelItem(group)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tree)
        lay.addWidget(buttons)
        self.resize(520, 560)

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for n in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(n)
            out += [(group.child(k).text(0), group.child(k).text(1)) for k in range(group.childCount())]
        return out
