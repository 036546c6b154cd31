"""Teach a correction to the glossary: preview every other occurrence before marking it.

Each occurrence is a checkable row (document, segment, the text before → after).
Applying adds ``wrong => right`` to the glossary and marks each checked occurrence as
an ASR error with the correction; the stored transcript text itself is not rewritten.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reviewer.core.occurrences import Occurrence
from reviewer.ops.suggest import Occurrences

OCCURRENCE_ROLE = Qt.ItemDataRole.UserRole + 1


class TeachDialog(QDialog):
    def __init__(self, found: Occurrences, parent: Any = None) -> None:
        super().__init__(parent)
        self.found = found
        self.setWindowTitle(self.tr("Teach correction to the glossary"))
        self.setObjectName("teachDialog")
        n, docs = len(found.found), len({o.document_id for o in found.found})
        head = QLabel(
            self.tr("«{0}» → «{1}»: {2} other occurrence(s) in {3} document(s).").format(
                found.wrong, found.right, n, docs
            )
        )
        head.setTextFormat(Qt.TextFormat.PlainText)
        head.setWordWrap(True)
        note = QLabel(
            self.tr(
                "Each checked occurrence is marked as an ASR error with this correction. The stored "
                "text is not rewritten: the error annotations are the record of the change."
            )
        )
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.glossary = QCheckBox(
            self.tr("Add «{0} => {1}» to the glossary").format(found.wrong, found.right)
        )
        self.glossary.setObjectName("teachGlossary")
        self.glossary.setChecked(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("occurrenceTree")
        self.tree.setHeaderLabels(
            [self.tr("Document"), self.tr("Segment"), self.tr("Before"), self.tr("After")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        for o in found.found:
            before, after = o.preview(found.right)
            item = QTreeWidgetItem(
                [found.names.get(o.document_id, str(o.document_id)), str(o.segment_index), before, after]
            )
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setData(0, OCCURRENCE_ROLE, o)
            item.setToolTip(2, o.text)
            self.tree.addTopLevelItem(item)
        for c in range(4):
            self.tree.resizeColumnToContents(c)
        all_button = QPushButton(self.tr("Check &all"))
        none_button = QPushButton(self.tr("Check &none"))
        all_button.clicked.connect(lambda: self.set_all(True))
        none_button.clicked.connect(lambda: self.set_all(False))
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        apply = buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setObjectName("applyTeach")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(note)
        lay.addWidget(self.glossary)
        lay.addWidget(self.tree, 1)
        lay.addLayout(row)
        lay.addWidget(buttons)
        self.resize(980, 460)

    def items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]

    def set_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for item in self.items():
            item.setCheckState(0, state)

    def set_checked(self, n: int, on: bool) -> None:
        self.items()[n].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked(self) -> list[Occurrence]:
        return [i.data(0, OCCURRENCE_ROLE) for i in self.items() if i.checkState(0) == Qt.CheckState.Checked]
