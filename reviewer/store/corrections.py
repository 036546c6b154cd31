"""The reviewer's own text in the store: a segment rewritten as ``manual`` edits, and its undo.

core.corrections works out the edits; this writes them (decided, attributed, dated), marks
the engine edits they take in as superseded, and recomputes the segment through the one
rule (edit_decisions.refresh_segment), which also carries the segment's span tags along.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from reviewer.core.corrections import MANUAL, PROPAGATED, manual_edits
from reviewer.core.errors import InputError
from reviewer.core.transcript import Edit
from reviewer.store.edit_decisions import counted, live_edits, refresh_segment
from reviewer.store.errors import TextConflict
from reviewer.store.models import RepairEdit, Segment, utcnow
from reviewer.store.reanchor import Anchor, reanchor
from reviewer.store.spans import original_to_repaired


@dataclass(frozen=True)
class Rewritten:
    """What rewrite_segment wrote, for its undo."""

    document_id: int
    index: int
    before: str  # the segment's text before
    after: str  # and after
    added: tuple[int, ...]  # ids of the new edits
    superseded: tuple[int, ...]  # ids of the edits they took in


def segment_row(session: Session, document_id: int, index: int) -> Segment:
    seg = session.scalar(
        select(Segment).where(Segment.document_id == document_id, Segment.index == index).with_for_update()
    )
    if seg is None:
        raise InputError(f"document {document_id} has no segment {index}")
    return seg


def _rows(
    segment_id: int, edits: Sequence[Edit], confidence: float, annotator: str | None, *, applied: bool
) -> list[RepairEdit]:
    """New edit rows: applied ones decided (accepted, now), the others pending suggestions."""
    now = utcnow()
    return [
        RepairEdit(
            segment_id=segment_id,
            kind=e.kind,
            start=e.start,
            end=e.end,
            before=e.before,
            after=e.after,
            confidence=confidence,
            alternatives=[],
            applied=applied,
            decision="accepted" if applied else "pending",
            decided_at=now if applied else None,
            annotator=annotator,
        )
        for e in edits
    ]


def rewrite_segment(
    session: Session,
    document_id: int,
    index: int,
    new_text: str,
    *,
    annotator: str | None,
    seen: str | None = None,
    kind: str = MANUAL,
    confidence: float = 1.0,
) -> Rewritten:
    """Make segment ``index`` read ``new_text`` through minimal ``kind`` edits.

    ``seen``: the text the caller showed; if the stored text differs (another reviewer
    changed it), TextConflict and nothing is written.
    """
    seg = segment_row(session, document_id, index)
    if seen is not None and seg.repaired != seen:
        raise TextConflict(document_id, index, seen, seg.repaired)
    before = seg.repaired
    rows = live_edits(session, seg.id)
    existing = [counted(e) for e in rows]
    rw = manual_edits(seg.original, existing, new_text, kind)
    if not rw.edits:
        return Rewritten(document_id, index, before, before, (), ())
    # The reviewer's own text: decided as it is made.
    added = _rows(seg.id, rw.edits, confidence, annotator, applied=True)
    session.add_all(added)
    session.flush()
    superseded = []
    for n in sorted(rw.superseded):
        old = rows[n]
        # The new edit whose span holds it (spans of the new edits cover what they take in).
        by = next(a for a in added if a.start <= old.start and old.end <= a.end)
        old.superseded_by = by.id
        old.version += 1
        superseded.append(old.id)
    session.flush()
    refresh_segment(session, seg.id)
    if seg.repaired != new_text:  # the rule and the diff disagree: write nothing
        raise AssertionError(f"segment {index} would read {seg.repaired!r}, not {new_text!r}")
    return Rewritten(document_id, index, before, new_text, tuple(a.id for a in added), tuple(superseded))


def undo_rewrite(session: Session, done: Rewritten) -> None:
    """Take a rewrite back: its edits go, the edits they took in count again.

    Refused (TextConflict) when the segment no longer reads what the rewrite made of it:
    another change since would otherwise be undone with it."""
    seg = segment_row(session, done.document_id, done.index)
    if seg.repaired != done.after:
        raise TextConflict(done.document_id, done.index, done.after, seg.repaired)
    _take_back(session, seg, done.added, done.superseded)
    if seg.repaired != done.before:
        raise AssertionError(f"undo left segment {done.index} reading {seg.repaired!r}")


def redo_rewrite(session: Session, done: Rewritten, annotator: str | None) -> Rewritten:
    """Write the same text again (new edit ids)."""
    return rewrite_segment(
        session, done.document_id, done.index, done.after, annotator=annotator, seen=done.before
    )


def _take_back(session: Session, seg: Segment, added: Sequence[int], superseded: Sequence[int]) -> None:
    if added:
        for e in session.scalars(select(RepairEdit).where(RepairEdit.id.in_(list(added)))):
            session.delete(e)
    if superseded:
        session.execute(
            update(RepairEdit)
            .where(RepairEdit.id.in_(list(superseded)))
            .values(superseded_by=None, version=RepairEdit.version + 1)
        )
    session.flush()
    refresh_segment(session, seg.id)


def suggest_rewrite(
    session: Session,
    document_id: int,
    index: int,
    new_text: str,
    *,
    annotator: str | None,
    seen: str | None = None,
    kind: str = MANUAL,
    confidence: float = 0.5,
) -> tuple[int, ...]:
    """Store what rewriting segment ``index`` to ``new_text`` would take as pending suggestions
    (not applied: the text stays as it is until the reviewer accepts them).  Places where
    that would take an existing edit in are left out.  Returns the new edits' ids."""
    seg = segment_row(session, document_id, index)
    if seen is not None and seg.repaired != seen:
        raise TextConflict(document_id, index, seen, seg.repaired)
    rows = live_edits(session, seg.id)
    existing = [counted(e) for e in rows]
    rw = manual_edits(seg.original, existing, new_text, kind)
    if rw.superseded or not rw.edits:
        return ()
    added = _rows(seg.id, rw.edits, confidence, annotator, applied=False)
    session.add_all(added)
    session.flush()
    refresh_segment(session, seg.id)  # (its version: the row shows the new suggestion)
    return tuple(a.id for a in added)


