"""The review flow as a new user met it: a click on a marked character picks its repair, the
next pending repair follows a decision (a preference), joins show what they join, the
toolbar stays put as the undo text changes."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reviewer.gui.models.rows import LINE_BREAK_MARK, edit_label
from tests.gui.conftest import select_rows

# Two repairs in row 0 (two glossary terms), one in row 2; row 1 has none.
TEXT = "[A]: I use chat gpt and open ai daily\n[B]: ok\n[A]: chat gpt again\n"


def test_a_click_on_a_marked_character_selects_its_repair(qtbot, window, open_text) -> None:
    open_text(TEXT)
    select_rows(window, 0)
    row = window.session.segments.segment(0)
    edits = [e for e in row.info.edits if e.kind == "glossary"]
    assert len(edits) >= 1
    pane = window.inspector.repaired
    last = row.highlights[-1]
    cursor = pane.textCursor()
    cursor.setPosition(last.start + 1)
    pane.setTextCursor(cursor)
    rect = pane.cursorRect()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.x() - 1, rect.center().y()))
    assert window.inspector.current_edit() is not None
    assert window.inspector.current_edit().id == last.edit_id
    # A click on text no repair changed picks nothing new.
    assert not window.inspector.select_edit_at("repaired", 0)


def test_after_a_decision_the_next_pending_repair_is_selected(window, open_text, store) -> None:
    doc = open_text(TEXT)
    select_rows(window, 0)
    pending = [e for e in window.session.segments.segment(0).info.edits if e.decision == "pending"]
    window.inspector.select_edit(pending[0].id)
    window.actions_by_name["accept"].trigger()
    if len(pending) > 1:  # the row's next one first
        assert window.table.current_segment() == 0
        assert window.inspector.current_edit().id == pending[1].id
        window.actions_by_name["accept"].trigger()
    # The row is done: on to the next row with a pending repair (row 1 has none).
    assert window.table.current_segment() == 2
    current = window.inspector.current_edit()
    assert current is not None and current.decision == "pending"
    assert all(e.decision != "pending" for e in store.segment(doc, 0).edits if e.kind != "speaker")
    # Off in Preferences: the cursor stays.
    window.set_preferences("", window.font_size(), None, auto_advance=False)
    window.actions_by_name["reject"].trigger()
    assert window.table.current_segment() == 2


def test_a_join_is_shown_with_what_it_joins(window, open_text) -> None:
    open_text("[00:00:01] SPEAKER_00: 我们今天聊一下\n[00:00:03] SPEAKER_00: 大模型的未来\n", glossary=False)
    select_rows(window, 0)
    info = window.session.segments.segment(0).info
    join = next(e for e in info.edits if e.kind == "merge")
    mark = LINE_BREAK_MARK
    assert edit_label(join, None, info.original) == f"…今天聊一下{mark}大模型的未… → …今天聊一下 大模型的未…"
    assert window.inspector.edit_model.text(0, 1).startswith("…")


def test_the_undo_button_keeps_its_width_as_the_undo_text_changes(window, open_text) -> None:
    open_text(TEXT)
    undo = window.actions_by_name["undo"]
    button = window.toolbar.widgetForAction(undo)
    width = button.sizeHint().width()
    select_rows(window, 0)
    window.session.mark_error(0, "asr", span=(0, 1), correction="We")
    assert "Error" in undo.text()  # the menu says what it undoes…
    assert undo.iconText() == "Undo" and button.sizeHint().width() == width  # …the button does not


def test_accept_and_reject_are_off_for_the_reviewers_own_text(window, open_text) -> None:
    open_text(TEXT)
    select_rows(window, 1)
    assert window.session.correct_text(1, "ok", "okay")
    own = next(e for e in window.session.segments.segment(1).info.edits if e.kind == "manual")
    window.inspector.select_edit(own.id)
    a = window.actions_by_name
    assert not a["accept"].isEnabled() and not a["reject"].isEnabled() and not a["change"].isEnabled()
    select_rows(window, 0)  # a row of repairs: on again
    window.inspector.select_edit(window.session.segments.segment(0).info.edits[0].id)
    assert a["accept"].isEnabled() and a["reject"].isEnabled()
