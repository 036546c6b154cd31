"""Topic ops (store-wide) and teaching a correction, with undo."""

from __future__ import annotations

import pytest

from reviewer.core.errors import InputError
from reviewer.ops import (
    ColourTopic,
    CreateTopic,
    MergeTopics,
    MoveTopic,
    RenameTopic,
    ReplaceTags,
    TeachCorrection,
    run,
)
from reviewer.store import Store, TagSpec


def _paths(store: Store) -> set[str]:
    return {t.path for t in store.topics()}


def test_create_colour_and_undo(store: Store) -> None:
    op = CreateTopic(None, "AI/Education/Schools", "#ff0000", description="K-12")
    run(store, op)
    assert {"AI", "AI/Education", "AI/Education/Schools"} <= _paths(store)
    t = next(t for t in store.topics() if t.path == "AI/Education/Schools")
    assert (t.colour, t.description) == ("#ff0000", "K-12")
    colour = ColourTopic(None, "AI", None, "#00ff00")
    run(store, colour)
    assert next(t for t in store.topics() if t.path == "AI").colour == "#00ff00"
    colour.undo(store)
    assert next(t for t in store.topics() if t.path == "AI").colour is None
    op.undo(store)
    assert not _paths(store) & {"AI", "AI/Education", "AI/Education/Schools"}


def test_rename_move_and_merge_carry_the_tags_and_undo(store: Store, chat: int) -> None:
    run(store, ReplaceTags(chat, add=[TagSpec(0, "topic", "Tech/AI"), TagSpec(1, "topic", "Old")]))
    rename = RenameTopic(chat, "Tech/AI", "ML")
    changes = run(store, rename)
    assert changes.annotations and changes.topics  # tags everywhere changed: read them again
    assert {a.tag for a in store.annotations(chat)} == {"Tech/ML", "Old"}
    move = MoveTopic(chat, "Tech/ML", None)
    run(store, move)
    assert {a.tag for a in store.annotations(chat)} == {"ML", "Old"}
    merge = MergeTopics(chat, "Old", "ML")
    run(store, merge)
    assert [a.tag for a in store.annotations(chat)] == ["ML", "ML"] and "Old" not in _paths(store)
    merge.undo(store)
    move.undo(store)
    rename.undo(store)
    assert {a.tag for a in store.annotations(chat)} == {"Tech/AI", "Old"}


def test_moving_a_topic_into_itself_is_refused(store: Store) -> None:
    run(store, CreateTopic(None, "A/B"))
    with pytest.raises(InputError):
        run(store, MoveTopic(None, "A", "A/B"))
    assert {"A", "A/B"} <= _paths(store)


def test_teach_tags_every_document_in_one_step_and_undo_restores_the_glossary(
    store: Store, chat: int, timed: int
) -> None:
    specs = {
        chat: [TagSpec(0, "error", "asr", span=(0, 3), correction="Hi")],
        timed: [TagSpec(0, "error", "asr", span=(0, 5), correction="Hi")],
    }
    op = TeachCorrection(chat, "Hey", "Hi", specs)
    changes = run(store, op)
    assert store.glossary().aliases.get("Hey") == "Hi"
    assert len(store.annotations(chat)) == 1 and len(store.annotations(timed)) == 1
    assert changes.documents == {timed} and changes.glossary
    assert changes.rows is not None and changes.rows.indexes == {0}
    op.undo(store)
    assert "Hey" not in store.glossary().aliases and "Hi" not in store.glossary().all_terms()
    assert store.annotations() == []


def test_add_error_type_and_undo(store: Store, chat: int) -> None:
    from reviewer.ops.error_types import AddErrorType

    op = AddErrorType("term-missing", "Term missing", "a glossary term the ASR dropped")
    assert run(store, op).error_types
    assert "term-missing" in {e.key for e in store.error_types()}
    op.undo(store)
    assert "term-missing" not in {e.key for e in store.error_types()}
    # One in use is not taken back from under its tags.
    run(store, op)
    run(store, ReplaceTags(chat, add=[TagSpec(0, "error", "term-missing")]))
    with pytest.raises(InputError):
        op.undo(store)
    assert "term-missing" in {e.key for e in store.error_types()}
