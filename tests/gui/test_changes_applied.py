"""What an op says changed, applied to the window's rows, equals what a fresh read shows.

The session rebuilds only the rows an op read back (reviewer.ops Changes), never the
whole document; each step here is checked against a second session that reads the
document from the store anew.  (Seen in a real window: a tag on segment 0 did not show.)
"""

from __future__ import annotations

from reviewer.gui.session import ReviewSession
from reviewer.store import Store
from tests.store.helpers import CHAT, TIMED, doc


def _view(session: ReviewSession) -> list[tuple]:
    return [
        (
            r.index,
            r.info.repaired,
            r.speaker_label,
            r.speaker_name,
            r.tags_text,
            r.pending,
            tuple((a.id, a.kind, a.tag, a.version) for a in r.annotations),
            tuple((e.id, e.decision, e.version) for e in r.info.edits),
        )
        for r in session.segments.rows
    ]


def _fresh(store: Store, document_id: int) -> list[tuple]:
    other = ReviewSession(store, synchronous=True)
    other.refresh_documents()
    other.open_document(document_id)
    return _view(other)


def _same(session: ReviewSession) -> None:
    assert session.document_id is not None
    assert _view(session) == _fresh(session.store, session.document_id)
    assert session.annotations == session.store.annotations(session.document_id)
    assert session.segments.reviewed == sum(1 for r in session.segments.rows if r.reviewed)


def test_every_kind_of_step_leaves_the_rows_as_a_fresh_read(qtbot, store: Store) -> None:
    chat = store.import_document(doc(CHAT, "chat.txt")).document_id
    session = ReviewSession(store, synchronous=True)
    session.annotator = "me"
    session.refresh_documents()
    session.open_document(chat)
    steps = [
        lambda: session.mark_error(0, "asr", correction="Hey"),  # segment 0, the first
        lambda: session.tag_topic([0, 2], "AI/Tools"),
        lambda: session.set_speaker([1], "Guest"),
        lambda: session.rename_speaker("A", "Alice"),
        lambda: session.decide(session.pending_edits([0, 1, 2]), "accepted"),
        lambda: session.decide(session.pending_edits([3]) or session.pending_edits([2]), "rejected"),
        lambda: session.delete_annotations([a for a in session.annotations if a.kind == "topic"][:1]),
        lambda: session.edit_annotation(
            next(a for a in session.annotations if a.kind == "error"), correction="Hi", note="n"
        ),
        lambda: session.rename_topic("AI/Tools", "Apps"),
    ]
    for step in steps:
        step()
        _same(session)
    stack = session.undo_stack
    assert stack.count() >= len(steps) - 1
    while stack.canUndo():
        stack.undo()
        _same(session)
    while stack.canRedo():
        stack.redo()
        _same(session)


def test_a_speaker_set_on_a_timed_document_shows_at_once(qtbot, store: Store) -> None:
    timed = store.import_document(doc(TIMED, "timed.txt")).document_id
    session = ReviewSession(store, synchronous=True)
    session.refresh_documents()
    session.open_document(timed)
    assert session.set_speaker([0, 2], "Moderator")
    assert [session.segments.segment(i).speaker_name for i in (0, 1, 2)] == [
        "Moderator",
        "SPEAKER_01",
        "Moderator",
    ]  # type: ignore[union-attr]
    assert "Moderator" in {s.display_name for s in session.speaker_list()}
    _same(session)


def test_topics_made_with_no_document_open_show_in_the_tree(qtbot, store: Store) -> None:
    session = ReviewSession(store, synchronous=True)
    session.refresh_documents()
    assert session.document_id is None
    assert session.create_topic("Themes/Work")
    assert session.topics.info("Themes/Work") is not None
    session.undo_stack.undo()
    assert session.topics.info("Themes/Work") is None


def test_a_new_error_type_is_offered_after_it_is_added(qtbot, store: Store) -> None:
    from reviewer.ops.error_types import AddErrorType

    session = ReviewSession(store, synchronous=True)
    assert session.run(AddErrorType("term-missing", "Term missing"))
    assert "term-missing" in {e.key for e in session.error_types}
    session.undo_stack.undo()
    assert "term-missing" not in {e.key for e in session.error_types}


def test_the_window_knows_a_glossary_change_and_its_undo(qtbot, store: Store) -> None:
    from reviewer.core.glossary import Glossary
    from reviewer.ops.glossary import ChangeGlossary

    session = ReviewSession(store, synchronous=True)
    assert "Sytham" not in session.glossary().aliases  # read once, kept
    with qtbot.waitSignal(session.glossary_changed):
        assert session.run(ChangeGlossary(Glossary(aliases={"Sytham": "Cytham"})))
    assert session.glossary().aliases.get("Sytham") == "Cytham"
    with qtbot.waitSignal(session.glossary_changed):
        session.undo_stack.undo()
    assert "Sytham" not in session.glossary().aliases


def test_accepting_a_repair_in_the_window_is_one_write_and_no_reread(qtbot, store: Store) -> None:
    """The issue's contract: one write transaction (which reads the row back), then only the
    store's change token (an aggregate, so the next poll does not take our write for another's)."""
    from sqlalchemy import event

    chat = store.import_document(doc(CHAT, "chat.txt")).document_id
    session = ReviewSession(store, synchronous=True)
    session.refresh_documents()
    session.open_document(chat)
    pending = session.pending_edits([1])[:1]
    assert pending
    begun: list[object] = []
    statements: list[tuple[int, str]] = []  # (which transaction, statement)

    def on_begin(conn: object) -> None:
        begun.append(conn)

    def on_execute(conn, cursor, statement, *_a) -> None:  # type: ignore[no-untyped-def]
        statements.append((len(begun), statement))

    event.listen(store.engine, "begin", on_begin)
    event.listen(store.engine, "before_cursor_execute", on_execute)
    try:
        assert session.decide(pending, "accepted")
    finally:
        event.remove(store.engine, "begin", on_begin)
        event.remove(store.engine, "before_cursor_execute", on_execute)
    assert len(begun) == 2  # the op's write (with its read-back), then the change token
    first = [st for n, st in statements if n == 1]
    second = [st for n, st in statements if n == 2]
    assert any("FROM segments" in st for st in first if st.lstrip().upper().startswith("SELECT"))
    assert len(second) == 1  # one aggregate statement: no row of the document is read again
    assert session.segments.segment(1).info.edits[0].decision == "accepted"  # type: ignore[union-attr]
