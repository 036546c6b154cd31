"""Split a row at the cursor and merge it with the next, in the window; rejecting a fragment join
splits its row; undo and redo; the table shows the rows as they are after each step."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reviewer.gui.views.text_pane import TextPane
from tests.gui.conftest import select_rows

# Lines 1 and 2 are merged by the engine (one speaker, two seconds apart).
TEXT = (
    "[00:00:01] SPEAKER_00: 我们今天聊一下\n"
    "[00:00:03] SPEAKER_00: 大模型的未来\n"
    "[00:00:30] SPEAKER_01: 好的\n"
)


def _shown(window) -> list[str]:
    return [r.info.repaired for r in window.session.segments.rows]


def _cell_pane(window) -> TextPane:
    panes = [p for p in window.table.findChildren(TextPane) if p.isVisible()]
    assert len(panes) == 1, "the row's text is open in its cell"
    return panes[0]


def test_split_at_the_cursor_in_the_cell_then_undo_and_redo(qtbot, window, open_text, store) -> None:
    doc = open_text(TEXT, glossary=False)
    assert _shown(window) == ["我们今天聊一下 大模型的未来", "好的"]
    select_rows(window, 0)
    split = window.actions_by_name["split_segment"]
    split.trigger()  # no cursor in any text yet: the row's text opens to put one there
    assert len(store.segments(doc)) == 2
    assert "cursor" in window.statusBar().currentMessage()
    pane = _cell_pane(window)
    pane.setFocus()
    QApplication.processEvents()
    cursor = pane.textCursor()
    cursor.setPosition(4)  # 我们今天|聊一下
    pane.setTextCursor(cursor)
    split.trigger()
    assert _shown(window) == ["我们今天", "聊一下 大模型的未来", "好的"]
    assert [s.repaired for s in store.segments(doc)] == _shown(window)
    assert window.table.current_segment() == 1  # the new row
    msg = window.statusBar().currentMessage()
    # Within its fragment (1 s to the next fragment's 3 s), four characters of seven in.
    assert "0:02.1" in msg and "estimated" in msg
    window.session.undo_stack.undo()
    assert _shown(window) == ["我们今天聊一下 大模型的未来", "好的"]
    window.session.undo_stack.redo()
    assert _shown(window) == ["我们今天", "聊一下 大模型的未来", "好的"]


def test_split_in_the_inspector_at_a_join_takes_its_fragment_time(qtbot, window, open_text, store) -> None:
    doc = open_text(TEXT, glossary=False)
    select_rows(window, 0)
    pane = window.inspector.repaired
    pane.setFocus()
    cursor = pane.textCursor()
    cursor.setPosition(8)  # after the join's space
    pane.setTextCursor(cursor)
    window.actions_by_name["split_segment"].trigger()
    segs = store.segments(doc)
    assert [(s.repaired, s.start) for s in segs] == [
        ("我们今天聊一下", 1.0),
        ("大模型的未来", 3.0),
        ("好的", 30.0),
    ]
    assert "timestamp" in window.statusBar().currentMessage()


def test_typed_text_must_be_kept_or_dropped_before_a_split(qtbot, window, open_text, store) -> None:
    doc = open_text(TEXT, glossary=False)
    select_rows(window, 1)
    window.actions_by_name["correct_text"].trigger()
    pane = _cell_pane(window)
    pane.moveCursor(QTextCursor.MoveOperation.End)
    pane.insertPlainText("啊")
    window.actions_by_name["split_segment"].trigger()
    assert "typed" in window.last_error
    assert len(store.segments(doc)) == 2


def test_rejecting_a_join_splits_the_row_and_merge_joins_rows(qtbot, window, open_text, store) -> None:
    doc = open_text(TEXT, glossary=False)
    select_rows(window, 0)
    join = next(e for e in window.session.segments.segment(0).info.edits if e.kind == "merge")
    window.inspector.select_edit(join.id)
    window.actions_by_name["reject"].trigger()
    assert _shown(window) == ["我们今天聊一下", "大模型的未来", "好的"]
    assert window.session.documents.progress[doc] == (3, 3)
    select_rows(window, 0)
    window.actions_by_name["merge_next"].trigger()
    assert _shown(window) == ["我们今天聊一下大模型的未来", "好的"]  # no space between Chinese
    select_rows(window, 0)
    window.actions_by_name["merge_next"].trigger()  # different speakers: refused, said
    assert "different speakers" in window.last_error
    assert len(store.segments(doc)) == 2
    window.session.undo_stack.undo()  # the merge
    window.session.undo_stack.undo()  # the rejection
    assert _shown(window) == ["我们今天聊一下 大模型的未来", "好的"]
    assert next(e for e in store.segment(doc, 0).edits if e.kind == "merge").decision == "pending"


def test_the_rows_after_a_split_are_renumbered_in_place_as_a_fresh_read_would_show(
    qtbot, window, open_text, store
) -> None:
    open_text(TEXT, glossary=False)
    window.session.tag_topic([1], "Later")
    loads = []
    window.session.document_loaded.connect(loads.append)
    select_rows(window, 0)
    text = window.session.segments.segment(0).info.repaired
    assert window.session.split_segment(0, text, 2)

    def shown() -> list[tuple[int, str, list[tuple[int, str]]]]:
        return [
            (r.index, r.info.repaired, [(a.segment_index, a.tag) for a in r.annotations])
            for r in window.session.segments.rows
        ]

    in_place = shown()
    assert in_place[2] == (2, "好的", [(2, "Later")])
    assert [(a.segment_index, a.tag) for a in window.session.annotations] == [(2, "Later")]
    assert window.session.merge_with_next(0)
    assert shown()[1] == (1, "好的", [(1, "Later")])
    assert not loads  # no read of the whole document, either time
    in_place = shown()
    window.session.reload_document()
    assert shown() == in_place


def test_rejecting_joins_in_two_rows_at_once_renumbers_the_window_as_a_read_would(
    qtbot, window, open_text
) -> None:
    from tests.ops.test_structure import FRAGMENTS

    open_text(FRAGMENTS, glossary=False)
    s = window.session
    s.tag_topic([2], "Last")
    joins = [(r.index, e) for r in s.segments.rows for e in r.info.edits if e.kind == "merge"]
    assert len(joins) == 3
    assert s.decide(joins, "rejected")

    def shown() -> list[tuple[int, str, float | None, list[str]]]:
        return [
            (r.index, r.info.repaired, r.info.start, [a.tag for a in r.annotations]) for r in s.segments.rows
        ]

    in_place = shown()
    assert [t for _i, t, _s, _a in in_place] == [
        "hello there", "how are you", "today my friend", "我们今天聊一下 AI", "很好", "good"
    ]  # fmt: skip
    assert in_place[5][3] == ["Last"]
    s.reload_document()
    assert shown() == in_place
    s.undo_stack.undo()
    assert [r.info.repaired for r in s.segments.rows][2] == "good"
