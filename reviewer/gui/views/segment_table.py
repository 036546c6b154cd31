"""The side-by-side table view: fixed row heights (cheap to scroll at 100k rows), row selection."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from reviewer.gui.models.segments import (
    COL_INDEX,
    COL_ORIGINAL,
    COL_REPAIRED,
    COL_SPEAKER,
    COL_TAGS,
    COL_TIME,
    SegmentTableModel,
)
from reviewer.gui.views.delegates import SegmentTextDelegate, TagsDelegate


class SegmentTable(QTableView):
    correct_requested = Signal()  # Return on a row (the window opens it for a correction)

    def __init__(
        self, model: SegmentTableModel, topic_colour_of: Callable[[str], str | None], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("segmentTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # A double click on a text cell opens it for selecting a span (read-only); so does the
        # "select in cell" action (F2 is the window's "edit repair").
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.verticalHeader().hide()
        self.original_delegate = SegmentTextDelegate(False, self)
        self.repaired_delegate = SegmentTextDelegate(True, self)
        self.tags_delegate = TagsDelegate(topic_colour_of, self)
        self.setItemDelegateForColumn(COL_ORIGINAL, self.original_delegate)
        self.setItemDelegateForColumn(COL_REPAIRED, self.repaired_delegate)
        self.setItemDelegateForColumn(COL_TAGS, self.tags_delegate)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        fm = QFontMetrics(self.font())
        widths = {
            COL_INDEX: fm.horizontalAdvance("00000") + 12,
            COL_TIME: fm.horizontalAdvance("0:00:00") + 14,
            COL_SPEAKER: fm.horizontalAdvance("SPEAKER_00") + 18,
            COL_TAGS: fm.horizontalAdvance("M") * 11,
        }
        for col, width in widths.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        for col in (COL_ORIGINAL, COL_REPAIRED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.set_lines_per_row(2)

    @property
    def segment_model(self) -> SegmentTableModel:
        model = self.model()
        assert isinstance(model, SegmentTableModel)
        return model

    def lines_per_row(self) -> int:
        return self.original_delegate.max_lines

    def set_lines_per_row(self, lines: int) -> None:
        """Every row gets the same height (uniform rows keep a 100k-row table quick)."""
        self.original_delegate.max_lines = self.repaired_delegate.max_lines = lines
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setMinimumSectionSize(1)
        vh.setDefaultSectionSize(QFontMetrics(self.font()).lineSpacing() * lines + 6)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return on a row opens its text for a correction, as F2 does (here, not as a window
        # shortcut: the find bar and dialogs keep their own Return).
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() and self.state() != QAbstractItemView.State.EditingState:
            self.correct_requested.emit()
            return
        super().keyPressEvent(event)

    def selected_indices(self) -> list[int]:
        """Segment indices of the selected rows, in table order."""
        # From the selection's ranges: selectedRows() asks the model for every cell's flags
        # (seconds for a select-all of 100,000 rows, at every change of the selection).
        rows = sorted(
            {r for rng in self.selectionModel().selection() for r in range(rng.top(), rng.bottom() + 1)}
        )
        model = self.segment_model
        return [model.row_at(r).index for r in rows]

    def current_segment(self) -> int | None:
        current = self.currentIndex()
        if not current.isValid():
            rows = self.selected_indices()
            return rows[0] if rows else None
        return self.segment_model.row_at(current.row()).index

    def go_to_row(self, row: int, extend: bool = False, centre: bool = False) -> None:
        """Make ``row`` current; ``centre`` for a jump (find, next error): a row not wholly in
        view is brought to the middle, with its neighbours round it, not left at an edge."""
        model = self.segment_model
        if not 0 <= row < model.rowCount():
            return
        index = model.index(row, COL_REPAIRED)
        # Asked before the move: making a row current scrolls it just into view, at the edge.
        centre = centre and not self.row_in_view(row)
        flags = QItemSelectionModel.SelectionFlag.Rows
        if extend:
            flags |= QItemSelectionModel.SelectionFlag.Select
        else:
            flags |= QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.selectionModel().setCurrentIndex(index, flags)
        hint = QAbstractItemView.ScrollHint
        self.scrollTo(index, hint.PositionAtCenter if centre else hint.EnsureVisible)

    def row_in_view(self, row: int) -> bool:
        """Whether the whole of ``row`` is inside the viewport (not cut at an edge)."""
        rect = self.visualRect(self.segment_model.index(row, COL_REPAIRED))
        return rect.isValid() and self.viewport().rect().contains(rect)

    def go_to_segment(self, segment_index: int) -> bool:
        row = self.segment_model.visible_row(segment_index)
        if row is None:
            return False
        self.go_to_row(row)
        return True

    def select_segments(self, indices: list[int]) -> None:
        """Select these segments again (after a change), keeping the current one."""
        model = self.segment_model
        sel = self.selectionModel()
        rows = [r for r in (model.visible_row(i) for i in indices) if r is not None]
        if not rows:
            return
        current = self.currentIndex()
        sel.clearSelection()
        for r in rows:
            sel.select(
                model.index(r, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
        if current.isValid() and current.row() in rows:
            sel.setCurrentIndex(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        else:
            sel.setCurrentIndex(
                model.index(rows[0], COL_REPAIRED), QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def keyboardSearch(self, search: str) -> None:
        # Letters and digits are the window's quick keys; don't let the view jump on them.
        return

    def sizeHintForColumn(self, column: int) -> int:
        if column in (COL_ORIGINAL, COL_REPAIRED):
            return 300
        if column == COL_SPEAKER:
            return 120
        return super().sizeHintForColumn(column)

    def current_visible_row(self) -> int:
        current = self.currentIndex()
        return current.row() if current.isValid() else -1

    def rows_per_page(self) -> int:
        return max(1, self.viewport().height() // max(1, self.verticalHeader().defaultSectionSize()))

    def set_time_column_visible(self, visible: bool) -> None:
        self.setColumnHidden(COL_TIME, not visible)
