"""Plain, immutable views of stored rows, handed out by the Store.

Callers (CLI, exports, later the GUI's table models) never hold live ORM objects,
so nothing lazy-loads outside a transaction and sessions stay short.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, NamedTuple

from reviewer.core.decisions import effective_edit
from reviewer.core.transcript import Edit

ImportStatus = Literal["new", "unchanged", "updated"]


@dataclass(frozen=True)
class ImportResult:
    document_id: int
    status: ImportStatus
    name: str
    segments: int
    # Annotations carried over by a changed re-import: on the same text, on changed text, not placed.
    kept: int = 0
    changed: int = 0
    unplaced: int = 0
    # True when Store.import_file found the text already stored and never ran the repair pipeline.
    skipped_repair: bool = False


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    name: str
    path: str
    format: str
    segments: int
    annotations: int
    unplaced: int
    version: int
    imported_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    path: str
    content_hash: str
    encoding: str
    encoding_reason: str
    format: str
    metadata: dict[str, Any]
    header: str
    trailing_newline: bool
    original_text: str
    version: int
    imported_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class SpeakerInfo:
    id: int
    document_id: int
    label: str
    display_name: str
    role: str | None


@dataclass(frozen=True)
class EditInfo:
    id: int
    kind: str
    start: int
    end: int
    before: str
    after: str
    confidence: float
    alternatives: tuple[str, ...]
    applied: bool
    decision: str
    decided_text: str | None
    # +1 with every decision (optimistic locking: Store.decide_edit(expected_version=…)).
    version: int = 1
    # Who made it, for the reviewer's own edits (manual, propagated); when it was decided
    # (for those: made).
    annotator: str | None = None
    decided_at: datetime | None = None

    def effective(self) -> Edit:
        """The edit as the reviewer's decision makes it count (see models.RepairEdit)."""
        return effective_edit(
            self.kind,
            self.start,
            self.end,
            self.before,
            self.after,
            self.applied,
            self.decision,
            self.decided_text,
        )


@dataclass(frozen=True)
class SegmentInfo:
    id: int
    document_id: int
    index: int
    original: str
    repaired: str
    original_speaker: str | None
    speaker: SpeakerInfo | None
    start: float | None
    end: float | None
    source_lines: tuple[int, ...]
    edits: tuple[EditInfo, ...] = ()
    # True when ``speaker`` is a reviewer's assignment (Store.set_segment_speakers), not the file's.
    speaker_assigned: bool = False


@dataclass(frozen=True)
class SpeakerAssignment:
    """What Store.set_segment_speakers did, so Store.restore_segment_speakers can undo it."""

    document_id: int
    speaker: SpeakerInfo  # the speaker now assigned
    # (segment index, the speaker id assigned before: None = none, the file's/repair's speaker showed)
    previous: tuple[tuple[int, int | None], ...]
    # The speaker was new to the document (undo removes it again if nothing else uses it).
    created: bool = False


@dataclass(frozen=True)
class TopicInfo:
    id: int
    parent_id: int | None
    name: str
    path: str
    colour: str | None
    description: str | None


@dataclass(frozen=True)
class ErrorTypeInfo:
    id: int
    key: str
    name: str
    description: str | None
    position: int


@dataclass(frozen=True)
class AnnotationInfo:
    id: int
    document_id: int
    segment_id: int | None
    segment_index: int | None
    kind: str
    # Speaker display name, topic path or error type key.
    tag: str
    speaker_id: int | None
    topic_id: int | None
    error_type_id: int | None
    target: str
    span_start: int | None
    span_end: int | None
    quote: str
    anchor_status: str
    correction: str | None
    note: str | None
    annotator: str | None
    created_at: datetime
    updated_at: datetime
    # 1 when created, +1 with every change: pass it back as expected_version when changing it.
    version: int = 1


def by_segment(annotations: Iterable[AnnotationInfo]) -> dict[int, list[AnnotationInfo]]:
    """Annotations grouped by the index of the segment they are on (those on none left out)."""
    out: dict[int, list[AnnotationInfo]] = {}
    for a in annotations:
        if a.segment_index is not None:
            out.setdefault(a.segment_index, []).append(a)
    return out


def reading_order(a: AnnotationInfo) -> tuple[bool, int, int, int]:
    """Sort key of the order the store lists annotations in (annotations.list_annotations):
    by segment, place in it (whole-segment ones first) and id; tags on no segment last."""
    return (
        a.segment_index is None,
        a.segment_index or 0,
        -1 if a.span_start is None else a.span_start,
        a.id,
    )


class AnnotationRow(NamedTuple):
    """One CSV row's worth: an annotation with everything it refers to resolved.

    A NamedTuple, not a frozen dataclass: exports build 100k of these, and a frozen
    dataclass's __init__ costs several times more.
    """

    annotation_id: int
    document_id: int
    file_name: str
    segment_index: int | None
    start: float | None
    end: float | None
    speaker_label: str | None
    speaker_name: str | None
    kind: str
    tag: str
    error_type: str | None
    target: str
    span_start: int | None
    span_end: int | None
    text_repaired: str
    text_original: str
    correction: str | None
    note: str | None
    annotator: str | None
    anchor_status: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class StoredRows:
    """Segments of one document as stored now, with every annotation on them and the document's
    speakers: what an operation read back after writing, so a view can rebuild just these rows."""

    document_id: int
    segments: tuple[SegmentInfo, ...]
    annotations: tuple[AnnotationInfo, ...]
    speakers: tuple[SpeakerInfo, ...]

    @property
    def indexes(self) -> frozenset[int]:
        return frozenset(s.index for s in self.segments)
