"""Who annotated, one annotator's tags, and the change token the window polls."""

from __future__ import annotations

import time

import pytest

from reviewer.core.errors import InputError
from reviewer.store import Store, open_store
from tests.store.helpers import CHAT, TIMED, doc


def test_annotators_and_filter(store: Store) -> None:
    d1 = store.import_document(doc(CHAT)).document_id
    d2 = store.import_document(doc(TIMED, path="timed.txt")).document_id
    store.tag(d1, 0, topic="AI", annotator="bob")
    store.tag(d1, 1, topic="AI", annotator="Alice")
    store.tag(d1, 2, error="asr", annotator="alice")
    store.tag(d1, 3, topic="AI")  # no annotator
    store.tag(d2, 0, topic="AI", annotator="carol")
    assert store.annotators(d1) == ["Alice", "alice", "bob"]  # case-insensitive order, both kept
    assert store.annotators() == ["Alice", "alice", "bob", "carol"]
    assert store.annotators(d2) == ["carol"]
    assert [a.segment_index for a in store.annotations(d1, annotator="Alice")] == [1]
    assert [a.document_id for a in store.annotations(annotator="carol")] == [d2]
    assert store.annotations(d1, annotator="nobody") == []
    assert len(store.annotations(d1)) == 4
    with pytest.raises(InputError, match="no document with id 99"):
        store.annotators(99)


def test_change_token_moves_with_every_change_another_reviewer_makes(store: Store) -> None:
    d = store.import_document(doc(CHAT)).document_id
    other = store.import_document(doc(TIMED, path="timed.txt")).document_id
    with open_store(store.url) as them:
        seen = [store.change_token(d)]

        def changed() -> bool:
            token = store.change_token(d)
            hash(token)
            new = token not in seen
            seen.append(token)
            return new

        assert not changed()  # nothing happened
        a = them.tag(d, 1, topic="AI", annotator="bob")
        assert changed()
        them.update_annotation(a, note="n")
        assert changed()
        rec = them.annotation(a)
        assert rec is not None
        them.delete_annotation(a)
        assert changed()
        them.restore_annotation(rec)
        assert store.change_token(d) == seen[-2]  # exactly as before the deletion: same token
        seen.append(store.change_token(d))
        # Replace the newest tag by a new one in one go (SQLite may hand out the same id again).
        b = them.tag(d, 2, topic="AI")
        assert changed()
        time.sleep(0.002)
        them.restore_annotations([], remove=[b])
        them.tag(d, 2, topic="AI/Other")
        assert changed()
        assignment = them.set_segment_speakers(d, [0, 1], "B")
        assert changed()
        them.restore_segment_speakers(assignment)
        assert changed()
        them.decide_edit(them.segment(d, 1).edits[0].id, "rejected")
        assert changed()
        them.rename_speaker(d, "A", "Alice")
        assert changed()
        them.update_topic("AI", colour="#ff0000")
        assert changed()
        them.tag(other, 0, topic="AI")  # another document: no change here
        assert not changed()
        them.import_document(doc(CHAT.replace("Hey", "Hi")))  # a changed re-import
        assert changed()
    with pytest.raises(InputError, match="no document with id 99"):
        store.change_token(99)
