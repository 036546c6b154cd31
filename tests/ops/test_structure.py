"""Split and merge: rows added and taken away, edits and tags with them, times kept; undo and redo.

On both store backends (tests/store/backends.py), without Qt.
"""

from __future__ import annotations

from typing import Any

import pytest

from reviewer.core.errors import InputError
from reviewer.export.transcript import export_transcript
from reviewer.ops import DecideEdits, decisions_for, run
from reviewer.ops.structure import MergeSegments, SplitSegment
from reviewer.store import Store, TagSpec
from reviewer.store.errors import TextConflict
from tests.store.helpers import doc

# The engine merges lines 1-3 (one speaker, seconds apart, no sentence end) and lines 4-5.
FRAGMENTS = (
    "[00:00:01] SPEAKER_00: hello there\n"
    "[00:00:03] SPEAKER_00: how are you\n"
    "[00:00:05] SPEAKER_00: today my friend\n"
    "[00:00:20] SPEAKER_01: 我们今天聊一下 AI\n"
    "[00:00:24] SPEAKER_01: 很好\n"
    "[00:00:40] SPEAKER_00: good\n"
)


@pytest.fixture
def frags(store: Store) -> int:
    return store.import_document(doc(FRAGMENTS, "frags.txt", glossary=False)).document_id


def _state(store: Store, doc_id: int) -> tuple[Any, ...]:
    """Everything a split or merge touches, ids included (an undo gives back exactly this)."""
    segs = tuple(
        (
            s.id, s.index, s.original, s.repaired, s.start, s.end, s.source_lines,
            s.speaker.label if s.speaker else None,
            tuple((e.id, e.kind, e.start, e.end, e.before, e.after, e.decision) for e in s.edits),
        )
        for s in store.segments(doc_id)
    )  # fmt: skip
    tags = tuple(
        (a.id, a.segment_index, a.kind, a.tag, a.target, a.span_start, a.span_end, a.quote)
        for a in store.annotations(doc_id)
    )
    return segs, tags


def _texts(store: Store, doc_id: int) -> list[str]:
    return [s.repaired for s in store.segments(doc_id)]


def test_the_engine_merged_the_fragments(store: Store, frags: int) -> None:
    # The premise of the other tests: two merged rows and one single.
    assert _texts(store, frags) == [
        "hello there how are you today my friend",
        "我们今天聊一下 AI 很好",
        "good",
    ]


def test_rejecting_a_join_splits_the_row_with_the_fragments_times(store: Store, frags: int) -> None:
    before = _state(store, frags)
    seg = store.segment(frags, 0)
    joins = [e for e in seg.edits if e.kind == "merge"]
    assert len(joins) == 2
    op = DecideEdits(frags, decisions_for([(0, joins[1])], "rejected"))
    changes = run(store, op)
    assert changes.restructure == ((0, 1, 2),)  # row 0 is two rows now
    assert changes.rows is not None and changes.rows.indexes == {0, 1}
    segs = store.segments(frags)
    assert [s.repaired for s in segs] == [
        "hello there how are you", "today my friend", "我们今天聊一下 AI 很好", "good"
    ]  # fmt: skip
    # The second part starts at its own line's stamp; the first now ends there.
    assert (segs[0].start, segs[0].end, segs[1].start, segs[1].end) == (1.0, 5.0, 5.0, 20.0)
    assert segs[0].source_lines == (1, 2) and segs[1].source_lines == (3,)
    assert [s.speaker.label if s.speaker else None for s in segs] == [
        "SPEAKER_00",
        "SPEAKER_00",
        "SPEAKER_01",
        "SPEAKER_00",
    ]
    # The other join stays where it was; the rejected one is gone (the split is the decision).
    assert [e.id for e in segs[0].edits] == [joins[0].id] and not segs[1].edits
    op.undo(store)
    assert _state(store, frags) == before
    op.do(store)
    assert len(store.segments(frags)) == 4


