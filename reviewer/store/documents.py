"""Storing a repaired document: first import, same-text re-import, changed-text re-import.

A changed re-import replaces the segments and edits, keeps the document id and its
speakers, carries the reviewer's decisions over to the same edits in the new text,
and re-anchors every annotation (see reanchor.py); those that cannot be placed are
kept, marked ``unplaced``, with the text they were on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from reviewer.core.decisions import decided_speaker, decided_text, effective_edit
from reviewer.core.progress import Progress, report
from reviewer.core.transcript import Segment as CoreSegment
from reviewer.store import corrections as _corrections
from reviewer.store.models import Annotation, Document, RepairEdit, Segment, Speaker, utcnow
from reviewer.store.reanchor import Anchor, reanchor
from reviewer.store.records import ImportResult

if TYPE_CHECKING:
    from reviewer.core.document import RepairedDocument


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def source_key(path: str) -> str:
    """The path a document is known by: absolute for real files, as given otherwise (e.g. ``<text>``)."""
    p = Path(path)
    try:
        key = str(p.resolve()) if p.exists() else path
    except OSError:
        key = path
    return storable_name(key)


def storable_name(name: str) -> str:
    """A file name as text a database takes: bytes that were not UTF-8 (kept by Python as lone
    surrogates) are written as ``\\xNN``, so two such names stay apart and show what they were."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def import_document(
    session: Session, doc: RepairedDocument, progress: Progress | None = None
) -> ImportResult:
    key = source_key(doc.path)
    digest = content_hash(doc.original_text)
    existing = session.scalar(select(Document).where(Document.path == key))
    if existing is None:
        # The same text under another path (a copy): still one document.
        same = session.scalar(
            select(Document).where(Document.content_hash == digest).order_by(Document.id).limit(1)
        )
        if same is not None:
            return ImportResult(same.id, "unchanged", same.name, _segment_count(session, same.id))
        return _import_new(session, doc, key, digest, progress)
    if existing.content_hash == digest:
        return ImportResult(existing.id, "unchanged", existing.name, _segment_count(session, existing.id))
    return _reimport(session, existing, doc, digest, progress)


def unchanged_result(session: Session, path: str, text: str) -> ImportResult | None:
    """What import_document would answer for this decoded text if it is already stored, else None.

    The same rule (this path with this text, or a new path with a stored text), checked
    before parsing and repairing: a re-import of an unchanged file then costs a hash.
    """
    key, digest = source_key(path), content_hash(text)
    q = select(Document.id, Document.name, Document.content_hash)
    existing = session.execute(q.where(Document.path == key)).first()
    if existing is None:
        existing = session.execute(
            q.where(Document.content_hash == digest).order_by(Document.id).limit(1)
        ).first()
    if existing is None or existing.content_hash != digest:
        return None
    count = _segment_count(session, existing.id)
    return ImportResult(existing.id, "unchanged", existing.name, count, skipped_repair=True)


def _segment_count(session: Session, document_id: int) -> int:
    return (
        session.scalar(select(func.count()).select_from(Segment).where(Segment.document_id == document_id))
        or 0
    )


def _document_fields(doc: RepairedDocument, digest: str) -> dict[str, Any]:
    t = doc.transcript
    return {
        "content_hash": digest,
        "encoding": doc.encoding,
        "encoding_reason": doc.encoding_reason,
        "format": t.format,
        "meta": dict(t.metadata),
        "header": t.header,
        "trailing_newline": t.trailing_newline,
        "original_text": doc.original_text,
    }


def _import_new(
    session: Session, doc: RepairedDocument, key: str, digest: str, progress: Progress | None
) -> ImportResult:
    now = utcnow()
    row = Document(
        path=key,
        name=storable_name(Path(doc.path).name) or key,
        version=1,
        imported_at=now,
        updated_at=now,
        **_document_fields(doc, digest),
    )
    session.add(row)
    session.flush()
    segments = doc.transcript.segments
    _insert_segments(session, row.id, segments, [None] * len(segments), progress)
    return ImportResult(row.id, "new", row.name, len(segments))


@dataclass
class _Decision:
    decision: str
    decided_text: str | None
    decided_at: Any


# Rows per INSERT … RETURNING statement (see annotations.BULK_CHUNK for why there is a limit).
BULK_CHUNK = 1000


