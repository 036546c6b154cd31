"""Reading whole documents back out: segments with edits and speakers, and the JSON-ready dump."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer.store.annotations import list_annotations
from reviewer.store.edit_decisions import edit_info
from reviewer.store.glossary_store import stored_glossary
from reviewer.store.models import Annotation, Document, RepairEdit, Segment, Speaker
from reviewer.store.records import DocumentInfo, DocumentSummary, EditInfo, SegmentInfo, SpeakerInfo
from reviewer.store.taxonomy import list_error_types, list_topics, require_document, speaker_info

DUMP_FORMAT = "transcript-reviewer-store"
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
    require_document(session, document_id)
    q = select(Speaker).where(Speaker.document_id == document_id).order_by(Speaker.id)
    return [speaker_info(s) for s in session.scalars(q)]


def segments_of(session: Session, document_id: int, *, with_edits: bool = True) -> list[SegmentInfo]:
    require_document(session, document_id)
    speakers = {s.id: s for s in speakers_of(session, document_id)}
    edits: dict[int, list[EditInfo]] = {}
    if with_edits:
        q = (
            select(RepairEdit)
            .join(Segment, RepairEdit.segment_id == Segment.id)
            .where(Segment.document_id == document_id)
            .order_by(RepairEdit.segment_id, RepairEdit.start, RepairEdit.id)
        )
        for e in session.scalars(q):
            edits.setdefault(e.segment_id, []).append(edit_info(e))
    q2 = select(Segment).where(Segment.document_id == document_id).order_by(Segment.index)
    return [
        SegmentInfo(
            s.id,
            s.document_id,
            s.index,
            s.original,
            s.repaired,
            s.original_speaker,
            speakers.get(s.speaker_id) if s.speaker_id else None,
            s.start,
            s.end,
            tuple(s.source_lines),
            tuple(edits.get(s.id, ())),
        )
        for s in session.scalars(q2)
    ]


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
                        }
                        for e in s.edits
                    ],
                }
                for s in segments_of(session, doc_id)
            ],
            "annotations": [
                {
                    "id": a.id,
                    "segment_index": a.segment_index,
                    "kind": a.kind,
                    "tag": a.tag,
                    "target": a.target,
                    "span_start": a.span_start,
                    "span_end": a.span_end,
                    "quote": a.quote,
                    "anchor_status": a.anchor_status,
                    "correction": a.correction,
                    "note": a.note,
                    "annotator": a.annotator,
                    "created_at": iso(a.created_at),
                    "updated_at": iso(a.updated_at),
                }
                for a in list_annotations(session, doc_id)
            ],
        }
