"""Every user action: its text, shortcuts and tip in one table (menus, toolbar, inspector buttons
and Help → Keyboard shortcuts all read it), so a shortcut is shown wherever its action is."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

StdKey = QKeySequence.StandardKey
# The translation context of every action text, tip and menu title: lupdate finds them by their
# QT_TRANSLATE_NOOP marks; make_action and the window translate them at run time (translate()).
CONTEXT = "Actions"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    keys: tuple[str | StdKey, ...] = ()
    tip: str = ""
    checkable: bool = False


SPECS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec(
        "import",
        QT_TRANSLATE_NOOP("Actions", "&Import files…"),
        (StdKey.Open,),
        QT_TRANSLATE_NOOP("Actions", "Repair and add transcript files to the store"),
    ),
    ActionSpec(
        "export_csv",
        QT_TRANSLATE_NOOP("Actions", "Annotations as &CSV…"),
        ("Ctrl+Shift+E",),
        QT_TRANSLATE_NOOP("Actions", "Export the document's annotations as CSV"),
    ),
    ActionSpec(
        "export_edits",
        QT_TRANSLATE_NOOP("Actions", "Repairs and corrections as CSV…"),
        (),
        QT_TRANSLATE_NOOP(
            "Actions", "Export every edit of the document: the engine's repairs and your own corrections"
        ),
    ),
    ActionSpec(
        "export_json",
        QT_TRANSLATE_NOOP("Actions", "Everything as &JSON…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Export the document with segments, edits and tags"),
    ),
    ActionSpec(
        "export_txt",
        QT_TRANSLATE_NOOP("Actions", "Repaired transcript as &TXT…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Export the repaired transcript"),
    ),
    ActionSpec(
        "export_srt",
        QT_TRANSLATE_NOOP("Actions", "Repaired transcript as &SRT…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Export the repaired transcript as subtitles"),
    ),
    ActionSpec(
        "export_vtt",
        QT_TRANSLATE_NOOP("Actions", "Repaired transcript as &VTT…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Export the repaired transcript as WebVTT"),
    ),
    ActionSpec(
        "quit",
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        (StdKey.Quit, "Ctrl+Q"),  # not every platform's Quit is Ctrl+Q
        QT_TRANSLATE_NOOP("Actions", "Close the window (everything is already saved)"),
    ),
    ActionSpec(
        "clear_recent",
        QT_TRANSLATE_NOOP("Actions", "&Clear recent files"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Forget the list of recently opened files"),
    ),
    # Edit / find
    ActionSpec(
        "find",
        QT_TRANSLATE_NOOP("Actions", "&Find…"),
        (StdKey.Find,),
        QT_TRANSLATE_NOOP("Actions", "Find text in the original and repaired columns"),
    ),
    ActionSpec(
        "find_next",
        QT_TRANSLATE_NOOP("Actions", "Find &next"),
        (StdKey.FindNext, "F3"),
        QT_TRANSLATE_NOOP("Actions", "Next row matching the find text"),
    ),
    ActionSpec(
        "find_prev",
        QT_TRANSLATE_NOOP("Actions", "Find &previous"),
        (StdKey.FindPrevious, "Shift+F3"),
        QT_TRANSLATE_NOOP("Actions", "Previous matching row"),
    ),
    ActionSpec(
        "filter_pending",
        QT_TRANSLATE_NOOP("Actions", "Only rows with &pending repairs"),
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP("Actions", "Filter"),
        True,
    ),
    ActionSpec(
        "filter_topic",
        QT_TRANSLATE_NOOP("Actions", "Filter by &topic"),
        ("Ctrl+Shift+T",),
        QT_TRANSLATE_NOOP("Actions", "Filter by the topic tree's topic"),
    ),
    ActionSpec(
        "clear_filters",
        QT_TRANSLATE_NOOP("Actions", "&Clear filters"),
        ("Ctrl+Shift+X",),
        QT_TRANSLATE_NOOP("Actions", "Show every row again"),
    ),
    ActionSpec(
        "preferences",
        QT_TRANSLATE_NOOP("Actions", "&Preferences…"),
        ("Ctrl+,",),
        QT_TRANSLATE_NOOP("Actions", "Language and font size"),
    ),
    # Review
    ActionSpec(
        "accept",
        QT_TRANSLATE_NOOP("Actions", "&Accept repair"),
        ("A",),
        QT_TRANSLATE_NOOP(
            "Actions", "Accept the selected repair (or the confident pending ones of the selected rows)"
        ),
    ),
    ActionSpec(
        "accept_many",
        QT_TRANSLATE_NOOP("Actions", "Accept repairs by &confidence…"),
        ("Ctrl+Shift+A",),
        QT_TRANSLATE_NOOP(
            "Actions", "Accept the selected rows' (or the document's) pending repairs above a confidence"
        ),
    ),
    ActionSpec(
        "reject",
        QT_TRANSLATE_NOOP("Actions", "&Reject repair"),
        ("R",),
        QT_TRANSLATE_NOOP("Actions", "Reject the selected repair (or all pending ones of the rows)"),
    ),
    ActionSpec(
        "change",
        QT_TRANSLATE_NOOP("Actions", "&Edit repair…"),
        ("Ctrl+F2",),
        QT_TRANSLATE_NOOP("Actions", "Replace the selected repair's text with your own"),
    ),
    ActionSpec(
        "correct_text",
        QT_TRANSLATE_NOOP("Actions", "&Correct text"),
        ("F2",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Type into the current row's repaired text; Return keeps it as your own edit, Escape drops it",
        ),
    ),
    ActionSpec(
        "split_segment",
        QT_TRANSLATE_NOOP("Actions", "S&plit row at cursor"),
        ("Ctrl+Shift+S",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Split the row in two where the cursor is in its text (F2 or Shift+F2 puts a cursor there)",
        ),
    ),
    ActionSpec(
        "merge_next",
        QT_TRANSLATE_NOOP("Actions", "&Merge with next row"),
        ("Ctrl+Shift+M",),
        QT_TRANSLATE_NOOP("Actions", "Join the current row and the one after it into one"),
    ),
    ActionSpec(
        "use_alternative",
        QT_TRANSLATE_NOOP("Actions", "Use &alternative"),
        ("Ctrl+Return",),
        QT_TRANSLATE_NOOP("Actions", "Use the reading chosen in the list"),
    ),
    ActionSpec(
        "next_unreviewed",
        QT_TRANSLATE_NOOP("Actions", "Next &unreviewed"),
        ("N",),
        QT_TRANSLATE_NOOP("Actions", "Next row with a repair waiting for a decision"),
    ),
    ActionSpec(
        "prev_unreviewed",
        QT_TRANSLATE_NOOP("Actions", "Previous unre&viewed"),
        ("Shift+N",),
        QT_TRANSLATE_NOOP("Actions", "Previous row with a pending repair"),
    ),
    ActionSpec(
        "next_low",
        QT_TRANSLATE_NOOP("Actions", "Next &low-confidence repair"),
        ("L",),
        QT_TRANSLATE_NOOP("Actions", "Next row with an uncertain repair"),
    ),
    ActionSpec(
        "next_error",
        QT_TRANSLATE_NOOP("Actions", "Next &error"),
        ("F8",),
        QT_TRANSLATE_NOOP("Actions", "Next row tagged with an error"),
    ),
    ActionSpec(
        "prev_error",
        QT_TRANSLATE_NOOP("Actions", "Previous e&rror"),
        ("Shift+F8",),
        QT_TRANSLATE_NOOP("Actions", "Previous row tagged with an error"),
    ),
    ActionSpec(
        "next_row",
        QT_TRANSLATE_NOOP("Actions", "Next row"),
        ("J",),
        QT_TRANSLATE_NOOP("Actions", "Move down one row"),
    ),
    ActionSpec(
        "prev_row",
        QT_TRANSLATE_NOOP("Actions", "Previous row"),
        ("K",),
        QT_TRANSLATE_NOOP("Actions", "Move up one row"),
    ),
    ActionSpec(
        "agreement",
        QT_TRANSLATE_NOOP("Actions", "A&greement between annotators…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Cohen's kappa and Krippendorff's alpha of this document's annotators"),
    ),
    ActionSpec(
        "refresh",
        QT_TRANSLATE_NOOP("Actions", "Re&fresh"),
        ("F5",),
        QT_TRANSLATE_NOOP(
            "Actions", "Show what other reviewers changed (it also comes by itself every few seconds)"
        ),
    ),
    # Tag
    ActionSpec(
        "set_speaker",
        QT_TRANSLATE_NOOP("Actions", "Set &speaker…"),
        ("S",),
        QT_TRANSLATE_NOOP("Actions", "Say who speaks in the selected rows"),
    ),
    ActionSpec(
        "rename_speaker",
        QT_TRANSLATE_NOOP("Actions", "Re&name speaker…"),
        ("Ctrl+R",),
        QT_TRANSLATE_NOOP("Actions", "Give the speaker's label a name everywhere"),
    ),
    ActionSpec(
        "apply_topic",
        QT_TRANSLATE_NOOP("Actions", "Apply &topic"),
        ("T",),
        QT_TRANSLATE_NOOP("Actions", "Tag the selected rows (or selected text) with the tree's topic"),
    ),
    ActionSpec(
        "choose_topic",
        QT_TRANSLATE_NOOP("Actions", "Topic by &name…"),
        ("Shift+T",),
        QT_TRANSLATE_NOOP("Actions", "Tag with a topic typed or chosen by name"),
    ),
    ActionSpec(
        "mark_error",
        QT_TRANSLATE_NOOP("Actions", "Mark &error…"),
        ("E",),
        QT_TRANSLATE_NOOP("Actions", "Mark the selected text (or the row) as an error"),
    ),
    ActionSpec(
        "edit_tag",
        QT_TRANSLATE_NOOP("Actions", "E&dit tag…"),
        ("Shift+E",),
        QT_TRANSLATE_NOOP(
            "Actions", "Change the error type, correction or note of the tag selected in the inspector"
        ),
    ),
    ActionSpec(
        "apply_correction",
        QT_TRANSLATE_NOOP("Actions", "Apply the tag's &correction"),
        ("Alt+Return",),
        QT_TRANSLATE_NOOP(
            "Actions", "Make the text say what the error tag selected in the inspector corrects it to"
        ),
    ),
    ActionSpec(
        "select_in_cell",
        QT_TRANSLATE_NOOP("Actions", "Select text in the &cell"),
        ("Shift+F2",),
        QT_TRANSLATE_NOOP(
            "Actions", "Open the current row's repaired text for selecting a span (or double click a cell)"
        ),
    ),
    ActionSpec(
        "teach_correction",
        QT_TRANSLATE_NOOP("Actions", "Teach correction to &glossary…"),
        ("Ctrl+Shift+G",),
        QT_TRANSLATE_NOOP(
            "Actions", "Teach the selected error's correction (or repair) and mark its other occurrences"
        ),
    ),
    ActionSpec(
        "remove_tags",
        QT_TRANSLATE_NOOP("Actions", "Remove selected &tags"),
        ("Ctrl+Backspace",),
        QT_TRANSLATE_NOOP("Actions", "Delete the tags selected in the inspector"),
    ),
    # Topics
    ActionSpec(
        "new_topic",
        QT_TRANSLATE_NOOP("Actions", "&New topic…"),
        ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Actions", "Create a topic (A/B makes B under A)"),
    ),
    ActionSpec(
        "rename_topic",
        QT_TRANSLATE_NOOP("Actions", "&Rename topic…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Rename the selected topic"),
    ),
    ActionSpec(
        "colour_topic",
        QT_TRANSLATE_NOOP("Actions", "&Colour…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Choose the selected topic's colour"),
    ),
    ActionSpec(
        "move_topic",
        QT_TRANSLATE_NOOP("Actions", "&Move under…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Put the selected topic under another one"),
    ),
    ActionSpec(
        "merge_topic",
        QT_TRANSLATE_NOOP("Actions", "Mer&ge into…"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Fold the selected topic into another one"),
    ),
    ActionSpec(
        "suggest_topics",
        QT_TRANSLATE_NOOP("Actions", "&Suggest topics…"),
        ("Ctrl+Alt+T",),
        QT_TRANSLATE_NOOP("Actions", "Keywords of each stretch of the selected rows (or the document)"),
    ),
    # View
    ActionSpec(
        "taller_rows",
        QT_TRANSLATE_NOOP("Actions", "&Taller rows"),
        ("Ctrl+=", "Ctrl++"),
        QT_TRANSLATE_NOOP("Actions", "Show more lines of each segment"),
    ),
    ActionSpec(
        "shorter_rows",
        QT_TRANSLATE_NOOP("Actions", "&Shorter rows"),
        ("Ctrl+-",),
        QT_TRANSLATE_NOOP("Actions", "Show fewer lines of each segment"),
    ),
    ActionSpec(
        "focus_table",
        QT_TRANSLATE_NOOP("Actions", "Focus the &table"),
        ("Ctrl+1",),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the segments"),
    ),
    ActionSpec(
        "focus_documents",
        QT_TRANSLATE_NOOP("Actions", "Focus the &documents"),
        ("Ctrl+2",),
        QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the documents"),
    ),
    # Help
    ActionSpec(
        "shortcuts",
        QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"),
        (StdKey.HelpContents, "Ctrl+/"),
        QT_TRANSLATE_NOOP("Actions", "List every shortcut"),
    ),
    ActionSpec(
        "legend",
        QT_TRANSLATE_NOOP("Actions", "Colour &legend"),
        (),
        QT_TRANSLATE_NOOP("Actions", "What the colours of the repaired text and the Tags column mean"),
    ),
    ActionSpec(
        "about",
        QT_TRANSLATE_NOOP("Actions", "&About Transcript Reviewer"),
        (),
        QT_TRANSLATE_NOOP("Actions", "Version and licence"),
    ),
)

MENUS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "&File"),
        (
            "import",
            "recent",
            "-",
            "export_csv",
            "export_edits",
            "export_json",
            "export_txt",
            "export_srt",
            "export_vtt",
            "-",
            "quit",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Edit"),
        (
            "undo",
            "redo",
            "-",
            "find",
            "find_next",
            "find_prev",
            "-",
            "correct_text",
            "split_segment",
            "merge_next",
            "-",
            "filter_pending",
            "filter_topic",
            "clear_filters",
            "-",
            "preferences",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Review"),
        (
            "accept",
            "accept_many",
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
            "-",
            "agreement",
            "refresh",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Tag"),
        (
            "set_speaker",
            "speakers",
            "rename_speaker",
            "-",
            "apply_topic",
            "choose_topic",
            "-",
            "select_in_cell",
            "mark_error",
            "edit_tag",
            "apply_correction",
            "teach_correction",
            "-",
            "remove_tags",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "T&opics"),
        ("new_topic", "rename_topic", "colour_topic", "move_topic", "merge_topic", "-", "suggest_topics"),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&View"),
        ("taller_rows", "shorter_rows", "-", "focus_table", "focus_documents", "-", "legend"),
    ),
    (QT_TRANSLATE_NOOP("Actions", "&Help"), ("shortcuts", "about")),
)

# The File menu's submenu ("recent" in MENUS) of recently imported or opened files.
RECENT_MENU = QT_TRANSLATE_NOOP("Actions", "Open &Recent")
SPEAKER_KEYS = 9


Bindings = Callable[[StdKey], list[QKeySequence]]


def assign_shortcuts(
    wanted: Sequence[tuple[str, tuple[str | StdKey, ...]]], standard: Bindings = QKeySequence.keyBindings
) -> dict[str, list[QKeySequence]]:
    """Each action's shortcuts, no sequence given twice (Qt fires neither of two that share one:
    "Ambiguous shortcut overload").  A key an action names itself wins over the same key in a
    platform's standard list (GNOME's Find previous is also Ctrl+Shift+G, ours teaches); after
    that, the first action listed keeps a sequence.  ``standard`` gives a standard key's
    sequences on this platform (Qt's by default).
    """
    named: dict[str, str] = {}
    for name, keys in wanted:
        for k in keys:
            if isinstance(k, str):
                named.setdefault(QKeySequence(k).toString(), name)
    used: set[str] = set()
    out: dict[str, list[QKeySequence]] = {}
    for name, keys in wanted:
        out[name] = []
        sequences = [s for k in keys for s in ([QKeySequence(k)] if isinstance(k, str) else standard(k))]
        for seq in sequences:
            text = seq.toString()
            if seq.isEmpty() or text in used or named.get(text, name) != name:
                continue
            used.add(text)
            out[name].append(seq)
    return out


def retranslate_action(action: QAction, text: str, tip: str = "", translated: bool = False) -> None:
    """Set the action's text, and its tooltip with the first shortcut, in the current language."""
    action.setText(text if translated else translate(text))
    shown = (tip if translated else translate(tip)) if tip else action.text().replace("&", "")
    keys = action.shortcuts()
    if keys:
        shown += f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(shown)
    action.setStatusTip(shown)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def make_action(
    parent: QObject, spec: ActionSpec, slot: Callable[[], object] | None, keys: Sequence[QKeySequence]
) -> QAction:
    action = QAction(parent)
    action.setObjectName(f"action_{spec.name}")
    action.setShortcuts(list(keys))
    retranslate_action(action, spec.text, spec.tip)
    action.setCheckable(spec.checkable)
    if slot is not None:
        action.triggered.connect(lambda _checked=False: slot())
    return action
