"""The edits CSV: every repair and correction with its decision, who and when (issue: exports
carry the reviewer's work)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reviewer.core.errors import InputError
from reviewer.export.edits_csv import COLUMNS, export_edits_csv
from reviewer.ops import DecideEdits, decisions_for, run
from reviewer.ops.corrections import Correct
from reviewer.store import Store
from tests.store.helpers import CHAT, doc


def _read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM, CRLF (as the annotations CSV)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows == [] or tuple(rows[0]) == COLUMNS
    return rows


def test_manual_edits_are_listed_like_repairs_with_who_and_when(store: Store, tmp_path: Path) -> None:
    doc_id = store.import_document(doc(CHAT)).document_id
    seg = store.segment(doc_id, 1)  # "I use ChatGPT every day, it's great." (a glossary repair)
    glossary = next(e for e in seg.edits if e.kind == "glossary")
    run(store, DecideEdits(doc_id, decisions_for([(1, glossary)], "rejected")))
    text = store.segment(doc_id, 3).repaired
    run(store, Correct(doc_id, 3, text, 0, 3, "=Yes", "王小明"))
    out = tmp_path / "edits.csv"
    n = export_edits_csv(store, out, doc_id)
    rows = _read(out)
    assert n == len(rows) == sum(len(s.edits) for s in store.segments(doc_id))
    rejected = next(r for r in rows if r["edit_id"] == str(glossary.id))
    assert (rejected["kind"], rejected["decision"]) == ("glossary", "rejected")
    assert rejected["after"] == rejected["before"] == "chat gpt" and rejected["proposed"] == "ChatGPT"
    assert rejected["decided"].endswith("Z") and rejected["annotator"] == ""
    manual = next(r for r in rows if r["kind"] == "manual")
    # The smallest edit: "=" put in before "Yes"; a formula-like cell is neutralised.
    assert (manual["segment_index"], manual["before"], manual["annotator"]) == ("3", "", "王小明")
    assert manual["after"] == manual["proposed"] == "'="
    assert manual["decision"] == "accepted" and manual["decided"]
    assert manual["text_repaired"].startswith("'=Yes.")


def test_an_unknown_document_is_refused_before_a_file_is_written(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "edits.csv"
    with pytest.raises(InputError):
        export_edits_csv(store, out, 99)
    assert not out.exists()
