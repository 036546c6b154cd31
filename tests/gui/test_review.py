"""Repairs (accept, reject, change, alternatives), navigation, find and filters, through the window."""

from __future__ import annotations

from reviewer.gui.models.rows import HIGHLIGHT_DECIDED, HIGHLIGHT_SURE
from tests.gui.conftest import CHAT, TIMED, answer, select_rows

GOOD = "[A]: 我觉得现在这个问题很重要，你怎么想的？\n[B]: 同意，我们慢慢思考。\n"
# UTF-8 read as Windows-1252, with the bytes that code page leaves undefined lost.
BROKEN = GOOD.encode("utf-8").decode("cp1252", errors="ignore")


def edit_in(store, doc, index, kind):
    (seg,) = [s for s in store.segments(doc) if s.index == index]
    return seg, next(e for e in seg.edits if e.kind == kind)


def test_accept_reject_and_undo_a_repair(window, open_text, store) -> None:
    doc = open_text(CHAT)
    select_rows(window, 1)
    row = window.session.segments.segment(1)
    assert row.display_repaired == "I use ChatGPT every day, it's great."
    assert {h.state for h in row.highlights} == {HIGHLIGHT_SURE}
    window.inspector.select_edit(row.info.edits[0].id)

    window.actions_by_name["accept"].trigger()
    seg, e = edit_in(store, doc, 1, "glossary")
    assert e.decision == "accepted"
    assert {h.state for h in window.session.segments.segment(1).highlights} == {HIGHLIGHT_DECIDED}

    window.actions_by_name["reject"].trigger()
    seg, e = edit_in(store, doc, 1, "glossary")
    assert e.decision == "rejected" and seg.repaired == "I use chat gpt every day, it's great."
    assert window.session.segments.segment(1).display_repaired == seg.repaired
    assert "chat gpt" in window.inspector.repaired.toPlainText()

    window.session.undo_stack.undo()
    seg, e = edit_in(store, doc, 1, "glossary")
    assert e.decision == "accepted" and seg.repaired == window.session.segments.segment(1).info.repaired
    window.session.undo_stack.undo()
    assert edit_in(store, doc, 1, "glossary")[1].decision == "pending"
    window.session.undo_stack.redo()
    window.session.undo_stack.redo()
    assert edit_in(store, doc, 1, "glossary")[1].decision == "rejected"
    # Reviewed = no repair waits for a decision.
    assert window.session.documents.progress[doc] == (4, 4)


def test_change_a_repair_and_choose_an_alternative(window, open_text, store) -> None:
    doc = open_text(BROKEN, name="broken.txt")
    select_rows(window, 1)
    row = window.session.segments.segment(1)
    assert row.info.repaired == "同意，我们慢慢思考。"
    with_alts = next(e for e in row.info.edits if e.alternatives and e.after == "意")
    window.inspector.select_edit(with_alts.id)
    box = window.inspector.alternatives
    alternatives = [box.itemData(i) for i in range(box.count())]
    assert alternatives[0] == "意" and "构" in alternatives
    # Each reading with its share by the repair's own language model, the chosen one first.
    shares = [int(box.itemText(i).split()[-1].rstrip("%")) for i in range(box.count())]
    assert shares[0] == max(shares) and 95 <= sum(shares) <= 101
    box.setCurrentIndex(alternatives.index("构"))
    window.actions_by_name["use_alternative"].trigger()
    seg = next(s for s in store.segments(doc) if s.index == 1)
    assert seg.repaired == "同构，我们慢慢思考。"
    assert window.session.segments.segment(1).display_repaired == seg.repaired

    window.inspector.select_edit(with_alts.id)
    window.actions_by_name["change"].trigger()
    answer(window, "義")
    seg = next(s for s in store.segments(doc) if s.index == 1)
    assert seg.repaired == "同義，我们慢慢思考。"
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    seg = next(s for s in store.segments(doc) if s.index == 1)
    assert seg.repaired == "同意，我们慢慢思考。"
    assert window.session.segments.segment(1).display_repaired == seg.repaired


def test_accept_all_pending_repairs_of_selected_rows(window, open_text, store) -> None:
    doc = open_text(BROKEN, name="broken.txt")
    select_rows(window, 0, 1)
    window.inspector.choose_edit(None)
    window.actions_by_name["accept"].trigger()
    assert {e.decision for s in store.segments(doc) for e in s.edits} == {"accepted"}
    # The rows show every one of them decided (several repairs in one row included).
    shown = [e for r in window.session.segments.rows for e in r.info.edits]
    assert len(shown) > 2 and {e.decision for e in shown} == {"accepted"}
    assert [e.version for e in shown] == [e.version for s in store.segments(doc) for e in s.edits]
    window.session.undo_stack.undo()
    assert {e.decision for s in store.segments(doc) for e in s.edits} == {"pending"}
    assert {e.decision for r in window.session.segments.rows for e in r.info.edits} == {"pending"}


def test_navigation(window, open_text) -> None:
    open_text(BROKEN + "[A]: fine\n", name="broken.txt")
    select_rows(window, 2)
    window.actions_by_name["next_unreviewed"].trigger()
    assert window.table.current_segment() == 0
    window.actions_by_name["next_low"].trigger()
    low = window.session.segments.segment(window.table.current_segment())
    assert low.low_confidence or window.statusBar().currentMessage().startswith("No")
    window.actions_by_name["next_row"].trigger()
    window.actions_by_name["prev_row"].trigger()


def test_find_plain_and_regex_and_filters(window, open_text, qtbot) -> None:
    open_text(TIMED)
    bar = window.find_bar
    select_rows(window, 0)
    bar.text.setText("聊一下")
    window.actions_by_name["find_next"].trigger()
    assert window.table.current_segment() == 1
    bar.text.setText(r"^go+d")
    bar.regex.setChecked(True)
    window.actions_by_name["find_next"].trigger()
    assert window.table.current_segment() == 2
    window.actions_by_name["find_prev"].trigger()
    assert window.table.current_segment() == 2  # the only match, found again going back
    bar.text.setText("(")
    window.actions_by_name["find_next"].trigger()
    assert "bad pattern" in bar.status.text()

    # Filters: speaker, find-as-filter, topic, pending; the table shows only matching rows.
    bar.choose(bar.speaker, "SPEAKER_01")
    assert [r.index for r in window.session.segments.visible_rows()] == [1, 3]
    bar.choose(bar.speaker, None)
    bar.regex.setChecked(False)
    bar.text.setText("good")
    bar.only_matches.setChecked(True)
    assert [r.index for r in window.session.segments.visible_rows()] == [2]
    window.actions_by_name["clear_filters"].trigger()
    assert window.session.segments.rowCount() == 4

    select_rows(window, 3)
    window.actions_by_name["choose_topic"].trigger()
    answer(window, "Greetings")
    window.topic_panel.select_path("Greetings")
    window.actions_by_name["filter_topic"].trigger()
    assert [r.index for r in window.session.segments.visible_rows()] == [3]
    window.actions_by_name["clear_filters"].trigger()
    window.actions_by_name["filter_pending"].trigger()
    assert window.session.segments.rowCount() == 0  # nothing was repaired in this one
    window.actions_by_name["filter_pending"].trigger()
    assert window.session.segments.rowCount() == 4


def test_error_type_filter(window, open_text) -> None:
    open_text(CHAT)
    select_rows(window, 2)
    window.actions_by_name["mark_error"].trigger()
    window.active_dialog.choose("speaker")
    window.active_dialog.accept()
    window.find_bar.choose(window.find_bar.error_type, "speaker")
    assert [r.index for r in window.session.segments.visible_rows()] == [2]