def remove_edits(session: Session, edit_ids: Sequence[int]) -> set[int]:
    """Delete edits (undo of suggestions); returns the ids of the segments they were on."""
    segments: set[int] = set()
    if not edit_ids:
        return segments
    for e in session.scalars(select(RepairEdit).where(RepairEdit.id.in_(list(edit_ids)))):
        segments.add(e.segment_id)
        session.delete(e)
    session.flush()
    for sid in segments:
        refresh_segment(session, sid)
    return segments


def hand_corrected(session: Session, document_id: int) -> set[int]:
    """Indexes of the document's segments that hold a correction of the reviewer's own."""
    q = (
        select(Segment.index)
        .join(RepairEdit, RepairEdit.segment_id == Segment.id)
        .where(
            Segment.document_id == document_id,
            RepairEdit.kind == MANUAL,
            RepairEdit.superseded_by.is_(None),
        )
        .distinct()
    )
    return set(session.scalars(q))


@dataclass(frozen=True)
class OwnEdit:
    """A reviewer's own edit as it stood before a re-import (see carry_corrections)."""

    position: int  # of its segment among the old ones
    start: int
    end: int
    before: str
    after: str
    annotator: str | None
    kind: str = MANUAL


def own_edits(session: Session, segment_ids: Sequence[int]) -> list[OwnEdit]:
    """The live manual edits (and accepted propagated ones) on these segments, before they go."""
    if not segment_ids:
        return []
    pos = {sid: n for n, sid in enumerate(segment_ids)}
    q = select(RepairEdit).where(
        RepairEdit.segment_id.in_(list(segment_ids)),
        RepairEdit.superseded_by.is_(None),
        RepairEdit.kind.in_([MANUAL, PROPAGATED]),
        RepairEdit.decision == "accepted",
    )
    return [
        OwnEdit(pos[e.segment_id], e.start, e.end, e.before, e.after, e.annotator, e.kind)
        for e in session.scalars(q)
    ]


def carry_corrections(
    session: Session,
    document_id: int,
    edits: Sequence[OwnEdit],
    old_originals: Sequence[str],
    new_originals: Sequence[str],
) -> tuple[dict[int, str], int]:
    """Put the reviewer's own edits back after a re-import, where their original text is still
    there (placed through the same diff as the decisions); written again as manual edits.

    Returns ({new position: its repaired text now}, how many could not be placed)."""
    if not edits:
        return {}, 0
    anchors = [Anchor(n, e.position, e.start, e.end) for n, e in enumerate(edits)]
    by_segment: dict[int, list[tuple[int, int, OwnEdit]]] = {}
    lost = 0
    for p in reanchor(old_originals, new_originals, anchors):
        e = edits[p.key]  # type: ignore[index]
        if not p.placed or not p.same_text or p.segment is None or p.start is None or p.end is None:
            lost += 1
            continue
        by_segment.setdefault(p.segment, []).append((p.start, p.end, e))
    texts: dict[int, str] = {}
    for index, carried in by_segment.items():
        # Each kind written as itself: a propagated correction stays one after a re-import.
        for kind in (MANUAL, PROPAGATED):
            mine = [c for c in carried if c[2].kind == kind]
            if not mine:
                continue
            seg = segment_row(session, document_id, index)
            live = [counted(r) for r in live_edits(session, seg.id)]
            text = seg.repaired
            for start, end, e in sorted(mine, key=lambda c: c[0], reverse=True):
                rs, re_ = original_to_repaired(live, start, end)
                text = text[:rs] + e.after + text[re_:]
            rewrite_segment(session, document_id, index, text, annotator=mine[-1][2].annotator, kind=kind)
            texts[index] = text
    return texts, lost
