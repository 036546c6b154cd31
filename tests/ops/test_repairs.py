"""DecideEdits: one transaction, read back in it; undo; another reviewer's decision stands."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from reviewer.ops import DecideEdits, decisions_for, run
from reviewer.store import EditConflict, Store


def _pending(store: Store, doc: int) -> list[tuple[int, object]]:
    return [(s.index, e) for s in store.segments(doc) for e in s.edits if e.decision == "pending"]


def test_rejecting_puts_the_original_back_and_undo_the_repair(store: Store, chat: int) -> None:
    pending = _pending(store, chat)
    glossary = [(i, e) for i, e in pending if e.kind == "glossary" and e.applied]
    assert glossary, "the chat sample has a glossary repair (chat gpt => ChatGPT)"
    index, edit = glossary[0]
    before = store.segment(chat, index)
    assert "ChatGPT" in before.repaired
    op = DecideEdits(chat, decisions_for([(index, edit)], "rejected"))
    changes = run(store, op)
    after = store.segment(chat, index)
    assert "chat gpt" in after.repaired and "ChatGPT" not in after.repaired
    # The op's read-back is the stored row.
    assert changes.rows is not None and list(changes.rows.segments) == [after]
    op.undo(store)
    assert store.segment(chat, index).repaired == before.repaired


def test_accepting_is_one_transaction(store: Store, chat: int) -> None:
    index, edit = _pending(store, chat)[0]
    begun: list[object] = []

    def count(conn: object) -> None:
        begun.append(conn)

    event.listen(store.engine, "begin", count)
    try:
        changes = run(store, DecideEdits(chat, decisions_for([(index, edit)], "accepted")))
    finally:
        event.remove(store.engine, "begin", count)
    assert len(begun) == 1  # the write, and the rows read back inside it
    assert changes.rows is not None and changes.rows.indexes == {index}


def test_a_decision_made_by_someone_else_first_stands(store: Store, chat: int) -> None:
    (i1, e1), (i2, e2) = _pending(store, chat)[:2]
    store.decide_edit(e2.id, "rejected")  # another reviewer, after this one read the edits
    with pytest.raises(EditConflict):
        run(store, DecideEdits(chat, decisions_for([(i1, e1), (i2, e2)], "accepted")))
    decided = {e.id: e.decision for s in store.segments(chat) for e in s.edits}
    assert decided[e1.id] == "pending" and decided[e2.id] == "rejected"  # nothing of ours written


def test_already_decided_edits_are_left_out() -> None:
    from reviewer.store.records import EditInfo

    e = EditInfo(1, "glossary", 0, 1, "a", "b", 0.9, (), True, "accepted", None, 2)
    assert decisions_for([(0, e)], "accepted") == []
    assert [d.decision for d in decisions_for([(0, e)], "rejected")] == ["rejected"]
