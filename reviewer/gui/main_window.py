"""The main window: lays out the panels, builds menus from actions.py, turns actions into session calls.

It holds no data of its own: the ReviewSession has the store, models and undo
stack.  Dialogs are opened with ``open()`` and answered by callbacks; the open
one is ``active_dialog`` (tests fill it in and accept it like a user would).
"""

from __future__ import annotations

import bisect
import html
import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QColorDialog,
    QDialog,
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reviewer import __version__
from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.core.people import ANNOTATOR_ENV
from reviewer.gui import i18n
from reviewer.gui.actions import (
    MENUS,
    RECENT_MENU,
    SPEAKER_KEYS,
    SPECS,
    StdKey,
    assign_shortcuts,
    make_action,
    retranslate_action,
    translate,
)
from reviewer.gui.colours import highlight_colour
from reviewer.gui.dialogs.agreement_dialog import AgreementDialog
from reviewer.gui.dialogs.bulk_accept import BulkAcceptDialog
from reviewer.gui.dialogs.bulk_accept import summary as bulk_summary
from reviewer.gui.dialogs.conflict_dialog import ConflictDialog
from reviewer.gui.dialogs.error_dialog import ErrorDialog
from reviewer.gui.dialogs.import_problems import ImportProblemsDialog
from reviewer.gui.dialogs.preferences import (
    ANNOTATOR_KEY,
    AUTO_ADVANCE_KEY,
    FONT_SIZE_KEY,
    PreferencesDialog,
)
from reviewer.gui.dialogs.prompts import file_prompt, text_prompt
from reviewer.gui.dialogs.propagate_dialog import PropagateDialog
from reviewer.gui.dialogs.shortcuts import ShortcutsDialog
from reviewer.gui.dialogs.topic_suggestions import TopicSuggestionsDialog
from reviewer.gui.icons import app_icon
from reviewer.gui.idle import IdleSweeper
from reviewer.gui.models.rows import (
    HIGHLIGHT_DECIDED,
    HIGHLIGHT_OWN,
    HIGHLIGHT_SURE,
    HIGHLIGHT_UNSURE,
    LOW_CONFIDENCE,
    find_matches,
)
from reviewer.gui.models.segments import COL_REPAIRED
from reviewer.gui.names import repair_kind
from reviewer.gui.recent import RecentFiles, fill_menu, normalise
from reviewer.gui.session import ReviewSession
from reviewer.gui.views.documents_panel import DocumentsPanel
from reviewer.gui.views.find_bar import FindBar
from reviewer.gui.views.inspector import Inspector
from reviewer.gui.views.repairs_queue import RepairsQueue
from reviewer.gui.views.segment_table import SegmentTable
from reviewer.gui.views.task_indicator import TaskIndicator
from reviewer.gui.views.teach_offer import TeachOffer
from reviewer.gui.views.text_pane import TextPane
from reviewer.gui.views.topic_panel import TopicPanel
from reviewer.ops.bulk_accept import BulkAcceptPlan, BulkAcceptRules, plan_bulk_accept
from reviewer.ops.corrections import Place, single_change
from reviewer.store.records import EditInfo
from reviewer.store.spans import original_to_repaired

APP_TITLE = "Transcript Reviewer"
EXPORTS = {
    "csv": ("CSV (*.csv)", ".annotations.csv"),
    "edits": ("CSV (*.csv)", ".edits.csv"),
    "json": ("JSON (*.json)", ".json"),
    "txt": ("Text (*.txt)", ".repaired.txt"),
    "srt": ("SubRip (*.srt)", ".srt"),
    "vtt": ("WebVTT (*.vtt)", ".vtt"),
    "agreement": ("CSV (*.csv)", ".agreement.csv"),
}
# How often the window looks for other reviewers' changes while idle (a team store).
POLL_MS = 4000
TOP_LEVEL = QT_TRANSLATE_NOOP("MainWindow", "(top level)")


