"""CSV export: column order, BOM, RFC 4180 quoting, formula neutralisation, atomic writes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reviewer.core.errors import InputError
from reviewer.export import csv as csv_export
from reviewer.export.csv import COLUMNS, export_csv, neutralise
from reviewer.store import Store
from tests.store.helpers import CHAT, TIMED, doc

TRICKY_NOTES = [
    "中文备注：这里把“开源”听成了“开元”",
    "emoji 😀👍🏽 and a ZWJ family 👨‍👩‍👧",
    'quotes "inside", commas, and a semicolon;',
    "line one\nline two\r\nline three",
    '=HYPERLINK("http://evil","click")',
    "+1 234",
    "-2+3",
    "@SUM(A1:A2)",
    "\tleading tab",
    "\rleading CR",
    "plain",
]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_round_trip_of_tricky_text(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    ids = [store.tag(doc_id, 0, error="asr", note=n, correction=n, annotator="王小明") for n in TRICKY_NOTES]
    out = tmp_path / "out.csv"
    assert export_csv(store, out) == len(TRICKY_NOTES)

    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    assert raw.count(b"\xef\xbb\xbf") == 1
    assert raw.endswith(b"\r\n")
    rows = _read(out)
    assert list(rows[0]) == list(COLUMNS)
    assert [int(r["annotation_id"]) for r in rows] == ids
    for note, row in zip(TRICKY_NOTES, rows, strict=True):
        want = "'" + note if note[0] in "=+-@\t\r" else note
        assert row["note"] == want and row["correction"] == want
        assert row["annotator"] == "王小明"
        assert row["text_repaired"].startswith("Hey，关于")


def test_columns_of_a_span_annotation(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc(TIMED, path="timed.txt")).document_id
    store.rename_speaker(doc_id, "SPEAKER_01", "李老师")
    seg = store.segments(doc_id)[1]
    s = seg.repaired.index("AI")
    a = store.tag(doc_id, 1, topic="AI/Education", span=(s, s + 2), note="n", annotator="me")
    out = tmp_path / "one.csv"
    export_csv(store, out, doc_id)
    [row] = _read(out)
    assert row == {
        **row,
        "document_id": str(doc_id),
        "file_name": "timed.txt",
        "segment_index": "1",
        "start": "5",
        "speaker_label": "SPEAKER_01",
        "speaker_name": "李老师",
        "kind": "topic",
        "tag": "AI/Education",
        "error_type": "",
        "span_start": str(s),
        "span_end": str(s + 2),
        "text_repaired": "AI",
        "text_original": "AI",
        "note": "n",
        "annotator": "me",
        "annotation_id": str(a),
        "span_of": "repaired",
        "anchor_status": "ok",
    }
    assert row["created"].endswith("Z") and "T" in row["created"]


def test_error_rows_carry_key_and_name(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc()).document_id
    store.tag(doc_id, 2, error="encoding")
    export_csv(store, tmp_path / "e.csv")
    [row] = _read(tmp_path / "e.csv")
    assert (row["kind"], row["tag"], row["error_type"]) == ("error", "encoding", "Mojibake / encoding")


def test_neutralise() -> None:
    assert [neutralise(c) for c in ["=1", "+1", "-1", "@x", "\tx", "\rx", "a=b", "", "'=x"]] == [
        "'=1",
        "'+1",
        "'-1",
        "'@x",
        "'\tx",
        "'\rx",
        "a=b",
        "",
        "'=x",
    ]


def test_failed_export_leaves_the_old_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = store.import_document(doc()).document_id
    store.tag(doc_id, 0, error="asr")
    out = tmp_path / "keep.csv"
    out.write_text("previous export\n", encoding="utf-8")

    def boom(_r: object) -> list[str]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(csv_export, "row_cells", boom)
    with pytest.raises(RuntimeError):
        export_csv(store, out)
    assert out.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_unknown_document_or_bad_path(store: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no document with id 7"):
        export_csv(store, tmp_path / "x.csv", 7)
    assert not (tmp_path / "x.csv").exists()
    with pytest.raises(InputError, match="is a directory"):
        export_csv(store, tmp_path)
    with pytest.raises(InputError, match="does not exist"):
        export_csv(store, tmp_path / "nope" / "x.csv")


def test_unplaced_rows_show_what_they_were_on(store: Store) -> None:
    doc_id = store.import_document(doc(CHAT, path="u.txt")).document_id
    store.tag(doc_id, 1, error="missing-extra", span=(0, 5))
    store.import_document(doc(CHAT.replace("[B]: I use chat gpt every day, it's great.\n", ""), path="u.txt"))
    [row] = list(store.annotation_rows())
    assert (row.segment_index, row.anchor_status, row.text_repaired) == (None, "unplaced", "I use")
    assert csv_export.row_cells(row)[2] == ""
