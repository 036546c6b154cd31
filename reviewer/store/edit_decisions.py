"""The reviewer's decision on a repair edit, and what it does to the segment's repaired text."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.core.corrections import MANUAL
from reviewer.core.decisions import decided_speaker, decided_text, effective_edit
from reviewer.core.errors import InputError
from reviewer.core.transcript import Edit
from reviewer.store.errors import EditConflict
from reviewer.store.models import DECISIONS, Annotation, RepairEdit, Segment, Speaker, utcnow
from reviewer.store.reanchor import remap_span
from reviewer.store.records import EditInfo
from reviewer.store.unique import add_or_existing


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
        e.version,
        e.annotator,
        e.decided_at,
    )


def decide_edit(
    session: Session,
    edit_id: int,
    decision: str,
    text: str | None = None,
    expected_version: int | None = None,
) -> None:
    """Record a decision; with ``expected_version``, one decided by someone else since raises EditConflict."""
    if decision not in DECISIONS:
        raise InputError(f"unknown decision {decision!r} (one of {', '.join(DECISIONS)})")
    if (decision == "changed") != (text is not None):
        raise InputError("'changed' needs the text to change to (and only 'changed' takes one)")
    # Locked until the commit (PostgreSQL), so the version checked is the one we overwrite.
    edit = session.get(RepairEdit, edit_id, with_for_update=True)
    if expected_version is not None and (edit is None or edit.version != expected_version):
        theirs = edit_info(edit) if edit is not None else None
        raise EditConflict(edit_id, expected_version, theirs, {"decision": decision, "text": text})
    if edit is None or edit.superseded_by is not None:
        raise InputError(f"no repair edit with id {edit_id}")  # (a superseded one no longer counts)
    if edit.kind == MANUAL:
        raise InputError(f"edit {edit_id} is a reviewer's own text: undo it, or correct the text again")
    edit.version = edit.version + 1
    edit.decision = decision
    edit.decided_text = text
    edit.decided_at = None if decision == "pending" else utcnow()
    session.flush()
    refresh_segment(session, edit.segment_id)


def find_edit(session: Session, edit_id: int) -> tuple[int, int, EditInfo] | None:
    """(document id, segment index, edit) of a live edit (None: no such edit, or superseded)."""
    e = session.get(RepairEdit, edit_id)
    if e is None or e.superseded_by is not None:
        return None
    return e.segment.document_id, e.segment.index, edit_info(e)


def live_edits(session: Session, segment_id: int) -> list[RepairEdit]:
    """A segment's edits that count or show (none a reviewer's edit superseded), in order."""
    return list(
        session.scalars(
            select(RepairEdit)
            .where(RepairEdit.segment_id == segment_id, RepairEdit.superseded_by.is_(None))
            .order_by(RepairEdit.start, RepairEdit.end, RepairEdit.id)
        )
    )


def counted(e: RepairEdit) -> Edit:
    """The edit as its decision makes it count (core.decisions.effective_edit)."""
    return effective_edit(e.kind, e.start, e.end, e.before, e.after, e.applied, e.decision, e.decided_text)


def refresh_segment(session: Session, segment_id: int) -> None:
    """Recompute a segment's repaired text and speaker from its edits; spans of it stay on their text."""
    seg = session.get(Segment, segment_id)
    assert seg is not None
    effective = [counted(e) for e in live_edits(session, segment_id)]
    old, new = seg.repaired, decided_text(seg.original, effective)
    seg.repaired = new
    seg.version = seg.version + 1
    label = decided_speaker(seg.original_speaker, effective)
    seg.speaker_id = _speaker_id(session, seg.document_id, label)
    if old == new:
        return
    for a in session.scalars(select(Annotation).where(Annotation.segment_id == segment_id)):
        a.version = a.version + 1  # its quote or span follows the text: a change of the row
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
    find = select(Speaker).where(Speaker.document_id == document_id, Speaker.label == label)
    return add_or_existing(session, speaker, lambda: session.scalar(find)).id
