"""Edit → Preferences: interface language, the font size of the table and inspector, and the
reviewer's name as an annotator (on every tag they make; team stores compare annotators)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
)

from reviewer.gui import i18n

FONT_SIZE_KEY = "view/font_size"
ANNOTATOR_KEY = "review/annotator"
AUTO_ADVANCE_KEY = "review/auto_advance"
MIN_FONT, MAX_FONT = 7, 32


class PreferencesDialog(QDialog):
    def __init__(
        self,
        language: str,
        font_size: int,
        annotator: str = "",
        auto_advance: bool = True,
        parent: Any = None,
    ) -> None:
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
        self.annotator = QLineEdit(annotator)
        self.annotator.setObjectName("annotator")
        self.annotator.setToolTip(
            self.tr("Stored with every tag you make, so a team can tell its reviewers apart")
        )
        self.auto_advance = QCheckBox(self.tr("After a decision, go to the next pending repair"))
        self.auto_advance.setObjectName("autoAdvance")
        self.auto_advance.setChecked(auto_advance)
        form = QFormLayout(self)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Transcript font size:"), self.font_size)
        form.addRow(self.tr("Your name as annotator:"), self.annotator)
        form.addRow(self.auto_advance)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, int, str, bool]:
        """(language setting: "", "en" or "zh_CN"; font size in points; annotator name;
        auto-advance after a decision)."""
        return (
            str(self.language.currentData()),
            self.font_size.value(),
            self.annotator.text().strip(),
            self.auto_advance.isChecked(),
        )