class MainWindow(QMainWindow):
    def __init__(self, session: ReviewSession, settings: QSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        # After a decision on one row's repair, go to the next pending one (Preferences).
        self.auto_advance = (
            settings is None or str(settings.value(AUTO_ADVANCE_KEY, "true")).lower() != "false"
        )
        self.active_dialog: QDialog | None = None
        self.last_error = ""
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)

        self.table = SegmentTable(session.segments, session.topics.colour_of)
        self.inspector = Inspector()
        self.find_bar = FindBar()
        self.teach_offer = TeachOffer()
        self.documents_panel = DocumentsPanel(session.documents)
        self.topic_panel = TopicPanel(session.topics)
        self._build_layout()
        self.recent = RecentFiles(settings, self)
        self._open_after_import = False  # the next import opens its first document
        self.actions_by_name = self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._wire_panels()
        self._connect_session()
        self._restore_settings()
        self.retranslate()
        self._update_enabled()
        self._index_before_reset: int | None = None
        self._find_cache: tuple[object, list[int]] = (None, [])
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self._poll)
        self.poll_timer.start()
        # The collector's sweep of what freezing an open document's rows kept: while idle.
        self.idle = IdleSweeper(lambda: self.session.runner.busy, self)
        self.idle.hooks.append(self.session.warm_when_idle)

    # --- construction -------------------------------------------------------------------------

    def _build_layout(self) -> None:
        centre = QWidget()
        lay = QVBoxLayout(centre)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.teach_offer)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([900, 380])
        lay.addWidget(self.splitter, 1)
        self.setCentralWidget(centre)
        docks: list[QDockWidget] = []
        self.repairs_queue = RepairsQueue()
        for name, widget in (
            ("documentsDock", self.documents_panel),
            ("topicsDock", self.topic_panel),
            ("repairsDock", self.repairs_queue),
        ):
            dock = QDockWidget(self)
            dock.setObjectName(name)
            dock.setWidget(widget)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            docks.append(dock)
        self.docks = docks
        # The queue shares the Topics dock's place (a tab); it is filled when it shows.
        self.tabifyDockWidget(docks[1], docks[2])
        docks[1].raise_()
        self._queue_stale = True
        self._queue_sized = False
        self._queue_placed = False
        docks[2].visibilityChanged.connect(self._queue_shown)
        self._sized_docks = False
        self.tasks = TaskIndicator()
        self.statusBar().addPermanentWidget(self.tasks)

    def _handlers(self) -> dict[str, Callable[[], object]]:
        """Each action (reviewer.gui.actions.SPECS) and the method it runs, bound by hand."""
        return {
            "import": self.act_import,
            "export_csv": self.act_export_csv,
            "export_json": self.act_export_json,
            "export_edits": self.act_export_edits,
            "export_txt": self.act_export_txt,
            "export_srt": self.act_export_srt,
            "export_vtt": self.act_export_vtt,
            "quit": self.act_quit,
            "clear_recent": self.act_clear_recent,
            "find": self.act_find,
            "find_next": self.act_find_next,
            "find_prev": self.act_find_prev,
            "filter_pending": self.act_filter_pending,
            "filter_topic": self.act_filter_topic,
            "clear_filters": self.act_clear_filters,
            "preferences": self.act_preferences,
            "accept": self.act_accept,
            "accept_many": self.act_accept_many,
            "reject": self.act_reject,
            "change": self.act_change,
            "use_alternative": self.act_use_alternative,
            "next_unreviewed": self.act_next_unreviewed,
            "prev_unreviewed": self.act_prev_unreviewed,
            "next_low": self.act_next_low,
            "next_error": self.act_next_error,
            "prev_error": self.act_prev_error,
            "next_row": self.act_next_row,
            "prev_row": self.act_prev_row,
            "agreement": self.act_agreement,
            "refresh": self.act_refresh,
            "set_speaker": self.act_set_speaker,
            "rename_speaker": self.act_rename_speaker,
            "apply_topic": self.act_apply_topic,
            "choose_topic": self.act_choose_topic,
            "mark_error": self.act_mark_error,
            "edit_tag": self.act_edit_tag,
            "apply_correction": self.act_apply_correction,
            "select_in_cell": self.act_select_in_cell,
            "legend": self.act_legend,
            "correct_text": self.act_correct_text,
            "split_segment": self.act_split_segment,
            "merge_next": self.act_merge_next,
            "teach_correction": self.act_teach_correction,
            "remove_tags": self.act_remove_tags,
            "new_topic": self.act_new_topic,
            "rename_topic": self.act_rename_topic,
            "colour_topic": self.act_colour_topic,
            "move_topic": self.act_move_topic,
            "merge_topic": self.act_merge_topic,
            "suggest_topics": self.act_suggest_topics,
            "taller_rows": self.act_taller_rows,
            "shorter_rows": self.act_shorter_rows,
            "focus_table": self.act_focus_table,
            "focus_documents": self.act_focus_documents,
            "shortcuts": self.act_shortcuts,
            "about": self.act_about,
        }

    def _build_actions(self) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        keys = assign_shortcuts(
            [(spec.name, spec.keys) for spec in SPECS]
            + [("undo", (StdKey.Undo,)), ("redo", (StdKey.Redo, "Ctrl+Y"))]
            + [(f"speaker_{n}", (str(n),)) for n in range(1, SPEAKER_KEYS + 1)]
        )
        handlers = self._handlers()
        for spec in SPECS:
            actions[spec.name] = make_action(self, spec, handlers[spec.name], keys[spec.name])
            self.addAction(actions[spec.name])
        # Our own undo/redo actions (not QUndoStack's): their text can follow a language switch.
        stack = self.session.undo_group  # the open document's history (session.undo_stack)
        undo, redo = QAction(self), QAction(self)
        undo.setShortcuts(keys["undo"])
        redo.setShortcuts(keys["redo"])
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        # What the stack would undo/redo next, as it last said (it may be gone when it says it).
        self._undo_texts = {"undo": stack.undoText(), "redo": stack.redoText()}
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        for name, action in (("undo", undo), ("redo", redo)):
            action.setObjectName(f"action_{name}")
            self.addAction(action)
            actions[name] = action
        for n in range(1, SPEAKER_KEYS + 1):
            a = QAction(self)
            a.setObjectName(f"action_speaker_{n}")
            a.setShortcuts(keys[f"speaker_{n}"])
            a.triggered.connect(lambda _c=False, n=n: self.act_speaker_key(n))
            self.addAction(a)
            actions[f"speaker_{n}"] = a
        actions["filter_pending"].toggled.connect(self.find_bar.set_pending_only)
        return actions

    def _build_menus(self) -> None:
        # (untranslated title, actions) per menu: the shortcuts dialog lists them in this order.
        self.menus: list[tuple[str, list[QAction]]] = []
        self.menu_widgets: list[QMenu] = []
        for title, names in MENUS:
            menu = self.menuBar().addMenu("")
            self.menu_widgets.append(menu)
            listed: list[QAction] = []
            for name in names:
                if name == "-":
                    menu.addSeparator()
                elif name == "recent":
                    self.recent_menu = menu.addMenu("")
                    self.recent_menu.setObjectName("recentMenu")
                    self._fill_recent()
                    self.recent.changed.connect(self._fill_recent)
                elif name == "speakers":
                    self.speaker_menu = menu.addMenu("")
                    for n in range(1, SPEAKER_KEYS + 1):
                        self.speaker_menu.addAction(self.actions_by_name[f"speaker_{n}"])
                        listed.append(self.actions_by_name[f"speaker_{n}"])
                else:
                    menu.addAction(self.actions_by_name[name])
                    listed.append(self.actions_by_name[name])
            self.menus.append((title, listed))

    def retranslate(self) -> None:
        """Every text the window shows, in the current language (at start and on a switch)."""
        for spec in SPECS:
            retranslate_action(self.actions_by_name[spec.name], spec.text, spec.tip)
        self._retranslate_undo()
        for menu, (title, _actions) in zip(self.menu_widgets, self.menus, strict=True):
            menu.setTitle(translate(title))
        self.recent_menu.setTitle(translate(RECENT_MENU))
        self.speaker_menu.setTitle(self.tr("Speaker &quick keys"))
        self.toolbar.setWindowTitle(self.tr("Main"))
        titles = (self.tr("Documents"), self.tr("Topics"), self.tr("Repairs queue"))
        for dock, title in zip(self.docks, titles, strict=True):
            dock.setWindowTitle(title)
        for model in (self.session.segments, self.session.documents, self.session.topics):
            model.retranslate()
        for button, name in (
            (self.find_bar.prev_button, "find_prev"),
            (self.find_bar.next_button, "find_next"),
            (self.find_bar.clear_button, "clear_filters"),
        ):
            button.setToolTip(self.actions_by_name[name].toolTip())
        self._speakers_changed()  # the quick keys' texts name the speakers

    def _undo_text_changed(self, text: str) -> None:
        self._undo_texts["undo"] = text
        self._retranslate_undo()

    def _redo_text_changed(self, text: str) -> None:
        self._undo_texts["redo"] = text
        self._retranslate_undo()

    def _retranslate_undo(self) -> None:
        for name, text, short in (
            ("undo", self.tr("&Undo"), self.tr("Undo")),
            ("redo", self.tr("&Redo"), self.tr("Redo")),
        ):
            what = self._undo_texts[name]
            action = self.actions_by_name[name]
            retranslate_action(action, f"{text} {what}".strip(), translated=True)
            # The toolbar's button keeps its width (the menu and the tooltip say what it undoes).
            action.setIconText(short)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event) and hasattr(self, "toolbar"):
            self.retranslate()
        super().changeEvent(event)

    def _build_toolbar(self) -> None:
        bar = QToolBar()
        self.toolbar = bar
        bar.setObjectName("mainToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in (
            "import",
            "undo",
            "redo",
            "accept",
            "reject",
            "next_unreviewed",
            "next_low",
            "set_speaker",
            "apply_topic",
            "mark_error",
        ):
            bar.addAction(self.actions_by_name[name])
        self.addToolBar(bar)
        a = self.actions_by_name
        for name in ("accept", "reject", "change"):
            self.inspector.add_edit_action(a[name])
        self.inspector.add_edit_action(a["teach_correction"], second_row=True)
        self.inspector.add_alternatives(a["use_alternative"])
        for name in ("mark_error", "apply_topic", "remove_tags"):
            self.inspector.add_tag_action(a[name])
        self.documents_panel.add_action(a["import"])
        for name in (
            "new_topic",
            "rename_topic",
            "colour_topic",
            "move_topic",
            "merge_topic",
            "apply_topic",
            "filter_topic",
        ):
            self.topic_panel.add_action(a[name])
        for button, name in (
            (self.find_bar.prev_button, "find_prev"),
            (self.find_bar.next_button, "find_next"),
            (self.find_bar.clear_button, "clear_filters"),
        ):
            button.clicked.connect(a[name].trigger)

    def _wire_panels(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_enabled())
        self.session.segments.modelReset.connect(self._show_current)
        self.session.segments.modelAboutToBeReset.connect(self._remember_place)
        self.documents_panel.open_requested.connect(self.open_document)
        self.find_bar.find_requested.connect(self._find)
        self.find_bar.text.textChanged.connect(self._find_text_edited)
        self.find_bar.filters_changed.connect(self._filters_changed)
        self.find_bar.annotator_view_changed.connect(self._set_annotator_view)
        self.teach_offer.teach_requested.connect(self.teach_correction)
        for delegate in (self.table.original_delegate, self.table.repaired_delegate):
            delegate.span_selected.connect(self._cell_span_selected)
            delegate.char_clicked.connect(self._cell_char_clicked)
        self.table.repaired_delegate.text_corrected.connect(self._text_corrected)
        self.table.correct_requested.connect(self.act_correct_text)
        self.inspector.text_corrected.connect(self._text_corrected)
        self.repairs_queue.edit_chosen.connect(self._queue_edit_chosen)
        self.repairs_queue.accept_requested.connect(lambda pairs: self.session.decide(pairs, "accepted"))
        self.inspector.edit_changed.connect(self._update_enabled)

    def _connect_session(self) -> None:
        s = self.session
        s.document_loaded.connect(self._document_loaded)
        s.rows_changed.connect(self._rows_changed)
        s.topics_changed.connect(self._topics_changed)
        s.speakers_changed.connect(self._speakers_changed)
        s.message.connect(lambda m: self.statusBar().showMessage(m, 5000))
        s.error.connect(self.show_error)
        s.task_started.connect(self.tasks.track)
        s.conflict.connect(self._conflict)
        s.document_refreshed.connect(self._document_refreshed)
        s.import_finished.connect(self._import_finished)

    def _restore_settings(self) -> None:
        if self.settings is None:
            self.resize(1400, 860)
            return
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        lines = int(self.settings.value("view/lines", 2))
        self.table.set_lines_per_row(lines)
        size = int(self.settings.value(FONT_SIZE_KEY, 0) or 0)
        if size:
            self.apply_font_size(size)
        stored = self.settings.value(ANNOTATOR_KEY)
        if stored and not os.environ.get(ANNOTATOR_ENV):  # the environment wins (scripts, shared logins)
            self.session.annotator = str(stored)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._queue_placed:
            self._queue_placed = True
            self.docks[1].raise_()  # Topics in front; the queue is filled when its tab is chosen
        if not self._sized_docks and (self.settings is None or self.settings.value("window/state") is None):
            # Side panels narrow: the table is what the reviewer reads (sizes apply once shown).
            self._sized_docks = True
            # (The repairs queue shares the Topics dock's place: it takes that one's size.)
            # A fifth of a wide screen: whole file names (ASR exports' are long) at 1920 px.
            side = min(480, max(330, self.width() // 5))
            self.resizeDocks(self.docks[:2], [side, side], Qt.Orientation.Horizontal)
            self.resizeDocks(self.docks[:2], [320, 400], Qt.Orientation.Vertical)
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([int(total * 0.72), total - int(total * 0.72)])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
            self.settings.setValue("view/lines", self.table.lines_per_row())
            if self.session.document_id is not None:
                self.settings.setValue("session/document", self.session.document_id)
        self.poll_timer.stop()
        self.idle.stop()
        for job in list(self.tasks.jobs):
            job.cancel()
        # Let running work see the cancel and finish (each stops within a fraction of a second),
        # so nothing is still reading or writing the store when the app closes it.
        self.session.runner.wait(10_000)
        super().closeEvent(event)

    # --- helpers ------------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog, on_accept: Callable[[QDialog], object]) -> QDialog:
        """Show ``dialog`` without blocking; ``on_accept(dialog)`` runs when the user says OK."""
        self.active_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None

    def show_error(self, message: str) -> None:
        self.last_error = message
        self.statusBar().showMessage("⚠ " + message, 10_000)

    def _selected(self) -> list[int]:
        rows = self.table.selected_indices()
        if not rows:
            current = self.table.current_segment()
            rows = [current] if current is not None else []
        return rows

    def _update_enabled(self) -> None:
        has_doc = self.session.document_id is not None
        has_rows = self.table.selectionModel().hasSelection() or self.table.currentIndex().isValid()
        edit = self.inspector.current_edit()
        a = self.actions_by_name
        for name in (
            "accept",
            "reject",
            "set_speaker",
            "apply_topic",
            "choose_topic",
            "mark_error",
            "rename_speaker",
        ):
            a[name].setEnabled(has_doc and has_rows)
        # The reviewer's own text is not decided like a repair (undo it, or correct again).
        own = edit is not None and edit.kind == "manual"
        if own:
            a["accept"].setEnabled(False)
            a["reject"].setEnabled(False)
        a["change"].setEnabled(edit is not None and not own)
        a["use_alternative"].setEnabled(edit is not None and bool(edit.alternatives))
        for name in ("export_txt", "export_srt", "export_vtt", "accept_many"):
            a[name].setEnabled(has_doc)

    # --- documents ----------------------------------------------------------------------------

    def open_document(self, document_id: int) -> None:
        self.statusBar().showMessage(self.tr("Loading…"))
        self.session.open_document(document_id)

    def _document_loaded(self, document_id: int) -> None:
        self._queue_stale = True
        self._queue_shown(self.docks[2].isVisible())
        info = self.session.document_summary(document_id)
        name = info.name if info else str(document_id)
        self.setWindowTitle(f"{name} — {APP_TITLE}")
        self.documents_panel.select_document(document_id)
        if info is not None and info.path:
            self.recent.add([info.path])
        self.table.set_time_column_visible(self.session.timed)
        self.find_bar.set_status("")  # "k of N" was about the document shown before
        self.table.go_to_row(0)
        self.table.setFocus()
        self._speakers_changed()
        self._update_enabled()
        self.statusBar().showMessage(
            self.tr("{0}: {1} segments").format(name, len(self.session.segments.rows)), 5000
        )

    def _queue_shown(self, visible: bool) -> None:
        if visible and not self._queue_sized:
            self._queue_sized = True  # room for the change in its context, the first time
            self.resizeDocks([self.docks[2]], [440], Qt.Orientation.Horizontal)
        if visible and self._queue_stale:
            self._queue_stale = False
            self.repairs_queue.set_rows(self.session.segments.rows)

    def _queue_edit_chosen(self, segment_index: int, edit_id: int) -> None:
        focus = self.focusWidget()
        if self.table.go_to_segment(segment_index):
            self._show_current()
            self.inspector.select_edit(edit_id)
        if focus is not None:
            focus.setFocus()  # the reviewer keeps working in the queue

    def _rows_changed(self, indices: list[int]) -> None:
        if self.docks[2].isVisible():
            rows = [r for i in indices if (r := self.session.segments.segment(i)) is not None]
            self.repairs_queue.replace_segments(rows)
        else:
            self._queue_stale = True
        current = self.table.current_segment()
        if current is None or current in indices or not indices:
            self._show_current()
        self._update_enabled()

    def _show_current(self) -> None:
        index = self.table.current_segment()
        row = self.session.segments.segment(index) if index is not None else None
        names = {s.label: s.display_name for s in self.session.speaker_list()}
        self.inspector.show_row(row, self.session.topics.colour_of, names)
        self._update_enabled()

    def _topics_changed(self) -> None:
        self.topic_panel.restore()
        self._refresh_filter_choices()
        self.table.viewport().update()

    def _speakers_changed(self) -> None:
        """Names changed or a speaker came: quick keys, the filter list and the inspector follow."""
        self._refresh_filter_choices()
        self._show_current()
        speakers = self.session.speaker_list()
        for n in range(1, SPEAKER_KEYS + 1):
            action = self.actions_by_name[f"speaker_{n}"]
            if n <= len(speakers):
                sp = speakers[n - 1]
                action.setText(f"{sp.display_name} ({sp.label})" if sp.display_name != sp.label else sp.label)
                action.setEnabled(True)
            else:
                action.setText(self.tr("Speaker {0}").format(n))
                action.setEnabled(False)

    def _cell_char_clicked(self, segment_index: int, target: str, pos: int) -> None:
        """A click on a character of a cell's text: its repair is the inspector's current one."""
        if self.inspector.shown_index() == segment_index:
            self.inspector.select_edit_at(target, pos)

    def _cell_span_selected(self, segment_index: int, target: str, start: int, end: int) -> None:
        """A span selected in a table cell is the inspector's selection: tagging reads it there."""
        if self.inspector.shown_index() != segment_index:
            return
        self.inspector.select_text(target, start, end)

    def _refresh_filter_choices(self) -> None:
        self.find_bar.set_choices(
            self.session.speaker_list(),
            self.session.topics.paths(),
            self.session.error_types,
            self.session.annotators(),
        )

    # --- import / export ----------------------------------------------------------------------

    def act_import(self) -> None:
        dlg = file_prompt(
            self,
            self.tr("Import transcripts"),
            self.tr("Transcripts (*.txt *.srt *.vtt *.md);;All files (*)"),
            save=False,
        )
        self.open_dialog(dlg, lambda d: self.start_import(d.selectedFiles(), open_first=True))  # type: ignore[attr-defined]

    def start_import(
        self, paths: list[str], open_first: bool = True, glossary: Glossary | None = None
    ) -> None:
        if not paths:
            return
        self._open_after_import = open_first
        self.session.import_files(paths, glossary)

    def _import_finished(self, outcome: Any) -> None:
        n = len(outcome.results)
        text = self.tr("Imported {0} file(s)").format(n)
        if outcome.cancelled:
            text += self.tr(" (cancelled)")
        if outcome.errors:
            text += " · ⚠ " + self.tr("{0} not imported").format(len(outcome.errors))
            self.last_error = outcome.errors[0][1]
            # Listed where they stay until read (the status bar's next message would hide them).
            self.open_dialog(ImportProblemsDialog(outcome.errors, self), lambda _d: None)
        self.statusBar().showMessage(text, 8000)
        ids = {r.document_id for r in outcome.results}
        paths = [d.path for d in self.session.document_summaries() if d.id in ids and d.path]
        self.recent.add(reversed(paths))
        if self._open_after_import and outcome.results:
            self.open_document(outcome.results[0].document_id)

    def _fill_recent(self) -> None:
        fill_menu(self.recent_menu, self.recent, self.open_recent, self.actions_by_name["clear_recent"])

    def open_recent(self, path: str) -> None:
        """Open the stored document imported from ``path``, or else import the file again."""
        wanted = normalise(path)
        docs = self.session.document_summaries()
        doc = next((d for d in docs if d.path and normalise(d.path) == wanted), None)
        if doc is not None:
            self.open_document(doc.id)
        elif Path(path).is_file():
            self.start_import([path])
        else:
            self.recent.remove(path)
            self.show_error(self.tr("{0} is no longer there").format(path))

    def act_clear_recent(self) -> None:
        self.recent.clear()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.start_import(paths)

    def _export(self, kind: str) -> None:
        name_filter, suffix = EXPORTS[kind]
        doc = self.session.document_summary()
        stem = Path(doc.name).stem if doc else "annotations"
        dlg = file_prompt(self, self.tr("Export"), name_filter, save=True)
        dlg.selectFile(stem + suffix)
        self.open_dialog(dlg, lambda d: self.export_to(kind, d.selectedFiles()[0]))  # type: ignore[attr-defined]

    def export_to(self, kind: str, path: str) -> None:
        try:
            n = self.session.export(kind, path)
        except InputError as err:
            self.show_error(str(err))
            return
        self.statusBar().showMessage(self.tr("Exported {0} ({1})").format(path, n), 8000)

    def act_export_csv(self) -> None:
        self._export("csv")

    def act_export_edits(self) -> None:
        self._export("edits")

    def act_export_json(self) -> None:
        self._export("json")

    def act_export_txt(self) -> None:
        self._export("txt")

    def act_export_srt(self) -> None:
        self._export("srt")

    def act_export_vtt(self) -> None:
        self._export("vtt")

    def act_quit(self) -> None:
        self.close()

    # --- find and filters ---------------------------------------------------------------------

    def act_find(self) -> None:
        self.find_bar.focus_text()

    def act_find_next(self) -> None:
        self._find(False)

    def act_find_prev(self) -> None:
        self._find(True)

    def _find(self, backwards: bool) -> None:
        text, regex = self.find_bar.query()
        if not text:
            self._mark_found(None)
            self.act_find()
            return
        try:
            rows = self._found_rows(text, regex)
        except re.error as err:
            self._mark_found(None)
            self.find_bar.set_status(self.tr("bad pattern: {0}").format(err))
            return
        self._mark_found(find_matches(text, regex))
        if not rows:
            self.find_bar.set_status(self.tr("not found"))
            return
        start = self.table.current_visible_row()
        k = bisect.bisect_left(rows, start) - 1 if backwards else bisect.bisect_right(rows, start)
        k %= len(rows)
        self.find_bar.set_status(self.tr("{0} of {1}").format(k + 1, len(rows)))
        self.table.go_to_row(rows[k], centre=True)

    def _found_rows(self, text: str, regex: bool) -> list[int]:
        """The matching rows, worked out again only when the search or the rows changed."""
        key = (text, regex, self.session.segments.generation)
        if self._find_cache[0] != key:
            self._find_cache = (key, self.session.find_rows(text, regex=regex))
        return self._find_cache[1]

    def _mark_found(self, pattern: re.Pattern[str] | None) -> None:
        """Mark what the find bar looks for in the table's text and the inspector's."""
        for delegate in (self.table.original_delegate, self.table.repaired_delegate):
            delegate.find_pattern = pattern
        self.inspector.set_find_pattern(pattern)
        self.table.viewport().update()

    def _find_text_edited(self, text: str) -> None:
        if not text:
            self._mark_found(None)
            self.find_bar.set_status("")

    def _filters_changed(self) -> None:
        current = self.table.current_segment()
        self.session.set_filters(**self.find_bar.filters())
        self.actions_by_name["filter_pending"].blockSignals(True)
        self.actions_by_name["filter_pending"].setChecked(self.find_bar.pending_only())
        self.actions_by_name["filter_pending"].blockSignals(False)
        if current is None or not self.table.go_to_segment(current):
            self.table.go_to_row(0)
        n = self.session.segments.rowCount()
        total = len(self.session.segments.rows)
        self.statusBar().showMessage(self.tr("{0} of {1} rows shown").format(n, total), 5000)

    def act_filter_pending(self) -> None:
        pass  # the action's toggled signal drives the check box (see _build_actions)

    def act_filter_topic(self) -> None:
        path = self.topic_panel.current_path()
        if path:
            self.find_bar.choose(self.find_bar.topic, path)

    def act_clear_filters(self) -> None:
        self.find_bar.clear()

    # --- review -------------------------------------------------------------------------------

    def _target_edits(self) -> list[tuple[int, Any]]:
        """The edits selected in the inspector, or else every pending edit of the selected rows."""
        current = self.table.current_segment()
        chosen = self.inspector.selected_edits()
        if chosen and current is not None and self.inspector.shown_index() == current:
            return [(current, e) for e in chosen]
        return self.session.pending_edits(self._selected())

    def _chosen_edits(self) -> list[tuple[int, Any]]:
        """The repairs the reviewer picked in the inspector for the current row (maybe none)."""
        current = self.table.current_segment()
        row = self.inspector.row
        if current is None or row is None or row.index != current:
            return []
        return [(current, e) for e in self.inspector.selected_edits()]

    def act_accept(self) -> None:
        chosen = self._chosen_edits()
        if chosen:  # exactly what was picked, suggestions included: the reviewer asked for them
            if self.session.decide(chosen, "accepted"):
                if len(chosen) == 1:
                    self._offer_teaching(chosen[0][1], "accepted")
                self._advance(chosen)
            return
        rows = self._selected()
        if len(rows) == 1:
            # The row the reviewer is looking at: its repairs in the text, whatever their confidence.
            self._accept_planned(plan_bulk_accept(self.session.pending_edits(rows), BulkAcceptRules()))
            return
        edits = self.session.pending_edits(rows)
        plan = plan_bulk_accept(edits, BulkAcceptRules(default=LOW_CONFIDENCE))
        if len({i for i, _e in plan.chosen}) > self.table.rows_per_page():
            self._ask_bulk_accept(edits, self.tr("the {0} selected rows").format(len(rows)))
        else:
            self._accept_planned(plan)

    def act_accept_many(self) -> None:
        rows = self._selected()
        if len(rows) > 1:
            where = self.tr("the {0} selected rows").format(len(rows))
        else:
            rows, where = [r.index for r in self.session.segments.rows], self.tr("the whole document")
        self._ask_bulk_accept(self.session.pending_edits(rows), where)

    def _ask_bulk_accept(self, edits: list[tuple[int, Any]], where: str) -> None:
        if not edits:
            self.statusBar().showMessage(self.tr("No pending repairs in {0}").format(where), 5000)
            return
        dlg = BulkAcceptDialog(edits, where, self)
        self.open_dialog(dlg, lambda d: self._accept_planned(d.plan()))  # type: ignore[attr-defined]

    def _accept_planned(self, plan: BulkAcceptPlan) -> None:
        """Accept the plan's repairs and say what was done and what was left."""
        if not plan.pending:
            self.statusBar().showMessage(self.tr("No pending repairs in the selected rows"), 5000)
            return
        done = plan.count > 0 and self.session.decide(plan.chosen, "accepted")
        text = self.tr("Accepted {0}").format(bulk_summary(plan)) if done else ""
        if plan.left:
            suggested = sum(1 for _i, e in plan.left if not e.applied)
            left = self.tr("{0} left pending").format(len(plan.left))
            if suggested:
                left += self.tr(" ({0} suggestions: pick them in the inspector to accept)").format(suggested)
            text = f"{text}; {left}" if text else left
        self.statusBar().showMessage(text, 8000)

    def _decide_one(self, index: int, edit: Any, decision: str, text: str | None = None) -> None:
        if self.session.decide([(index, edit)], decision, text):
            self._offer_teaching(edit, decision, text)

    def _offer_teaching(self, edit: Any, decision: str, text: str | None = None) -> None:
        pair = self.session.teachable(edit, decision, text)
        if pair is not None:
            self.teach_offer.offer(*pair)

    def act_reject(self) -> None:
        targets = self._target_edits()
        rows = {i for i, _e in targets}
        if len(rows) <= self.table.rows_per_page():
            if self.session.decide(targets, "rejected"):
                self._advance(targets)
            return
        kinds = Counter(e.kind for _i, e in targets)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Reject repairs"),
            self.tr("Reject {0} pending repairs in {1} rows ({2})?").format(
                len(targets), len(rows), ", ".join(f"{n} {repair_kind(k)}" for k, n in kinds.most_common())
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("rejectManyBox")
        self.open_dialog(box, lambda _d: self.session.decide(targets, "rejected"))

    def _advance(self, decided: list[tuple[int, EditInfo]]) -> None:
        """After a decision on one row's repairs (auto-advance on): the row's next pending repair,
        else the next row with one, its first pending repair selected."""
        rows = {i for i, _e in decided}
        if not self.auto_advance or len(rows) != 1 or self.active_dialog is not None:
            return
        if any(e.kind == "merge" for _i, e in decided):
            return  # a rejected join split the row: the document is being read again
        index = self.table.current_segment()
        row = self.session.segments.segment(index) if index is not None else None
        if row is None or index not in rows:
            return
        pending = [e for e in row.info.edits if e.decision == "pending" and e.kind != "speaker"]
        if not pending:
            found = self.session.next_row(self.table.current_visible_row(), self.session.is_unreviewed)
            if found is None:
                return
            self.table.go_to_row(found, centre=not self.table.row_in_view(found))
            self._show_current()
            row = self.inspector.row
            pending = [e for e in row.info.edits if e.decision == "pending"] if row is not None else []
        if pending:
            self.inspector.select_edit(pending[0].id)

    def act_change(self) -> None:
        edit = self.inspector.current_edit()
        index = self.table.current_segment()
        if edit is None or index is None:
            return
        current = edit.decided_text if edit.decision == "changed" else edit.after
        dlg = text_prompt(
            self, self.tr("Edit repair"), self.tr("Replace «{0}» with:").format(edit.before), current or ""
        )
        self.open_dialog(dlg, lambda d: self._decide_one(index, edit, "changed", d.textValue()))  # type: ignore[attr-defined]

    def act_use_alternative(self) -> None:
        edit = self.inspector.current_edit()
        index = self.table.current_segment()
        text = self.inspector.chosen_alternative()
        if edit is None or index is None or not text:
            return
        if text == edit.after:
            self._decide_one(index, edit, "accepted")
        else:
            self._decide_one(index, edit, "changed", text)

    def _go(self, test: Callable[[Any], bool], backwards: bool, what: str) -> None:
        row = self.session.next_row(self.table.current_visible_row(), test, backwards)
        if row is None:
            self.statusBar().showMessage(self.tr("No {0}").format(what), 4000)
            return
        self.table.go_to_row(row, centre=True)

    def act_next_unreviewed(self) -> None:
        self._go(self.session.is_unreviewed, False, self.tr("unreviewed rows"))

    def act_prev_unreviewed(self) -> None:
        self._go(self.session.is_unreviewed, True, self.tr("unreviewed rows"))

    def act_next_low(self) -> None:
        self._go(self.session.is_low_confidence, False, self.tr("low-confidence repairs"))
        # The row is not enough: the repair that made it low is the one to look at.
        row = self.inspector.row
        if row is not None and row.index == self.table.current_segment():
            low = [e for e in row.info.edits if e.decision == "pending" and e.confidence < LOW_CONFIDENCE]
            if low:
                self.inspector.select_edit(low[0].id)

    def act_next_error(self) -> None:
        self._go(self.session.has_error, False, self.tr("errors"))

    def act_prev_error(self) -> None:
        self._go(self.session.has_error, True, self.tr("errors"))

    def act_next_row(self) -> None:
        self.table.go_to_row(min(self.table.current_visible_row() + 1, self.session.segments.rowCount() - 1))

    def act_prev_row(self) -> None:
        self.table.go_to_row(max(self.table.current_visible_row() - 1, 0))

    # --- tagging ------------------------------------------------------------------------------

    def act_set_speaker(self) -> None:
        rows = self._selected()
        if not rows:
            return
        speakers = self.session.speaker_list()
        names = [s.display_name for s in speakers]
        current = self.session.segments.segment(rows[0])
        dlg = text_prompt(
            self,
            self.tr("Set speaker"),
            self.tr("Who speaks in the {0} selected row(s)?").format(len(rows)),
            current.speaker_name or "" if current else "",
            names or [""],
        )
        self.open_dialog(dlg, lambda d: self._set_speaker(rows, d.textValue()))  # type: ignore[attr-defined]

    def _set_speaker(self, rows: list[int], name: str) -> None:
        by_name = {s.display_name: s.label for s in self.session.speaker_list()}
        self.session.set_speaker(rows, by_name.get(name.strip(), name))

    def act_speaker_key(self, n: int) -> None:
        speakers = self.session.speaker_list()
        rows = self._selected()
        if rows and n <= len(speakers):
            self.session.set_speaker(rows, speakers[n - 1].label)

    def act_rename_speaker(self) -> None:
        index = self.table.current_segment()
        row = self.session.segments.segment(index) if index is not None else None
        speakers = self.session.speaker_list()
        if not speakers:
            self.show_error(self.tr("this document has no speakers yet: set one first (S)"))
            return
        label = row.speaker_label if row and row.speaker_label else speakers[0].label
        sp = next((s for s in speakers if s.label == label), speakers[0])
        dlg = text_prompt(
            self,
            self.tr("Rename speaker"),
            self.tr("Name for {0} everywhere in this document:").format(sp.label),
            sp.display_name,
        )
        self.open_dialog(dlg, lambda d: self.session.rename_speaker(sp.label, d.textValue()))  # type: ignore[attr-defined]

    def act_apply_topic(self) -> None:
        path = self.topic_panel.current_path()
        if not path:
            self.act_choose_topic()
            return
        self.apply_topic(path)

    def apply_topic(self, path: str) -> None:
        span = self.inspector.text_selection()
        current = self.table.current_segment()
        if span is not None and current is not None and self.inspector.shown_index() == current:
            target, start, end = span
            self.session.tag_topic([current], path, span=(start, end), target=target)
        else:
            self.session.tag_topic(self._selected(), path)

    def act_choose_topic(self) -> None:
        if not self._selected():
            return
        dlg = text_prompt(
            self,
            self.tr("Topic"),
            self.tr("Topic (A/B for B under A; a new path is created):"),
            self.topic_panel.current_path() or "",
            self.session.topics.paths() or [""],
        )
        self.open_dialog(dlg, lambda d: self.apply_topic(d.textValue().strip()))  # type: ignore[attr-defined]

    def act_mark_error(self) -> None:
        current = self.table.current_segment()
        row = self.session.segments.segment(current) if current is not None else None
        if row is None:
            return
        span = self.inspector.text_selection() if self.inspector.row is row else None
        if span is not None:
            target, start, end = span
            text = row.info.repaired if target == "repaired" else row.info.original
            quote, where = (
                text[start:end],
                self.tr("{0} text {1}:{2} of segment {3}").format(target, start, end, row.index),
            )
        else:
            quote, where = row.info.repaired, self.tr("the whole of segment {0}").format(row.index)
        dlg = ErrorDialog(self.session.error_types, quote, where, self, teachable=span is not None)

        def done(d: QDialog) -> None:
            assert isinstance(d, ErrorDialog)
            key, correction, note = d.values()
            if span is None:
                self.session.mark_error(row.index, key, correction=correction, note=note)
            else:
                marked = self.session.mark_error(
                    row.index, key, span=(span[1], span[2]), target=span[0], correction=correction, note=note
                )
                if marked and correction and d.teach.isChecked() and span[0] == "repaired":
                    # Marked and taught: corrected here and (previewed) elsewhere.
                    self._propagate(row.index, row.info.repaired, span[1], span[2], correction, wrong=quote)

        self.open_dialog(dlg, done)

    def act_teach_correction(self) -> None:
        """Teach the inspector's selected error (its text → correction) or repair (before → after):
        the correction flow (_propagate), with its other places previewed."""
        row = self.inspector.row
        error = next(
            (a for a in self.inspector.selected_annotations() if a.kind == "error" and a.correction), None
        )
        edit = self.inspector.current_edit()
        if row is None:
            return
        text = row.info.repaired
        if (
            error is not None
            and error.target == "repaired"
            and error.span_start is not None
            and error.span_end is not None
        ):
            start, end = error.span_start, error.span_end
            self._propagate(row.index, text, start, end, error.correction or "", wrong=text[start:end])
        elif edit is not None and edit.before and edit.kind not in ("speaker", "merge"):
            self._teach_repair(row, edit)
        else:
            self.show_error(self.tr("select an error with a correction, or a repair, in the inspector"))

    def _teach_repair(self, row: Any, edit: EditInfo) -> None:
        """A repair's correction (the text reads it already) taught, and carried to its other places."""
        now = edit.effective()
        if not now.applied or not now.after.strip() or now.after == edit.before:
            self.show_error(self.tr("accept or change the repair first: the text does not say it"))
            return
        start, end = original_to_repaired([e.effective() for e in row.info.edits], edit.start, edit.end)
        self._propagate(row.index, row.info.repaired, start, end, now.after, wrong=edit.before)

    def teach_correction(self, wrong: str, right: str) -> None:
        """The teach offer's button (after a glossary suggestion was accepted or rewritten on the
        current row): that repair taught."""
        row = self.inspector.row
        edit = next((e for e in row.info.edits if e.before.strip() == wrong), None) if row else None
        if row is None or edit is None:
            self.show_error(self.tr("select an error with a correction, or a repair, in the inspector"))
            return
        self._teach_repair(row, edit)

    def act_remove_tags(self) -> None:
        self.session.delete_annotations(self.inspector.selected_annotations())

    def act_apply_correction(self) -> None:
        """The selected error tag's correction into the text: marking and fixing, one gesture."""
        tags = [a for a in self.inspector.selected_annotations() if a.kind == "error" and a.correction]
        if not tags:
            self.show_error(self.tr("select an error tag with a correction in the inspector"))
            return
        problem = self.session.apply_correction(tags[0])
        if problem:
            self.show_error(problem)

    def act_edit_tag(self) -> None:
        """Change the selected tag: an error's type, correction and note; another tag's note."""
        selected = self.inspector.selected_annotations()
        if not selected:
            self.show_error(self.tr("select a tag in the inspector to edit it"))
            return
        a = selected[0]
        if a.kind == "error":
            where = self.tr("tag on segment {0}").format(a.segment_index)
            dlg = ErrorDialog(self.session.error_types, a.quote, where, self)
            dlg.choose(a.tag)
            dlg.correction.setText(a.correction or "")
            dlg.note.setPlainText(a.note or "")

            def done(d: QDialog) -> None:
                assert isinstance(d, ErrorDialog)
                key, correction, note = d.values()
                changes: dict[str, object] = {}
                if key != a.tag:
                    changes.update(kind="error", value=key)
                if correction != a.correction:
                    changes["correction"] = correction
                if note != a.note:
                    changes["note"] = note
                self.session.edit_annotation(a, **changes)

            self.open_dialog(dlg, done)
            return
        prompt = text_prompt(self, self.tr("Edit tag"), self.tr("Note on {0}:").format(a.tag), a.note or "")
        self.open_dialog(
            prompt,
            lambda d: (
                self.session.edit_annotation(a, note=d.textValue().strip() or None)  # type: ignore[attr-defined]
                if (d.textValue().strip() or None) != a.note  # type: ignore[attr-defined]
                else None
            ),
        )

    def act_correct_text(self) -> None:
        if self.inspector.repaired.hasFocus():  # F2 in the inspector's Repaired pane: type there
            self.inspector.correct_text()
            return
        row = self.table.current_visible_row()
        if self.session.segments.rowCount() and self.session.document_id is not None:
            self.table.setFocus()
            self.table.repaired_delegate.writable = True
            if not self.table.edit(
                self.session.segments.index(max(row, 0), COL_REPAIRED),
                QAbstractItemView.EditTrigger.AllEditTriggers,
                None,
            ):
                self.table.repaired_delegate.writable = False

    def _text_corrected(self, index: int, seen: str, typed: str) -> None:
        """A correction typed into a cell: offer its other places first, when there are any."""
        change = single_change(seen, typed)
        if change is None:  # more than one run changed: the text as typed, nothing to carry
            self.session.correct_text(index, seen, typed)
            return
        start, end, right = change
        self._propagate(index, seen, start, end, right)

    def _propagate(
        self, index: int, seen: str, start: int, end: int, right: str, wrong: str | None = None
    ) -> None:
        """The one flow of a correction: ``seen[start:end]`` of row ``index`` reads ``right``; its
        other places (and in other documents, on demand) previewed, ticked ones corrected too,
        and the glossary taught (the dialog's checkbox, on).

        ``wrong`` given: the reviewer asked to teach (a repair, whose text reads right already,
        or an error tag): without other places the glossary is taught at once, and cancelling
        the preview writes nothing.  Otherwise the text was typed: without other places it is
        kept as typed, and cancelling keeps it here only."""
        taught = wrong is not None
        wrong = seen[start:end] if wrong is None else wrong
        corrected = seen[:start] + right + seen[end:]
        at = (start, start + len(right))
        places = self.session.places_for(index, corrected, at, wrong, right)
        docs = self.session.document_summaries()
        if places is None or (not places and len(docs) < 2):
            self.session.correct_span(index, seen, start, end, right, teach=taught, wrong=wrong)
            return
        names = {d.id: d.name for d in docs}

        def others(found: Callable[[list[Place]], None]) -> None:
            def done(places: list[Place]) -> None:
                if self.active_dialog is dlg:  # (not if it was closed meanwhile)
                    found(places)

            job = self.session.search_places(index, corrected, at, wrong, right, done)
            dlg.finished.connect(job.cancel)

        search = others if len(docs) > 1 else None
        dlg = PropagateDialog(wrong, right, places, self.session.document_id or -1, names, search, self)
        if not taught:
            dlg.rejected.connect(lambda: self.session.correct_span(index, seen, start, end, right))
        self.open_dialog(
            dlg,
            lambda d: self.session.correct_span(
                index, seen, start, end, right, d.chosen(), d.teach.isChecked(), wrong=wrong
            ),
        )

    def _text_cursor(self) -> tuple[TextPane, int] | None:
        """The repaired-text pane with the keyboard focus and the segment it shows: the cell
        editor (F2, Shift+F2) or the inspector's Repaired pane."""
        focus = QApplication.focusWidget()
        if not isinstance(focus, TextPane) or focus.target != "repaired":
            return None
        if focus is self.inspector.repaired:
            index = self.inspector.shown_index()
        else:
            index = self.table.current_segment()
        return (focus, index) if index is not None else None

    def act_split_segment(self) -> None:
        """Split at the cursor of the row's text; without one, open the row's text to put it there."""
        found = self._text_cursor()
        if found is None:
            if self.session.segments.rowCount():
                self.act_select_in_cell()
                self.statusBar().showMessage(
                    self.tr("Put the cursor where the row should be split, then press {0} again").format(
                        self.actions_by_name["split_segment"]
                        .shortcut()
                        .toString(QKeySequence.SequenceFormat.NativeText)
                    ),
                    8000,
                )
            return
        pane, index = found
        if pane.toPlainText() != pane.text:
            self.show_error(self.tr("Keep (Return) or drop (Escape) what you typed before splitting"))
            return
        at = pane.cursor_position()
        self.table.setFocus()  # the cell editor closes; the rows are read again after the split
        self.session.split_segment(index, pane.text, at)

    def act_merge_next(self) -> None:
        index = self.table.current_segment()
        if index is not None:
            self.session.merge_with_next(index)

    def act_select_in_cell(self) -> None:
        row = self.table.current_visible_row()
        if self.session.segments.rowCount():
            self.table.setFocus()
            self.table.edit(self.session.segments.index(max(row, 0), COL_REPAIRED))

    # --- other reviewers ----------------------------------------------------------------------

    def _conflict(self, conflict: Any, command: Any) -> None:
        """Another reviewer changed the tag first: show both, let the reviewer choose."""
        self.last_error = str(conflict)
        dlg = ConflictDialog(conflict, self)
        dlg.rejected.connect(lambda: self.session.resolve_conflict(command, conflict, keep_mine=False))
        self.open_dialog(dlg, lambda _d: self.session.resolve_conflict(command, conflict, keep_mine=True))

    def _set_annotator_view(self, name: str) -> None:
        current = self.table.current_segment()
        self.session.set_annotator_view(name)
        if current is not None and self.table.current_segment() != current:
            self.table.go_to_segment(current)

    def _remember_place(self) -> None:
        # A reload resets the model more than once (rows, then filters): the first one knows.
        current = self.table.current_segment()
        if current is not None:
            self._index_before_reset = current

    def act_refresh(self) -> None:
        self.session.refresh_documents()
        self.session.reload_document()

    def _poll(self) -> None:
        """Every few seconds while the reviewer is not in the middle of something."""
        editing = self.table.state() == QAbstractItemView.State.EditingState
        if self.active_dialog is None and not self.tasks.jobs and not editing:
            self.session.poll_changes()

    def _document_refreshed(self, _document_id: int) -> None:
        """The open document was read again: keep the reviewer's place (the row our own split or
        merge made, if that was why) and say why rows changed."""
        own, self.session.refresh_focus = self.session.refresh_focus, None
        place = own if own is not None else self._index_before_reset
        if place is not None:
            self.table.go_to_segment(place)
        self._queue_stale = True
        self._queue_shown(self.docks[2].isVisible())
        self._speakers_changed()
        self._update_enabled()
        if own is None:
            self.statusBar().showMessage(self.tr("Updated with other reviewers' changes"), 5000)

    def act_agreement(self) -> None:
        if self.session.document_id is None:
            return
        self.session.agreement(self._show_agreement)

    def _show_agreement(self, report: Any) -> None:
        doc = self.session.document_summary()
        dlg = AgreementDialog(doc.name if doc else "", report, self._export_agreement, self)
        self.open_dialog(dlg, lambda _d: None)

    def _export_agreement(self) -> None:
        self._export("agreement")

    # --- topics -------------------------------------------------------------------------------

    def act_new_topic(self) -> None:
        base = self.topic_panel.current_path()
        dlg = text_prompt(
            self,
            self.tr("New topic"),
            self.tr("Topic path (A/B makes B under A):"),
            (base + "/") if base else "",
        )
        self.open_dialog(dlg, lambda d: self._created_topic(d.textValue()))  # type: ignore[attr-defined]

    def _created_topic(self, path: str) -> None:
        if self.session.create_topic(path):
            self.topic_panel.select_path("/".join(p.strip() for p in path.split("/")))

    def act_rename_topic(self) -> None:
        path = self.topic_panel.current_path()
        if not path:
            return
        dlg = text_prompt(
            self, self.tr("Rename topic"), self.tr("New name for {0}:").format(path), path.rsplit("/", 1)[-1]
        )
        self.open_dialog(dlg, lambda d: self.session.rename_topic(path, d.textValue()))  # type: ignore[attr-defined]

    def act_colour_topic(self) -> None:
        path = self.topic_panel.current_path()
        if not path:
            return
        info = self.session.topics.info(path)
        dlg = QColorDialog(QColor(info.colour) if info and info.colour else QColor(110, 140, 200), self)
        dlg.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog, True)
        self.open_dialog(dlg, lambda d: self.session.colour_topic(path, d.selectedColor().name()))  # type: ignore[attr-defined]

    def act_move_topic(self) -> None:
        path = self.topic_panel.current_path()
        if not path:
            return
        top = self.tr(TOP_LEVEL)
        choices = [top] + [
            p for p in self.session.topics.paths() if p != path and not p.startswith(path + "/")
        ]
        dlg = text_prompt(
            self,
            self.tr("Move topic"),
            self.tr("Put {0} under:").format(path),
            top,
            choices,
            editable=False,
        )
        self.open_dialog(
            dlg,
            lambda d: self.session.move_topic(path, None if d.textValue() == top else d.textValue()),
        )  # type: ignore[attr-defined]

    def act_merge_topic(self) -> None:
        path = self.topic_panel.current_path()
        if not path:
            return
        choices = [p for p in self.session.topics.paths() if p != path and not p.startswith(path + "/")]
        if not choices:
            return
        dlg = text_prompt(
            self,
            self.tr("Merge topic"),
            self.tr("Fold {0} (its tags and subtopics) into:").format(path),
            choices[0],
            choices,
            editable=False,
        )
        self.open_dialog(dlg, lambda d: self.session.merge_topics(path, d.textValue()))  # type: ignore[attr-defined]

    def act_suggest_topics(self) -> None:
        if self.session.document_id is None:
            return
        rows = self.table.selected_indices()
        # One selected row is where the cursor is, not a range: then the whole document.
        self.session.suggest_topics(rows if len(rows) > 1 else None, self._show_suggestions)

    def _show_suggestions(self, suggestions: list[Any]) -> None:
        dlg = TopicSuggestionsDialog(
            suggestions, lambda indices, word: self.session.accept_suggestions([(indices, word)]), self
        )
        self.open_dialog(dlg, lambda d: self.session.accept_suggestions(d.checked()))  # type: ignore[attr-defined]

    # --- view and help ------------------------------------------------------------------------

    def act_taller_rows(self) -> None:
        self.table.set_lines_per_row(min(self.table.lines_per_row() + 1, 8))

    def act_shorter_rows(self) -> None:
        self.table.set_lines_per_row(max(self.table.lines_per_row() - 1, 1))

    def act_focus_table(self) -> None:
        self.table.setFocus()

    def act_focus_documents(self) -> None:
        self.documents_panel.table.setFocus()

    def font_size(self) -> int:
        return round(self.table.font().pointSizeF())

    def apply_font_size(self, points: int) -> None:
        """The transcript's text size: the table (its fixed row height follows) and the inspector."""
        for widget in (self.table, self.inspector):
            font = widget.font()
            font.setPointSize(points)
            widget.setFont(font)
        self.table.set_lines_per_row(self.table.lines_per_row())

    def act_preferences(self) -> None:
        dlg = PreferencesDialog(
            i18n.chosen_language(self.settings),
            self.font_size(),
            self.session.annotator or "",
            self.auto_advance,
            self,
        )
        self.open_dialog(dlg, lambda d: self.set_preferences(*d.values()))  # type: ignore[attr-defined]

    def set_preferences(
        self, language: str, font_size: int, annotator: str | None = None, auto_advance: bool | None = None
    ) -> None:
        self.apply_font_size(font_size)
        if auto_advance is not None:
            self.auto_advance = auto_advance
        if self.settings is not None:
            self.settings.setValue(FONT_SIZE_KEY, font_size)
            self.settings.setValue(i18n.LANGUAGE_KEY, language)
            self.settings.setValue(AUTO_ADVANCE_KEY, self.auto_advance)
            self.settings.sync()
        if annotator is not None:
            self.set_annotator(annotator)
        shown = language or i18n.system_language()
        if shown != i18n.current():
            # Installing the translators sends every widget a LanguageChange: each retranslates.
            i18n.install(shown)

    def set_annotator(self, name: str) -> None:
        """Whose tags the reviewer makes from now on (kept in the settings)."""
        name = name.strip()
        if not name:
            return
        self.session.annotator = name
        if self.settings is not None:
            self.settings.setValue(ANNOTATOR_KEY, name)
            self.settings.sync()

    def ask_annotator_once(self) -> None:
        """On a first start, ask the reviewer's name for their tags (not when $REVIEWER_ANNOTATOR says)."""
        if self.settings is None or self.settings.value(ANNOTATOR_KEY) or os.environ.get(ANNOTATOR_ENV):
            return
        dlg = text_prompt(
            self,
            self.tr("Your name"),
            self.tr("Your name as an annotator (stored with every tag you make; change it in Preferences):"),
            self.session.annotator or "",
        )
        self.open_dialog(dlg, lambda d: self.set_annotator(d.textValue()))  # type: ignore[attr-defined]

    def act_shortcuts(self) -> None:
        groups = [(translate(title), actions) for title, actions in self.menus]
        self.open_dialog(ShortcutsDialog(groups, self), lambda _d: None)

    def act_legend(self) -> None:
        """The colours of repairs and the marks of the Tags column, explained."""
        pal = self.palette()

        def swatch(state: str) -> str:
            colour = highlight_colour(state, pal).name()
            return f'<span style="background:{colour}">&nbsp;&nbsp;&nbsp;&nbsp;</span>'

        rows = [
            (swatch(HIGHLIGHT_SURE), self.tr("a repair the engine is sure of, not reviewed yet")),
            (swatch(HIGHLIGHT_UNSURE), self.tr("a repair it is unsure of (low confidence): look again")),
            (swatch(HIGHLIGHT_DECIDED), self.tr("a repair you accepted or rewrote")),
            (swatch(HIGHLIGHT_OWN), self.tr("your own text: typed, or carried from a correction")),
            ("✎N", self.tr("in the Tags column: N repairs of the row wait for a decision")),
        ]
        body = "".join(f"<tr><td>{a}</td><td>&nbsp;{html.escape(b)}</td></tr>" for a, b in rows)
        box = QMessageBox(self)
        box.setObjectName("legendBox")
        box.setWindowTitle(self.tr("Colour legend"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(f"<table>{body}</table>")
        self.open_dialog(box, lambda _d: None)

    def act_about(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("About {0}").format(APP_TITLE))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{APP_TITLE} {__version__}")
        box.setInformativeText(
            self.tr(
                "Review, repair and annotate transcripts side by side with their repaired text.\nStore: {0}"
            ).format(self.session.store.where)
        )
        self.open_dialog(box, lambda _d: None)
