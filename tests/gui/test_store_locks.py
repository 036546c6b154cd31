"""The window's store keeps its locks: nothing in the window's process opens the store's files.

SQLite's POSIX locks belong to the process; closing any other descriptor of the database
file drops them.  Qt's file dialog used to open files it listed to guess their type (a
name like ``reviews.db``, every ``-wal`` and ``-shm``): then a second process's `reviewer
list` believed it was the last one, deleted the write-ahead log, and the window's next
tag went into the deleted log, gone at the next start.  Real second processes here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from reviewer.store import open_store
from tests.gui.conftest import TIMED, show_window


def reviewer(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *map(str, args)], capture_output=True, text=True, timeout=60
    )


def deleted_store_files(folder: Path) -> list[str]:
    """Files of the store this process still holds open although they were deleted."""
    out = []
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(folder)) and target.endswith("(deleted)"):
            out.append(target)
    return out


@pytest.mark.parametrize("name", ["reviews.db", "notes", "reviewer.sqlite3"])
@pytest.mark.parametrize("dialog", ["import", "export_csv"])
def test_a_file_dialog_in_the_stores_folder_does_not_lose_later_edits(qtbot, tmp_path, name, dialog) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    db = folder / name
    (folder / "talk.txt").write_text(TIMED, encoding="utf-8")
    store = open_store(str(db))
    try:
        window = show_window(qtbot, store)
        session = window.session
        window.start_import([str(folder / "talk.txt")])
        doc = session.document_id
        assert doc is not None
        session.tag_topic([0], "Before/Dialog")

        # The dialog lists the store's folder, icons and types and all, as a reviewer sees it.
        window.actions_by_name[dialog].trigger()
        dlg = window.active_dialog
        assert isinstance(dlg, QFileDialog)
        dlg.setDirectory(str(folder))
        if dialog == "import":
            dlg.selectNameFilter("All files (*)")
        qtbot.wait(800)
        dlg.grab()
        qtbot.wait(200)

        listed = reviewer("--db", db, "list")  # another process opens and closes the store
        assert listed.returncode == 0, listed.stderr
        dlg.reject()
        session.tag_topic([1], "After/Dialog")

        assert deleted_store_files(folder) == []
        seen = reviewer("--db", db, "annotations", doc)
        tags = sorted(line.split("\t")[4] for line in seen.stdout.splitlines())
        assert tags == ["After/Dialog", "Before/Dialog"], seen.stdout + seen.stderr
        window.close()
    finally:
        store.close()
