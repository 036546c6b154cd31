"""Small input dialogs, built but not run (the caller opens them and listens for the answer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit


def text_prompt(
    parent: Any, title: str, label: str, text: str = "", items: Sequence[str] = (), editable: bool = True
) -> QInputDialog:
    dlg = QInputDialog(parent)
    dlg.setWindowTitle(title)
    dlg.setLabelText(label)
    if items:
        dlg.setComboBoxItems(list(items))
        dlg.setComboBoxEditable(editable)
    else:
        dlg.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dlg.setTextValue(text)
    return dlg


def file_prompt(parent: Any, title: str, name_filter: str, save: bool, directory: str = "") -> QFileDialog:
    dlg = QFileDialog(parent, title, directory, name_filter)
    # Qt's own dialog: the same on every platform and offscreen (tests drive it).
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dlg
