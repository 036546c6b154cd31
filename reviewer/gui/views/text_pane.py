"""A read-only, selectable plain-text view whose selection is in code points (the store's offsets).

Used by the inspector's Original/Repaired panes and as the table's in-cell editor, where
the reviewer selects a span to tag without leaving the table; CellCorrector is the same
text opened for typing a correction.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from reviewer.gui.textpos import from_utf16, to_utf16


class TextPane(QPlainTextEdit):
    """A read-only, selectable text whose selection is reported in code points."""

    clicked = Signal(int)  # a click that selected nothing: where, in code points

    def __init__(self, target: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.target = target
        self.setObjectName(f"{target}Text")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text = ""

    def set_text(self, text: str) -> None:
        self.text = text
        self.setPlainText(text)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return from_utf16(self.text, cursor.selectionStart()), from_utf16(self.text, cursor.selectionEnd())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self.cursor_position())

    def cursor_position(self) -> int:
        """Where the cursor is, in code points of the text shown."""
        return from_utf16(self.toPlainText(), self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(to_utf16(self.text, start))
        cursor.setPosition(to_utf16(self.text, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def mark(self, spans: list[tuple[int, int, QTextCharFormat]]) -> None:
        selections = []
        for start, end, fmt in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(to_utf16(self.text, start))
            cursor.setPosition(to_utf16(self.text, end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)


class EditablePane(TextPane):
    """A TextPane that can be opened for typing a correction (start_editing): Return keeps
    it (submitted), Shift+Return starts a new line, Escape puts the text back (cancelled).
    Read-only otherwise, so single-letter shortcuts (E, T) act on a selection in it."""

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, target: str = "repaired", parent: Any = None) -> None:
        super().__init__(target, parent)
        self.editing = False

    def start_editing(self) -> None:
        self.editing = True
        self.setReadOnly(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setFocus()

    def stop_editing(self) -> None:
        self.editing = False
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.editing:
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.submitted.emit()
                return
            if event.key() == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return
        super().keyPressEvent(event)


class CellCorrector(EditablePane):
    """The repaired text opened for typing a correction in the table (F2 or Return on a row);
    Escape is the delegate's (the editor closes, nothing is kept)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__("repaired", parent)
        self.setObjectName("cellCorrector")
        self.editing = True
        self.setReadOnly(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # the item view's to handle: it closes the editor
            event.ignore()
            TextPane.keyPressEvent(self, event)
            return
        super().keyPressEvent(event)
