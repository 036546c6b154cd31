"""Optimistic locking: a change based on an old version is refused with both sides, never applied."""

from __future__ import annotations

import pytest

from reviewer.core.errors import InputError
from reviewer.store import AnnotationConflict, EditConflict, Store, open_store
from tests.store.helpers import CHAT, doc


@pytest.fixture
def doc_id(store: Store) -> int:
    return store.import_document(doc(CHAT)).document_id


def test_every_change_adds_one_to_the_version(store: Store, doc_id: int) -> None:
    a = store.tag(doc_id, 1, topic="AI", annotator="alice")
    assert store.annotation(a).version == 1  # type: ignore[union-attr]
    after = store.update_annotation(a, expected_version=1, note="first")
    assert (after.version, after.note) == (2, "first")
    after = store.update_annotation(a, expected_version=2, kind="error", value="asr")
    assert (after.version, after.kind, after.tag) == (3, "error", "asr")
    # Without expected_version: the old, unchecked behaviour, still counted.
    assert store.update_annotation(a, note="x").version == 4


def test_stale_update_is_refused_with_theirs_and_mine(store: Store, doc_id: int) -> None:
    a = store.tag(doc_id, 1, topic="AI", annotator="alice")
    mine_seen = store.annotation(a)
    assert mine_seen is not None
    # Bob, in another window (another connection), changes it first.
    with open_store(store.url) as bob:
        bob.update_annotation(a, expected_version=mine_seen.version, note="bob's", annotator="bob")
    with pytest.raises(AnnotationConflict) as caught:
        store.update_annotation(a, expected_version=mine_seen.version, note="alice's")
    err = caught.value
    assert err.annotation_id == a and err.expected_version == 1
    assert err.theirs is not None and (err.theirs.note, err.theirs.version) == ("bob's", 2)
    assert err.mine == {"note": "alice's"}
    assert "changed by bob" in str(err) and "\n" not in str(err)
    # Nothing of alice's was written; keeping hers is a second call with their version.
    assert store.annotation(a).note == "bob's"  # type: ignore[union-attr]
    assert store.update_annotation(a, expected_version=err.theirs.version, note="alice's").version == 3


def test_stale_delete_and_update_of_a_deleted_one(store: Store, doc_id: int) -> None:
    a = store.tag(doc_id, 1, topic="AI")
    b = store.tag(doc_id, 2, topic="AI")
    store.update_annotation(a, note="changed")
    with pytest.raises(AnnotationConflict) as caught:
        store.delete_annotation(a, expected_version=1)
    assert caught.value.mine == {"delete": True} and caught.value.theirs.version == 2  # type: ignore[union-attr]
    assert store.annotation(a) is not None
    store.delete_annotation(b, expected_version=1)
    with pytest.raises(AnnotationConflict) as gone:
        store.update_annotation(b, expected_version=1, note="too late")
    assert gone.value.theirs is None and "was deleted" in str(gone.value)
    # Without a version, a missing id is the plain error it always was.
    with pytest.raises(InputError, match="no annotation with id"):
        store.delete_annotation(b)


def test_restore_keeps_the_version_and_checks_what_it_removes(store: Store, doc_id: int) -> None:
    a = store.tag(doc_id, 1, topic="AI")
    before = store.annotation(a)
    assert before is not None
    changed = store.update_annotation(a, expected_version=1, note="edited")
    # Undo of that edit (remove the row, restore the old record): refused when someone changed it
    # again meanwhile, and newer than anything seen when it goes through.
    store.update_annotation(a, note="someone else")
    with pytest.raises(AnnotationConflict):
        store.restore_annotations([before], remove=[a], expected={a: changed.version})
    assert store.annotation(a).note == "someone else"  # type: ignore[union-attr]
    store.restore_annotations([before], remove=[a], expected={a: 3})
    restored = store.annotation(a)
    assert restored is not None and restored.note is None and restored.version == 4
    # Undo of a deletion brings it back exactly, version included.
    store.delete_annotation(a, expected_version=4)
    store.restore_annotation(restored)
    assert store.annotation(a) == restored


def test_stale_edit_decision_is_refused(store: Store, doc_id: int) -> None:
    seg = store.segment(doc_id, 1)
    edit = seg.edits[0]
    assert edit.version == 1
    store.decide_edit(edit.id, "accepted", expected_version=1)
    with pytest.raises(EditConflict) as caught:
        store.decide_edit(edit.id, "rejected", expected_version=1)
    assert caught.value.theirs is not None and caught.value.theirs.decision == "accepted"
    assert caught.value.mine == {"decision": "rejected", "text": None}
    assert store.segment(doc_id, 1).edits[0].decision == "accepted"
    store.decide_edit(edit.id, "rejected", expected_version=2)
    assert store.segment(doc_id, 1).edits[0].version == 3


def test_deciding_an_edit_moves_the_versions_of_tags_on_its_segment(store: Store, doc_id: int) -> None:
    a = store.tag(doc_id, 1, topic="AI", span=(0, 5))
    edit = store.segment(doc_id, 1).edits[0]
    store.decide_edit(edit.id, "rejected")
    # Its span or quote may have followed the text: whoever holds version 1 must reload.
    with pytest.raises(AnnotationConflict):
        store.update_annotation(a, expected_version=1, note="stale")
