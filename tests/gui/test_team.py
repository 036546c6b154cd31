"""Several reviewers on one store, seen from the window: others' tags arrive by themselves, a tag
changed by someone else first is a conflict the reviewer settles, one annotator's tags can be
shown alone, and the agreement between annotators is shown and exported.

"Another reviewer" is a second Store on the same database (its own connections), as another
reviewer's app would be; on SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.gui.dialogs.agreement_dialog import AgreementDialog
from reviewer.gui.dialogs.conflict_dialog import ConflictDialog
from reviewer.gui.dialogs.error_dialog import ErrorDialog
from reviewer.gui.main_window import MainWindow
from reviewer.gui.session import ReviewSession
from reviewer.store import Store, open_store
from tests.gui.conftest import select_rows
from tests.store.backends import BACKENDS, new_db_url, pg_databases

__all__ = ["pg_databases"]

TALK = "[A]: 第一句话。\n[B]: second line here   \n[A]: 第三句，有错字。\n[B]: the last one\n"


@pytest.fixture(params=BACKENDS)
def team_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return new_db_url(str(request.param), tmp_path, request, "team")


@pytest.fixture
def mine(team_url: str) -> Iterator[Store]:
    with open_store(team_url) as s:
        yield s


@pytest.fixture
def bob(team_url: str, mine: Store) -> Iterator[Store]:
    with open_store(team_url) as s:  # opened after ours: the schema is there
        yield s


@pytest.fixture
def team_window(qtbot, mine: Store, tmp_path: Path) -> Iterator[MainWindow]:
    session = ReviewSession(mine, synchronous=True)
    session.annotator = "alice"
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.poll_timer.stop()  # the tests poll by hand, at the moments they choose
    path = tmp_path / "talk.txt"
    path.write_text(TALK, encoding="utf-8")
    w.start_import([str(path)])
    w.show()
    yield w
    if w.active_dialog is not None:
        w.active_dialog.reject()
    w.close()


def row_tags(window: MainWindow, index: int) -> list[tuple[str, str | None]]:
    return sorted((a.tag, a.annotator) for a in window.session.segments.segment(index).annotations)


def test_another_reviewers_tags_appear_at_the_next_poll(team_window, bob) -> None:
    w = team_window
    doc = w.session.document_id
    select_rows(w, 2)
    bob.tag(doc, 1, topic="Greeting", annotator="bob")
    assert row_tags(w, 1) == []
    w._poll()
    assert row_tags(w, 1) == [("Greeting", "bob")]
    assert w.table.current_segment() == 2  # the reviewer's place is kept
    assert "other reviewers" in w.statusBar().currentMessage()
    # Nothing new: no reload (the rows stay the very same objects).
    row = w.session.segments.segment(1)
    w._poll()
    assert w.session.segments.segment(1) is row


@pytest.mark.parametrize("team_url", ["postgresql"], indirect=True)  # checked on team stores
def test_tags_another_reviewer_made_just_before_ours_are_not_lost(team_window, bob) -> None:
    w = team_window
    doc = w.session.document_id
    bob.tag(doc, 0, topic="Bob's", annotator="bob")
    select_rows(w, 3)
    w.apply_topic("Mine")  # written before any poll saw bob's tag
    assert row_tags(w, 3) == [("Mine", "alice")]
    assert row_tags(w, 0) == [("Bob's", "bob")]  # read again, as the write found others' news


def edit_note_of_the_error(w: MainWindow, note: str) -> None:
    select_rows(w, 2)
    w.inspector.choose_tags([0])
    w.actions_by_name["edit_tag"].trigger()
    dlg = w.active_dialog
    assert isinstance(dlg, ErrorDialog) and dlg.correction.text() == "错别字"
    dlg.note.setPlainText(note)
    dlg.accept()


def test_a_tag_changed_by_someone_else_first_is_a_conflict_use_mine(team_window, mine, bob) -> None:
    w = team_window
    doc = w.session.document_id
    select_rows(w, 2)
    assert w.session.mark_error(2, "asr", span=(3, 5), correction="错别字")
    (tag,) = mine.annotations(doc)
    # Bob changes the correction while alice's window still shows version 1.
    bob.update_annotation(tag.id, expected_version=tag.version, correction="错字")
    edit_note_of_the_error(w, "checked")

    dlg = w.active_dialog
    assert isinstance(dlg, ConflictDialog)
    rows = {
        dlg.table.topLevelItem(i).text(0): (
            dlg.table.topLevelItem(i).text(1),
            dlg.table.topLevelItem(i).text(2),
        )
        for i in range(dlg.table.topLevelItemCount())
    }
    assert rows["Correction"] == ("错字", "错字")  # mine changes the note only: their correction stays
    assert rows["Note"] == ("", "checked")
    assert rows["Annotator"][0] == "alice"
    (now,) = mine.annotations(doc)
    assert (now.correction, now.note) == ("错字", None)  # nothing overwritten before the choice
    dlg.mine_button.click()
    (now,) = mine.annotations(doc)
    assert (now.correction, now.note, now.version) == ("错字", "checked", tag.version + 2)
    assert w.active_dialog is None
    # Undo takes mine back to theirs (checked against the version now stored).
    w.session.undo_stack.undo()
    (now,) = mine.annotations(doc)
    assert (now.correction, now.note) == ("错字", None)


def test_keep_theirs_writes_nothing_and_shows_theirs(team_window, mine, bob) -> None:
    w = team_window
    doc = w.session.document_id
    select_rows(w, 2)
    w.session.mark_error(2, "asr", span=(3, 5), correction="错别字")
    (tag,) = mine.annotations(doc)
    bob.update_annotation(tag.id, expected_version=tag.version, note="bob was here")
    edit_note_of_the_error(w, "mine")
    dlg = w.active_dialog
    assert isinstance(dlg, ConflictDialog)
    dlg.theirs_button.click()
    (now,) = mine.annotations(doc)
    assert now.note == "bob was here"
    assert [a.note for a in w.session.segments.segment(2).annotations] == ["bob was here"]
    assert not w.session.undo_stack.canUndo() or w.session.undo_stack.undoText() != "Edit tag asr"


def test_removing_a_tag_someone_else_deleted_or_changed(team_window, mine, bob) -> None:
    w = team_window
    doc = w.session.document_id
    select_rows(w, 1)
    w.apply_topic("A")
    w.apply_topic("B")
    a, b = sorted(mine.annotations(doc), key=lambda x: x.tag)
    bob.delete_annotation(a.id)
    bob.update_annotation(b.id, note="keep it")
    w.inspector.choose_tags(range(w.inspector.tag_model.rowCount()))
    w.actions_by_name["remove_tags"].trigger()
    dlg = w.active_dialog
    assert isinstance(dlg, ConflictDialog)
    assert mine.annotations(doc)[0].note == "keep it"  # nothing removed yet
    # The first conflict met: settling it retries with the rest, which meets the other one.
    dlg.mine_button.click()
    while isinstance(w.active_dialog, ConflictDialog):
        w.active_dialog.mine_button.click()
    assert mine.annotations(doc) == []


def test_show_one_annotators_tags(team_window, bob) -> None:
    w = team_window
    doc = w.session.document_id
    select_rows(w, 1)
    w.apply_topic("Alice's")
    bob.tag(doc, 1, topic="Bob's", annotator="bob")
    w.actions_by_name["refresh"].trigger()
    combo = w.find_bar.annotator
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "alice", "bob"]
    assert row_tags(w, 1) == [("Alice's", "alice"), ("Bob's", "bob")]
    combo.setCurrentIndex(combo.findData("bob"))
    assert row_tags(w, 1) == [("Bob's", "bob")]
    assert "Alice" not in w.session.segments.segment(1).tags_text
    assert [w.inspector.tag_model.text(i, 1) for i in range(w.inspector.tag_model.rowCount())] == ["Bob's"]
    combo.setCurrentIndex(0)
    assert len(row_tags(w, 1)) == 2


def test_agreement_dialog_and_export(team_window, mine, bob, tmp_path) -> None:
    """Two annotators' topics on 4 segments: A says X X Y Y, B says X Y Y Y.

    Cohen's kappa: p_o = 3/4; p_e = 2/4·1/4 + 2/4·3/4 = 1/2; κ = (3/4 − 1/2)/(1/2) = 0.5.
    Krippendorff's alpha (nominal, n = 8 values: 3 X, 5 Y; one disagreeing unit gives the
    coincidences o_XY = o_YX = 1): α = 1 − (n − 1)·2 / (2·3·5) = 1 − 14/30 = 0.533.
    """
    w = team_window
    doc = w.session.document_id
    for i, (x, y) in enumerate(zip("XXYY", "XYYY", strict=True)):
        mine.tag(doc, i, topic=x, annotator="ann")
        bob.tag(doc, i, topic=y, annotator="bob")
    w.actions_by_name["agreement"].trigger()
    dlg = w.active_dialog
    assert isinstance(dlg, AgreementDialog)
    topics = next(
        dlg.tree.topLevelItem(i)
        for i in range(dlg.tree.topLevelItemCount())
        if dlg.tree.topLevelItem(i).text(0) == "Topics"
    )
    assert (topics.text(1), topics.text(2)) == ("α = 0.533", "4")
    assert (topics.child(0).text(0), topics.child(0).text(1), topics.child(0).text(2)) == (
        "ann – bob",
        "κ = 0.500",
        "4",
    )

    out = tmp_path / "agreement.csv"
    w.export_to("agreement", str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    topic_rows = [r for r in rows if r["kind"] == "topic"]
    assert {r["measure"] for r in topic_rows} == {"alpha", "kappa"}
    kappa = next(r for r in topic_rows if r["measure"] == "kappa")
    assert float(kappa["value"]) == pytest.approx(0.5)


def test_a_repair_decided_by_someone_else_first_is_not_overwritten(team_window, mine, bob) -> None:
    w = team_window
    doc = w.session.document_id
    select_rows(w, 1)
    (edit,) = w.session.segments.segment(1).info.edits  # the trailing spaces
    assert edit.decision == "pending"
    bob.decide_edit(edit.id, "rejected", expected_version=edit.version)
    w.inspector.select_edit(edit.id)
    w.actions_by_name["accept"].trigger()
    assert "decided meanwhile" in w.last_error
    (seg,) = [s for s in mine.segments(doc) if s.index == 1]
    assert seg.edits[0].decision == "rejected"  # bob's decision stands
    assert w.session.segments.segment(1).info.edits[0].decision == "rejected"  # and is shown
    assert not w.session.undo_stack.canUndo()
    # Deciding again from what is shown now works, and undo/redo keep the versions in step.
    w.inspector.select_edit(edit.id)
    w.actions_by_name["accept"].trigger()
    w.session.undo_stack.undo()
    w.session.undo_stack.redo()
    (seg,) = [s for s in mine.segments(doc) if s.index == 1]
    assert seg.edits[0].decision == "accepted"


def test_undo_and_redo_across_edits_of_one_tag_are_not_conflicts(team_window, mine) -> None:
    """The window's own steps move a tag's version: undo/redo must expect the moved version."""
    w = team_window
    doc = w.session.document_id
    select_rows(w, 2)
    w.session.mark_error(2, "asr", span=(3, 5), correction="错别字")
    edit_note_of_the_error(w, "first")
    select_rows(w, 2)
    w.inspector.choose_tags([0])
    w.actions_by_name["remove_tags"].trigger()
    assert mine.annotations(doc) == []
    stack = w.session.undo_stack
    stack.undo()  # the removal
    stack.undo()  # the note
    assert [a.note for a in mine.annotations(doc)] == [None]
    stack.redo()
    assert [a.note for a in mine.annotations(doc)] == ["first"]
    stack.redo()
    assert mine.annotations(doc) == [] and w.last_error == ""
