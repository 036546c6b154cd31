"""Correct: the reviewer's own text as manual edits, propagated elsewhere; undo and redo.

On both store backends (tests/store/backends.py), without Qt.
"""

from __future__ import annotations

import pytest

from reviewer.core.errors import InputError
from reviewer.ops import run
from reviewer.ops.corrections import Correct, Place, find_places
from reviewer.store import Store, TagSpec
from reviewer.store.errors import TextConflict
from tests.store.helpers import doc

PODCAST = (
    "[00:00:01] SPEAKER_00: 我见曹悦的时候\n"
    "[00:00:05] SPEAKER_01: 草越说 scaling 很重要\n"
    "[00:00:09] SPEAKER_00: 方向速度也很重要\n"
    "[00:00:13] SPEAKER_01: 曹悦和曹悦都来了\n"
)


@pytest.fixture
def podcast(store: Store) -> int:
    return store.import_document(doc(PODCAST, "podcast.txt", glossary=False)).document_id


def _texts(store: Store, doc_id: int) -> list[str]:
    return [s.repaired for s in store.segments(doc_id)]


def _correct(store: Store, doc_id: int, index: int, wrong: str, right: str, everywhere: bool) -> Correct:
    text = store.segment(doc_id, index).repaired
    start = text.index(wrong)
    end = start + len(wrong)
    places = (
        find_places(
            store, doc_id, index, text[:start] + right + text[end:], (start, start + len(right)), wrong, right
        )
        if everywhere
        else []
    )
    return Correct(doc_id, index, text, start, end, right, "ann", places)


def test_a_correction_is_a_manual_edit_and_its_undo_gives_the_text_back(store: Store, podcast: int) -> None:
    before = _texts(store, podcast)
    op = _correct(store, podcast, 0, "曹悦", "曹越", everywhere=False)
    changes = run(store, op)
    seg = store.segment(podcast, 0)
    assert seg.repaired == "我见曹越的时候"
    manual = [e for e in seg.edits if e.kind == "manual"]
    assert [(e.before, e.after, e.decision, e.annotator) for e in manual] == [("悦", "越", "accepted", "ann")]
    assert seg.original[manual[0].start : manual[0].end] == "悦"  # offsets in the original
    assert changes.rows is not None and 0 in changes.rows.indexes
    assert _texts(store, podcast)[1:] == before[1:]  # nothing else changed
    op.undo(store)
    assert _texts(store, podcast) == before
    assert not [e for e in store.segment(podcast, 0).edits if e.kind == "manual"]
    op.do(store)  # redo
    assert store.segment(podcast, 0).repaired == "我见曹越的时候"


def test_propagation_finds_the_same_sound_and_leaves_words_that_merely_contain_it(
    store: Store, podcast: int
) -> None:
    op = _correct(store, podcast, 0, "曹悦", "曹越", everywhere=True)
    found = {(p.segment_index, p.found): p.ticked for p in op.places}
    assert found[(1, "草越")] is True  # the same syllables, a word of its own
    assert found[(3, "曹悦")] is True
    run(store, op)
    texts = _texts(store, podcast)
    assert texts[1].startswith("曹越说") and texts[3] == "曹越和曹越都来了"
    kinds = {e.kind for s in store.segments(podcast) for e in s.edits}
    assert "propagated" in kinds
    op.undo(store)
    assert _texts(store, podcast)[1].startswith("草越说")

    # "向速" inside 方向速度 is the very text of the misheard 像素, but it cuts two words of
    # the segment: offered, unticked.
    text = store.segment(podcast, 1).repaired
    places = find_places(store, podcast, 1, text, (0, 0), "向速", "像素")
    assert [(p.segment_index, p.found, p.ticked, p.why) for p in places] == [
        (2, "向速", False, "inside a word")
    ]


