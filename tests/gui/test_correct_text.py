"""Typing a correction into the Repaired cell: F2 or Return opens it, Return keeps it as the
reviewer's own (manual) edits, Escape drops it; undo and redo; the export is the reviewed text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.gui.views.text_pane import CellCorrector
from tests.gui.conftest import select_rows

TEXT = "[00:00:01] SPEAKER_00: 今天请到了曹悦\n[00:00:05] SPEAKER_01: 大家好\n"


def _corrector(window) -> CellCorrector:
    found = window.table.findChildren(CellCorrector)
    assert len(found) == 1, "one writable editor is open"
    return found[0]


def test_f2_opens_the_cell_and_return_keeps_the_correction(qtbot, window, open_text, store) -> None:
    doc = open_text(TEXT)
    select_rows(window, 0)
    window.actions_by_name["correct_text"].trigger()
    editor = _corrector(window)
    assert editor.toPlainText() == "今天请到了曹悦"
    editor.selectAll()
    editor.insertPlainText("今天请到了曹越")  # (as an input method commits it; QTest types Latin-1 only)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not window.table.findChildren(CellCorrector) or not _corrector(window).isVisible()
    seg = store.segment(doc, 0)
    assert seg.repaired == "今天请到了曹越"
    assert [(e.kind, e.before, e.after) for e in seg.edits if e.kind == "manual"] == [("manual", "悦", "越")]
    row = window.session.segments.segment(0)
    assert row is not None and row.info.repaired == "今天请到了曹越"
    assert any(h.state == "own" for h in row.highlights)  # shown in its own colour
    window.session.undo_stack.undo()
    assert store.segment(doc, 0).repaired == "今天请到了曹悦"
    assert window.session.segments.segment(0).info.repaired == "今天请到了曹悦"
    window.session.undo_stack.redo()
    assert store.segment(doc, 0).repaired == "今天请到了曹越"


def test_return_on_a_row_opens_it_and_escape_drops_what_was_typed(qtbot, window, open_text, store) -> None:
    doc = open_text(TEXT)
    select_rows(window, 1)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # a row without any repair
    editor = _corrector(window)
    assert editor.toPlainText() == "大家好"
    qtbot.keyClicks(editor, " ok")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert store.segment(doc, 1).repaired == "大家好"
    assert not [e for e in store.segment(doc, 1).edits if e.kind == "manual"]
