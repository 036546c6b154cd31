"""Edit → Preferences: interface language and the font size of the table and inspector."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox

from reviewer.gui import i18n

FONT_SIZE_KEY = "view/font_size"
MIN_FONT, MAX_FONT = 7, 32


class PreferencesDialog(QDialog):
    def __init__(self, language: str, font_size: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(self.tr("System language"), i18n.SYSTEM)
        for value, name in i18n.LANGUAGES:
            self.language.addItem(name, value)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        self.font_size = QSpinBox()
        self.font_size.setObjectName("fontSize")
        self.font_size.setRange(MIN_FONT, MAX_FONT)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(min(max(font_size, MIN_FONT), MAX_FONT))
        # Menus and dialogs are built once, so a new language shows from the next start.
        note = QLabel(self.tr("A new language takes effect when the app is next started."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", note)
        form.addRow(self.tr("Transcript font size:"), self.font_size)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, int]:
        """(language setting: "", "en" or "zh_CN"; font size in points)."""
        return str(self.language.currentData()), self.font_size.value()