def test_propagation_never_changes_a_segment_corrected_by_hand(store: Store, podcast: int) -> None:
    run(store, _correct(store, podcast, 3, "都来了", "都到了", everywhere=False))  # by hand first
    hand = store.segment(podcast, 3).repaired
    op = _correct(store, podcast, 0, "曹悦", "曹越", everywhere=True)
    there = [p for p in op.places if p.segment_index == 3]
    assert there and all(not p.ticked and p.why == "corrected by hand" for p in there)
    run(store, op)
    assert store.segment(podcast, 3).repaired == hand  # offered as suggestions, text kept
    pending = [e for e in store.segment(podcast, 3).edits if e.kind == "propagated"]
    assert pending and all(e.decision == "pending" and not e.applied for e in pending)


def test_a_correction_inside_an_engine_repair_replaces_it(store: Store) -> None:
    d = store.import_document(doc("[A]: I use chat gpt daily\n", "c.txt")).document_id
    seg = store.segment(d, 0)
    assert "ChatGPT" in seg.repaired
    text = seg.repaired
    start = text.index("ChatGPT")
    run(store, Correct(d, 0, text, start, start + 7, "ChatGPT-4", "ann"))
    seg = store.segment(d, 0)
    assert seg.repaired == text.replace("ChatGPT", "ChatGPT-4")
    assert [e.kind for e in seg.edits if e.kind != "speaker"] == ["manual"]  # the glossary edit is taken in


def test_a_span_tag_moves_with_the_text_and_none_is_dropped(store: Store, podcast: int) -> None:
    text = store.segment(podcast, 1).repaired
    at = text.index("scaling")
    tag = store.tag_many(podcast, [TagSpec(1, "error", "asr", span=(at, at + 7), correction="Scaling")])[0]
    run(store, _correct(store, podcast, 1, "草越", "曹越老师", everywhere=False))  # 2 characters longer
    a = store.annotation(tag)
    assert a is not None and a.anchor_status == "ok"
    new = store.segment(podcast, 1).repaired
    assert new[a.span_start : a.span_end] == "scaling"


def test_a_stale_correction_is_refused_and_writes_nothing(store: Store, podcast: int) -> None:
    op = _correct(store, podcast, 0, "曹悦", "曹越", everywhere=False)
    run(store, _correct(store, podcast, 0, "时候", "时刻", everywhere=False))  # someone else, first
    now = _texts(store, podcast)
    with pytest.raises(TextConflict):
        run(store, op)
    assert _texts(store, podcast) == now


def test_an_undo_after_someone_changed_the_segment_is_refused(store: Store, podcast: int) -> None:
    op = _correct(store, podcast, 0, "曹悦", "曹越", everywhere=False)
    run(store, op)
    run(store, _correct(store, podcast, 0, "时候", "时刻", everywhere=False))
    now = _texts(store, podcast)
    with pytest.raises(TextConflict):
        op.undo(store)
    assert _texts(store, podcast) == now


def test_a_manual_edit_is_not_decided_like_a_repair(store: Store, podcast: int) -> None:
    run(store, _correct(store, podcast, 0, "曹悦", "曹越", everywhere=False))
    manual = next(e for e in store.segment(podcast, 0).edits if e.kind == "manual")
    with pytest.raises(InputError):
        store.decide_edit(manual.id, "rejected")


