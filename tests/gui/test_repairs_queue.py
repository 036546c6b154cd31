"""The repairs queue dock: every edit in a list, filtered by kind and decision; choosing one
selects it in the inspector, A decides it and the queue moves on; "Accept all shown"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.glossary import load_glossary
from tests.conftest import ROOT, seed_path

PODCAST_GLOSSARY = ROOT / "resources" / "glossaries" / "ai-podcasts.txt"


def _open_queue(window):
    window.start_import([str(seed_path("003"))], glossary=load_glossary(PODCAST_GLOSSARY))
    doc = window.session.document_id
    assert doc is not None, window.last_error
    window.docks[2].raise_()  # its tab, next to Topics
    queue = window.repairs_queue
    assert window.docks[2].isVisible() and queue.model.rowCount() > 2000
    return doc, queue


def _choose_kind(queue, kind: str) -> None:
    at = queue.kind.findData(kind)
    assert at >= 0, [queue.kind.itemText(n) for n in range(queue.kind.count())]
    queue.kind.setCurrentIndex(at)


def test_the_glossary_repairs_are_one_filter_away_and_a_decides_the_chosen_one(qtbot, window, store) -> None:
    doc, queue = _open_queue(window)
    _choose_kind(queue, "glossary")
    shown = queue.proxy.rowCount()
    assert 0 < shown < 100  # not buried under the merges
    assert all(queue.model.entry(queue.proxy.mapToSource(queue.proxy.index(r, 0)).row())[1].kind == "glossary"
               for r in range(shown))  # fmt: skip
    queue.view.setFocus()
    queue.view.setCurrentIndex(queue.proxy.index(0, 2))
    seg, edit = queue.model.entry(queue.proxy.mapToSource(queue.proxy.index(0, 0)).row())
    assert window.table.current_segment() == seg
    assert window.inspector.current_edit() is not None and window.inspector.current_edit().id == edit.id
    second = queue.model.entry(queue.proxy.mapToSource(queue.proxy.index(1, 0)).row())[1]
    window.actions_by_name["accept"].trigger()
    stored = {e.id: e for s in store.segments(doc) for e in s.edits}
    assert stored[edit.id].decision == "accepted"
    assert queue.proxy.rowCount() == shown - 1  # decided: out of the pending list
    current = queue.view.currentIndex()
    assert queue.model.entry(queue.proxy.mapToSource(current).row())[1].id == second.id  # moved on


def test_accept_all_shown_decides_exactly_what_the_filters_leave(qtbot, window, store) -> None:
    doc, queue = _open_queue(window)
    _choose_kind(queue, "glossary")
    shown = {queue.model.entry(queue.proxy.mapToSource(queue.proxy.index(r, 0)).row())[1].id
             for r in range(queue.proxy.rowCount())}  # fmt: skip
    queue.accept_all.click()
    decided = {e.id: e.decision for s in store.segments(doc) for e in s.edits}
    assert all(decided[i] == "accepted" for i in shown)
    others = [e for s in store.segments(doc) for e in s.edits if e.id not in shown]
    assert all(e.decision == "pending" for e in others)
    assert queue.proxy.rowCount() == 0


def test_next_low_confidence_selects_the_repair_not_only_the_row(qtbot, window, store) -> None:
    from reviewer.gui.models.rows import LOW_CONFIDENCE

    _open_queue(window)
    window.actions_by_name["next_low"].trigger()
    edit = window.inspector.current_edit()
    assert edit is not None and edit.confidence < LOW_CONFIDENCE and edit.decision == "pending"
    assert window.inspector.shown_index() == window.table.current_segment()


def test_a_header_click_sorts_the_queue(qtbot, window, store) -> None:
    _doc, queue = _open_queue(window)
    queue.decision.setCurrentIndex(queue.decision.findData(""))  # every decision
    queue.view.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # confidence, lowest first
    shown = [queue.model.entry(queue.proxy.mapToSource(queue.proxy.index(r, 0)).row())[1].confidence
             for r in range(queue.proxy.rowCount())]  # fmt: skip
    assert shown == sorted(shown) and shown[0] < shown[-1]


def test_the_change_shows_in_its_context_of_the_original_text(qtbot, window, store) -> None:
    _doc, queue = _open_queue(window)
    _choose_kind(queue, "merge")
    seg, edit = queue.model.entry(queue.proxy.mapToSource(queue.proxy.index(0, 0)).row())
    original = store.segment(_doc, seg).original
    left, right = original[max(0, edit.start - 8) : edit.start], original[edit.end : edit.end + 8]
    expected = f"{left}[↵ → {edit.after}]{right}".replace("\n", "↵")
    assert queue.proxy.index(0, 2).data() == expected
