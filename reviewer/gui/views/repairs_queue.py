"""The repairs queue: every edit of the open document in one list, to work through by kind.

Kind, the change with its context, confidence and decision; filtered by kind, decision and
confidence, sortable by any column.  Choosing an entry shows its row in the table and
selects the edit in the inspector, so the window's Accept / Reject (A / R) decide it; with
the "pending" filter the next entry moves up into its place, so the queue advances by
itself.  "Accept all shown" decides what the filters leave.  The 36 glossary repairs of a
podcast are one filter away, not buried under its 2,620 merges.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.transcript import FIELD_KINDS
from reviewer.gui.models.rows import SegmentRow
from reviewer.store.records import EditInfo

Index = QModelIndex | QPersistentModelIndex
COL_SEGMENT, COL_KIND, COL_CHANGE, COL_CONFIDENCE, COL_DECISION = range(5)
CONTEXT = 8


def _shown(text: str) -> str:
    return text.replace("\n", "↵")


def change_text(original: str, e: EditInfo) -> str:
    """``left [before → after] right`` in the segment's original text (a merge shows where);
    a speaker edit as ``label → label``."""
    if e.kind in FIELD_KINDS:
        return f"{e.before or '∅'} → {e.after or '∅'}"
    left = original[max(0, e.start - CONTEXT) : e.start]
    right = original[e.end : e.end + CONTEXT]
    after = e.decided_text if e.decision == "changed" else e.after
    return f"{_shown(left)}[{_shown(e.before)} → {_shown(after or '')}]{_shown(right)}"


class RepairsQueueModel(QAbstractTableModel):
    """(segment index, edit, the segment's original text) of every edit of the open document.

    The rows' own objects, shared (a 100,000-segment document's queue costs a list, not a
    copy); the change text is made when a cell is painted."""

    HEADERS = ("Segment", "Kind", "Change", "Conf.", "Decision")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[int, EditInfo, str]] = []  # (segment, edit, original)

    def set_rows(self, rows: Iterable[SegmentRow]) -> None:
        self.beginResetModel()
        self.entries = [(r.index, e, r.info.original) for r in rows for e in r.info.edits]
        self.endResetModel()

    def replace_segments(self, rows: Sequence[SegmentRow]) -> None:
        """The entries of these segments anew (their edits were decided or rewritten)."""
        if not rows:
            return
        touched = {r.index for r in rows}
        fresh = {e.id: (r.index, e, r.info.original) for r in rows for e in r.info.edits}
        # One pass over the list: where the touched segments' entries are (by edit id, so a
        # list sorted by any column is kept as it is).
        at = [n for n, (s, _e, _t) in enumerate(self.entries) if s in touched]
        if {self.entries[n][1].id for n in at} != fresh.keys():  # edits came or went: rebuild
            kept = [x for x in self.entries if x[0] not in touched]
            self.beginResetModel()
            self.entries = sorted([*kept, *fresh.values()], key=lambda x: (x[0], x[1].start))
            self.endResetModel()
            return
        for n in at:
            self.entries[n] = fresh[self.entries[n][1].id]
            self.dataChanged.emit(self.index(n, 0), self.index(n, COL_DECISION))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("#"),
                self.tr("Kind"),
                self.tr("Change"),
                self.tr("Conf."),
                self.tr("Decision"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        seg, e, original = self.entries[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_CHANGE:
                return change_text(original, e)
            return (str(seg), e.kind, "", f"{e.confidence:.2f}", e.decision)[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CHANGE:
            return change_text(original, e)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, as a list (a proxy's sort asks data() for every comparison: seconds for
        100,000 edits)."""
        keys = {
            COL_SEGMENT: lambda x: (x[0], x[1].start),
            COL_KIND: lambda x: (x[1].kind, x[0], x[1].start),
            COL_CHANGE: lambda x: (x[1].before, x[0]),
            COL_CONFIDENCE: lambda x: (x[1].confidence, x[0], x[1].start),
            COL_DECISION: lambda x: (x[1].decision, x[0], x[1].start),
        }
        if column not in keys:
            return
        self.layoutAboutToBeChanged.emit()
        self.entries.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def entry(self, row: int) -> tuple[int, EditInfo]:
        seg, e, _t = self.entries[row]
        return seg, e


class QueueFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = ""  # "": every kind
        self.decision = "pending"  # "": every decision
        self.max_confidence = 1.0

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)  # the list sorts itself; the proxy only filters

    def set_filters(self, kind: str, decision: str, max_confidence: float) -> None:
        self.kind, self.decision, self.max_confidence = kind, decision, max_confidence
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RepairsQueueModel)
        _s, e, _t = model.entries[source_row]
        return (
            (not self.kind or e.kind == self.kind)
            and (not self.decision or e.decision == self.decision)
            and e.confidence <= self.max_confidence + 1e-9
        )


class RepairsQueue(QWidget):
    """The dock's widget."""

    edit_chosen = Signal(int, int)  # segment index, edit id
    accept_requested = Signal(list)  # [(segment index, EditInfo)] shown

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("repairsQueue")
        self.model = RepairsQueueModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        self.kind = QComboBox()
        self.kind.setObjectName("queueKind")
        self.decision = QComboBox()
        self.decision.setObjectName("queueDecision")
        for label, value in (
            (self.tr("Pending"), "pending"),
            (self.tr("Any decision"), ""),
            (self.tr("Accepted"), "accepted"),
            (self.tr("Rejected"), "rejected"),
            (self.tr("Changed"), "changed"),
        ):
            self.decision.addItem(label, value)
        self.confidence = QDoubleSpinBox()
        self.confidence.setObjectName("queueConfidence")
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.05)
        self.confidence.setValue(1.0)
        self.confidence.setPrefix(self.tr("conf. ≤ "))
        self.count = QLabel()
        self.view = QTableView()
        self.view.setObjectName("queueView")
        self.view.setModel(self.proxy)
        # In reading order as built; a header click sorts (RepairsQueueModel.sort).
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_CHANGE, QHeaderView.ResizeMode.Stretch)
        for col in (COL_SEGMENT, COL_KIND, COL_CONFIDENCE, COL_DECISION):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.accept_all = QPushButton(self.tr("Accept all &shown"))
        self.accept_all.setObjectName("queueAcceptAll")
        self.accept_all.clicked.connect(lambda: self.accept_requested.emit(self.shown_pending()))
        filters = QHBoxLayout()
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.decision, 1)
        filters.addWidget(self.confidence)
        foot = QHBoxLayout()
        foot.addWidget(self.count, 1)
        foot.addWidget(self.accept_all)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(filters)
        lay.addWidget(self.view, 1)
        lay.addLayout(foot)
        self.kind.currentIndexChanged.connect(self._filters_changed)
        self.decision.currentIndexChanged.connect(self._filters_changed)
        self.confidence.valueChanged.connect(self._filters_changed)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self._updating = False
        self._fill_kinds()

    def _fill_kinds(self) -> None:
        wanted = sorted({e.kind for _s, e, _t in self.model.entries})
        current = self.kind.currentData() or ""
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("Every kind"), "")
        for k in wanted:
            n = sum(1 for _s, e, _t in self.model.entries if e.kind == k)
            self.kind.addItem(f"{k} ({n})", k)
        at = self.kind.findData(current)
        self.kind.setCurrentIndex(max(at, 0))
        self.kind.blockSignals(False)

    def _filters_changed(self) -> None:
        self.proxy.set_filters(
            self.kind.currentData() or "", self.decision.currentData() or "", self.confidence.value()
        )
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("{0} of {1} edits").format(self.proxy.rowCount(), self.model.rowCount()))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._updating:
            return
        seg, e = self.model.entry(self.proxy.mapToSource(current).row())
        self.edit_chosen.emit(seg, e.id)

    def set_rows(self, rows: Iterable[SegmentRow]) -> None:
        self.model.set_rows(rows)
        self._fill_kinds()
        self._filters_changed()

    def replace_segments(self, rows: Sequence[SegmentRow]) -> None:
        """After a decision: the entries follow; the cursor stays at its place in the list, so
        with the pending filter the next repair is the current one."""
        had_focus = self.view.hasFocus()
        row = self.view.currentIndex().row()
        self._updating = True  # the proxy moves the cursor as rows leave: not the reviewer
        try:
            # (Changed entries are filtered again by the proxy itself, from dataChanged.)
            self.model.replace_segments(rows)
        finally:
            self._updating = False
        self._update_count()
        if had_focus and row >= 0 and self.proxy.rowCount():
            at = self.proxy.index(min(row, self.proxy.rowCount() - 1), COL_CHANGE)
            self.view.setCurrentIndex(at)
            self._current_changed(at, at)  # (no signal when the cursor stayed where it was)

    def shown_pending(self) -> list[tuple[int, EditInfo]]:
        out = []
        for r in range(self.proxy.rowCount()):
            seg, e = self.model.entry(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            if e.decision == "pending":
                out.append((seg, e))
        return out
