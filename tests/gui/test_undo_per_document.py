"""Undo is per document: Ctrl+Z in one document never undoes a step made in another."""

from __future__ import annotations

from tests.gui.conftest import CHAT, TIMED, select_rows


def decisions(store, doc) -> list[str]:
    return [e.decision for seg in store.segments(doc) for e in seg.edits]


def test_each_document_keeps_its_own_undo_history(window, open_text, store) -> None:
    a = open_text(CHAT, name="a.txt")
    s = window.session
    s.decide(s.pending_edits(range(len(s.segments.rows))), "accepted")
    accepted = decisions(store, a)
    assert accepted and set(accepted) == {"accepted"}
    undo = window.actions_by_name["undo"]
    assert undo.isEnabled() and "Accept" in undo.text()

    b = open_text(TIMED, name="b.txt")
    assert s.document_id == b
    # Document B has done nothing yet: nothing to undo, and the toolbar does not offer A's step.
    assert not undo.isEnabled() and "Accept" not in undo.text()
    undo.trigger()
    assert decisions(store, a) == accepted
    assert "other reviewers" not in window.statusBar().currentMessage()

    select_rows(window, 0)
    s.tag_topic([0], "Only/B")
    assert "Topic" in undo.text()

    window.open_document(a)
    assert s.document_id == a
    assert undo.isEnabled() and "Accept" in undo.text()
    undo.trigger()
    assert set(decisions(store, a)) == {"pending"}
    assert [x.tag for x in store.annotations(b)] == ["Only/B"]  # B's step is B's to undo

    window.open_document(b)
    undo.trigger()
    assert store.annotations(b) == []
    window.actions_by_name["redo"].trigger()
    assert [x.tag for x in store.annotations(b)] == ["Only/B"]
