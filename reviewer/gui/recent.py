"""File → Open Recent: the last files imported or opened, newest first, kept in QSettings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

RECENT_KEY = "recent/files"
MAX_RECENT = 10


def normalise(path: str) -> str:
    # One entry per file however it was named (relative, via a symlink, …).
    try:
        return str(Path(path).expanduser().resolve())
    except OSError:
        return path


class RecentFiles(QObject):
    """The list; with no QSettings (tests, screenshots) it lives for the window's lifetime only."""

    changed = Signal()

    def __init__(self, settings: QSettings | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._paths: list[str] = self._read()

    def _read(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value(RECENT_KEY, [])
        # QSettings gives a str for a one-item list in .ini files, a list otherwise.
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(p) for p in items if p][:MAX_RECENT]

    def _write(self) -> None:
        if self.settings is not None:
            self.settings.setValue(RECENT_KEY, self._paths)
            self.settings.sync()
        self.changed.emit()

    def paths(self) -> list[str]:
        return list(self._paths)

    def add(self, paths: Iterable[str]) -> None:
        new = [normalise(p) for p in paths if p]
        if not new:
            return
        rest = [p for p in self._paths if p not in new]
        self._paths = (list(dict.fromkeys(new)) + rest)[:MAX_RECENT]
        self._write()

    def remove(self, path: str) -> None:
        self._paths = [p for p in self._paths if p != normalise(path)]
        self._write()

    def clear(self) -> None:
        self._paths = []
        self._write()


def fill_menu(menu: QMenu, recent: RecentFiles, open_path: Callable[[str], object], clear: QAction) -> None:
    """Rebuild ``menu``: one numbered entry per file (full path in the tip), then Clear."""
    menu.clear()
    paths = recent.paths()
    for n, path in enumerate(paths, 1):
        # "&1 name" gives keyboard access; a "&" in a file name must not become a mnemonic.
        label = f"&{n % 10} {Path(path).name.replace('&', '&&')}"
        action = menu.addAction(label)
        action.setObjectName(f"recent_{n}")
        action.setToolTip(path)
        action.setStatusTip(path)
        action.setData(path)
        action.triggered.connect(lambda _c=False, p=path: open_path(p))
    if paths:
        menu.addSeparator()
    menu.addAction(clear)
    clear.setEnabled(bool(paths))
    menu.setEnabled(True)
