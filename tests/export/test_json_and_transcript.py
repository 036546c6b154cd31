"""JSON dump and transcript (.txt/.srt/.vtt) exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reviewer.core.errors import InputError
from reviewer.export.json import export_json
from reviewer.export.transcript import export_transcript
from reviewer.store import Store
from tests.store.helpers import CHAT, TIMED, doc


def test_json_has_everything(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    store.tag(doc_id, 1, topic="AI/Tools", span=(0, 5), note="好 😀")
    store.add_term("ChatGPT", ["chat gpt"])
    out = tmp_path / "all.json"
    assert export_json(store, out) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "transcript-reviewer-store" and data["version"] == 1
    [d] = data["documents"]
    assert d["original_text"] == CHAT and d["format"] == "chat"
    assert len(d["segments"]) == 4 and d["segments"][1]["edits"][0]["decision"] == "pending"
    assert d["annotations"][0] | {"note": "好 😀", "tag": "AI/Tools", "quote": "I use"} == d["annotations"][0]
    assert {s["label"] for s in d["speakers"]} == {"A", "B"}
    assert [t["path"] for t in data["topics"]] == ["AI", "AI/Tools"]
    assert "asr" in [e["key"] for e in data["error_types"]]
    assert data["glossary"]["aliases"] == {"chat gpt": "ChatGPT"}
    assert "好 😀" in out.read_text(encoding="utf-8")  # not \\u-escaped


def test_transcript_txt_uses_display_names(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    store.rename_speaker(doc_id, "A", "Alice")
    out = tmp_path / "t.txt"
    assert export_transcript(store, doc_id, out) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Alice: Hey，关于这个话题，你怎么想的？"
    assert lines[1].startswith("B: I use ChatGPT every day")


def test_transcript_srt_and_vtt(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc(TIMED + "[00:00:12] SPEAKER_01: a <b>tag</b> & more\n")).document_id
    store.rename_speaker(doc_id, "SPEAKER_00", "Host")
    export_transcript(store, doc_id, tmp_path / "t.srt")
    srt = (tmp_path / "t.srt").read_text(encoding="utf-8")
    cues = srt.strip().split("\n\n")
    assert len(cues) == len(store.segments(doc_id))
    assert cues[0].splitlines()[:2] == ["1", "00:00:01,000 --> 00:00:05,000"]
    assert cues[0].splitlines()[2].startswith("Host: hello there")
    # The last cue has no end in the file: it gets a short one.
    assert re.search(r"00:00:12,000 --> 00:00:15,000", cues[-1])

    export_transcript(store, doc_id, tmp_path / "t.vtt")
    vtt = (tmp_path / "t.vtt").read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Host>hello there")
    assert "a &lt;b&gt;tag&lt;/b&gt; &amp; more" in vtt


def test_untimed_document_cannot_be_subtitles(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    with pytest.raises(InputError, match="no timestamps"):
        export_transcript(store, doc_id, tmp_path / "t.srt")
    assert not (tmp_path / "t.srt").exists()
    with pytest.raises(InputError, match=r"\.txt, \.srt or \.vtt"):
        export_transcript(store, doc_id, tmp_path / "t.docx")
    with pytest.raises(InputError, match="no document with id 99"):
        export_transcript(store, 99, tmp_path / "t.txt")
