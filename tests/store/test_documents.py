"""Importing documents: round trip, no duplicates, changed files re-anchor their annotations."""

from __future__ import annotations

import shutil
from pathlib import Path

from reviewer.core.document import load_document
from reviewer.store import Store
from tests.conftest import seed_path
from tests.store.helpers import CHAT, TIMED, doc, write


def test_round_trip_of_a_repaired_document(store: Store) -> None:
    d = doc(CHAT)
    r = store.import_document(d)
    assert (r.status, r.segments, r.name) == ("new", len(d.transcript.segments), "talk.txt")
    info = store.document(r.document_id)
    assert (info.format, info.encoding, info.original_text) == ("chat", "utf-8", CHAT)
    segs = store.segments(r.document_id)
    assert [s.index for s in segs] == [s.index for s in d.transcript.segments]
    for stored, core in zip(segs, d.transcript.segments, strict=True):
        assert (stored.original, stored.repaired) == (core.original, core.repaired)
        assert stored.original_speaker == core.speaker
        assert stored.speaker is not None and stored.speaker.label == core.repaired_speaker
        assert list(stored.source_lines) == core.source_lines
        assert [(e.kind, e.start, e.end, e.before, e.after, e.applied) for e in stored.edits] == [
            (e.kind, e.start, e.end, e.before, e.after, e.applied) for e in core.edits
        ]
        assert all(e.decision == "pending" for e in stored.edits)
    # The glossary alias was applied by the engine and kept with its edit.
    assert "ChatGPT" in segs[1].repaired and any(e.kind == "glossary" for e in segs[1].edits)


def test_metadata_and_times_of_a_timestamped_file(store: Store) -> None:
    d = load_document(seed_path("003"))
    r = store.import_document(d)
    info = store.document(r.document_id)
    assert info.metadata["podcast"].startswith("晚点聊")
    assert info.original_text == d.original_text
    segs = store.segments(r.document_id, with_edits=False)
    assert len(segs) == len(d.transcript.segments) and segs[1].start == d.transcript.segments[1].start
    assert {s.speaker.label for s in segs if s.speaker} >= {"SPEAKER_01"}


def test_same_file_twice_is_not_duplicated(store: Store, tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", CHAT)
    first = store.import_file(p)
    again = store.import_file(p)
    copy = shutil.copy(p, tmp_path / "copy-of-a.txt")
    third = store.import_file(copy)
    assert first.status == "new" and again.status == third.status == "unchanged"
    assert first.document_id == again.document_id == third.document_id
    assert len(store.documents()) == 1


def test_changed_file_keeps_annotations_re_anchored(store: Store, tmp_path: Path) -> None:
    p = write(tmp_path, "talk.txt", CHAT)
    doc_id = store.import_file(p).document_id
    segs = store.segments(doc_id)
    last = segs[3].repaired
    keep = store.tag(doc_id, 3, topic="Meta", span=(last.index("stays"), last.index("stays") + 5), note="n")
    whole = store.tag(doc_id, 2, error="asr", note="whole turn")
    orig = segs[0].original
    on_original = store.tag(
        doc_id, 0, speaker="Host", span=(orig.index("话题"), orig.index("话题") + 2), target="original"
    )
    gone = store.tag(doc_id, 1, error="missing-extra", span=(0, 5))  # "I use" – removed below
    store.rename_speaker(doc_id, "A", "Alice")

    changed = (
        CHAT.replace("[A]: Hey，", "[A]: Hey hey，").replace(
            "[B]: I use chat gpt every day, it's great.\n", ""
        )
        + "[A]: A new closing line.\n"
    )
    p.write_text("[B]: A new first line.\n" + changed, encoding="utf-8")
    r = store.import_file(p)
    assert (r.status, r.document_id) == ("updated", doc_id)
    assert (r.kept + r.changed, r.unplaced) == (3, 1)

    new = {s.index: s for s in store.segments(doc_id)}
    by_id = {a.id: a for a in store.annotations(doc_id)}
    k = by_id[keep]
    assert k.anchor_status == "ok" and new[k.segment_index].repaired[k.span_start : k.span_end] == "stays"
    w = by_id[whole]
    assert "open ai" in new[w.segment_index].original or "OpenAI" in new[w.segment_index].repaired
    o = by_id[on_original]
    assert new[o.segment_index].original[o.span_start : o.span_end] == "话题"
    g = by_id[gone]
    assert g.anchor_status == "unplaced" and g.segment_id is None and g.quote == "I use"
    # The speaker's display name survived the re-import.
    assert {s.label: s.display_name for s in store.speakers(doc_id)}["A"] == "Alice"
    assert store.document(doc_id).version == 2
    assert [d.unplaced for d in store.documents()] == [1]


def test_decisions_follow_their_edit_through_a_re_import(store: Store) -> None:
    doc_id = store.import_document(doc(CHAT, path="d.txt")).document_id
    edit = next(e for s in store.segments(doc_id) for e in s.edits if e.kind == "glossary" and e.applied)
    store.decide_edit(edit.id, "rejected")
    seg = next(s for s in store.segments(doc_id) if any(e.id == edit.id for e in s.edits))
    assert "chat gpt" in seg.repaired

    store.import_document(doc("[A]: A new first turn.\n" + CHAT, path="d.txt"))
    moved = next(s for s in store.segments(doc_id) if "chat gpt" in s.original)
    [e] = [e for e in moved.edits if e.kind == "glossary" and e.before == "chat gpt"]
    assert e.decision == "rejected" and "chat gpt" in moved.repaired


def test_unchanged_segments_of_a_big_file_map_fast(store: Store, tmp_path: Path) -> None:
    text = seed_path("003").read_text(encoding="utf-8")
    p = write(tmp_path, "big.txt", text)
    doc_id = store.import_file(p).document_id
    segs = store.segments(doc_id, with_edits=False)
    target = segs[500]
    store.tag(doc_id, target.index, topic="Big/Middle", span=(0, min(3, len(target.repaired))))
    lines = text.splitlines(keepends=True)
    lines.insert(20, "[00:00:30] SPEAKER_01: 一句新加的话\n")
    p.write_text("".join(lines), encoding="utf-8")
    r = store.import_file(p)
    assert (r.kept, r.unplaced) == (1, 0)
    [a] = store.annotations(doc_id)
    now = {s.index: s for s in store.segments(doc_id, with_edits=False)}[a.segment_index]
    assert now.repaired[a.span_start : a.span_end] == target.repaired[:3]
    assert a.anchor_status == "ok"


def test_delete_document_removes_everything(store: Store) -> None:
    doc_id = store.import_document(doc(TIMED, path="t.txt")).document_id
    store.tag(doc_id, 0, topic="X")
    store.delete_document(doc_id)
    assert store.documents() == [] and store.annotations() == []
    assert [t.path for t in store.topics()] == ["X"]  # topics are shared, they stay
