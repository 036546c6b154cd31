"""Annotations as CSV: one row per annotation, columns in a fixed, documented order.

UTF-8 with a BOM (Excel then reads Chinese correctly), RFC 4180 quoting with
CRLF row ends, and cells that a spreadsheet would run as a formula (first
character ``=``, ``+``, ``-``, ``@``, tab or CR) prefixed with a single quote.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
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


def seconds_cell(x: float) -> str:
    # Plain decimal seconds, millisecond precision, no trailing zeros: "6", "13.5", "7563.25".
    return f"{x:.3f}".rstrip("0").rstrip(".")


def time_cell(t: datetime) -> str:
    return t.isoformat(timespec="seconds")[:19] + "Z"  # always UTC (models.UTCDateTime)


def row_cells(r: AnnotationRow) -> list[str]:
    # Only cells that can hold user text are neutralised; ids, offsets, times and enum
    # values are produced here and never start with a formula character.
    return [
        str(r.document_id),
        neutralise(r.file_name),
        "" if r.segment_index is None else str(r.segment_index),
        "" if r.start is None else seconds_cell(r.start),
        "" if r.end is None else seconds_cell(r.end),
        neutralise(r.speaker_label or ""),
        neutralise(r.speaker_name or ""),
        r.kind,
        neutralise(r.tag),
        neutralise(r.error_type or ""),
        "" if r.span_start is None else str(r.span_start),
        "" if r.span_end is None else str(r.span_end),
        neutralise(r.text_repaired),
        neutralise(r.text_original),
        neutralise(r.correction or ""),
        neutralise(r.note or ""),
        neutralise(r.annotator or ""),
        time_cell(r.created_at),
        time_cell(r.updated_at),
        str(r.annotation_id),
        r.target,
        r.anchor_status,
    ]


def write_table(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Write a CSV by these rules atomically; returns the number of rows under the header."""
    n = 0
    with atomic_write(path, encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        for r in rows:
            w.writerow(r)
            n += 1
    return n


def write_rows(path: str | Path, rows: Iterable[AnnotationRow]) -> int:
    """Write the annotations CSV atomically; returns the number of annotation rows."""
    return write_table(path, COLUMNS, (row_cells(r) for r in rows))


def export_csv(store: Store, path: str | Path, document_id: int | None = None) -> int:
    if document_id is not None:
        store.document(document_id)  # unknown id: InputError before any file is touched
    return write_rows(path, store.annotation_rows(document_id))
