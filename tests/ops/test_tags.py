"""Tagging ops: ReplaceTags (add, remove, both) and UpdateTag, with undo and version checks."""

from __future__ import annotations

import pytest

from reviewer.core.errors import InputError
from reviewer.ops import ReplaceTags, UpdateTag, run
from reviewer.store import AnnotationConflict, Store, TagSpec


def test_adding_tags_is_one_step_that_undo_takes_back(store: Store, chat: int) -> None:
    op = ReplaceTags(chat, add=[TagSpec(0, "topic", "AI/Tools"), TagSpec(2, "error", "asr", span=(0, 2))])
    changes = run(store, op)
    stored = store.annotations(chat)
    assert sorted((a.segment_index, a.kind, a.tag) for a in stored) == [
        (0, "topic", "AI/Tools"),
        (2, "error", "asr"),
    ]
    # What the op read back is what the store holds: the rows it touched, with their tags.
    assert changes.rows is not None and changes.rows.indexes == {0, 2}
    assert sorted(a.id for a in changes.rows.annotations) == sorted(a.id for a in stored)
    assert changes.topics and changes.focus == [0, 2]
    assert "AI/Tools" in {t.path for t in store.topics()}

    undone = op.undo(store)
    assert store.annotations(chat) == []
    assert undone.rows is not None and undone.rows.annotations == ()
    assert "AI/Tools" not in {t.path for t in store.topics()}  # the topic it created went too


def test_removing_a_tag_someone_changed_is_refused_with_nothing_written(store: Store, chat: int) -> None:
    first = run(store, ReplaceTags(chat, add=[TagSpec(1, "topic", "A"), TagSpec(3, "topic", "B")]))
    assert first.rows is not None
    seen = {a.tag: a for a in first.rows.annotations}
    store.update_annotation(seen["A"].id, note="changed by another reviewer")
    op = ReplaceTags(chat, remove=[seen["A"], seen["B"]])
    with pytest.raises(AnnotationConflict) as err:
        run(store, op)
    assert {a.tag for a in store.annotations(chat)} == {"A", "B"}  # neither went
    # "Use mine": the op takes their version as the one it overrides, and then goes through.
    assert op.rebase(err.value)
    run(store, op)
    assert store.annotations(chat) == []
    op.undo(store)  # both come back, theirs as they made it
    back = {a.tag: a for a in store.annotations(chat)}
    assert back["A"].note == "changed by another reviewer" and back["B"].id == seen["B"].id


def test_untagging_across_documents_is_one_transaction(store: Store, chat: int, timed: int) -> None:
    a = run(store, ReplaceTags(chat, add=[TagSpec(0, "topic", "A")])).rows
    b = run(store, ReplaceTags(timed, add=[TagSpec(1, "topic", "B")])).rows
    assert a is not None and b is not None
    mine, theirs = a.annotations[0], b.annotations[0]
    store.update_annotation(theirs.id, note="moved on")  # the second removal will conflict
    with pytest.raises(AnnotationConflict):
        run(store, ReplaceTags(chat, remove=[mine, theirs]))
    assert [x.id for x in store.annotations(chat)] == [mine.id]  # the first was not removed either
    changes = run(store, ReplaceTags(chat, remove=[mine, store.annotation(theirs.id)]))  # type: ignore[list-item]
    assert store.annotations() == []
    assert changes.documents == {timed}  # the other document's counts changed


def test_a_bad_tag_adds_nothing(store: Store, chat: int) -> None:
    with pytest.raises(InputError):
        run(store, ReplaceTags(chat, add=[TagSpec(0, "topic", "Fine"), TagSpec(99, "topic", "Nowhere")]))
    assert store.annotations(chat) == []


def test_update_tag_and_undo_and_conflict(store: Store, chat: int) -> None:
    rows = run(store, ReplaceTags(chat, add=[TagSpec(1, "error", "asr", correction="x")])).rows
    assert rows is not None
    before = rows.annotations[0]
    op = UpdateTag(before, correction="ChatGPT", note="brand")
    changes = run(store, op)
    now = store.annotation(before.id)
    assert now is not None and (now.correction, now.note) == ("ChatGPT", "brand")
    assert changes.rows is not None and changes.rows.annotations[0].version == now.version
    op.undo(store)
    again = store.annotation(before.id)
    assert again is not None and (again.correction, again.note) == ("x", None)
    # Built on a version someone has moved past: refused, nothing written.
    stale = UpdateTag(before, note="late")
    with pytest.raises(AnnotationConflict):
        run(store, stale)
    assert store.annotation(before.id).note is None  # type: ignore[union-attr]


def test_a_speaker_tag_naming_someone_new_brings_the_speaker_list(store: Store, chat: int) -> None:
    changes = run(store, ReplaceTags(chat, add=[TagSpec(0, "speaker", "Moderator")]))
    assert "Moderator" in {s.display_name for s in changes.speakers or ()}
    assert "Moderator" in {s.display_name for s in store.speakers(chat)}
