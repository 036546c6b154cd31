"""Every shortcut fires its action: no two actions share a key, and each listed key works."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from reviewer.gui.actions import StdKey, assign_shortcuts
from tests.gui.conftest import CHAT, select_rows


def _texts(seqs) -> list[str]:
    return [s.toString() for s in seqs]


def test_a_key_named_twice_or_claimed_by_a_platform_is_given_once() -> None:
    # X11's bindings as Qt has them there: Find next is F3, Quit Ctrl+Q; GNOME's Find previous
    # is Ctrl+Shift+G too.  Our table names F3 and Ctrl+Q again, and Ctrl+Shift+G for teaching.
    x11 = {
        StdKey.FindNext: ["F3"],
        StdKey.FindPrevious: ["Ctrl+Shift+G", "Shift+F3"],
        StdKey.Quit: ["Ctrl+Q"],
    }
    keys = assign_shortcuts(
        [
            ("quit", (StdKey.Quit, "Ctrl+Q")),
            ("find_next", (StdKey.FindNext, "F3")),
            ("find_prev", (StdKey.FindPrevious, "Shift+F3")),
            ("teach", ("Ctrl+Shift+G",)),
        ],
        standard=lambda k: [QKeySequence(t) for t in x11[k]],
    )
    assert _texts(keys["quit"]) == ["Ctrl+Q"]
    assert _texts(keys["find_next"]) == ["F3"]
    assert _texts(keys["find_prev"]) == ["Shift+F3"]
    assert _texts(keys["teach"]) == ["Ctrl+Shift+G"]


def test_no_two_enabled_actions_share_a_key_sequence(window, open_text) -> None:
    open_text(CHAT)
    select_rows(window, 1)
    owners: Counter[str] = Counter()
    for action in window.findChildren(type(window.actions_by_name["quit"])):
        if action.isEnabled():
            for seq in action.shortcuts():
                owners[seq.toString()] += 1
    assert [k for k, n in owners.items() if n > 1] == []
    # The keys the issue found dead are there, each once.
    for key in ("F3", "Shift+F3", "Ctrl+Q"):
        assert owners[key] == 1, key


def test_every_listed_shortcut_triggers_its_action(window, open_text, qtbot) -> None:
    open_text(CHAT)
    select_rows(window, 1)
    window.actions_by_name["shortcuts"].trigger()
    listed = dict(window.active_dialog.rows())
    window.active_dialog.reject()
    assert "F3" in listed["Find next"].split(", ") and listed["Find next"].count("F3") == 1
    assert listed["Quit"] == "Ctrl+Q"

    # Count triggers instead of running the handlers (Quit would close the window).
    fired: Counter[str] = Counter()
    by_text = {}
    for _title, actions in window.menus:
        for action in actions:
            action.triggered.disconnect()
            action.setEnabled(True)
            name = action.objectName()
            action.triggered.connect(lambda _c=False, n=name: fired.update([n]))
            by_text[action.text().replace("&", "")] = action
    window.activateWindow()
    checked = 0
    for text, keys in listed.items():
        action = by_text[text]
        for key in keys.split(", "):
            seq = QKeySequence(key, QKeySequence.SequenceFormat.NativeText)
            if seq.isEmpty() or seq[0].key().name.startswith(
                ("Key_Open", "Key_Help", "Key_Find", "Key_Undo", "Key_Redo", "Key_Exit", "Key_F14")
            ):
                continue  # media keys (Open, Help, Find…) are not on a keyboard to type here
            fired.clear()
            for other in by_text.values():  # moving rows re-disables some (no repair chosen)
                other.setEnabled(True)
            window.table.setFocus()
            QTest.keySequence(window.table, seq)
            assert fired == Counter([action.objectName()]), f"{key} for {text}: {dict(fired)}"
            checked += 1
    assert checked >= 30
