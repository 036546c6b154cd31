"""Files an import could not take are listed with their reasons where the reviewer sees them."""

from __future__ import annotations

from tests.gui.conftest import TIMED


def test_failed_files_are_listed_with_reasons_and_the_rest_is_imported(window, tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TIMED, encoding="utf-8")
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.start_import([str(binary), str(good), str(tmp_path / "gone.txt"), str(empty)])
    assert [d.name for d in window.session.documents.docs] == ["good.txt"]
    dlg = window.active_dialog
    assert dlg is not None and dlg.objectName() == "importProblemsDialog"
    rows = dict(dlg.rows())
    assert set(rows) == {"picture.png", "gone.txt", "empty.txt"}
    assert "no such file" in rows["gone.txt"]
    assert "empty" in rows["empty.txt"]
    assert rows["picture.png"]  # why it is not text
    # A later message does not take the list away.
    window.statusBar().showMessage("something else")
    assert window.active_dialog is dlg and dlg.isVisible()
    dlg.reject()
