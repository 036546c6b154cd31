"""The files an import could not take, each with its reason, kept on screen until read."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout


class ImportProblemsDialog(QDialog):
    def __init__(self, problems: Sequence[tuple[str, str]], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProblemsDialog")
        self.setWindowTitle(self.tr("Files not imported"))
        intro = QLabel(
            self.tr("{0} file(s) could not be imported; nothing of them was stored:").format(len(problems))
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("importProblems")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Reason")])
        for path, reason in problems:
            item = QTreeWidgetItem([Path(path).name or path, reason])
            item.setToolTip(0, path)
            item.setToolTip(1, reason)
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.tree)
        lay.addWidget(buttons)
        self.resize(640, 300)

    def rows(self) -> list[tuple[str, str]]:
        items = (self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount()))
        return [(i.text(0), i.text(1)) for i in items]
