"""Small input dialogs, built but not run (the caller opens them and listens for the answer)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QFileInfo, QMimeDatabase, QMimeType
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QInputDialog, QLineEdit


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


class NameOnlyIconProvider(QFileIconProvider):
    """File icons and type names from the file's *name* alone, never its content.

    Qt's stock provider asks QMimeDatabase for each listed file's type, which opens and reads
    any file whose name does not settle it (``team.db``, a name without an extension, every
    ``-wal`` and ``-shm``).  Opening and closing the annotation store's file that way drops
    SQLite's POSIX locks for the whole process: another process that then closes the store
    deletes the write-ahead log, and the window's next edits go into a deleted file.
    """

    def __init__(self) -> None:
        super().__init__()
        self._mime = QMimeDatabase()
        self._icons: dict[str, QIcon] = {}

    def _type_of(self, info: QFileInfo) -> QMimeType:
        return self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)

    def icon(self, what: Any) -> QIcon:
        if not isinstance(what, QFileInfo):
            return super().icon(what)
        if what.isDir():
            return super().icon(QAbstractFileIconProvider.IconType.Folder)
        name = self._type_of(what).iconName()
        icon = self._icons.get(name)
        if icon is None:
            icon = QIcon.fromTheme(name, super().icon(QAbstractFileIconProvider.IconType.File))
            self._icons[name] = icon
        return icon

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return super().type(info)  # a folder: Qt says so without opening anything
        return self._type_of(info).comment()


# One for every file dialog (a provider must outlive the dialogs that use it).
_NAME_ONLY: NameOnlyIconProvider | None = None


def name_only_icons() -> NameOnlyIconProvider:
    global _NAME_ONLY
    if _NAME_ONLY is None:
        _NAME_ONLY = NameOnlyIconProvider()
    return _NAME_ONLY


def file_prompt(parent: Any, title: str, name_filter: str, save: bool, directory: str = "") -> QFileDialog:
    dlg = QFileDialog(parent, title, directory, name_filter)
    # Qt's own dialog: the same on every platform and offscreen (tests drive it).
    dlg.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    # Before it lists a folder: it must never open the files it lists (the store may be one).
    dlg.setIconProvider(name_only_icons())
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return dlg
