"""The reviewer's decision on a repair edit, and what it does to the segment's repaired text."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.core.errors import InputError
from reviewer.core.transcript import apply_edits
from reviewer.store.models import DECISIONS, Annotation, RepairEdit, Segment, Speaker, utcnow
from reviewer.store.reanchor import remap_span
from reviewer.store.records import EditInfo, effective_edit


def edit_info(e: RepairEdit) -> EditInfo:
    return EditInfo(
        e.id,
        e.kind,
        e.start,
        e.end,
        e.before,
        e.after,
        e.confidence,
        tuple(e.alternatives),
        e.applied,
        e.decision,
        e.decided_text,
    )


def decide_edit(session: Session, edit_id: int, decision: str, text: str | None = None) -> None:
    if decision not in DECISIONS:
        raise InputError(f"unknown decision {decision!r} (one of {', '.join(DECISIONS)})")
    if (decision == "changed") != (text is not None):
        raise InputError("'changed' needs the text to change to (and only 'changed' takes one)")
    edit = session.get(RepairEdit, edit_id)
    if edit is None:
        raise InputError(f"no repair edit with id {edit_id}")
    edit.decision = decision
    edit.decided_text = text
    edit.decided_at = None if decision == "pending" else utcnow()
    session.flush()
    refresh_segment(session, edit.segment_id)


def refresh_segment(session: Session, segment_id: int) -> None:
    """Recompute a segment's repaired text and speaker from its edits; spans of it stay on their text."""
    seg = session.get(Segment, segment_id)
    assert seg is not None
    effective = [
        effective_edit(e.kind, e.start, e.end, e.before, e.after, e.applied, e.decision, e.decided_text)
        for e in session.scalars(select(RepairEdit).where(RepairEdit.segment_id == segment_id))
    ]
    old, new = seg.repaired, apply_edits(seg.original, effective)
    seg.repaired = new
    label = next(
        (e.after or None for e in effective if e.kind == "speaker" and e.applied), seg.original_speaker
    )
    seg.speaker_id = _speaker_id(session, seg.document_id, label)
    if old == new:
        return
    for a in session.scalars(select(Annotation).where(Annotation.segment_id == segment_id)):
        if a.target == "segment":
            if a.anchor_status == "ok":
                a.quote = new
        elif a.target == "repaired" and a.span_start is not None and a.span_end is not None:
            a.span_start, a.span_end = remap_span(old, new, a.span_start, a.span_end)
            # The reviewer changed this text on purpose: the annotation stays confirmed on it.
            if a.anchor_status == "ok":
                a.quote = new[a.span_start : a.span_end]


def _speaker_id(session: Session, document_id: int, label: str | None) -> int | None:
    if not label:
        return None
    found = session.scalar(
        select(Speaker.id).where(Speaker.document_id == document_id, Speaker.label == label)
    )
    if found is not None:
        return found
    speaker = Speaker(document_id=document_id, label=label, display_name=label)
    session.add(speaker)
    session.flush()
    return speaker.id
