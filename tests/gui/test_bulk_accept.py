"""Bulk accept takes only what the reviewer asked for, says what it did, and asks before a lot."""

from __future__ import annotations

from collections import Counter

from reviewer.core.glossary import load_glossary
from reviewer.ops.bulk_accept import BulkAcceptRules, plan_bulk_accept
from reviewer.store.records import EditInfo
from tests.conftest import ROOT, seed_path
from tests.gui.conftest import select_rows

PODCAST_GLOSSARY = ROOT / "resources" / "glossaries" / "ai-podcasts.txt"


def edit(
    kind: str, confidence: float, applied: bool = True, decision: str = "pending", n: int = 1
) -> EditInfo:
    return EditInfo(n, kind, 0, 1, "a", "b", confidence, (), applied, decision, None, 1)


def test_rules_leave_suggestions_and_uncertain_repairs_alone() -> None:
    edits = [
        (0, edit("merge", 0.8, n=1)),
        (1, edit("speaker", 0.35, n=2)),
        (2, edit("glossary", 0.6, applied=False, n=3)),
        (3, edit("glossary", 0.95, n=4)),
        (4, edit("merge", 0.8, decision="accepted", n=5)),
    ]
    plan = plan_bulk_accept(edits, BulkAcceptRules(default=0.75))
    assert [e.id for _i, e in plan.chosen] == [1, 4]
    assert [e.id for _i, e in plan.left] == [2, 3]
    assert plan.pending == Counter({"merge": 1, "speaker": 1, "glossary": 2})
    assert plan.suggestions == 1
    # Asked for: speakers from 0.3, and suggestions too; never what is decided already.
    wide = plan_bulk_accept(edits, BulkAcceptRules({"speaker": 0.3}, default=0.5, suggestions=True))
    assert [e.id for _i, e in wide.chosen] == [1, 2, 3, 4]
    only = plan_bulk_accept(edits, BulkAcceptRules(kinds=frozenset({"glossary"})))
    assert [e.id for _i, e in only.chosen] == [4]


def _open_podcast(window) -> int:
    window.start_import([str(seed_path("003"))], glossary=load_glossary(PODCAST_GLOSSARY))
    assert window.session.document_id is not None, window.last_error
    return window.session.document_id


def decided(store, doc) -> Counter:
    return Counter((e.kind, e.decision) for seg in store.segments(doc) for e in seg.edits)


def test_accept_over_every_row_asks_and_leaves_guesses_and_suggestions(window, store) -> None:
    doc = _open_podcast(window)
    n = window.session.segments.rowCount()
    select_rows(window, 0, n - 1)
    window.actions_by_name["accept"].trigger()
    # Far more than a screenful: nothing is accepted before the reviewer says so.
    dlg = window.active_dialog
    assert dlg is not None and dlg.objectName() == "bulkAcceptDialog"
    assert all(d == "pending" for (_k, d) in decided(store, doc))
    plan = dlg.plan()
    assert plan.accepted["merge"] == 2620 and plan.accepted["glossary"] == 36
    assert plan.accepted["speaker"] == 0  # 0.35–0.7 guesses are below the default 0.75
    assert "2656 repairs" in dlg.result_label.text()
    dlg.accept()
    after = decided(store, doc)
    assert after[("merge", "accepted")] == 2620 and after[("glossary", "accepted")] == 36
    assert after[("speaker", "pending")] == 21 and after[("glossary", "pending")] == 3
    assert "left pending" in window.statusBar().currentMessage()
    window.session.undo_stack.undo()
    assert all(d == "pending" for (_k, d) in decided(store, doc))


def test_accept_by_confidence_per_kind(window, store) -> None:
    doc = _open_podcast(window)
    select_rows(window, 0)
    window.actions_by_name["accept_many"].trigger()  # one row selected: the whole document
    dlg = window.active_dialog
    dlg.set_threshold("speaker", 0.5)
    dlg.kinds["merge"][0].setChecked(False)
    dlg.suggestions.setChecked(True)
    dlg.accept()
    after = decided(store, doc)
    assert after[("speaker", "accepted")] == 7 and after[("speaker", "pending")] == 14
    assert after[("merge", "pending")] == 2620
    # The glossary suggestions (0.6) are under 0.75 even when suggestions are asked for.
    assert after[("glossary", "accepted")] == 36 and after[("glossary", "pending")] == 3


def test_a_few_rows_are_accepted_at_once_and_suggestions_stay(window, store) -> None:
    doc = _open_podcast(window)
    s = window.session
    rows = [r for r in s.segments.rows if any(not e.applied for e in r.info.edits)]
    assert rows
    target = rows[0].index
    select_rows(window, s.segments.visible_row(target))
    window.actions_by_name["accept"].trigger()
    assert window.active_dialog is None
    seg = store.segment(doc, target)
    assert {e.decision for e in seg.edits if not e.applied} == {"pending"}
    assert "suggestion" in window.statusBar().currentMessage()
    # Picked in the inspector, the suggestion is accepted (the reviewer asked for it).
    edits = window.inspector.edit_model.records()
    window.inspector.choose_edit(next(k for k, e in enumerate(edits) if not e.applied))
    window.actions_by_name["accept"].trigger()
    assert {e.decision for e in store.segment(doc, target).edits if not e.applied} == {"accepted"}


def test_rejecting_more_than_a_screenful_asks_first(window, store) -> None:
    from PySide6.QtWidgets import QMessageBox

    doc = _open_podcast(window)
    n = window.session.segments.rowCount()
    select_rows(window, 0, n - 1)
    window.actions_by_name["reject"].trigger()
    box = window.active_dialog
    assert box is not None and box.objectName() == "rejectManyBox"
    assert "2620 merge" in box.text()
    assert all(d == "pending" for (_k, d) in decided(store, doc))
    box.button(QMessageBox.StandardButton.Ok).click()
    assert all(d == "rejected" for (_k, d) in decided(store, doc))
