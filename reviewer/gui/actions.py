"""Every user action: its text, shortcuts and tip in one table (menus, toolbar, inspector buttons
and Help → Keyboard shortcuts all read it), so a shortcut is shown wherever its action is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

StdKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    keys: tuple[str | StdKey, ...] = ()
    tip: str = ""
    checkable: bool = False


SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("import", "&Import files…", (StdKey.Open,), "Repair and add transcript files to the store"),
    ActionSpec(
        "export_csv", "Annotations as &CSV…", ("Ctrl+Shift+E",), "Export the document's annotations as CSV"
    ),
    ActionSpec(
        "export_json", "Everything as &JSON…", (), "Export the document with segments, edits and tags"
    ),
    ActionSpec("export_txt", "Repaired transcript as &TXT…", (), "Export the repaired transcript"),
    ActionSpec(
        "export_srt", "Repaired transcript as &SRT…", (), "Export the repaired transcript as subtitles"
    ),
    ActionSpec("export_vtt", "Repaired transcript as &VTT…", (), "Export the repaired transcript as WebVTT"),
    ActionSpec("quit", "&Quit", (StdKey.Quit, "Ctrl+Q"), "Close the window (everything is already saved)"),
    # Edit / find
    ActionSpec("find", "&Find…", (StdKey.Find,), "Find text in the original and repaired columns"),
    ActionSpec("find_next", "Find &next", (StdKey.FindNext, "F3"), "Next row matching the find text"),
    ActionSpec("find_prev", "Find &previous", (StdKey.FindPrevious, "Shift+F3"), "Previous matching row"),
    ActionSpec("filter_pending", "Only rows with &pending repairs", ("Ctrl+Shift+P",), "Filter", True),
    ActionSpec(
        "filter_topic",
        "Filter by &topic",
        ("Ctrl+Shift+T",),
        "Filter by the topic tree's topic",
    ),
    ActionSpec("clear_filters", "&Clear filters", ("Ctrl+Shift+X",), "Show every row again"),
    # Review
    ActionSpec(
        "accept", "&Accept repair", ("A",), "Accept the selected repair (or all pending ones of the rows)"
    ),
    ActionSpec(
        "reject", "&Reject repair", ("R",), "Reject the selected repair (or all pending ones of the rows)"
    ),
    ActionSpec("change", "&Edit repair…", ("F2",), "Replace the selected repair's text with your own"),
    ActionSpec("use_alternative", "Use &alternative", ("Ctrl+Return",), "Use the reading chosen in the list"),
    ActionSpec(
        "next_unreviewed", "Next &unreviewed", ("N",), "Next row with a repair waiting for a decision"
    ),
    ActionSpec("prev_unreviewed", "Previous unre&viewed", ("Shift+N",), "Previous row with a pending repair"),
    ActionSpec("next_low", "Next &low-confidence repair", ("L",), "Next row with an uncertain repair"),
    ActionSpec("next_error", "Next &error", ("F8",), "Next row tagged with an error"),
    ActionSpec("prev_error", "Previous e&rror", ("Shift+F8",), "Previous row tagged with an error"),
    ActionSpec("next_row", "Next row", ("J",), "Move down one row"),
    ActionSpec("prev_row", "Previous row", ("K",), "Move up one row"),
    # Tag
    ActionSpec("set_speaker", "Set &speaker…", ("S",), "Say who speaks in the selected rows"),
    ActionSpec(
        "rename_speaker", "Re&name speaker…", ("Ctrl+R",), "Give the speaker's label a name everywhere"
    ),
    ActionSpec(
        "apply_topic",
        "Apply &topic",
        ("T",),
        "Tag the selected rows (or selected text) with the tree's topic",
    ),
    ActionSpec("choose_topic", "Topic by &name…", ("Shift+T",), "Tag with a topic typed or chosen by name"),
    ActionSpec("mark_error", "Mark &error…", ("E",), "Mark the selected text (or the row) as an error"),
    ActionSpec(
        "remove_tags",
        "Remove selected &tags",
        ("Ctrl+Backspace",),
        "Delete the tags selected in the inspector",
    ),
    # Topics
    ActionSpec("new_topic", "&New topic…", ("Ctrl+Shift+N",), "Create a topic (A/B makes B under A)"),
    ActionSpec("rename_topic", "&Rename topic…", (), "Rename the selected topic"),
    ActionSpec("colour_topic", "&Colour…", (), "Choose the selected topic's colour"),
    ActionSpec("move_topic", "&Move under…", (), "Put the selected topic under another one"),
    ActionSpec("merge_topic", "Mer&ge into…", (), "Fold the selected topic into another one"),
    # View
    ActionSpec("taller_rows", "&Taller rows", ("Ctrl+=", "Ctrl++"), "Show more lines of each segment"),
    ActionSpec("shorter_rows", "&Shorter rows", ("Ctrl+-",), "Show fewer lines of each segment"),
    ActionSpec("focus_table", "Focus the &table", ("Ctrl+1",), "Move the keyboard focus to the segments"),
    ActionSpec(
        "focus_documents", "Focus the &documents", ("Ctrl+2",), "Move the keyboard focus to the documents"
    ),
    # Help
    ActionSpec("shortcuts", "&Keyboard shortcuts", (StdKey.HelpContents, "Ctrl+/"), "List every shortcut"),
    ActionSpec("about", "&About Transcript Reviewer", (), "Version and licence"),
)

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "&File",
        ("import", "-", "export_csv", "export_json", "export_txt", "export_srt", "export_vtt", "-", "quit"),
    ),
    (
        "&Edit",
        (
            "undo",
            "redo",
            "-",
            "find",
            "find_next",
            "find_prev",
            "-",
            "filter_pending",
            "filter_topic",
            "clear_filters",
        ),
    ),
    (
        "&Review",
        (
            "accept",
            "reject",
            "change",
            "use_alternative",
            "-",
            "next_unreviewed",
            "prev_unreviewed",
            "next_low",
            "next_error",
            "prev_error",
            "next_row",
            "prev_row",
        ),
    ),
    (
        "&Tag",
        (
            "set_speaker",
            "speakers",
            "rename_speaker",
            "-",
            "apply_topic",
            "choose_topic",
            "-",
            "mark_error",
            "-",
            "remove_tags",
        ),
    ),
    ("T&opics", ("new_topic", "rename_topic", "colour_topic", "move_topic", "merge_topic")),
    ("&View", ("taller_rows", "shorter_rows", "-", "focus_table", "focus_documents")),
    ("&Help", ("shortcuts", "about")),
)

SPEAKER_KEYS = 9


def _keys(spec_keys: tuple[str | StdKey, ...]) -> list[QKeySequence]:
    out: list[QKeySequence] = []
    for k in spec_keys:
        if isinstance(k, str):
            out.append(QKeySequence(k))
        else:
            out += [s for s in QKeySequence.keyBindings(k) if s not in out]
    return out


def make_action(parent: QObject, spec: ActionSpec, slot: Callable[[], object] | None) -> QAction:
    action = QAction(parent.tr(spec.text), parent)
    action.setObjectName(f"action_{spec.name}")
    keys = _keys(spec.keys)
    action.setShortcuts(keys)
    tip = parent.tr(spec.tip) if spec.tip else action.text().replace("&", "")
    if keys:
        tip += f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.setCheckable(spec.checkable)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action
