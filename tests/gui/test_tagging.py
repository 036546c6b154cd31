"""Tagging through the window (actions and their dialogs), checked in the store; undo/redo of each."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.gui.models.segments import COL_SPEAKER
from tests.gui.conftest import CHAT, TIMED, answer, select_rows


def speaker_column(window) -> list[str]:
    model = window.session.segments
    return [model.index(r, COL_SPEAKER).data() for r in range(model.rowCount())]


def test_open_document_fills_table_and_documents(window, open_text, store) -> None:
    doc = open_text(TIMED)
    model = window.session.segments
    segs = store.segments(doc)
    assert model.rowCount() == len(segs) == 4
    assert [model.row_at(r).info.repaired for r in range(4)] == [s.repaired for s in segs]
    assert window.session.documents.docs[0].id == doc
    assert window.inspector.row is not None and window.inspector.row.index == 0
    assert window.windowTitle().startswith("talk.txt")


def stored_speakers(store, doc) -> list[str | None]:
    return [s.speaker.display_name if s.speaker else None for s in store.segments(doc)]


def test_speaker_quick_key_and_set_speaker_dialog(window, open_text, store, qtbot, tmp_path) -> None:
    doc = open_text(CHAT)
    # Quick key 2 = the document's second speaker (B), through the real shortcut.
    select_rows(window, 0)
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_2)
    # Setting a speaker assigns the segment's own speaker (no speaker tag is made).
    assert stored_speakers(store, doc) == ["B", "B", "A", "B"]
    assert store.segment(doc, 0).speaker_assigned
    assert not [a for a in store.annotations(doc) if a.kind == "speaker"]
    assert speaker_column(window)[0] == "B"

    # Bulk-assign a range through the dialog: a new name becomes a speaker of the document.
    select_rows(window, 1, 3)
    window.actions_by_name["set_speaker"].trigger()
    answer(window, "曹越")
    assert stored_speakers(store, doc) == ["B", "曹越", "曹越", "曹越"]
    assert speaker_column(window) == ["B", "曹越", "曹越", "曹越"]
    # …and the exported transcript says so.
    window.session.export("txt", tmp_path / "out.txt")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").splitlines()[1].startswith("曹越: ")

    window.session.undo_stack.undo()
    assert stored_speakers(store, doc) == ["B", "B", "A", "B"]
    assert "曹越" not in {s.label for s in store.speakers(doc)}
    assert speaker_column(window) == ["B", "B", "A", "B"]
    window.session.undo_stack.redo()
    assert stored_speakers(store, doc) == ["B", "曹越", "曹越", "曹越"]
    assert speaker_column(window) == ["B", "曹越", "曹越", "曹越"]
    # Setting a speaker again replaces the earlier assignment (and undo brings it back).
    select_rows(window, 0)
    window.actions_by_name["speaker_1"].trigger()
    assert stored_speakers(store, doc)[0] == "A" and speaker_column(window)[0] == "A"
    window.session.undo_stack.undo()
    assert stored_speakers(store, doc)[0] == "B" and speaker_column(window)[0] == "B"
    window.session.undo_stack.undo()  # the range
    window.session.undo_stack.undo()  # the quick key
    assert stored_speakers(store, doc) == ["A", "B", "A", "B"]
    assert not any(s.speaker_assigned for s in store.segments(doc))


def test_removed_tag_comes_back_with_its_id(window, open_text, store) -> None:
    doc = open_text(CHAT)
    select_rows(window, 1)
    assert window.session.mark_error(1, "asr", span=(0, 5), note="keep me")
    (before,) = store.annotations(doc)
    assert window.session.delete_annotations([before])
    assert store.annotations(doc) == []
    window.session.undo_stack.undo()
    assert store.annotations(doc) == [before]  # same id, same times
    window.session.undo_stack.redo()
    assert store.annotations(doc) == []


def test_rename_speaker_changes_every_row(window, open_text, store) -> None:
    doc = open_text(TIMED)
    select_rows(window, 0)
    window.actions_by_name["rename_speaker"].trigger()
    answer(window, "曹越")
    assert {s.label: s.display_name for s in store.speakers(doc)}["SPEAKER_00"] == "曹越"
    assert speaker_column(window) == ["曹越", "SPEAKER_01", "曹越", "SPEAKER_01"]
    window.session.undo_stack.undo()
    assert speaker_column(window) == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00", "SPEAKER_01"]
    assert {s.label: s.display_name for s in store.speakers(doc)}["SPEAKER_00"] == "SPEAKER_00"
    window.session.undo_stack.redo()
    assert speaker_column(window)[2] == "曹越"


def test_topics_on_rows_and_on_a_text_span(window, open_text, store) -> None:
    doc = open_text(TIMED)
    window.actions_by_name["new_topic"].trigger()
    answer(window, "AI/Education")
    assert [t.path for t in store.topics()] == ["AI", "AI/Education"]
    assert window.topic_panel.current_path() == "AI/Education"

    select_rows(window, 1, 2)
    window.actions_by_name["apply_topic"].trigger()
    rows = [(a.segment_index, a.tag, a.target) for a in store.annotations(doc) if a.kind == "topic"]
    assert rows == [(1, "AI/Education", "segment"), (2, "AI/Education", "segment")]
    assert "Education" in window.session.segments.row_at(1).tags_text

    # A span selected in the inspector's repaired text (after an emoji: offsets are code points).
    select_rows(window, 2)
    text = window.inspector.repaired.text
    start = text.index("morning")
    window.inspector.repaired.select_span(start, start + 7)
    window.actions_by_name["apply_topic"].trigger()
    span = [a for a in store.annotations(doc) if a.kind == "topic" and a.target == "repaired"]
    assert [(a.segment_index, a.span_start, a.span_end, a.quote) for a in span] == [
        (2, start, start + 7, "morning")
    ]

    window.session.undo_stack.undo()
    assert not [a for a in store.annotations(doc) if a.target == "repaired"]
    window.session.undo_stack.undo()
    assert not [a for a in store.annotations(doc) if a.kind == "topic"]
    window.session.undo_stack.undo()  # the topic itself
    assert store.topics() == []
    for _ in range(3):
        window.session.undo_stack.redo()
    assert len([a for a in store.annotations(doc) if a.kind == "topic"]) == 3


def test_mark_error_on_a_span_of_the_original(window, open_text, store) -> None:
    doc = open_text(CHAT, glossary=False)
    select_rows(window, 1)
    text = window.inspector.original.text
    start = text.index("chat gpt")
    window.inspector.original.select_span(start, start + 8)
    window.actions_by_name["mark_error"].trigger()
    dlg = window.active_dialog
    dlg.choose("asr")
    dlg.correction.setText("ChatGPT")
    dlg.note.setPlainText("brand name")
    dlg.accept()
    (a,) = [a for a in store.annotations(doc) if a.kind == "error"]
    assert (a.segment_index, a.tag, a.target, a.span_start, a.span_end) == (
        1,
        "asr",
        "original",
        start,
        start + 8,
    )
    assert (a.quote, a.correction, a.note, a.annotator) == ("chat gpt", "ChatGPT", "brand name", "tester")
    assert window.session.segments.row_at(1).errors

    # Next error finds it from anywhere.
    select_rows(window, 3)
    window.actions_by_name["next_error"].trigger()
    assert window.table.current_segment() == 1

    # Removing the tag from the inspector, then undo and redo.
    window.inspector.choose_tags([0])
    window.actions_by_name["remove_tags"].trigger()
    assert not store.annotations(doc)
    window.session.undo_stack.undo()
    assert [a.correction for a in store.annotations(doc)] == ["ChatGPT"]
    window.session.undo_stack.undo()
    assert not store.annotations(doc)
    window.session.undo_stack.redo()
    assert [a.tag for a in store.annotations(doc)] == ["asr"]


def test_select_a_span_inside_a_table_cell_and_tag_it(window, open_text, store, qtbot) -> None:
    """Double click a text cell, select with the keyboard, press E / apply a topic: the span is tagged."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLabel

    from reviewer.gui.dialogs.error_dialog import ErrorDialog
    from reviewer.gui.models.segments import COL_ORIGINAL, COL_REPAIRED
    from reviewer.gui.views.text_pane import TextPane

    doc = open_text("[A]: 你好，<b>世界</b>，这里是测试。\n[B]: 第二行 😂 emoji 在这里\n", glossary=False)
    table = window.table
    # A double click on the repaired cell of row 1 opens a read-only text view in the cell.
    rect = table.visualRect(table.model().index(1, COL_REPAIRED))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = table.findChild(TextPane, "cellRepairedEditor")
    assert editor is not None and editor.isVisible() and editor.isReadOnly()
    assert editor.toPlainText() == "第二行 😂 emoji 在这里"
    assert table.current_segment() == 1
    # Select "😂 emoji" (a non-BMP character: offsets are code points, not UTF-16 units).
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_Home)
    for _ in range(4):
        QTest.keyClick(editor, Qt.Key.Key_Right)
    for _ in range(7):
        QTest.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.selected_span() == (4, 11)
    assert window.inspector.text_selection() == ("repaired", 4, 11)
    # Typing does not change the text.
    QTest.keyClicks(editor, "x")
    assert editor.toPlainText() == "第二行 😂 emoji 在这里"

    # E (the Mark error shortcut) works from inside the cell.
    QTest.keyClick(editor, Qt.Key.Key_E)
    dlg = window.active_dialog
    assert isinstance(dlg, ErrorDialog)
    assert "😂 emoji" in [label.text() for label in dlg.findChildren(QLabel)]  # the quote it will mark
    dlg.choose("asr")
    dlg.accept()
    (err,) = [a for a in store.annotations(doc) if a.kind == "error"]
    assert (err.segment_index, err.target, err.span_start, err.span_end, err.quote) == (
        1,
        "repaired",
        4,
        11,
        "😂 emoji",
    )

    # The original column too, and a topic on the span; text with markup stays plain.
    rect = table.visualRect(table.model().index(0, COL_ORIGINAL))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = table.findChild(TextPane, "cellOriginalEditor")
    assert editor is not None and editor.toPlainText() == "你好，<b>世界</b>，这里是测试。"
    editor.select_span(3, 12)
    window.apply_topic("markup")
    (topic,) = [a for a in store.annotations(doc) if a.kind == "topic"]
    assert (topic.segment_index, topic.target, topic.quote) == (0, "original", "<b>世界</b>")