def test_a_re_import_of_the_changed_file_keeps_the_corrections(store: Store, tmp_path) -> None:
    first = tmp_path / "podcast.txt"
    first.write_text(PODCAST, encoding="utf-8")
    d = store.import_file(first).document_id
    run(store, _correct(store, d, 0, "曹悦", "曹越", everywhere=False))
    run(store, _correct(store, d, 2, "速度", "速率", everywhere=False))
    tag = store.tag_many(d, [TagSpec(0, "topic", "People", span=(2, 4))])[0]
    # The file changes: a line added before (the import joins it to the first turn), and the
    # corrected word of segment 2 is gone from the file.
    changed = "[00:00:00] SPEAKER_01: 开场\n" + PODCAST.replace("方向速度也很重要", "方向很重要")
    first.write_text(changed, encoding="utf-8")
    assert store.import_file(first).status == "updated"
    segs = {s.index: s for s in store.segments(d)}
    (first_turn,) = [s for s in segs.values() if "我见" in s.original]
    (third,) = [s for s in segs.values() if "方向" in s.original]
    assert first_turn.repaired.endswith("我见曹越的时候")  # carried to where its text is now
    assert [e.kind for e in first_turn.edits if e.kind == "manual"] == ["manual"]
    assert third.repaired == "方向很重要"  # its word is gone: nothing to put it on
    assert not [e for e in third.edits if e.kind == "manual"]
    a = store.annotation(tag)
    assert a is not None and a.segment_index == first_turn.index
    assert first_turn.repaired[a.span_start : a.span_end] == "曹越"


def test_other_misrecognitions_of_the_right_word_are_found_by_its_sound(store: Store) -> None:
    # 指令 → 质量 here; elsewhere 只量 sounds like 质量 (not a word: ticked).
    text = (
        "[00:00:01] SPEAKER_00: 视频的指令很好\n"
        "[00:00:09] SPEAKER_01: 只量不错\n"
        "[00:00:19] SPEAKER_00: 他声称质量好\n"
    )
    d = store.import_document(doc(text, "q.txt", glossary=False)).document_id
    seen = store.segment(d, 0).repaired
    at = seen.index("指令")
    corrected = seen[:at] + "质量" + seen[at + 2 :]
    places = find_places(store, d, 0, corrected, (at, at + 2), "指令", "质量")
    found = {(p.segment_index, p.found): p.ticked for p in places}
    assert found == {(1, "只量"): True}  # the right word itself (segment 2) is no place to correct
    run(store, Correct(d, 0, seen, at, at + 2, "质量", "ann", places))
    assert [s.repaired for s in store.segments(d)][1] == "质量不错"


def test_a_re_import_keeps_propagated_corrections_propagated(store: Store, tmp_path) -> None:
    path = tmp_path / "podcast.txt"
    path.write_text(PODCAST, encoding="utf-8")
    d = store.import_file(path).document_id
    run(store, _correct(store, d, 0, "曹悦", "曹越", everywhere=True))
    kinds = sorted((s.index, e.kind) for s in store.segments(d) for e in s.edits if e.annotator == "ann")
    assert (0, "manual") in kinds and (3, "propagated") in kinds
    path.write_text(PODCAST + "[00:00:20] SPEAKER_00: 完\n", encoding="utf-8")
    assert store.import_file(path).status == "updated"
    after = sorted((s.index, e.kind) for s in store.segments(d) for e in s.edits if e.annotator == "ann")
    assert after == kinds  # each comes back as what it was, not all as the reviewer's typing
    assert store.segment(d, 3).repaired == "曹越和曹越都来了"


def test_a_one_character_fix_carried_elsewhere_keeps_the_neighbours_it_was_found_with(
    store: Store, podcast: int
) -> None:
    # 都来了 → 都到了: one character, looked for elsewhere with both its neighbours.
    text = store.segment(podcast, 3).repaired  # 曹悦和曹悦都来了
    at = text.index("来")
    d = store.import_document(
        doc("[00:00:01] SPEAKER_00: 他们都来了吗\n", "two.txt", glossary=False)
    ).document_id
    corrected = text[:at] + "到" + text[at + 1 :]
    places = find_places(store, podcast, 3, corrected, (at, at + 1), "来", "到", all_documents=True)
    assert [(p.document_id, p.found, p.to, p.ticked) for p in places] == [(d, "都来了", "都到了", False)]
    ticked = [Place(**{**p.__dict__, "ticked": True}) for p in places]  # as the reviewer ticks it
    run(store, Correct(podcast, 3, text, at, at + 1, "到", "ann", ticked))
    assert store.segment(d, 0).repaired == "他们都到了吗"  # not "他们到吗"
