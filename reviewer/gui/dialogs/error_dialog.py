"""Mark an error: type from the taxonomy, optional correction and note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from reviewer.store import ErrorTypeInfo


class ErrorDialog(QDialog):
    def __init__(
        self,
        error_types: Sequence[ErrorTypeInfo],
        quote: str,
        where: str,
        parent: Any = None,
        teachable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mark error"))
        self.setObjectName("errorDialog")
        self.type = QComboBox()
        self.type.setObjectName("errorType")
        for e in error_types:
            self.type.addItem(e.name, e.key)
            self.type.setItemData(self.type.count() - 1, e.description or "", Qt.ItemDataRole.ToolTipRole)
        self.correction = QLineEdit()
        self.correction.setObjectName("errorCorrection")
        self.correction.setPlaceholderText(self.tr("what the text should say (optional)"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("errorNote")
        self.note.setFixedHeight(70)
        # Offered only for a span with a correction: the quote is the wrong text to look for elsewhere.
        self.teach = QCheckBox(self.tr("Teach to the glossary and preview its other occurrences"))
        self.teach.setObjectName("errorTeach")
        self.teach.setEnabled(False)
        self.correction.textChanged.connect(lambda t: self.teach.setEnabled(teachable and bool(t.strip())))
        quote_label = QLabel(quote if len(quote) < 400 else quote[:400] + "…")
        quote_label.setTextFormat(Qt.TextFormat.PlainText)
        quote_label.setWordWrap(True)
        where_label = QLabel(where)
        where_label.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("On:"), where_label)
        form.addRow(self.tr("Text:"), quote_label)
        form.addRow(self.tr("Error type:"), self.type)
        form.addRow(self.tr("Correction:"), self.correction)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow("", self.teach)
        form.addRow(buttons)

    def choose(self, key: str) -> None:
        self.type.setCurrentIndex(max(self.type.findData(key), 0))

    def values(self) -> tuple[str, str | None, str | None]:
        return (
            self.type.currentData(),
            self.correction.text().strip() or None,
            self.note.toPlainText().strip() or None,
        )
