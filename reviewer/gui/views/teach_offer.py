"""A bar that offers to teach a correction the reviewer just made (not a modal prompt:
reviewing goes on, and the offer goes away by itself at the next one or on "Not now")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from reviewer.gui.i18n import is_language_change


class TeachOffer(QFrame):
    teach_requested = Signal(str, str)  # wrong, right

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("teachOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 2, 8, 2)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.teach_button = QPushButton()
        self.teach_button.setObjectName("teachOfferButton")
        self.dismiss_button = QPushButton()
        self.teach_button.clicked.connect(self._teach)
        self.dismiss_button.clicked.connect(self.dismiss)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.teach_button)
        lay.addWidget(self.dismiss_button)
        self.wrong = self.right = ""
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.teach_button.setText(self.tr("Teach…"))
        self.teach_button.setToolTip(
            self.tr("Add it to the glossary and preview its other occurrences in every document")
        )
        self.dismiss_button.setText(self.tr("Not now"))
        text = self.tr("Teach «{0}» → «{1}» to the glossary and mark its other occurrences?")
        self.label.setText(text.format(self.wrong, self.right) if self.wrong else "")

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def offer(self, wrong: str, right: str) -> None:
        self.wrong, self.right = wrong, right
        self.retranslate()
        self.show()

    def dismiss(self) -> None:
        self.wrong = self.right = ""
        self.hide()

    def _teach(self) -> None:
        wrong, right = self.wrong, self.right
        self.dismiss()
        if wrong:
            self.teach_requested.emit(wrong, right)