def test_tags_follow_their_text_into_the_parts(store: Store, frags: int) -> None:
    text = store.segment(frags, 0).repaired
    at = text.index("today")
    store.tag_many(
        frags,
        [
            TagSpec(0, "topic", "Greeting"),  # the whole segment: on both parts
            TagSpec(0, "topic", "Late", span=(at + 6, at + 15)),  # "my friend": moves, shifted
            TagSpec(0, "topic", "Over", span=(at - 4, at + 5)),  # "you today": on both, each its share
            TagSpec(1, "topic", "After"),  # a later row: only its index moves
        ],
    )
    before = _state(store, frags)
    op = SplitSegment(frags, 0, text, at)
    run(store, op)
    assert op.second_start == (5.0, "stamp")  # the cursor was at the join: its fragment's time
    got = sorted((a.segment_index, a.tag, a.quote) for a in store.annotations(frags))
    assert got == sorted(
        [
            (0, "Greeting", "hello there how are you"),
            (1, "Greeting", "today my friend"),
            (1, "Late", "my friend"),
            (0, "Over", "you"),
            (1, "Over", "today"),
            (2, "After", "我们今天聊一下 AI 很好"),
        ]
    )
    op.undo(store)
    assert _state(store, frags) == before


def test_a_split_inside_a_fragment_estimates_the_time_and_is_said_so(store: Store, frags: int) -> None:
    text = store.segment(frags, 2).repaired  # "good", 40.0 – (no end: the last row)
    with pytest.raises(InputError):
        run(store, SplitSegment(frags, 2, text, 0))  # nothing on one side
    seg = store.segment(frags, 1)  # 20.0 – 40.0, "我们今天聊一下 AI 很好"
    op = SplitSegment(frags, 1, seg.repaired, 4)
    run(store, op)
    start, how = op.second_start
    assert how == "estimated"
    # Within its fragment "我们今天聊一下 AI" (20 s to the next fragment's 24 s): four of ten characters.
    assert start == pytest.approx(20.0 + 4.0 * 4 / 10, abs=0.001)
    segs = store.segments(frags)
    assert [s.repaired for s in segs[1:3]] == ["我们今天", "聊一下 AI 很好"]
    assert segs[1].end == segs[2].start == start and segs[2].end == 40.0
    op2 = SplitSegment(frags, 3, "good", 2, time=41.5)  # a time the reviewer gives
    run(store, op2)
    assert op2.second_start == (41.5, "given")


def test_a_cut_inside_a_change_is_refused_and_nothing_is_written(store: Store) -> None:
    doc_id = store.import_document(doc("[A]: I use chat gpt daily\n", "c.txt")).document_id
    seg = store.segment(doc_id, 0)
    assert seg.repaired == "I use ChatGPT daily"
    before = _state(store, doc_id)
    with pytest.raises(InputError, match="inside a change"):
        run(store, SplitSegment(doc_id, 0, seg.repaired, seg.repaired.index("GPT")))
    with pytest.raises(TextConflict):
        run(store, SplitSegment(doc_id, 0, "something else", 3))
    assert _state(store, doc_id) == before
    run(store, SplitSegment(doc_id, 0, seg.repaired, seg.repaired.index(" daily")))
    assert _texts(store, doc_id) == ["I use ChatGPT", " daily"]
    assert [e.kind for e in store.segment(doc_id, 0).edits] == ["glossary"]  # the repair stays with its text


def test_merge_joins_with_the_next_row_and_rejecting_the_join_splits_again(store: Store, frags: int) -> None:
    store.tag_many(frags, [TagSpec(2, "topic", "End", span=(0, 4)), TagSpec(1, "topic", "Mid", span=(0, 2))])
    # Rows 1 and 2 have different speakers: refused until they share one.
    with pytest.raises(InputError, match="different speakers"):
        run(store, MergeSegments(frags, 1, "ann"))
    with pytest.raises(InputError, match="last one"):
        run(store, MergeSegments(frags, 2, "ann"))
    text = store.segment(frags, 0).repaired
    run(store, SplitSegment(frags, 0, text, text.index("today")))
    before = _state(store, frags)
    op = MergeSegments(frags, 0, "ann")
    run(store, op)
    seg = store.segment(frags, 0)
    assert seg.repaired == text and (seg.start, seg.end) == (1.0, 20.0)
    join = [e for e in seg.edits if e.kind == "merge" and e.annotator == "ann"]
    assert len(join) == 1 and join[0].decision == "accepted"
    assert [s.repaired for s in store.segments(frags)][1:] == ["我们今天聊一下 AI 很好", "good"]
    op.undo(store)
    assert _state(store, frags) == before
    op.do(store)
    # The reviewer's join is an edit like the engine's: rejecting it splits the row again.
    seg = store.segment(frags, 0)
    mine = next(e for e in seg.edits if e.annotator == "ann")
    run(store, DecideEdits(frags, decisions_for([(0, mine)], "rejected")))
    assert [s.repaired for s in store.segments(frags)][:2] == ["hello there how are you", "today my friend"]


