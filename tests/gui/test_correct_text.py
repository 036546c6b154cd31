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


PODCAST = (
    "[00:00:01] SPEAKER_00: 今天请到了曹悦\n"
    "[00:00:09] SPEAKER_01: 好的\n"
    "[00:00:15] SPEAKER_00: 草越说方向速度很重要\n"
)


def _type_into(window, row: int, text: str) -> None:
    select_rows(window, row)
    window.actions_by_name["correct_text"].trigger()
    editor = _corrector(window)
    editor.selectAll()
    editor.insertPlainText(text)
    from PySide6.QtTest import QTest

    QTest.keyClick(editor, Qt.Key.Key_Return)


def test_a_typed_correction_offers_its_other_places_and_applies_the_ticked_ones(
    qtbot, window, open_text, store
) -> None:
    doc = open_text(PODCAST, glossary=False)
    _type_into(window, 0, "今天请到了曹越")
    dlg = window.active_dialog
    assert dlg is not None and dlg.objectName() == "propagateDialog"
    items = dlg.items()
    assert [(i.text(2), i.checkState(0) == Qt.CheckState.Checked) for i in items] == [("草越", True)]
    assert dlg.teach.isChecked()  # taught to the glossary unless the reviewer says not
    dlg.accept()
    texts = [s.repaired for s in store.segments(doc)]
    assert texts[0] == "今天请到了曹越" and texts[2].startswith("曹越说")
    assert store.glossary().aliases.get("曹悦") == "曹越"
    assert window.session.segments.segment(2).info.repaired.startswith("曹越说")  # the row follows
    window.session.undo_stack.undo()  # one step takes all of it back
    texts = [s.repaired for s in store.segments(doc)]
    assert texts[0] == "今天请到了曹悦" and texts[2].startswith("草越说")
    assert "曹悦" not in store.glossary().aliases


def test_only_here_keeps_the_correction_alone(qtbot, window, open_text, store) -> None:
    doc = open_text(PODCAST, glossary=False)
    _type_into(window, 0, "今天请到了曹越")
    from PySide6.QtWidgets import QPushButton

    dlg = window.active_dialog
    assert dlg is not None
    dlg.findChild(QPushButton, "onlyHere").click()
    texts = [s.repaired for s in store.segments(doc)]
    assert texts[0] == "今天请到了曹越" and texts[2].startswith("草越说")


def test_an_error_tags_correction_is_applied_to_the_text_in_one_gesture(
    qtbot, window, open_text, store
) -> None:
    doc = open_text(PODCAST, glossary=False)
    select_rows(window, 0)
    assert window.session.mark_error(0, "asr", span=(5, 7), correction="曹越")
    from PySide6.QtCore import QItemSelectionModel

    tags = window.inspector.tags
    tags.selectionModel().select(
        tags.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    (tag,) = window.inspector.selected_annotations()
    assert tag.kind == "error" and tag.correction == "曹越"
    window.actions_by_name["apply_correction"].trigger()
    assert store.segment(doc, 0).repaired == "今天请到了曹越"
    kept = store.annotation(tag.id)
    assert kept is not None and kept.anchor_status == "ok"  # the tag stays, on the corrected text
    window.session.undo_stack.undo()
    assert store.segment(doc, 0).repaired == "今天请到了曹悦"


def test_the_colour_legend_explains_each_colour(qtbot, window) -> None:
    window.actions_by_name["legend"].trigger()
    box = window.active_dialog
    assert box is not None and box.objectName() == "legendBox"
    text = box.text()
    assert text.count("background:") == 4 and "✎N" in text and "your own text" in text
    box.accept()


def test_an_undo_after_another_reviewer_rewrote_the_row_keeps_theirs(qtbot, window, open_text, store) -> None:
    from reviewer.ops import run
    from reviewer.ops.corrections import Correct

    doc = open_text(TEXT)
    assert window.session.correct_text(0, "今天请到了曹悦", "今天请到了曹越")
    # Someone else (another window, the command line) changes the same segment.
    run(store, Correct(doc, 0, "今天请到了曹越", 0, 2, "昨天", "other"))
    window.session.undo_stack.undo()
    assert "changed meanwhile" in (window.last_error or "")
    assert store.segment(doc, 0).repaired == "昨天请到了曹越"  # theirs stands
    assert window.session.segments.segment(0).info.repaired == "昨天请到了曹越"  # and shows


def test_other_documents_are_searched_when_asked(qtbot, window, open_text, store) -> None:
    other = open_text("[00:00:01] SPEAKER_00: 我也见过曹悦\n", name="other.txt", glossary=False)
    doc = open_text(PODCAST, glossary=False)
    _type_into(window, 0, "今天请到了曹越")
    dlg = window.active_dialog
    assert [i.text(2) for i in dlg.items()] == ["草越"]  # this document first, nothing read
    dlg.everywhere.setChecked(True)
    found = {(i.data(0, Qt.ItemDataRole.UserRole + 1).document_id, i.text(2)) for i in dlg.items()}
    assert found == {(doc, "草越"), (other, "曹悦")}
    dlg.accept()
    assert store.segment(other, 0).repaired == "我也见过曹越"


def test_the_inspectors_repaired_pane_opens_for_a_correction_with_f2(qtbot, window, open_text, store) -> None:
    from PySide6.QtTest import QTest

    doc = open_text(TEXT)
    select_rows(window, 0)
    pane = window.inspector.repaired
    assert pane.isReadOnly()  # single-letter keys act on a selection there, not type
    pane.setFocus()
    window.actions_by_name["correct_text"].trigger()
    assert not pane.isReadOnly()
    pane.selectAll()
    pane.insertPlainText("今天请到了曹越")
    QTest.keyClick(pane, Qt.Key.Key_Return)
    assert pane.isReadOnly()
    assert store.segment(doc, 0).repaired == "今天请到了曹越"
    # Escape puts the text back and writes nothing.
    pane.setFocus()
    window.actions_by_name["correct_text"].trigger()
    pane.insertPlainText("!!")
    QTest.keyClick(pane, Qt.Key.Key_Escape)
    assert pane.toPlainText() == "今天请到了曹越" and store.segment(doc, 0).repaired == "今天请到了曹越"
