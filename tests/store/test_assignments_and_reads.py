"""Speaker assignments (the segment's own speaker), paged/single segment reads, fast unchanged
re-import, and restoring deleted annotations — real SQLite files, no mocks."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest

from reviewer.core.document import RepairedDocument
from reviewer.core.errors import InputError
from reviewer.core.glossary import Glossary
from reviewer.export.csv import export_csv
from reviewer.export.transcript import export_transcript
from reviewer.store import Store, open_store
from tests.store.helpers import CHAT, TIMED, doc, write

PLAIN = "hello there, how are you\nfine thanks and you\nvery well\n"


def speakers_of(store: Store, doc_id: int) -> list[str | None]:
    return [s.speaker.display_name if s.speaker else None for s in store.segments(doc_id)]


def test_set_segment_speakers_round_trip_and_restore(store: Store) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    assert speakers_of(store, doc_id) == ["A", "B", "A", "B"]

    done = store.set_segment_speakers(doc_id, [2, 0, 2], "曹越")
    assert done.created and done.speaker.display_name == "曹越"
    assert done.previous == ((0, None), (2, None))
    segs = store.segments(doc_id)
    assert speakers_of(store, doc_id) == ["曹越", "B", "曹越", "B"]
    assert [s.speaker_assigned for s in segs] == [True, False, True, False]
    assert segs[0].original_speaker == "A"  # the file's label is kept
    assert "曹越" in {s.label for s in store.speakers(doc_id)}

    # A second assignment over the first remembers the first (undo goes back one step).
    again = store.set_segment_speakers(doc_id, [0, 1], "A")
    assert not again.created and again.previous == ((0, done.speaker.id), (1, None))
    assert speakers_of(store, doc_id) == ["A", "A", "曹越", "B"]
    store.restore_segment_speakers(again)
    assert speakers_of(store, doc_id) == ["曹越", "B", "曹越", "B"]
    store.restore_segment_speakers(done)
    assert speakers_of(store, doc_id) == ["A", "B", "A", "B"]
    assert not any(s.speaker_assigned for s in store.segments(doc_id))
    # The speaker the assignment created goes again with its undo.
    assert {s.label for s in store.speakers(doc_id)} == {"A", "B"}


def test_assignment_by_display_name_and_rename(store: Store) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    store.rename_speaker(doc_id, "B", "Bob")
    store.set_segment_speakers(doc_id, [0], "Bob")
    seg = store.segment(doc_id, 0)
    assert seg.speaker is not None and (seg.speaker.label, seg.speaker.display_name) == ("B", "Bob")
    store.rename_speaker(doc_id, "B", "Robert")
    assert store.segment(doc_id, 0).speaker.display_name == "Robert"  # type: ignore[union-attr]


def test_bad_assignment_changes_nothing(store: Store) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    with pytest.raises(InputError, match="no segment 9"):
        store.set_segment_speakers(doc_id, [0, 9], "New person")
    with pytest.raises(InputError):
        store.set_segment_speakers(doc_id, [0], "   ")
    with pytest.raises(InputError):
        store.set_segment_speakers(doc_id + 1, [0], "X")
    assert speakers_of(store, doc_id) == ["A", "B", "A", "B"]
    assert {s.label for s in store.speakers(doc_id)} == {"A", "B"}


def test_export_transcript_after_assignment_shows_the_name(store: Store, tmp_path: Path) -> None:
    # A plain transcript has no labels at all: the reviewer's assignment is the only speaker.
    plain = store.import_file(write(tmp_path, "plain.txt", PLAIN)).document_id
    assert speakers_of(store, plain) == [None, None, None]
    store.set_segment_speakers(plain, [0, 2], "Alice")
    store.set_segment_speakers(plain, [1], "Bob")
    export_transcript(store, plain, tmp_path / "out.txt")
    lines = (tmp_path / "out.txt").read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in lines] == ["Alice", "Bob", "Alice"]

    timed = store.import_document(doc(TIMED, path="timed.txt")).document_id
    store.set_segment_speakers(timed, [1], "曹越")
    export_transcript(store, timed, tmp_path / "out.srt")
    export_transcript(store, timed, tmp_path / "out.vtt")
    srt = (tmp_path / "out.srt").read_text(encoding="utf-8")
    vtt = (tmp_path / "out.vtt").read_text(encoding="utf-8")
    assert "曹越: 我们今天聊一下 AI" in srt and "SPEAKER_00: hello there" in srt
    assert "<v 曹越>我们今天聊一下 AI" in vtt

    # The CSV's speaker columns are the segment's speaker too.
    store.tag(timed, 1, topic="AI")
    export_csv(store, tmp_path / "a.csv", timed)
    with open(tmp_path / "a.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["speaker_label"], row["speaker_name"]) == ("曹越", "曹越")


def test_assignment_survives_edit_decisions_and_reimport(store: Store, tmp_path: Path) -> None:
    p = write(tmp_path, "talk.txt", CHAT)
    doc_id = store.import_file(p, Glossary(["ChatGPT"], {"chat gpt": "ChatGPT"})).document_id
    store.set_segment_speakers(doc_id, [1, 3], "Guest")
    edit = store.segment(doc_id, 1).edits[0]
    store.decide_edit(edit.id, "rejected")  # recomputes the segment from its edits
    assert speakers_of(store, doc_id) == ["A", "Guest", "A", "Guest"]

    p.write_text("[A]: A new first line.\n" + CHAT, encoding="utf-8")
    assert store.import_file(p).status == "updated"
    assert speakers_of(store, doc_id) == ["A", "A", "Guest", "A", "Guest"]


def test_upgrade_turns_old_whole_segment_speaker_tags_into_assignments(db_path: Path) -> None:
    from alembic import command

    from reviewer.store.engine import make_engine
    from reviewer.store.migrate import alembic_config

    engine = make_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn, conn.begin():
        command.upgrade(alembic_config(conn), "0002")
    engine.dispose()
    t = "'2024-01-01 00:00:00'"
    con = sqlite3.connect(db_path)
    con.executescript(
        "INSERT INTO documents (id, path, name, content_hash, encoding, encoding_reason, format, metadata,"
        f" header, trailing_newline, original_text, version, imported_at, updated_at) VALUES (1, '/x/a.txt',"
        f" 'a.txt', 'h', 'utf-8', '', 'chat', '{{}}', '', 1, '[A]: hi\n[B]: yo', 1, {t}, {t});"
        "INSERT INTO speakers (id, document_id, label, display_name)"
        " VALUES (1, 1, 'A', 'A'), (2, 1, 'B', 'B'), (3, 1, 'Carol', 'Carol');"
        "INSERT INTO segments (id, document_id, segment_index, original, repaired, original_speaker,"
        " speaker_id, source_lines, text_offset) VALUES (1, 1, 0, 'hi', 'hi', 'A', 1, '[1]', 5),"
        " (2, 1, 1, 'yo', 'yo!', 'B', 2, '[2]', 13);"
        "INSERT INTO edits (segment_id, kind, start_pos, end_pos, before_text, after_text, confidence,"
        " alternatives, applied, decision) VALUES (2, 'punct', 2, 2, '', '!', 1.0, '[]', 1, 'pending');"
        "INSERT INTO annotations (id, document_id, segment_id, kind, speaker_id, target, span_start,"
        " span_end, quote, anchor_status, created_at, updated_at)"
        f" VALUES (1, 1, 1, 'speaker', 2, 'segment', NULL, NULL, 'hi', 'ok', {t}, {t}),"
        f" (2, 1, 1, 'speaker', 3, 'segment', NULL, NULL, 'hi', 'ok', {t}, {t}),"
        f" (3, 1, 2, 'speaker', 1, 'repaired', 0, 1, 'y', 'ok', {t}, {t});"
    )
    con.commit()
    con.close()
    with open_store(str(db_path)) as store:
        assert store.migration.from_revision == "0002"
        # The latest whole-segment tag is the assignment; a span tag is not.
        assert speakers_of(store, 1) == ["Carol", "B"]
        segs = store.segments(1)
        assert [s.speaker_assigned for s in segs] == [True, False]
        # The table copy kept everything that points at segments (no cascade on the swap).
        assert len(segs[1].edits) == 1 and segs[1].repaired == "yo!"
        assert [(a.id, a.segment_index) for a in store.annotations(1)] == [(1, 0), (2, 0), (3, 1)]


# --- paged and single reads -----------------------------------------------------------------


def test_count_page_and_single_segment_match_the_whole_read(store: Store) -> None:
    text = "".join(f"[{'AB'[n % 2]}]: line {n} with chat gpt\n" for n in range(25))
    doc_id = store.import_document(doc(text)).document_id
    whole = store.segments(doc_id)
    assert store.segment_count(doc_id) == len(whole) == 25
    assert any(s.edits for s in whole)
    assert store.segments_page(doc_id, 0, 10) == whole[:10]
    assert store.segments_page(doc_id, 20, 10) == whole[20:]
    assert store.segments_page(doc_id, 30, 10) == []
    bare = store.segments_page(doc_id, 5, 3, with_edits=False)
    assert [s.index for s in bare] == [5, 6, 7] and all(s.edits == () for s in bare)
    assert store.segment(doc_id, 7) == whole[7]
    assert store.segments(doc_id, indexes=[3, 1, 3]) == [whole[1], whole[3]]
    with pytest.raises(InputError, match="no segment 99"):
        store.segment(doc_id, 99)
    with pytest.raises(InputError):
        store.segments_page(doc_id, -1, 5)
    with pytest.raises(InputError):
        store.segment_count(doc_id + 1)


# --- re-import of an unchanged file ---------------------------------------------------------


class CountingStore(Store):
    """A real Store that counts how often it runs the repair pipeline."""

    repairs = 0

    def repair_decoded(self, *args: object, **kw: object) -> RepairedDocument:  # type: ignore[override]
        self.repairs += 1
        return super().repair_decoded(*args, **kw)  # type: ignore[arg-type]


def test_unchanged_reimport_skips_the_repair_pipeline(db_path: Path, tmp_path: Path) -> None:
    with open_store(str(db_path)) as plain:
        counting = CountingStore(plain.url, plain.engine, plain.migration)
        p = write(tmp_path, "a.txt", CHAT)
        first = counting.import_file(p)
        assert (first.status, first.skipped_repair, counting.repairs) == ("new", False, 1)
        again = counting.import_file(p)
        assert (again.status, again.skipped_repair, counting.repairs) == ("unchanged", True, 1)
        assert (again.document_id, again.segments) == (first.document_id, first.segments)
        # A copy under another name: the same text, still one document, still no repair.
        copy = write(tmp_path, "copy.txt", CHAT)
        assert counting.import_file(copy).document_id == first.document_id and counting.repairs == 1
        # A glossary given with an unchanged file is still kept.
        counting.import_file(p, Glossary(["OpenAI"], {}))
        assert "OpenAI" in counting.glossary().terms and counting.repairs == 1
        p.write_text(CHAT + "[A]: more\n", encoding="utf-8")
        changed = counting.import_file(p)
        assert (changed.status, changed.skipped_repair, counting.repairs) == ("updated", False, 2)


# --- undoing a deletion ---------------------------------------------------------------------


def test_restore_annotation_keeps_id_and_times(store: Store) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    a_id = store.tag(doc_id, 1, error="asr", span=(0, 5), correction="I use", note="n", annotator="me")
    store.tag(doc_id, 2, topic="AI")
    (before,) = [a for a in store.annotations(doc_id) if a.id == a_id]
    store.delete_annotation(a_id)
    store.restore_annotation(before)
    (after,) = [a for a in store.annotations(doc_id) if a.id == a_id]
    assert after == before  # its version too: it is exactly what a reviewer saw before
    with pytest.raises(InputError, match="exists already"):
        store.restore_annotation(before)
    # Several at once, with the ones an action added taken away in the same transaction.
    added = store.tag(doc_id, 0, topic="Other")
    store.delete_annotation(a_id)
    store.restore_annotations([before], remove=[added])
    assert sorted(a.id for a in store.annotations(doc_id)) == sorted([a_id, added - 1])
