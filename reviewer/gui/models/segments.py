"""The side-by-side table: one row per segment, filtered in Python (no proxy in the paint path).

A QSortFilterProxyModel would call back into Python once per row to filter;
keeping a list of visible positions here filters 100,000 rows in one list
comprehension and keeps ``rowCount``/``data`` O(1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from reviewer.gui.colours import speaker_background, speaker_colour
from reviewer.gui.models.rows import SegmentRow, time_text

COL_INDEX, COL_TIME, COL_SPEAKER, COL_ORIGINAL, COL_REPAIRED, COL_TAGS = range(6)
# Marked for lupdate; headerData translates them in the "SegmentTableModel" context.
HEADERS = (
    "#",
    QT_TRANSLATE_NOOP("SegmentTableModel", "Time"),
    QT_TRANSLATE_NOOP("SegmentTableModel", "Speaker"),
    QT_TRANSLATE_NOOP("SegmentTableModel", "Original"),
    QT_TRANSLATE_NOOP("SegmentTableModel", "Repaired"),
    QT_TRANSLATE_NOOP("SegmentTableModel", "Tags"),
)
# The SegmentRow behind a table row (delegates read highlights from it).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex
RowFilter = Callable[[SegmentRow], bool]
# Past this many rows changed at once, one dataChanged covers them all (not one per row).
MANY_CHANGED = 64


class SegmentTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[SegmentRow] = []
        self._visible: list[int] = []  # positions in self.rows, in order
        self._position_of: dict[int, int] = {}  # segment index → position in self.rows
        self._row_of: dict[int, int] | None = None  # position → visible row, built on demand
        self._filter: RowFilter | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        # Counts every change of rows or filter: what was worked out from them (find matches) is
        # stale when it has moved on.
        self.generation = 0
        self.reviewed = 0  # rows no repair of which waits for a decision, kept up with each change

    # --- content ------------------------------------------------------------------------------

    def set_rows(
        self, rows: Sequence[SegmentRow], positions: dict[int, int] | None = None, reviewed: int | None = None
    ) -> None:
        """Show these rows; ``positions`` (segment index → list position) and ``reviewed`` (how
        many are) when already known."""
        self.beginResetModel()
        self.rows = list(rows)
        self._position_of = positions or {r.index: n for n, r in enumerate(self.rows)}
        self.reviewed = sum(1 for r in self.rows if r.reviewed) if reviewed is None else reviewed
        self._refilter()
        self.generation += 1
        self.endResetModel()

    def set_filter(self, accept: RowFilter | None) -> None:
        self.beginResetModel()
        self._filter = accept
        self._refilter()
        self.generation += 1
        self.endResetModel()

    @property
    def filtered(self) -> bool:
        return self._filter is not None

    def _refilter(self) -> None:
        accept = self._filter
        if accept is None:
            self._visible = list(range(len(self.rows)))
        else:
            self._visible = [n for n, r in enumerate(self.rows) if accept(r)]
        self._row_of = None

    def replace_rows(self, rows: Iterable[SegmentRow]) -> None:
        """Put changed rows in place (or say rows changed in place) and repaint just them; filters
        are not re-run: rows stay put."""
        changed = []
        self.generation += 1
        for row in rows:
            pos = self._position_of.get(row.index)
            if pos is None:
                continue
            old = self.rows[pos]
            self.reviewed += (row is not old) * (row.reviewed - old.reviewed)
            self.rows[pos] = row
            visible = self.visible_row(row.index)
            if visible is not None:
                changed.append(visible)
        last = len(HEADERS) - 1
        if len(changed) > MANY_CHANGED:  # one signal for the span (a rename shows on every row)
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
            return
        for r in changed:
            self.dataChanged.emit(self.index(r, 0), self.index(r, last))

    def refresh_all(self) -> None:
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, len(HEADERS) - 1))

    # --- lookups ------------------------------------------------------------------------------

    def positions(self) -> dict[int, int]:
        """Segment index → position in ``rows`` (shared, not copied: treat it as read-only)."""
        return self._position_of

    def row_at(self, visible_row: int) -> SegmentRow:
        return self.rows[self._visible[visible_row]]

    def segment(self, segment_index: int) -> SegmentRow | None:
        pos = self._position_of.get(segment_index)
        return self.rows[pos] if pos is not None else None

    def visible_row(self, segment_index: int) -> int | None:
        pos = self._position_of.get(segment_index)
        if pos is None:
            return None
        if self._row_of is None:
            self._row_of = {p: r for r, p in enumerate(self._visible)}
        return self._row_of.get(pos)

    def visible_rows(self) -> list[SegmentRow]:
        return [self.rows[p] for p in self._visible]

    # --- Qt model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def retranslate(self) -> None:
        """Headers are translated when shown (tooltips too): ask the views to show them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("SegmentTableModel", HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[self._visible[index.row()]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_INDEX:
                return str(row.index)
            if col == COL_TIME:
                return time_text(row.info.start)
            if col == COL_SPEAKER:
                return row.speaker_name or ""
            if col == COL_ORIGINAL:
                return row.display_original
            if col == COL_REPAIRED:
                return row.display_repaired
            if col == COL_TAGS:
                return row.tags_text
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TAGS and row.pending:
            return self.tr("{0} repair(s) of this row wait for a decision (✎)").format(row.pending)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_INDEX, COL_TIME):
            lines = row.info.source_lines
            if not lines:
                return None
            span = f"{lines[0]}" if len(lines) == 1 else f"{lines[0]}–{lines[-1]}"
            return (
                self.tr("Source lines {0} ({1} merged)").format(span, len(lines))
                if len(lines) > 1
                else (self.tr("Source line {0}").format(span))
            )
        if col == COL_SPEAKER:
            if role == Qt.ItemDataRole.ForegroundRole:
                return speaker_colour(row.speaker_label)
            if role == Qt.ItemDataRole.BackgroundRole:
                return speaker_background(row.speaker_label)
            if role == Qt.ItemDataRole.FontRole and row.speaker_tagged:
                return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Top-aligned like the wrapped text beside them.
            if col in (COL_INDEX, COL_TIME):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            if col == COL_SPEAKER:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_ORIGINAL, COL_REPAIRED):
            # "Editable" opens the delegate's read-only text view, for selecting a span in the cell.
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags
