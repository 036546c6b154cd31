"""Reading whole documents back out: segments with edits and speakers, and the JSON-ready dump."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import Text, func, select, type_coerce
from sqlalchemy.orm import Session

from reviewer.core.errors import InputError
from reviewer.core.gc_pause import gc_paused
from reviewer.store.annotations import list_annotations
from reviewer.store.glossary_store import stored_glossary
from reviewer.store.models import IN_CHUNK, Annotation, Document, RepairEdit, Segment, Speaker
from reviewer.store.records import (
    AnnotationInfo,
    DocumentInfo,
    DocumentSummary,
    EditInfo,
    SegmentInfo,
    SpeakerInfo,
    StoredRows,
)
from reviewer.store.speakers import speaker_info
from reviewer.store.taxonomy import list_error_types, list_topics, require_document, require_document_id

DUMP_FORMAT = "transcript-reviewer-store"
# An annotation in the dump: its record's fields, less the row ids and version only this store knows.
DUMPED = tuple(
    f.name
    for f in fields(AnnotationInfo)
    if f.name not in ("document_id", "segment_id", "speaker_id", "topic_id", "error_type_id", "version")
)
DUMP_VERSION = 1


def document_summaries(session: Session) -> list[DocumentSummary]:
    seg_counts = dict(
        session.execute(select(Segment.document_id, func.count()).group_by(Segment.document_id)).all()
    )
    ann_counts = dict(
        session.execute(select(Annotation.document_id, func.count()).group_by(Annotation.document_id)).all()
    )
    unplaced = dict(
        session.execute(
            select(Annotation.document_id, func.count())
            .where(Annotation.anchor_status == "unplaced")
            .group_by(Annotation.document_id)
        ).all()
    )
    rows = session.execute(
        select(
            Document.id,
            Document.name,
            Document.path,
            Document.format,
            Document.version,
            Document.imported_at,
            Document.updated_at,
        ).order_by(Document.id)
    )
    return [
        DocumentSummary(
            r.id,
            r.name,
            r.path,
            r.format,
            seg_counts.get(r.id, 0),
            ann_counts.get(r.id, 0),
            unplaced.get(r.id, 0),
            r.version,
            r.imported_at,
            r.updated_at,
        )
        for r in rows
    ]


def document_info(session: Session, document_id: int) -> DocumentInfo:
    d = require_document(session, document_id)
    return DocumentInfo(
        d.id,
        d.name,
        d.path,
        d.content_hash,
        d.encoding,
        d.encoding_reason,
        d.format,
        dict(d.meta),
        d.header,
        d.trailing_newline,
        d.original_text,
        d.version,
        d.imported_at,
        d.updated_at,
    )


def speakers_of(session: Session, document_id: int) -> list[SpeakerInfo]:
    require_document_id(session, document_id)
    q = select(Speaker).where(Speaker.document_id == document_id).order_by(Speaker.id)
    return [speaker_info(s) for s in session.scalars(q)]


# Rows fetched per round trip on the bulk read (Core rows, never ORM objects).
YIELD_PER = 5000

_SEGMENT_COLUMNS = (
    Segment.id,
    Segment.index,
    Segment.original,
    Segment.repaired,
    Segment.original_speaker,
    Segment.speaker_id,
    Segment.assigned_speaker_id,
    Segment.start,
    Segment.end,
    # As the stored JSON text: _source_lines parses the usual "[3, 4]" several times faster.
    type_coerce(Segment.source_lines, Text),
)
_EDIT_COLUMNS = (
    RepairEdit.segment_id,
    RepairEdit.id,
    RepairEdit.kind,
    RepairEdit.start,
    RepairEdit.end,
    RepairEdit.before,
    RepairEdit.after,
    RepairEdit.confidence,
    type_coerce(RepairEdit.alternatives, Text),  # mostly "[]": parsed only when not
    RepairEdit.applied,
    RepairEdit.decision,
    RepairEdit.decided_text,
    RepairEdit.version,
    RepairEdit.annotator,
    RepairEdit.decided_at,
)


def _source_lines(raw: str | list[int] | None) -> tuple[int, ...]:
    if not raw or raw == "[]":
        return ()
    if isinstance(raw, list):  # PostgreSQL's driver hands JSON over already parsed
        return tuple(raw)
    try:
        return tuple(map(int, raw[1:-1].split(",")))
    except ValueError:  # not a plain list of numbers: let JSON say what it is
        return tuple(json.loads(raw))


def _alternatives(raw: str | list[str] | None) -> tuple[str, ...]:
    if not raw or raw == "[]":
        return ()
    return tuple(raw) if isinstance(raw, list) else tuple(json.loads(raw))


def segment_count(session: Session, document_id: int) -> int:
    require_document_id(session, document_id)
    q = select(func.count()).select_from(Segment).where(Segment.document_id == document_id)
    return session.connection().scalar(q) or 0


def segments_of(
    session: Session,
    document_id: int,
    *,
    with_edits: bool = True,
    offset: int = 0,
    limit: int | None = None,
    indexes: Iterable[int] | None = None,
) -> list[SegmentInfo]:
    """A document's segments in index order: all, a page (``offset``/``limit``), or those ``indexes``.

    One query for the segments and one for their edits, through Core rows (no ORM
    objects: building 100k of those was most of the time of a whole-document read).
    """
    with gc_paused():  # building 100k records: see reviewer.core.gc_pause
        return _segments_of(session, document_id, with_edits, offset, limit, indexes)


def stored_rows(session: Session, document_id: int, indexes: Iterable[int] | None = None) -> StoredRows:
    """Segments ``indexes`` of a document (all of them: None) with their annotations and the
    document's speakers (inside a write, after flushing: what that write made of them).
    For the whole document the annotations include those on no segment."""
    session.flush()
    wanted = None if indexes is None else sorted(set(indexes))
    return StoredRows(
        document_id,
        tuple(segments_of(session, document_id, indexes=wanted)),
        tuple(list_annotations(session, document_id, segment_indexes=wanted)),
        tuple(speakers_of(session, document_id)),
    )


def _segments_of(
    session: Session,
    document_id: int,
    with_edits: bool,
    offset: int,
    limit: int | None,
    indexes: Iterable[int] | None,
) -> list[SegmentInfo]:
    require_document_id(session, document_id)
    conn = session.connection()
    speakers = {s.id: s for s in speakers_of(session, document_id)}
    base = select(*_SEGMENT_COLUMNS).where(Segment.document_id == document_id).order_by(Segment.index)
    if indexes is not None:
        wanted = sorted(set(indexes))
        rows = []
        for n in range(0, len(wanted), IN_CHUNK):
            rows.extend(conn.execute(base.where(Segment.index.in_(wanted[n : n + IN_CHUNK]))).all())
    else:
        if offset < 0 or (limit is not None and limit < 0):
            raise InputError("a page needs offset >= 0 and limit >= 0")
        if offset:
            base = base.offset(offset)
        if limit is not None:
            base = base.limit(limit)
        rows = list(conn.execute(base.execution_options(yield_per=YIELD_PER)))
    edits: dict[int, list[EditInfo]] = {}
    if with_edits and rows:
        q = (
            select(*_EDIT_COLUMNS)
            .join(Segment, RepairEdit.segment_id == Segment.id)
            .where(Segment.document_id == document_id, RepairEdit.superseded_by.is_(None))
            # (start, end): an insertion before a replacement at the same place comes first
            .order_by(RepairEdit.segment_id, RepairEdit.start, RepairEdit.end, RepairEdit.id)
        )
        if indexes is not None or offset or limit is not None:
            # A page or a few rows: only their edits (a contiguous index range for a page).
            if indexes is not None:
                q = q.where(Segment.index.in_([r[1] for r in rows])) if len(rows) <= IN_CHUNK else q
            else:
                q = q.where(Segment.index.between(rows[0][1], rows[-1][1]))  # [1]: Row.index is a method
        for sid, *fields in conn.execute(q.execution_options(yield_per=YIELD_PER)):
            # (the edit's columns in EditInfo's field order; [7] holds the alternatives)
            fields[7] = _alternatives(fields[7])
            info = EditInfo(*fields)
            edits.setdefault(sid, []).append(info)
    out = []
    for sid, index, original, repaired, original_speaker, speaker_id, assigned, start, end, lines in rows:
        speaker = speakers.get(assigned if assigned is not None else speaker_id)
        out.append(
            SegmentInfo(
                sid,
                document_id,
                index,
                original,
                repaired,
                original_speaker,
                speaker,
                start,
                end,
                _source_lines(lines),
                tuple(edits.get(sid, ())),
                assigned is not None,
            )
        )
    return out


def iso(t: datetime | None) -> str | None:
    return t.isoformat().replace("+00:00", "Z") if t is not None else None


def dump(session: Session, document_id: int | None = None) -> dict[str, Any]:
    """Everything in the store (or one document) as plain JSON-ready data."""
    ids = [document_id] if document_id is not None else [d.id for d in document_summaries(session)]
    g = stored_glossary(session)
    return {
        "format": DUMP_FORMAT,
        "version": DUMP_VERSION,
        "error_types": [
            {"key": e.key, "name": e.name, "description": e.description} for e in list_error_types(session)
        ],
        "topics": [
            {"path": t.path, "name": t.name, "colour": t.colour, "description": t.description}
            for t in list_topics(session)
        ],
        "glossary": {"terms": g.terms, "aliases": g.aliases},
        "documents": list(_documents(session, ids)),
    }


def _documents(session: Session, ids: list[int]) -> Iterator[dict[str, Any]]:
    for doc_id in ids:
        d = document_info(session, doc_id)
        speakers = speakers_of(session, doc_id)
        yield {
            "id": d.id,
            "name": d.name,
            "path": d.path,
            "content_hash": d.content_hash,
            "encoding": d.encoding,
            "encoding_reason": d.encoding_reason,
            "format": d.format,
            "metadata": d.metadata,
            "version": d.version,
            "imported_at": iso(d.imported_at),
            "updated_at": iso(d.updated_at),
            "original_text": d.original_text,
            "speakers": [
                {"label": s.label, "display_name": s.display_name, "role": s.role} for s in speakers
            ],
            "segments": [
                {
                    "index": s.index,
                    "speaker_label": s.speaker.label if s.speaker else s.original_speaker,
                    "speaker": s.speaker.display_name if s.speaker else None,
                    "original_speaker": s.original_speaker,
                    "speaker_assigned": s.speaker_assigned,
                    "start": s.start,
                    "end": s.end,
                    "source_lines": list(s.source_lines),
                    "original": s.original,
                    "repaired": s.repaired,
                    "edits": [
                        {
                            "id": e.id,
                            "kind": e.kind,
                            "start": e.start,
                            "end": e.end,
                            "before": e.before,
                            "after": e.after,
                            "confidence": e.confidence,
                            "alternatives": list(e.alternatives),
                            "applied": e.applied,
                            "decision": e.decision,
                            "decided_text": e.decided_text,
                            "annotator": e.annotator,
                            "decided_at": iso(e.decided_at),
                        }
                        for e in s.edits
                    ],
                }
                for s in segments_of(session, doc_id)
            ],
            "annotations": [
                {
                    name: iso(v) if isinstance(v, datetime) else v
                    for name in DUMPED
                    for v in [getattr(a, name)]
                }
                for a in list_annotations(session, doc_id)
            ],
        }
