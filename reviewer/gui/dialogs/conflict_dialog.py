"""When another reviewer changed a tag first: both versions side by side, and the reviewer chooses.

Accepting ("Use mine") writes the reviewer's change over theirs; rejecting ("Keep theirs")
drops it.  Nothing was overwritten before the reviewer chooses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from reviewer.store import AnnotationConflict, AnnotationInfo

# Fields shown, in this order (AnnotationInfo attribute → the key a change of it has in ``mine``).
FIELDS = ("tag", "quote", "correction", "note", "annotator", "updated_at", "version")


class ConflictDialog(QDialog):
    def __init__(self, conflict: AnnotationConflict, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.conflict = conflict
        self.setWindowTitle(self.tr("Changed by another reviewer"))
        theirs = conflict.theirs
        # The store knows whose tag it is (its annotator), not who changed it last.
        if theirs is None:
            text = self.tr("Another reviewer deleted this tag while you were working on it.")
        else:
            text = self.tr(
                "Another reviewer changed this tag while you were working on it. Which version stays?"
            )
        intro = QLabel(text)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("conflictTable")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Field"), self.tr("Theirs (stored now)"), self.tr("Yours")])
        for name, their_value, my_value in self.rows(theirs, conflict.mine):
            self.table.addTopLevelItem(QTreeWidgetItem([name, their_value, my_value]))
        for col in range(3):
            self.table.resizeColumnToContents(col)
        buttons = QDialogButtonBox()
        self.mine_button = buttons.addButton(self.tr("Use mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.mine_button.setObjectName("useMine")
        self.theirs_button = buttons.addButton(self.tr("Keep theirs"), QDialogButtonBox.ButtonRole.RejectRole)
        self.theirs_button.setObjectName("keepTheirs")
        self.theirs_button.setDefault(True)  # the safe choice: nothing of theirs is lost
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)
        self.resize(640, 320)

    def rows(self, theirs: AnnotationInfo | None, mine: dict[str, Any]) -> list[tuple[str, str, str]]:
        """(field, theirs, what the tag becomes if "Use mine" is chosen) per field."""
        changes = {("tag" if k == "value" else k): v for k, v in mine.items()}
        out = []
        for name in FIELDS:
            their = self._text(getattr(theirs, name)) if theirs is not None else ""
            if mine.get("delete"):
                yours = self.tr("(delete it)") if name == "tag" else ""
            elif name in ("updated_at", "version"):
                yours = ""  # set when it is written
            else:  # their tag with my changes on top: what a save of mine leaves
                yours = self._text(changes[name]) if name in changes else their
            if theirs is None and name == "tag":
                their = self.tr("(deleted)")
            out.append((self._label(name), their, yours))
        return out

    def _label(self, name: str) -> str:
        return {
            "tag": self.tr("Tag"),
            "quote": self.tr("Text"),
            "correction": self.tr("Correction"),
            "note": self.tr("Note"),
            "annotator": self.tr("Annotator"),
            "updated_at": self.tr("Changed at"),
            "version": self.tr("Version"),
        }[name]

    @staticmethod
    def _text(value: Any) -> str:
        if value is None:
            return ""
        if hasattr(value, "strftime"):
            return value.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return str(value)
