"""Speaker ops: SetSpeaker and RenameSpeaker, with undo."""

from __future__ import annotations

from reviewer.ops import RenameSpeaker, SetSpeaker, run
from reviewer.store import Store


def test_set_speaker_assigns_reads_back_and_undo_drops_the_new_speaker(store: Store, timed: int) -> None:
    op = SetSpeaker(timed, [0, 2], "Moderator")
    changes = run(store, op)
    assert [s.speaker.display_name for s in store.segments(timed, indexes=[0, 2])] == ["Moderator"] * 2  # type: ignore[union-attr]
    assert changes.rows is not None and changes.rows.indexes == {0, 2}
    assert all(s.speaker is not None and s.speaker.label == "Moderator" for s in changes.rows.segments)
    assert "Moderator" in {s.label for s in changes.speakers or ()}
    undone = op.undo(store)
    assert [s.speaker.label for s in store.segments(timed, indexes=[0, 2])] == ["SPEAKER_00"] * 2  # type: ignore[union-attr]
    assert "Moderator" not in {s.label for s in store.speakers(timed)}
    assert "Moderator" not in {s.label for s in undone.speakers or ()}


def test_rename_speaker_and_undo_restore_name_and_role(store: Store, timed: int) -> None:
    store.rename_speaker(timed, "SPEAKER_01", "Bo", "guest")
    op = RenameSpeaker(timed, "SPEAKER_01", "Bo Li", role="host")
    changes = run(store, op)
    sp = {s.label: s for s in store.speakers(timed)}["SPEAKER_01"]
    assert (sp.display_name, sp.role) == ("Bo Li", "host")
    assert {s.label: s.display_name for s in changes.speakers or ()}["SPEAKER_01"] == "Bo Li"
    op.undo(store)
    sp = {s.label: s for s in store.speakers(timed)}["SPEAKER_01"]
    assert (sp.display_name, sp.role) == ("Bo", "guest")
    # Without a role the rename leaves it alone, and so does its undo.
    plain = RenameSpeaker(timed, "SPEAKER_01", "B.")
    run(store, plain)
    plain.undo(store)
    sp = {s.label: s for s in store.speakers(timed)}["SPEAKER_01"]
    assert (sp.display_name, sp.role) == ("Bo", "guest")


def test_a_rename_asked_by_display_name_is_undone_too(store: Store, timed: int) -> None:
    store.rename_speaker(timed, "SPEAKER_00", "Ann")
    op = RenameSpeaker(timed, "Ann", "Ann Lee")  # as `reviewer speakers --rename Ann …` may say it
    run(store, op)
    op.undo(store)
    assert {s.label: s.display_name for s in store.speakers(timed)}["SPEAKER_00"] == "Ann"
