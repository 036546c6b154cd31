"""Every edit as CSV: the engine's repairs and the reviewer's own corrections, one row each.

The same file rules as the annotations CSV (export.csv): UTF-8 with a BOM, RFC 4180 quoting,
CRLF row ends, formula-like cells neutralised.  ``after`` is what the text says there now (the
reviewer's text for a changed repair, the original for a rejected one); ``proposed`` is what
the engine (or the propagation) proposed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.export.csv import neutralise, seconds_cell, time_cell, write_table

if TYPE_CHECKING:
    from reviewer.store import EditInfo, SegmentInfo, Store

# Only ever append (README "CSV export").
COLUMNS: tuple[str, ...] = (
    "document_id",
    "file_name",
    "segment_index",
    "start",
    "end",
    "speaker",
    "edit_id",
    "kind",
    "before",
    "after",
    "proposed",
    "confidence",
    "applied",
    "decision",
    "annotator",
    "decided",
    "text_repaired",
)


def _cells(doc_id: int, name: str, seg: SegmentInfo, e: EditInfo) -> list[str]:
    now = e.effective()
    return [
        str(doc_id),
        neutralise(name),
        str(seg.index),
        "" if seg.start is None else seconds_cell(seg.start),
        "" if seg.end is None else seconds_cell(seg.end),
        neutralise(seg.speaker.display_name if seg.speaker else (seg.original_speaker or "")),
        str(e.id),
        e.kind,
        neutralise(e.before),
        neutralise(now.after if now.applied else e.before),
        neutralise(e.after),
        f"{e.confidence:.2f}",
        "1" if e.applied else "0",
        e.decision,
        neutralise(e.annotator or ""),
        "" if e.decided_at is None else time_cell(e.decided_at),
        neutralise(seg.repaired),
    ]


def edit_rows(store: Store, document_id: int | None = None) -> Iterator[list[str]]:
    docs = [store.document(document_id)] if document_id is not None else store.documents()
    for d in docs:
        for seg in store.segments(d.id):
            for e in seg.edits:
                yield _cells(d.id, d.name, seg, e)


def export_edits_csv(store: Store, path: str | Path, document_id: int | None = None) -> int:
    """Write the edits of one document (None: all) atomically; returns the number of rows."""
    if document_id is not None:
        store.document(document_id)  # unknown id: InputError before any file is touched
    return write_table(path, COLUMNS, edit_rows(store, document_id))
