"""Tagging, speakers, topics, error types, edit decisions and the glossary, through the Store API."""

from __future__ import annotations

import pytest

from reviewer.core.errors import InputError
from reviewer.store import Store
from tests.store.helpers import CHAT, doc


@pytest.fixture
def doc_id(store: Store) -> int:
    return store.import_document(doc(CHAT)).document_id


def test_tag_kinds_and_fields(store: Store, doc_id: int) -> None:
    a = store.tag(doc_id, 1, topic="AI/Education", span=(0, 5), correction="fix", note="n", annotator="li")
    b = store.tag(doc_id, 1, error="asr")
    c = store.tag(doc_id, 0, speaker="B")
    rows = {r.id: r for r in store.annotations(doc_id)}
    assert (rows[a].kind, rows[a].tag, rows[a].target, rows[a].quote) == (
        "topic",
        "AI/Education",
        "repaired",
        "I use",
    )
    assert (rows[a].correction, rows[a].note, rows[a].annotator) == ("fix", "n", "li")
    assert (rows[b].kind, rows[b].tag, rows[b].target, rows[b].span_start) == (
        "error",
        "asr",
        "segment",
        None,
    )
    assert (rows[c].kind, rows[c].tag) == ("speaker", "B")
    assert rows[a].created_at == rows[a].updated_at and rows[a].created_at.tzinfo is not None
    # The topic path was created with its parent; a second use finds it.
    store.tag(doc_id, 2, topic="AI/Education")
    assert [(t.path, t.parent_id is None) for t in store.topics()] == [("AI", True), ("AI/Education", False)]


def test_error_type_by_key_or_name_case_insensitive(store: Store, doc_id: int) -> None:
    store.tag(doc_id, 0, error="ENCODING")
    store.tag(doc_id, 0, error="Wrong speaker")
    assert [a.tag for a in store.annotations(doc_id)] == ["encoding", "speaker"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"document_id": 99, "segment_index": 0, "topic": "X"}, "no document with id 99"),
        ({"segment_index": 42, "topic": "X"}, "has no segment 42"),
        ({"segment_index": 0, "topic": "X", "span": (3, 999)}, "span 3:999 is outside"),
        ({"segment_index": 0, "topic": "X", "span": (5, 2)}, "span 5:2 is outside"),
        ({"segment_index": 0, "topic": "X", "span": (-1, 2)}, "outside"),
        ({"segment_index": 0, "error": "nope"}, "unknown error type 'nope'"),
        ({"segment_index": 0, "topic": "AI//X"}, "bad topic path"),
        ({"segment_index": 0, "topic": "X", "error": "asr"}, "exactly one"),
        ({"segment_index": 0}, "exactly one"),
    ],
)
def test_bad_tags_change_nothing(store: Store, doc_id: int, args: dict, message: str) -> None:
    args.setdefault("document_id", doc_id)
    with pytest.raises(InputError, match=message):
        store.tag(**args)
    assert store.annotations() == [] and store.topics() == []


def test_new_speaker_name_in_a_tag_joins_the_document(store: Store, doc_id: int) -> None:
    store.tag(doc_id, 0, speaker="Guest")
    assert "Guest" in [s.label for s in store.speakers(doc_id)]


def test_renaming_a_speaker_renames_it_everywhere(store: Store, doc_id: int) -> None:
    tag_id = store.tag(doc_id, 1, speaker="A")
    store.rename_speaker(doc_id, "A", "Alice", role="host")
    assert {s.label: (s.display_name, s.role) for s in store.speakers(doc_id)}["A"] == ("Alice", "host")
    segs = store.segments(doc_id)
    assert [s.speaker.display_name for s in segs if s.speaker] == ["Alice", "B", "Alice", "B"]
    assert [a.tag for a in store.annotations(doc_id) if a.id == tag_id] == ["Alice"]
    rows = list(store.annotation_rows(doc_id))
    assert rows[0].tag == "Alice" and rows[0].speaker_name == "B"
    # Renamed again, found by its display name too.
    store.rename_speaker(doc_id, "Alice", "Alice Wang")
    assert [a.tag for a in store.annotations(doc_id)] == ["Alice Wang"]
    with pytest.raises(InputError, match="no speaker 'Z'"):
        store.rename_speaker(doc_id, "Z", "Zed")


def test_topic_colour_description_and_rename_moves_subtree(store: Store) -> None:
    store.ensure_topic("AI/Education/K12", colour="#4e79a7", description="schools")
    store.ensure_topic("AI_X")  # LIKE wildcards must not be mistaken for a subtree
    store.update_topic("AI", rename="Tech")
    assert [t.path for t in store.topics()] == ["AI_X", "Tech", "Tech/Education", "Tech/Education/K12"]
    k12 = store.topics()[-1]
    assert (k12.colour, k12.description) == ("#4e79a7", "schools")
    with pytest.raises(InputError, match="already exists"):
        store.update_topic("AI_X", rename="Tech")


def test_error_types_are_editable(store: Store, doc_id: int) -> None:
    store.add_error_type("term", "Wrong technical term", "e.g. model names")
    store.update_error_type("asr", name="Misheard")
    keys = {e.key: e.name for e in store.error_types()}
    assert keys["term"] == "Wrong technical term" and keys["asr"] == "Misheard"
    store.tag(doc_id, 0, error="term")
    with pytest.raises(InputError, match="already exists"):
        store.add_error_type("TERM", "again")
    with pytest.raises(InputError, match="one word"):
        store.add_error_type("two words", "x")


