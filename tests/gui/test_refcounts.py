"""No paint or model path may lose references to None, True, False or small ints.

PySide6 6.12.0 dropped a reference to None on every void call; on Python 3.11 the
window aborted after a few minutes of scrolling (``none_dealloc``).  These tests paint
and query the real window many thousands of times and compare the counts before and
after: on that binding they fail by tens of thousands, on a sound one they hold.
"""

from __future__ import annotations

import gc
import sys

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from reviewer.gui import binding
from reviewer.gui.models.segments import COL_ORIGINAL, COL_REPAIRED, ROW_ROLE
from tests.gui.conftest import select_rows

WATCHED = {"None": None, "True": True, "False": False, "0": 0, "1": 1, "2": 2, "-1": -1}
# Caches (fonts, palettes, layouts) may take a handful of references once; a leak takes
# one or more per call, so thousands here.
SLACK = 50

LINES = "".join(
    f"[00:{n // 60:02d}:{n % 60:02d}] SPEAKER_0{n % 2}: line {n} with chat gpt and 好的 <b>x</b> 😂\n"
    for n in range(120)
)


def counts() -> dict[str, int]:
    return {name: sys.getrefcount(value) for name, value in WATCHED.items()}


def lost(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {name: before[name] - after[name] for name in before if before[name] - after[name] > SLACK}


def test_the_binding_keeps_its_references_to_none(qapp) -> None:
    assert binding.none_references_lost() == 0
    assert not binding.leaks_none()


def _filled_window(window, open_text) -> None:
    open_text(LINES, name="many.txt")
    s = window.session
    s.tag_topic([0, 1, 2, 5, 8], "Paint/Topic")
    s.mark_error(3, "asr", span=(0, 4), correction="Line")
    select_rows(window, 2)


def test_painting_the_table_many_times_keeps_refcounts(window, open_text) -> None:
    _filled_window(window, open_text)
    table = window.table
    viewport = table.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32)
    bar = table.verticalScrollBar()
    rows_shown = table.rows_per_page()
    for _ in range(3):  # warm the caches (glyphs, palettes) before counting
        viewport.render(image)
    before = counts()
    renders = 400
    for n in range(renders):
        bar.setValue((n * bar.pageStep()) % max(bar.maximum(), 1))
        viewport.render(image)
    after = counts()
    painted = renders * rows_shown * window.session.segments.columnCount()
    assert painted > 10_000
    assert lost(before, after) == {}, f"after {painted} cell paints"


def test_painting_the_whole_window_and_the_cell_editor_keeps_refcounts(window, open_text, qtbot) -> None:
    _filled_window(window, open_text)
    model = window.session.segments
    window.table.edit(model.index(2, COL_REPAIRED))  # the in-cell text pane, painted too
    QApplication.processEvents()
    for _ in range(3):
        window.grab()
    before = counts()
    for n in range(150):
        window.table.go_to_row(n % model.rowCount())
        window.grab()
    assert lost(before, counts()) == {}


def test_model_and_view_queries_keep_refcounts(window, open_text) -> None:
    _filled_window(window, open_text)
    model = window.session.segments
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.DecorationRole,
        ROW_ROLE,
    ]
    table = window.table
    docs = window.session.documents
    topics = window.session.topics

    def query_all() -> None:
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                index = model.index(r, c)
                model.flags(index)
                for role in roles:
                    model.data(index, role)
            table.indexAt(QPoint(5, 5 + r))
        for c in range(model.columnCount()):
            model.headerData(c, Qt.Orientation.Horizontal)
        model.data(QModelIndex())
        for m in (docs, topics):
            for r in range(m.rowCount()):
                for c in range(m.columnCount()):
                    for role in roles[:-1]:
                        m.data(m.index(r, c), role)
        for col in (COL_ORIGINAL, COL_REPAIRED):
            delegate = table.itemDelegateForColumn(col)
            delegate.sizeHint(_option(table), model.index(0, col))

    query_all()
    before = counts()
    for _ in range(30):
        query_all()
    assert lost(before, counts()) == {}


def _option(table):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.font = table.font()
    option.palette = table.palette()
    option.rect = table.visualRect(table.model().index(0, COL_REPAIRED))
    return option


@pytest.mark.no_qt_log  # pytest-qt keeps every Qt message it captures (None fields and all)
def test_a_round_that_changes_nothing_keeps_none_exactly(window, open_text, qtbot, monkeypatch) -> None:
    """Moving to a row and back, the inspector, the topic tree and filter lists rebuilt, a dialog
    opened and cancelled: nothing is kept, so None's count must come back to where it was.
    PySide6 6.10–6.11 keep a reference on item and dialog setters (it only grows); 6.12.0 drops
    one on every void call."""
    from PySide6.QtCore import QCoreApplication, QEvent

    _filled_window(window, open_text)
    table = window.table
    s = window.session

    def round_trip() -> None:
        table.go_to_row(3)
        table.go_to_row(2)
        window.inspector.choose_edit(0 if window.inspector.edit_model.rowCount() else None)
        s._refresh_topics()
        window._refresh_filter_choices()
        window.actions_by_name["set_speaker"].trigger()
        window.active_dialog.reject()
        window.actions_by_name["shortcuts"].trigger()
        window.active_dialog.reject()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()

    # An idle sweep (gui/idle.py: any open window's, after 3 s without input, which 60 rounds
    # can take on a slow machine) frees what earlier work froze, None's references with it:
    # swept once now, and not during the rounds, so only the rounds are counted.
    from reviewer.core.gc_pause import sweep_frozen
    from reviewer.gui import idle

    for _ in range(3):
        round_trip()
    sweep_frozen()
    monkeypatch.setattr(idle, "sweep_pending", lambda: False)
    monkeypatch.setattr(window.idle, "hooks", [])  # (nor the warm-up kept for a pause)
    gc.collect()
    before = sys.getrefcount(None)
    for _ in range(60):
        round_trip()
    gc.collect()
    assert abs(sys.getrefcount(None) - before) <= 10
