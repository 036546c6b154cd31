"""Topic suggestions: one branch per stretch of segments, its keywords as checkable candidates.

Check keywords and press Apply to accept them all as one undo step, or double-click
a keyword to accept that one at once (the dialog stays open for more).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from reviewer.ops.suggest import SUGGESTED, TopicSuggestion

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1


class TopicSuggestionsDialog(QDialog):
    def __init__(
        self,
        suggestions: Sequence[TopicSuggestion],
        accept_now: Callable[[Sequence[int], str], object],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Topic suggestions"))
        self.setObjectName("topicSuggestionsDialog")
        self.accept_now = accept_now
        intro = QLabel(
            self.tr(
                "Salient keywords of each stretch of segments. Check the ones that are topics and "
                "press Apply, or double-click one to apply it at once. Each becomes a topic "
                "under “{0}” on the segments of its stretch."
            ).format(SUGGESTED)
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("suggestionTree")
        self.tree.setHeaderLabels([self.tr("Segments / keyword"), self.tr("Score")])
        self.tree.setUniformRowHeights(True)
        for s in suggestions:
            branch = QTreeWidgetItem([self.tr("Segments {0}").format(s.label), ""])
            branch.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for word, score in s.keywords:
                item = QTreeWidgetItem([word, f"{score:.3f}"])
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                )
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setData(0, SUGGESTION_ROLE, (s.indices, word))
                item.setToolTip(0, self.tr("Double-click: apply {0} to segments {1}").format(word, s.label))
                branch.addChild(item)
            self.tree.addTopLevelItem(branch)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self.apply_item(item))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        apply = self.buttons.addButton(self.tr("&Apply checked"), QDialogButtonBox.ButtonRole.AcceptRole)
        apply.setObjectName("applySuggestions")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.buttons)
        self.resize(520, 560)

    def keyword_items(self) -> list[QTreeWidgetItem]:
        return [
            self.tree.topLevelItem(n).child(k)
            for n in range(self.tree.topLevelItemCount())
            for k in range(self.tree.topLevelItem(n).childCount())
        ]

    def check(self, word: str, stretch: int | None = None) -> None:
        """Check ``word`` (in every stretch, or only in the ``stretch``-th)."""
        for n in range(self.tree.topLevelItemCount()):
            if stretch is not None and n != stretch:
                continue
            branch = self.tree.topLevelItem(n)
            for k in range(branch.childCount()):
                if branch.child(k).text(0) == word:
                    branch.child(k).setCheckState(0, Qt.CheckState.Checked)

    def checked(self) -> list[tuple[tuple[int, ...], str]]:
        """(segment indices, keyword) of each checked, not yet applied keyword."""
        return [
            item.data(0, SUGGESTION_ROLE)
            for item in self.keyword_items()
            if item.checkState(0) == Qt.CheckState.Checked and item.flags() & Qt.ItemFlag.ItemIsUserCheckable
        ]

    def apply_item(self, item: QTreeWidgetItem) -> None:
        data = item.data(0, SUGGESTION_ROLE)
        if data is None or not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        indices, word = data
        if self.accept_now(indices, word):
            # Applied: shown as done, and not applied a second time by Apply checked.
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setText(1, self.tr("applied"))
