"""The segment inspector: both texts in full (selectable), the repair edits, the segment's tags.

Buttons here carry the window's QActions (so they share shortcuts, tooltips and
enabled state); the inspector only shows and reports selections.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QTextCharFormat
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.repair.lost_bytes import reading_shares
from reviewer.gui.colours import error_colour, find_colour, highlight_colour, topic_colour
from reviewer.gui.i18n import is_language_change
from reviewer.gui.models.record_list import RecordListModel
from reviewer.gui.models.rows import LOW_CONFIDENCE, SegmentRow, edit_label, speaker_choice, time_text
from reviewer.gui.names import repair_kind
from reviewer.gui.views.delegates import MAX_FIND_MARKS
from reviewer.gui.views.text_pane import EditablePane, TextPane
from reviewer.store import AnnotationInfo
from reviewer.store.records import EditInfo
from reviewer.store.spans import original_to_repaired

# The confidence of an uncertain pending repair, in the repairs list.
UNSURE_TEXT = QColor(200, 110, 0)


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and text come from transcripts: never rich text
    return label


class Inspector(QWidget):
    span_selected = Signal()  # the user selected text in one of the panes
    edit_changed = Signal()  # another repair is the current one in the list (or none)
    text_corrected = Signal(int, str, str)  # segment index, text shown, text typed (Repaired pane)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self.row: SegmentRow | None = None
        self.last_target = "repaired"
        self.title = plain_label()
        self.title.setWordWrap(True)
        self.title.setObjectName("inspectorTitle")
        self.original = TextPane("original")
        # Read-only until F2 there opens it for typing a correction (EditablePane).
        self.repaired = EditablePane("repaired")
        self.repaired.submitted.connect(self._submit_text)
        self.repaired.cancelled.connect(self._cancel_text)
        for pane in (self.original, self.repaired):
            pane.selectionChanged.connect(lambda p=pane: self._selection_changed(p))
            pane.clicked.connect(lambda pos, p=pane: self.select_edit_at(p.target, pos))

        self.edit_model: RecordListModel[EditInfo] = RecordListModel(4, self)
        self.edits = self._list("editsList", self.edit_model)
        # Room for eight repairs; the change text takes what is left, so a long mojibake run is
        # elided instead of pushing confidence and decision out of sight.
        self.edits.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)
        header = self.edits.header()
        header.setStretchLastSection(False)
        for col, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(col, mode)
        self.edits.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.edits.selectionModel().currentRowChanged.connect(self._edit_selected)
        self.alternatives = QComboBox()
        self.alternatives.setObjectName("alternatives")
        self.alternatives.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Two rows of buttons, so the inspector stays narrow enough for the table's text columns.
        self.edit_buttons = QHBoxLayout()
        self.alternative_buttons = QHBoxLayout()

        self.tag_model: RecordListModel[AnnotationInfo] = RecordListModel(4, self)
        self.tags = self._list("tagsList", self.tag_model)
        self.tag_buttons = QHBoxLayout()

        self.captions = {name: QLabel() for name in ("original", "repaired", "edits", "tags")}
        texts = QSplitter(Qt.Orientation.Vertical)
        for caption, pane in (
            (self.captions["original"], self.original),
            (self.captions["repaired"], self.repaired),
        ):
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(caption)
            lay.addWidget(pane)
            texts.addWidget(box)
        edits_box = QWidget()
        lay = QVBoxLayout(edits_box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.captions["edits"])
        lay.addWidget(self.edits)
        lay.addLayout(self.edit_buttons)
        lay.addLayout(self.alternative_buttons)
        tags_box = QWidget()
        lay = QVBoxLayout(tags_box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.captions["tags"])
        lay.addWidget(self.tags)
        lay.addLayout(self.tag_buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(texts)
        split.addWidget(edits_box)
        split.addWidget(tags_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.title)
        outer.addWidget(split, 1)
        self._colour_of: Callable[[str], str | None] = lambda _path: None
        self._speaker_names: dict[str, str] = {}
        self._find_pattern: re.Pattern[str] | None = None
        self.retranslate()

    @staticmethod
    def _list(name: str, model: RecordListModel[Any]) -> QTreeView:
        view = QTreeView()
        view.setObjectName(name)
        view.setModel(model)
        view.setRootIsDecorated(False)
        view.setUniformRowHeights(True)
        view.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        return view

    def retranslate(self) -> None:
        for name, text in (
            ("original", self.tr("Original")),
            ("repaired", self.tr("Repaired")),
            ("edits", self.tr("Repairs")),
            ("tags", self.tr("Tags")),
        ):
            self.captions[name].setText(text)
        self.edit_model.set_headers(
            [self.tr("Repair"), self.tr("Change"), self.tr("Conf."), self.tr("Decision")]
        )
        self.tag_model.set_headers(
            [self.tr("Kind"), self.tr("Tag"), self.tr("On"), self.tr("Correction / note")]
        )
        self.alternatives.setToolTip(self.tr("Other readings of a lost-byte repair"))
        # Its kinds, decisions and title in the new language.
        self.show_row(self.row, self._colour_of, self._speaker_names)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def add_edit_action(self, action: QAction, second_row: bool = False) -> None:
        self._add_button(self.alternative_buttons if second_row else self.edit_buttons, action)

    def add_alternatives(self, action: QAction) -> None:
        self.alternative_buttons.addWidget(self.alternatives, 1)
        self._add_button(self.alternative_buttons, action)

    def add_tag_action(self, action: QAction) -> None:
        self._add_button(self.tag_buttons, action)

    @staticmethod
    def _add_button(layout: QHBoxLayout, action: QAction) -> None:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(button)

    # --- showing ------------------------------------------------------------------------------

    def show_row(
        self,
        row: SegmentRow | None,
        topic_colour_of: Callable[[str], str | None],
        speaker_names: dict[str, str] | None = None,
    ) -> None:
        """Show a row; ``speaker_names`` (label → display name) names a speaker repair's choices."""
        current_edit = self.current_edit()
        if self.repaired.editing and (row is None or self.row is None or row.index != self.row.index):
            self.repaired.stop_editing()  # another row: what was typed for this one is dropped
        self.row = row
        self._colour_of = topic_colour_of
        self._speaker_names = dict(speaker_names or {})
        self.alternatives.clear()
        if row is None:
            self.edit_model.set_records([], lambda _e: [])
            self.tag_model.set_records([], lambda _a: [])
            self.title.setText(self.tr("No segment selected"))
            self.original.set_text("")
            self.repaired.set_text("")
            return
        info = row.info
        parts = [self.tr("Segment {0}").format(info.index)]
        if info.start is not None:
            parts.append(
                f"{time_text(info.start)}–{time_text(info.end)}"
                if info.end is not None
                else time_text(info.start)
            )
        if row.speaker_name:
            who = row.speaker_name
            if row.speaker_label and row.speaker_label != row.speaker_name:
                who += f" ({row.speaker_label})"
            parts.append(who)
        lines = info.source_lines
        if lines:
            parts.append(
                self.tr("source lines {0}–{1}").format(lines[0], lines[-1])
                if len(lines) > 1
                else self.tr("source line {0}").format(lines[0])
            )
        self.title.setText(" · ".join(parts))
        if self.original.text != info.original:
            self.original.set_text(info.original)
        if self.repaired.text != info.repaired and not self.repaired.editing:
            self.repaired.set_text(info.repaired)
        self._mark(row, topic_colour_of)
        self.edit_model.set_records(info.edits, self._edit_cells, self._edit_colours)
        self.tag_model.set_records(row.annotations, self._tag_cells)
        if current_edit is not None:
            self.select_edit(current_edit.id)
        for col in range(3):
            self.tags.resizeColumnToContents(col)
        self._fill_alternatives()

    def _edit_cells(self, e: EditInfo) -> list[str]:
        original = self.row.info.original if self.row is not None else ""
        return [
            repair_kind(e.kind),
            edit_label(e, self._speaker_names, original if e.kind == "merge" else None),
            f"{e.confidence:.2f}",
            self._decision_text(e),
        ]

    @staticmethod
    def _edit_colours(e: EditInfo) -> dict[int, QColor]:
        return {2: UNSURE_TEXT} if e.decision == "pending" and e.confidence < LOW_CONFIDENCE else {}

    def _tag_cells(self, a: AnnotationInfo) -> list[str]:
        on = (
            self.tr("segment")
            if a.target == "segment"
            else f"{self._target_text(a.target)} {a.span_start}:{a.span_end} «{a.quote}»"
        )
        extra = " · ".join(x for x in (a.correction and f"→ {a.correction}", a.note) if x)
        return [self._kind_text(a.kind), a.tag, on, extra]

    def _kind_text(self, kind: str) -> str:
        names = {"speaker": self.tr("speaker"), "topic": self.tr("topic"), "error": self.tr("error")}
        return names.get(kind, kind)

    def _target_text(self, target: str) -> str:
        return {"original": self.tr("original"), "repaired": self.tr("repaired")}.get(target, target)

    def _decision_text(self, e: EditInfo) -> str:
        if e.decision == "pending":
            return self.tr("pending") if e.applied else self.tr("suggested")
        if e.decision == "changed":
            return self.tr("changed")
        return {"accepted": self.tr("accepted"), "rejected": self.tr("rejected")}.get(e.decision, e.decision)

    def _mark(self, row: SegmentRow, topic_colour_of: Callable[[str], str | None]) -> None:
        rep: list[tuple[int, int, QTextCharFormat]] = []
        orig: list[tuple[int, int, QTextCharFormat]] = []
        for h in row.highlights:
            fmt = QTextCharFormat()
            fmt.setBackground(highlight_colour(h.state, self.palette()))
            rep.append((h.start, h.end, fmt))
        for e in row.info.edits:
            if e.end > e.start and e.kind != "speaker":
                fmt = QTextCharFormat()
                fmt.setBackground(
                    highlight_colour("sure" if e.confidence >= LOW_CONFIDENCE else "unsure", self.palette())
                )
                orig.append((e.start, e.end, fmt))
        for a in row.annotations:
            if a.span_start is None or a.target == "segment":
                continue
            fmt = QTextCharFormat()
            colour = (
                error_colour(self.palette()) if a.kind == "error" else topic_colour(topic_colour_of(a.tag))
            )
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
            fmt.setFontUnderline(True)
            (rep if a.target == "repaired" else orig).append((a.span_start, a.span_end or a.span_start, fmt))
        if self._find_pattern is not None:  # the find bar's matches, over the rest
            found = QTextCharFormat()
            found.setBackground(find_colour(self.palette()))
            for pane, spans in ((self.repaired, rep), (self.original, orig)):
                for n, m in enumerate(self._find_pattern.finditer(pane.text)):
                    if n >= MAX_FIND_MARKS:
                        break
                    if m.end() > m.start():
                        spans.append((m.start(), m.end(), found))
        self.repaired.mark(rep)
        self.original.mark(orig)

    def set_find_pattern(self, pattern: re.Pattern[str] | None) -> None:
        """Mark what the find bar looks for in both panes (None: nothing)."""
        if pattern is self._find_pattern:
            return
        self._find_pattern = pattern
        if self.row is not None:
            self._mark(self.row, self._colour_of)

    def _shares(self, e: EditInfo, readings: list[str]) -> list[float | None]:
        """Each reading's share by the language model the repair chose with, in the words round
        it (not for speaker labels, nor for a repair with one reading)."""
        if e.kind == "speaker" or len(readings) < 2 or self.row is None:
            return [None] * len(readings)
        # Scored in the repaired text round it, as the repair was chosen.
        info = self.row.info
        start, end = original_to_repaired([x.effective() for x in info.edits], e.start, e.end)
        return list(reading_shares(info.repaired[:start], readings, info.repaired[end:]))

    def _fill_alternatives(self) -> None:
        self.alternatives.clear()
        e = self.current_edit()
        if e is None:
            return
        big = QFont(self.alternatives.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        widest = 0
        readings = list(dict.fromkeys((e.after, *e.alternatives)))
        shares = self._shares(e, readings)
        for alt, share in zip(readings, shares, strict=True):
            # A speaker repair's readings are labels: shown by the names they have now.
            shown = speaker_choice(alt, self._speaker_names) if e.kind == "speaker" else alt
            if share is not None:
                shown = f"{shown}    {share:.0%}"
            self.alternatives.addItem(shown, alt)
            if alt and not any(ch.isalnum() for ch in alt):  # emoji, symbols: shown larger
                self.alternatives.setItemData(self.alternatives.count() - 1, big, Qt.ItemDataRole.FontRole)
                widest = max(widest, QFontMetrics(big).horizontalAdvance(shown))
            else:
                widest = max(widest, self.alternatives.fontMetrics().horizontalAdvance(shown))
        # The list as wide as its longest reading (the box itself stays as wide as the pane).
        self.alternatives.view().setMinimumWidth(widest + 48)

    def correct_text(self) -> bool:
        """Open the Repaired pane for typing (False: no row shown)."""
        if self.row is None:
            return False
        self.repaired.start_editing()
        return True

    def _submit_text(self) -> None:
        row, typed = self.row, self.repaired.toPlainText()
        self.repaired.stop_editing()
        if row is not None and typed != self.repaired.text:
            self.text_corrected.emit(row.index, self.repaired.text, typed)

    def _cancel_text(self) -> None:
        self.repaired.stop_editing()
        self.repaired.set_text(self.repaired.text)  # what it showed

    def _edit_selected(self, *_args: object) -> None:
        self._fill_alternatives()
        e = self.current_edit()
        if e is not None and e.end > e.start:
            self.original.select_span(e.start, e.end)
        self.edit_changed.emit()

    def _selection_changed(self, pane: TextPane) -> None:
        if pane.textCursor().hasSelection():
            self.last_target = pane.target
            self.span_selected.emit()

    # --- what the user picked -----------------------------------------------------------------

    def select_text(self, target: str, start: int, end: int) -> None:
        """Select ``[start, end)`` of the original or repaired text (as if the user had)."""
        pane = self.original if target == "original" else self.repaired
        if start < end:
            pane.select_span(start, end)
        else:
            cursor = pane.textCursor()
            cursor.clearSelection()
            pane.setTextCursor(cursor)
        self.last_target = target

    def text_selection(self) -> tuple[str, int, int] | None:
        """(target, start, end) of the selected text (code points), the pane used last first."""
        panes = (
            (self.repaired, self.original)
            if self.last_target == "repaired"
            else (self.original, self.repaired)
        )
        for pane in panes:
            span = pane.selected_span()
            if span is not None and span[1] > span[0]:
                return pane.target, span[0], span[1]
        return None

    def shown_index(self) -> int | None:
        """The segment index of the row shown (None: none)."""
        return None if self.row is None else self.row.index

    def chosen_alternative(self) -> str | None:
        return self.alternatives.currentData()

    def current_edit(self) -> EditInfo | None:
        index = self.edits.currentIndex()
        return self.edit_model.record(index.row()) if index.isValid() else None

    def selected_edits(self) -> list[EditInfo]:
        rows = sorted({i.row() for i in self.edits.selectionModel().selectedRows()})
        return [self.edit_model.record(r) for r in rows]

    def select_edit_at(self, target: str, pos: int) -> bool:
        """A click at ``pos`` of a pane's text: the repair whose text is there becomes the current
        one (False: none is there)."""
        if self.row is None:
            return False
        if target == "repaired":
            spans = [(h.start, h.end, h.edit_id) for h in self.row.highlights]
        else:
            spans = [(e.start, e.end, e.id) for e in self.row.info.edits if e.kind != "speaker"]
        # The character clicked is after the cursor or, at a span's end, before it.
        hit = next((i for s, e, i in spans if s <= pos < e), None)
        if hit is None:
            hit = next((i for s, e, i in spans if s < pos == e), None)
        if hit is None:
            return False
        self.select_edit(hit)
        return True

    def select_edit(self, edit_id: int) -> None:
        for n, e in enumerate(self.edit_model.records()):
            if e.id == edit_id:
                self.choose_edit(n)
                return

    def choose_edit(self, n: int | None) -> None:
        """Make the ``n``-th repair of the list the current and selected one (None: none)."""
        flags = QItemSelectionModel.SelectionFlag
        if n is None:
            self.edits.selectionModel().clear()
            return
        self.edits.selectionModel().setCurrentIndex(
            self.edit_model.index(n, 0), flags.ClearAndSelect | flags.Rows
        )

    def choose_tags(self, rows: Iterable[int]) -> None:
        """Select these rows of the tag list (as a click and Ctrl+clicks would)."""
        flags = QItemSelectionModel.SelectionFlag
        model = self.tags.selectionModel()
        model.clear()
        for r in rows:
            model.select(self.tag_model.index(r, 0), flags.Select | flags.Rows)

    def selected_annotations(self) -> list[AnnotationInfo]:
        rows = sorted({i.row() for i in self.tags.selectionModel().selectedRows()})
        return [self.tag_model.record(r) for r in rows]