def _insert_segments(
    session: Session,
    document_id: int,
    segments: Sequence[CoreSegment],
    decisions: Sequence[dict[int, _Decision] | None],
    progress: Progress | None = None,
) -> list[tuple[int, str]]:
    """Insert segments and their edits (with carried-over decisions); returns (id, repaired) per segment.

    Core inserts with column names (not the ORM's attribute names): thousands of rows at once.
    ``progress`` hears ("store", rows written, rows) between batches; raising there rolls back.
    """
    speakers = _speaker_ids(session, document_id, segments)
    seg_rows: list[dict[str, Any]] = []
    edit_rows: list[list[dict[str, Any]]] = []
    for seg, carried in zip(segments, decisions, strict=True):
        rows = []
        effective = []
        for n, e in enumerate(seg.edits):
            d = (carried or {}).get(n)
            decision = d.decision if d else "pending"
            their_text = d.decided_text if d else None
            rows.append(
                {
                    "kind": e.kind,
                    "start_pos": e.start,
                    "end_pos": e.end,
                    "before_text": e.before,
                    "after_text": e.after,
                    "confidence": float(e.confidence),
                    "alternatives": list(e.alternatives),
                    "applied": bool(e.applied),
                    "decision": decision,
                    "decided_text": their_text,
                    "decided_at": d.decided_at if d else None,
                }
            )
            effective.append(
                effective_edit(e.kind, e.start, e.end, e.before, e.after, e.applied, decision, their_text)
            )
        label = decided_speaker(seg.speaker, effective)
        seg_rows.append(
            {
                "document_id": document_id,
                "segment_index": seg.index,
                "original": seg.original,
                "repaired": decided_text(seg.original, effective),
                "original_speaker": seg.speaker,
                "speaker_id": speakers.get(label) if label else None,
                "start_time": seg.start,
                "end_time": seg.end,
                "source_lines": list(seg.source_lines),
                "text_offset": seg.offset,
            }
        )
        edit_rows.append(rows)
    seg_table, edit_table = Segment.__table__, RepairEdit.__table__
    ids: list[int] = []
    flat_count = sum(len(rows) for rows in edit_rows)
    total = len(seg_rows) + flat_count
    for n in range(0, len(seg_rows), BULK_CHUNK):
        report(progress, "store", n, total)
        stmt = insert(seg_table).returning(seg_table.c.id, sort_by_parameter_order=True)
        ids.extend(session.scalars(stmt, seg_rows[n : n + BULK_CHUNK]))
    flat = [dict(r, segment_id=sid) for sid, rows in zip(ids, edit_rows, strict=True) for r in rows]
    for n in range(0, len(flat), BULK_CHUNK):
        report(progress, "store", len(seg_rows) + n, total)
        session.execute(insert(edit_table), flat[n : n + BULK_CHUNK])
    report(progress, "store", total, total)
    return [(sid, r["repaired"]) for sid, r in zip(ids, seg_rows, strict=True)]


def _speaker_ids(session: Session, document_id: int, segments: Sequence[CoreSegment]) -> dict[str, int]:
    """Every label the segments use (as written or as repaired), created if new; label → id."""
    labels: dict[str, None] = {}
    for seg in segments:
        if seg.speaker:
            labels[seg.speaker] = None
        for e in seg.edits:
            if e.kind == "speaker" and e.after:
                labels[e.after] = None
    known = dict(
        session.execute(select(Speaker.label, Speaker.id).where(Speaker.document_id == document_id)).all()
    )
    new = [label for label in labels if label not in known]
    if new:
        rows = [{"document_id": document_id, "label": label, "display_name": label} for label in new]
        ids = session.scalars(insert(Speaker).returning(Speaker.id, sort_by_parameter_order=True), rows)
        known.update(zip(new, ids, strict=True))
    return known


def _reimport(
    session: Session, row: Document, doc: RepairedDocument, digest: str, progress: Progress | None
) -> ImportResult:
    old_segs = session.execute(
        select(Segment.id, Segment.original, Segment.repaired, Segment.assigned_speaker_id)
        .where(Segment.document_id == row.id)
        .order_by(Segment.index)
    ).all()
    pos_of = {s.id: n for n, s in enumerate(old_segs)}
    new_segs = doc.transcript.segments
    new_original = [s.original for s in new_segs]

    decisions = _carry_decisions(session, old_segs, pos_of, new_segs)
    own = _corrections.own_edits(session, [s.id for s in old_segs])

    # Mark annotations loose before their segments go; they are placed again below.
    notes = session.execute(
        select(
            Annotation.id,
            Annotation.segment_id,
            Annotation.target,
            Annotation.span_start,
            Annotation.span_end,
            Annotation.anchor_status,
            Annotation.updated_at,
        ).where(Annotation.document_id == row.id, Annotation.segment_id.is_not(None))
    ).all()
    # Every annotation is placed again (a change of the row: its version goes up).
    session.execute(
        update(Annotation)
        .where(Annotation.document_id == row.id)
        .values(segment_id=None, version=Annotation.version + 1)
    )
    session.execute(delete(Segment).where(Segment.document_id == row.id))
    session.flush()
    inserted = _insert_segments(session, row.id, new_segs, decisions, progress)
    new_ids = [sid for sid, _ in inserted]
    new_repaired = [rep for _, rep in inserted]
    _carry_assignments(session, old_segs, new_original, new_ids)
    # The reviewer's own corrections come back where their text still is; then the tags are
    # placed on the text as it reads with them.
    carried, _lost = _corrections.carry_corrections(
        session, row.id, own, [s.original for s in old_segs], new_original
    )
    for n, text in carried.items():
        new_repaired[n] = text

    kept = changed = unplaced = 0
    old_texts = {
        "original": [s.original for s in old_segs],
        "repaired": [s.repaired for s in old_segs],
        "segment": [s.repaired for s in old_segs],
    }
    new_texts = {"original": new_original, "repaired": new_repaired, "segment": new_repaired}
    now = utcnow()
    before = {a.id: a for a in notes}
    changes: list[dict[str, Any]] = []  # one executemany UPDATE for all of them
    for target in ("segment", "repaired", "original"):
        mine = [a for a in notes if a.target == target]
        if not mine:
            continue
        whole = target == "segment"
        anchors = [
            Anchor(a.id, pos_of[a.segment_id], None if whole else a.span_start, None if whole else a.span_end)
            for a in mine
        ]
        for p in reanchor(old_texts[target], new_texts[target], anchors):
            old = before[p.key]  # type: ignore[index]
            if not p.placed:
                unplaced += 1
                change = (None, "unplaced", old.span_start, old.span_end, now)
            else:
                assert p.segment is not None
                status = "ok" if p.same_text and old.anchor_status == "ok" else "changed"
                kept += status == "ok"
                changed += status == "changed"
                when = old.updated_at if status == "ok" else now
                change = (new_ids[p.segment], status, p.start, p.end, when)
            changes.append(dict(zip(("seg", "status", "s", "e", "when"), change, strict=True), key=p.key))
    if changes:
        table = Annotation.__table__
        stmt = (
            update(table)
            .where(table.c.id == bindparam("key"))
            .values(
                segment_id=bindparam("seg"),
                anchor_status=bindparam("status"),
                span_start=bindparam("s"),
                span_end=bindparam("e"),
                updated_at=bindparam("when"),
            )
        )
        session.connection().execute(stmt, changes)

    for field, value in _document_fields(doc, digest).items():
        setattr(row, field, value)
    row.version += 1
    row.updated_at = now
    return ImportResult(row.id, "updated", row.name, len(new_segs), kept, changed, unplaced)


def _carry_decisions(
    session: Session, old_segs: Sequence[Any], pos_of: dict[int, int], new_segs: Sequence[CoreSegment]
) -> list[dict[int, _Decision] | None]:
    """Decisions on old edits → the same edit (kind, text, place) in the new segments."""
    out: list[dict[int, _Decision] | None] = [None] * len(new_segs)
    if not old_segs:
        return out
    decided = (
        session.execute(
            select(RepairEdit)
            .join(Segment, RepairEdit.segment_id == Segment.id)
            .where(Segment.id.in_([s.id for s in old_segs]), RepairEdit.decision != "pending")
        )
        .scalars()
        .all()
    )
    if not decided:
        return out
    anchors = [Anchor(e.id, pos_of[e.segment_id], e.start, e.end) for e in decided]
    by_id = {e.id: e for e in decided}
    for p in reanchor([s.original for s in old_segs], [s.original for s in new_segs], anchors):
        if not p.placed or not p.same_text:
            continue
        assert p.segment is not None
        old = by_id[p.key]  # type: ignore[index]
        for n, e in enumerate(new_segs[p.segment].edits):
            if (e.kind, e.start, e.end, e.before, e.after) == (
                old.kind,
                p.start,
                p.end,
                old.before,
                old.after,
            ):
                slot = out[p.segment] if out[p.segment] is not None else {}
                slot[n] = _Decision(old.decision, old.decided_text, old.decided_at)
                out[p.segment] = slot
                break
    return out


def _carry_assignments(
    session: Session, old_segs: Sequence[Any], new_original: Sequence[str], new_ids: Sequence[int]
) -> None:
    """A reviewer's speaker assignment follows its segment's text into the new segments."""
    assigned = [(n, s.assigned_speaker_id) for n, s in enumerate(old_segs) if s.assigned_speaker_id]
    if not assigned:
        return
    anchors = [Anchor(k, pos) for k, (pos, _) in enumerate(assigned)]
    rows = [
        {"sid": new_ids[p.segment], "sp": assigned[p.key][1]}  # type: ignore[index]
        for p in reanchor([s.original for s in old_segs], new_original, anchors)
        if p.placed and p.segment is not None
    ]
    if rows:
        table = Segment.__table__
        stmt = update(table).where(table.c.id == bindparam("sid")).values(assigned_speaker_id=bindparam("sp"))
        session.connection().execute(stmt, rows)
