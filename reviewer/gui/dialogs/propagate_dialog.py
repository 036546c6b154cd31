"""Correct once, apply everywhere: the other places of a correction, each ticked or not.

Shown after the reviewer typed a correction (one changed run, ``wrong → right``): every other
occurrence of ``wrong`` and of its close variants (ops.corrections.find_places), with its
context and why a place is left unticked.  Places in other documents show when asked.
"Apply" stores the ticked ones as ``propagated`` edits with the correction, in one undoable
step; "Only here" keeps the correction alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reviewer.ops.corrections import MAX_PLACES, Place

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1


class PropagateDialog(QDialog):
    def __init__(
        self,
        wrong: str,
        right: str,
        places: Sequence[Place],
        document_id: int,
        names: Mapping[int, str],
        search_others: Callable[[Callable[[list[Place]], None]], object] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("propagateDialog")
        self.setWindowTitle(self.tr("Correct elsewhere too"))
        self.document_id, self.right, self.names = document_id, right, names
        # Started when asked (other documents are read then, in the background); it calls back
        # with the places it found.
        self.search_others = search_others
        self.head = QLabel(
            self.tr("«{0}» → «{1}»: {2} other place(s) in this document.").format(wrong, right, len(places))
        )
        if len(places) >= MAX_PLACES:
            self.head.setText(
                self.head.text() + " " + self.tr("(The first {0}: there may be more.)").format(MAX_PLACES)
            )
        self.head.setTextFormat(Qt.TextFormat.PlainText)
        self.head.setWordWrap(True)
        self.everywhere = QCheckBox(self.tr("Also in &every other document"))
        self.everywhere.setObjectName("propagateEverywhere")
        self.everywhere.setEnabled(search_others is not None)
        self.everywhere.toggled.connect(self._show_others)
        self.teach = QCheckBox(self.tr("&Teach «{0} => {1}» to the glossary").format(wrong, right))
        self.teach.setObjectName("propagateTeach")
        self.teach.setChecked(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("placeTree")
        self.tree.setHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Segment"),
                self.tr("Found"),
                self.tr("In context"),
                self.tr("Note"),
            ]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self._add(places)
        buttons = QDialogButtonBox()
        apply = buttons.addButton(self.tr("&Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setObjectName("applyPropagation")
        only = buttons.addButton(self.tr("&Only here"), QDialogButtonBox.ButtonRole.RejectRole)
        only.setObjectName("onlyHere")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.head)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.everywhere)
        lay.addWidget(self.teach)
        lay.addWidget(buttons)
        self.resize(980, 460)

    def _add(self, places: Sequence[Place]) -> None:
        for p in places:
            left, found, rest = p.context()
            item = QTreeWidgetItem(
                [
                    self.names.get(p.document_id, str(p.document_id)),
                    str(p.segment_index),
                    found,
                    f"{left}[{found} → {p.to or self.right}]{rest}",
                    self._why(p.why) if p.why else f"{p.score:.0%}",
                ]
            )
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            item.setCheckState(0, Qt.CheckState.Checked if p.ticked else Qt.CheckState.Unchecked)
            item.setData(0, PLACE_ROLE, p)
            item.setToolTip(3, p.text)
            self.tree.addTopLevelItem(item)
        for c in range(5):
            self.tree.resizeColumnToContents(c)

    def _why(self, why: str) -> str:
        # The reasons ops.corrections.find_places gives, in the interface's language.
        return {
            "corrected by hand": self.tr("corrected by hand"),
            "one character: check each": self.tr("one character: check each"),
            "a word of its own elsewhere": self.tr("a word of its own elsewhere"),
            "inside a word": self.tr("inside a word"),
            "a distant variant": self.tr("a distant variant"),
        }.get(why, why)

    def _show_others(self, on: bool) -> None:
        if on and self.search_others is not None:  # the first time: search them now
            search, self.search_others = self.search_others, None
            self.everywhere.setEnabled(False)  # until they are in (the window's task bar shows it)
            self._head = self.head.text()
            self.head.setText(self._head + " " + self.tr("Looking in the other documents…"))
            search(self.add_others)
            return
        for item in self.items():
            if item.data(0, PLACE_ROLE).document_id != self.document_id:
                item.setHidden(not on)

    def add_others(self, places: list[Place]) -> None:
        """The other documents' places, when the search is done."""
        others = [p for p in places if p.document_id != self.document_id]
        self._add(others)
        self.head.setText(self._head + " " + self.tr("{0} in other documents.").format(len(others)))
        self.everywhere.setEnabled(True)
        self._show_others(self.everywhere.isChecked())

    def items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]

    def chosen(self) -> list[Place]:
        """The ticked places that show (those of other documents only when asked), to apply."""
        return [
            replace(i.data(0, PLACE_ROLE), ticked=True)
            for i in self.items()
            if not i.isHidden() and i.checkState(0) == Qt.CheckState.Checked
        ]