def test_rejecting_many_joins_at_once_renumbers_every_row_once(store: Store, frags: int) -> None:
    segs = store.segments(frags)
    joins = [(s.index, e) for s in segs for e in s.edits if e.kind == "merge"]
    assert len(joins) == 3
    store.tag_many(frags, [TagSpec(2, "topic", "Last")])
    before = _state(store, frags)
    op = DecideEdits(frags, decisions_for(joins, "rejected"))
    changes = run(store, op)
    # Row 0 became three rows, row 1 two (in the numbering before); all five read back.
    assert changes.restructure == ((0, 1, 3), (1, 1, 2))
    assert changes.rows is not None and changes.rows.indexes == {0, 1, 2, 3, 4}
    segs = store.segments(frags)
    assert [s.repaired for s in segs] == [
        "hello there",
        "how are you",
        "today my friend",
        "我们今天聊一下 AI",
        "很好",
        "good",
    ]
    assert [s.start for s in segs] == [1.0, 3.0, 5.0, 20.0, 24.0, 40.0]
    assert [s.index for s in segs] == list(range(6))
    assert [(a.segment_index, a.tag) for a in store.annotations(frags)] == [(5, "Last")]
    undone = op.undo(store)
    assert undone.restructure == ((0, 3, 1), (3, 2, 1))
    assert _state(store, frags) == before


def test_the_exported_transcript_has_the_rows_as_split(store: Store, frags: int, tmp_path: Any) -> None:
    text = store.segment(frags, 0).repaired
    run(store, SplitSegment(frags, 0, text, text.index("how")))
    out = tmp_path / "out.srt"
    assert export_transcript(store, frags, out) == 4
    srt = out.read_text(encoding="utf-8")
    assert "00:00:01,000 --> 00:00:03,000\nSPEAKER_00: hello there\n" in srt
    assert "00:00:03,000 --> 00:00:20,000\nSPEAKER_00: how are you today my friend\n" in srt


def test_a_cue_split_shares_its_time_by_characters(store: Store) -> None:
    srt = "1\n00:00:10,000 --> 00:00:20,000\nhello world\n"
    doc_id = store.import_document(doc(srt, "cue.srt", glossary=False)).document_id
    op = SplitSegment(doc_id, 0, "hello world", 6)
    run(store, op)
    assert op.second_start == (pytest.approx(10.0 + 10.0 * 6 / 11, abs=0.001), "estimated")
    segs = store.segments(doc_id)
    assert [(s.repaired, s.end) for s in segs] == [("hello ", op.second_start[0]), ("world", 20.0)]


def test_every_cut_of_a_repaired_row_undoes_to_exactly_what_was(store: Store) -> None:
    # A row with a glossary repair, a join and a correction of the reviewer's own in it.
    text = "[00:00:01] SPEAKER_00: I use chat gpt\n[00:00:02] SPEAKER_00: and open ai too\n"
    doc_id = store.import_document(doc(text, "mixed.txt")).document_id
    shown = store.segment(doc_id, 0).repaired
    assert shown.startswith("I use ChatGPT and ")  # ("open ai": a suggestion, not applied)
    from reviewer.ops.corrections import Correct

    run(store, Correct(doc_id, 0, shown, 0, 1, "We", "ann"))
    shown = store.segment(doc_id, 0).repaired
    before = _state(store, doc_id)
    made = 0
    for pos in range(len(shown) + 1):
        op = SplitSegment(doc_id, 0, shown, pos)
        try:
            run(store, op)
        except InputError:
            assert _state(store, doc_id) == before
            continue
        made += 1
        parts = _texts(store, doc_id)
        assert len(parts) == 2 and shown.startswith(parts[0])
        op.undo(store)
        assert _state(store, doc_id) == before, pos
    assert made >= 15  # most places split; only inside a change is refused
