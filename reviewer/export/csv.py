"""Annotations as CSV: one row per annotation, columns in a fixed, documented order.

UTF-8 with a BOM (Excel then reads Chinese correctly), RFC 4180 quoting with
CRLF row ends, and cells that a spreadsheet would run as a formula (first
character ``=``, ``+``, ``-``, ``@``, tab or CR) prefixed with a single quote.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.export.atomic import atomic_write

if TYPE_CHECKING:
    from reviewer.store import AnnotationRow, Store

# The column order is part of the contract (README "CSV export"): only ever append.
COLUMNS: tuple[str, ...] = (
    "document_id",
    "file_name",
    "segment_index",
    "start",
    "end",
    "speaker_label",
    "speaker_name",
    "kind",
    "tag",
    "error_type",
    "span_start",
    "span_end",
    "text_repaired",
    "text_original",
    "correction",
    "note",
    "annotator",
    "created",
    "updated",
    "annotation_id",
    "span_of",
    "anchor_status",
)

FORMULA_CHARS = frozenset("=+-@\t\r")


def neutralise(cell: str) -> str:
    """Stop a spreadsheet from evaluating the cell (OWASP "CSV injection")."""
    return "'" + cell if cell and cell[0] in FORMULA_CHARS else cell


def _seconds(x: float) -> str:
    # Plain decimal seconds, millisecond precision, no trailing zeros: "6", "13.5", "7563.25".
    return f"{x:.3f}".rstrip("0").rstrip(".")


def _time(t: datetime) -> str:
    return t.isoformat(timespec="seconds")[:19] + "Z"  # always UTC (models.UTCDateTime)


def row_cells(r: AnnotationRow) -> list[str]:
    # Only cells that can hold user text are neutralised; ids, offsets, times and enum
    # values are produced here and never start with a formula character.  (Written out
    # flat on purpose: this runs once per row of 100k-row exports.)
    (aid, doc_id, file_name, index, start, end, label, name, kind, tag, err, target, s, e,
     text_rep, text_orig, correction, note, annotator, status, created, updated) = r  # fmt: skip
    return [
        str(doc_id),
        neutralise(file_name),
        "" if index is None else str(index),
        "" if start is None else _seconds(start),
        "" if end is None else _seconds(end),
        neutralise(label or ""),
        neutralise(name or ""),
        kind,
        neutralise(tag),
        neutralise(err or ""),
        "" if s is None else str(s),
        "" if e is None else str(e),
        neutralise(text_rep),
        neutralise(text_orig),
        neutralise(correction or ""),
        neutralise(note or ""),
        neutralise(annotator or ""),
        _time(created),
        _time(updated),
        str(aid),
        target,
        status,
    ]


def write_rows(path: str | Path, rows: Iterable[AnnotationRow]) -> int:
    """Write the CSV atomically; returns the number of annotation rows."""
    n = 0
    with atomic_write(path, encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow(row_cells(r))
            n += 1
    return n


def export_csv(store: Store, path: str | Path, document_id: int | None = None) -> int:
    if document_id is not None:
        store.document(document_id)  # unknown id: InputError before any file is touched
    return write_rows(path, store.annotation_rows(document_id))
