"""Find (plain or regex, across original and repaired) and the row filters."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.gui.i18n import is_language_change
from reviewer.store import ErrorTypeInfo, SpeakerInfo

ANY = ""


class FindBar(QWidget):
    find_requested = Signal(bool)  # backwards?
    filters_changed = Signal()
    annotator_view_changed = Signal(str)  # whose tags to show: "" for everyone's

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.text = QLineEdit()
        self.text.setObjectName("findText")
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(lambda: self.find_requested.emit(False))
        self.regex = QCheckBox()
        self.regex.setObjectName("findRegex")
        self.only_matches = QCheckBox()
        self.only_matches.setObjectName("findFilter")
        self.only_matches.toggled.connect(self._changed)
        self.text.textChanged.connect(self._text_changed)
        self.regex.toggled.connect(self._text_changed)
        self.text.setMinimumWidth(200)
        self.prev_button = QToolButton()
        self.prev_button.setText("▲")
        self.next_button = QToolButton()
        self.next_button.setText("▼")
        self.status = QLabel()
        self.speaker = QComboBox()
        self.speaker.setObjectName("filterSpeaker")
        self.topic = QComboBox()
        self.topic.setObjectName("filterTopic")
        self.error_type = QComboBox()
        self.error_type.setObjectName("filterError")
        self.pending = QCheckBox()
        self.pending.setObjectName("filterPending")
        # Not a row filter: which annotator's tags the rows show (a team store has several).
        self.annotator = QComboBox()
        self.annotator.setObjectName("annotatorView")
        self.annotator.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.annotator.setMinimumContentsLength(8)
        self.annotator.currentIndexChanged.connect(
            lambda _i: self.annotator_view_changed.emit(self.annotator.currentData() or ANY)
        )
        for combo in (self.speaker, self.topic, self.error_type):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._changed)
        self.pending.toggled.connect(self._changed)
        self.clear_button = QToolButton()
        self.filter_label = QLabel()
        # Two rows, so the side panels keep their width: find on top, filters below.
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.regex)
        top.addWidget(self.prev_button)
        top.addWidget(self.next_button)
        top.addWidget(self.only_matches)
        top.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.filter_label)
        bottom.addWidget(self.speaker, 1)
        bottom.addWidget(self.topic, 1)
        bottom.addWidget(self.error_type, 1)
        bottom.addWidget(self.annotator, 1)
        bottom.addWidget(self.pending)
        bottom.addWidget(self.clear_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addLayout(bottom)
        self.set_choices([], [], [], [])
        self.retranslate()

    # What the window asks of the bar (it does not reach into the bar's widgets).

    def query(self) -> tuple[str, bool]:
        """(what to find, whether it is a regular expression)."""
        return self.text.text(), self.regex.isChecked()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def focus_text(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    def pending_only(self) -> bool:
        return self.pending.isChecked()

    def set_pending_only(self, on: bool) -> None:
        self.pending.setChecked(on)

    def retranslate(self) -> None:
        self.text.setPlaceholderText(self.tr("Find in original and repaired text…"))
        self.annotator.setToolTip(self.tr("Show the tags of one annotator, or everyone's"))
        self.regex.setText(self.tr("Regex"))
        self.only_matches.setText(self.tr("Only matching rows"))
        self.pending.setText(self.tr("Pending repairs"))
        self.clear_button.setText(self.tr("Clear"))
        self.filter_label.setText(self.tr("Filter:"))
        for combo, everything in self._everything().items():
            combo.setItemText(0, everything)

    def _everything(self) -> dict[QComboBox, str]:
        return {
            self.speaker: self.tr("All speakers"),
            self.topic: self.tr("All topics"),
            self.error_type: self.tr("All errors"),
            self.annotator: self.tr("Everyone's tags"),
        }

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _changed(self, *_args: object) -> None:
        self.filters_changed.emit()

    def _text_changed(self, *_args: object) -> None:
        if self.only_matches.isChecked():
            self.filters_changed.emit()

    def set_choices(
        self,
        speakers: Sequence[SpeakerInfo],
        topics: Sequence[str],
        errors: Sequence[ErrorTypeInfo],
        annotators: Sequence[str] = (),
    ) -> None:
        """Fill the filter lists, keeping what is chosen where it still exists."""
        everything = self._everything()
        self._fill(self.speaker, everything[self.speaker], [(s.display_name, s.label) for s in speakers])
        self._fill(self.topic, everything[self.topic], [(t, t) for t in topics])
        self._fill(self.error_type, everything[self.error_type], [(e.name, e.key) for e in errors])
        self._fill(self.annotator, everything[self.annotator], [(a, a) for a in annotators])

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ANY)
        for text, data in items:
            combo.addItem(text, data)
        n = combo.findData(chosen) if chosen else 0
        combo.setCurrentIndex(max(n, 0))
        combo.blockSignals(False)

    def filters(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.currentData() or None,
            "topic": self.topic.currentData() or None,
            "error_type": self.error_type.currentData() or None,
            "pending": self.pending.isChecked(),
            "text": self.text.text() if self.only_matches.isChecked() else None,
            "regex": self.regex.isChecked(),
        }

    def choose(self, combo: QComboBox, data: str | None) -> None:
        n = combo.findData(data or ANY)
        combo.setCurrentIndex(max(n, 0))

    def clear(self) -> None:
        for combo in (self.speaker, self.topic, self.error_type):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.pending.blockSignals(True)
        self.pending.setChecked(False)
        self.pending.blockSignals(False)
        self.only_matches.blockSignals(True)
        self.only_matches.setChecked(False)
        self.only_matches.blockSignals(False)
        self.filters_changed.emit()