def test_update_delete_and_confirm(store: Store, doc_id: int) -> None:
    a = store.tag(doc_id, 1, error="asr", span=(0, 1), note="old")
    store.update_annotation(a, note="new", correction=None)
    store.update_annotation(a, kind="topic", value="Moved/Here", segment_index=2, span=(0, 2))
    [info] = store.annotations(doc_id)
    assert (info.kind, info.tag, info.segment_index, info.note, info.quote) == (
        "topic",
        "Moved/Here",
        2,
        "new",
        "真的",
    )
    assert info.updated_at >= info.created_at
    store.delete_annotation(a)
    assert store.annotations() == []
    with pytest.raises(InputError, match="no annotation with id"):
        store.delete_annotation(a)


def test_deciding_an_edit_changes_text_and_keeps_spans_on_their_words(store: Store, doc_id: int) -> None:
    seg = store.segments(doc_id)[1]
    edit = next(e for e in seg.edits if e.kind == "glossary")
    at = seg.repaired.index("every day")
    tag = store.tag(doc_id, 1, topic="Habits", span=(at, at + len("every day")))
    store.decide_edit(edit.id, "rejected")
    seg = store.segments(doc_id)[1]
    [a] = store.annotations(doc_id)
    assert a.id == tag and "chat gpt" in seg.repaired
    assert seg.repaired[a.span_start : a.span_end] == "every day"
    store.decide_edit(edit.id, "changed", "ChatGPT Plus")
    seg = store.segments(doc_id)[1]
    [a] = store.annotations(doc_id)
    assert "ChatGPT Plus" in seg.repaired and seg.repaired[a.span_start : a.span_end] == "every day"
    assert next(e for e in seg.edits if e.id == edit.id).decision == "changed"
    # Export of the span's original text goes through the decided edits.
    [row] = list(store.annotation_rows(doc_id))
    assert (row.text_repaired, row.text_original) == ("every day", "every day")
    with pytest.raises(InputError, match="needs the text"):
        store.decide_edit(edit.id, "changed")
    with pytest.raises(InputError, match="no repair edit"):
        store.decide_edit(10**6, "accepted")


def test_span_texts_on_both_sides_of_an_edit(store: Store) -> None:
    doc_id = store.import_document(doc(CHAT, path="x.txt")).document_id
    seg = store.segments(doc_id)[1]
    s = seg.repaired.index("ChatGPT")
    store.tag(doc_id, 1, error="asr", span=(s, s + len("ChatGPT")))
    o = seg.original.index("chat gpt")
    store.tag(doc_id, 1, error="asr", span=(o, o + len("chat gpt")), target="original")
    rows = list(store.annotation_rows(doc_id))
    assert sorted((r.target, r.text_repaired, r.text_original) for r in rows) == [
        ("original", "ChatGPT", "chat gpt"),
        ("repaired", "ChatGPT", "chat gpt"),
    ]


def test_speaker_edit_decision_changes_segment_speaker(store: Store) -> None:
    text = (
        "[00:00:01] 开场白。\n[00:00:05] SPEAKER_01: hi.\n"
        "[00:00:09] SPEAKER_00: ok.\n[00:00:12] SPEAKER_01: yes.\n"
    )
    doc_id = store.import_document(doc(text, path="t.txt")).document_id
    first = store.segments(doc_id)[0]
    [fill] = [e for e in first.edits if e.kind == "speaker"]
    assert (
        first.original_speaker is None and first.speaker is not None and first.speaker.label == "SPEAKER_01"
    )
    store.decide_edit(fill.id, "rejected")
    assert store.segments(doc_id)[0].speaker is None
    store.decide_edit(fill.id, "changed", "SPEAKER_00")
    assert store.segments(doc_id)[0].speaker.label == "SPEAKER_00"
    store.decide_edit(fill.id, "changed", "Narrator")  # a label the file never had
    assert store.segments(doc_id)[0].speaker.label == "Narrator"


def test_glossary_kept_and_used_for_the_next_import(store: Store) -> None:
    store.add_term("OpenAI", ["open ai"])
    store.add_term("ChatGPT", ["chat gpt"])
    g = store.glossary()
    assert g.terms == ["OpenAI", "ChatGPT"] and g.aliases == {"open ai": "OpenAI", "chat gpt": "ChatGPT"}
    store.add_term("Open AI Inc", ["open ai"])  # re-taught: the alias moves
    assert store.glossary().aliases["open ai"] == "Open AI Inc"
    assert store.remove_glossary_entry("chat gpt") == "alias"
    assert store.remove_glossary_entry("OpenAI") == "term"
    assert store.glossary().to_text() == "ChatGPT\nOpen AI Inc\nopen ai => Open AI Inc\n"
    with pytest.raises(InputError):
        store.remove_glossary_entry("nothing")


def test_tag_many_is_all_or_nothing(store: Store, doc_id: int) -> None:
    from reviewer.store import TagSpec

    ids = store.tag_many(
        doc_id,
        [
            TagSpec(0, "topic", "Bulk/A"),
            TagSpec(1, "error", "asr", (0, 1)),
            TagSpec(2, "speaker", "B", note="x"),
        ],
    )
    assert [a.id for a in store.annotations(doc_id)] == ids
    with pytest.raises(InputError, match="outside"):
        store.tag_many(doc_id, [TagSpec(0, "topic", "Bulk/New"), TagSpec(1, "error", "asr", (0, 10_000))])
    with pytest.raises(InputError, match="has no segment 77"):
        store.tag_many(doc_id, [TagSpec(77, "topic", "Bulk/New")])
    assert len(store.annotations()) == 3 and "Bulk/New" not in [t.path for t in store.topics()]
