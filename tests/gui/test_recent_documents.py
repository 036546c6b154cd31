"""Switching back to a document just open is instant (its rows are kept), unless it changed since."""

from __future__ import annotations

from reviewer.store import open_store
from tests.gui.conftest import CHAT, TIMED, select_rows


def test_going_back_to_a_document_reuses_its_rows_with_the_reviewers_changes(
    window, open_text, store
) -> None:
    a = open_text(CHAT, name="a.txt")
    s = window.session
    select_rows(window, 1)
    s.tag_topic([1], "Kept/Here")
    first_row = s.segments.segment(0)
    b = open_text(TIMED, name="b.txt")
    assert s.document_id == b
    window.open_document(a)
    assert s.document_id == a
    assert s.segments.segment(0) is first_row  # the same rows: nothing was read again
    assert s.segments.segment(1).topics == ["Kept/Here"]
    assert [x.tag for x in store.annotations(a)] == ["Kept/Here"]
    # Undo still belongs to the document and reaches the store.
    s.undo_stack.undo()
    assert store.annotations(a) == [] and s.segments.segment(1).topics == []


def test_a_document_changed_meanwhile_is_read_again(window, open_text, store, tmp_path) -> None:
    a = open_text(CHAT, name="a.txt")
    s = window.session
    first_row = s.segments.segment(0)
    open_text(TIMED, name="b.txt")
    # Another process (here: another connection to the same file) tags document A meanwhile.
    with open_store(store.url) as other:
        other.tag(a, 2, topic="From/Elsewhere", annotator="someone")
    window.open_document(a)
    assert s.segments.segment(0) is not first_row
    assert s.segments.segment(2).topics == ["From/Elsewhere"]


def test_the_kept_rows_follow_whose_tags_are_shown(window, open_text, store) -> None:
    a = open_text(CHAT, name="a.txt")
    s = window.session
    s.tag_topic([0], "Mine")
    with open_store(store.url) as other:
        other.tag(a, 1, topic="Theirs", annotator="other")
    window.act_refresh()
    open_text(TIMED, name="b.txt")
    s.set_annotator_view("other")
    window.open_document(a)
    assert s.segments.segment(0).topics == [] and s.segments.segment(1).topics == ["Theirs"]
    s.set_annotator_view(None)
    assert s.segments.segment(0).topics == ["Mine"]
