"""Renaming or adding a speaker shows at once: quick keys, the speaker filter, repair choices."""

from __future__ import annotations

from tests.gui.conftest import answer, select_rows

GUESSED = (
    "[00:00:01] SPEAKER_01: hello there\n"
    "[00:00:05] SPEAKER_00: 我们今天聊一下。\n"
    "[00:00:20] and you?\n"
    "[00:00:30] SPEAKER_01: 好的。\n"
    "[00:00:40] SPEAKER_00: fine.\n"
)


def quick_keys(window) -> list[str]:
    return [window.actions_by_name[f"speaker_{n}"].text() for n in range(1, 4)]


def speaker_filter(window) -> list[str]:
    combo = window.find_bar.speaker
    return [combo.itemText(i) for i in range(1, combo.count())]


def test_rename_shows_in_quick_keys_filter_and_repair_choices(window, open_text) -> None:
    open_text(GUESSED, name="guess.txt")
    s = window.session
    assert quick_keys(window)[:2] == ["SPEAKER_01", "SPEAKER_00"]
    assert s.rename_speaker("SPEAKER_00", "Alice")
    # Without reopening the document.
    assert quick_keys(window)[1] == "Alice (SPEAKER_00)"
    assert "Alice" in speaker_filter(window)

    # The guessed speaker of row 2: its repair and its other reading say who they are now.
    select_rows(window, 2)
    assert window.inspector.edit_model.text(0, 1) == "∅ → Alice (SPEAKER_00)"
    window.inspector.choose_edit(0)
    combo = window.inspector.alternatives
    choices = [combo.itemText(i) for i in range(combo.count())]
    assert choices == ["Alice (SPEAKER_00)", "SPEAKER_01"]
    # Choosing the other reading still stores the label.
    window.inspector.alternatives.setCurrentIndex(1)
    window.actions_by_name["use_alternative"].trigger()
    assert s.segments.segment(2).speaker_label == "SPEAKER_01"


def test_a_new_speaker_gets_a_quick_key_and_a_filter_entry_at_once(window, open_text) -> None:
    open_text(GUESSED, name="guess.txt")
    select_rows(window, 4)
    window.actions_by_name["set_speaker"].trigger()
    answer(window, "Carol")
    action = window.actions_by_name["speaker_3"]
    assert action.isEnabled() and action.text() == "Carol"
    assert "Carol" in speaker_filter(window)
    # And the quick key works on another row.
    select_rows(window, 0)
    action.trigger()
    assert window.session.segments.segment(0).speaker_name == "Carol"
