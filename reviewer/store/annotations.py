"""Annotations: tagging a segment or a span of its text, changing, removing and listing them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Row, case, func, insert, select
from sqlalchemy.orm import Session

from reviewer.core.decisions import effective_edit
from reviewer.core.errors import InputError
from reviewer.core.gc_pause import gc_paused
from reviewer.core.transcript import OffsetMap
from reviewer.store.errors import AnnotationConflict
from reviewer.store.models import (
    ANNOTATION_KINDS,
    IN_CHUNK,
    Annotation,
    Document,
    ErrorType,
    RepairEdit,
    Segment,
    Speaker,
    Topic,
    utcnow,
)
from reviewer.store.records import AnnotationInfo, AnnotationRow
from reviewer.store.spans import original_to_repaired, repaired_to_original
from reviewer.store.speakers import speaker_for_tag
from reviewer.store.taxonomy import ensure_topic, find_error_type, require_document, require_document_id

BULK_CHUNK = 1000
# Marks "leave this field as it is" in update_annotation (None means "clear it").
KEEP: Any = object()


def _segment_for(session: Session, document_id: int, segment_index: int) -> Row[Any]:
    seg = (
        session.connection()
        .execute(
            select(Segment.id, Segment.original, Segment.repaired).where(
                Segment.document_id == document_id, Segment.index == segment_index
            )
        )
        .first()
    )
    if seg is None:
        require_document(session, document_id)
        lo, hi = session.execute(
            select(func.min(Segment.index), func.max(Segment.index)).where(Segment.document_id == document_id)
        ).one()
        have = f"segments {lo}–{hi}" if lo is not None else "no segments"
        raise InputError(f"document {document_id} has no segment {segment_index} ({have})")
    return seg


def _check_span(span: tuple[int, int], text: str, what: str) -> None:
    start, end = span
    if not (0 <= start <= end <= len(text)):
        raise InputError(f"span {start}:{end} is outside {what} (0:{len(text)})")


def _tag_ids(session: Session, document_id: int, kind: str, value: str) -> dict[str, int | None]:
    # Fast path first: one Core lookup by the exact key (tagging is the hot write);
    # the taxonomy functions then handle names, creation and the error messages.
    conn = session.connection()
    ids: dict[str, int | None] = {"speaker_id": None, "topic_id": None, "error_type_id": None}
    if kind == "speaker":
        found = conn.scalar(
            select(Speaker.id).where(Speaker.document_id == document_id, Speaker.label == value.strip())
        )
        ids["speaker_id"] = found or speaker_for_tag(session, document_id, value).id
    elif kind == "topic":
        found = conn.scalar(select(Topic.id).where(Topic.path == value.strip()))
        ids["topic_id"] = found or ensure_topic(session, value).id
    elif kind == "error":
        found = conn.scalar(select(ErrorType.id).where(ErrorType.key == value.strip()))
        ids["error_type_id"] = found or find_error_type(session, value).id
    else:
        raise InputError(f"unknown annotation kind {kind!r} (one of {', '.join(ANNOTATION_KINDS)})")
    return ids


@dataclass(frozen=True)
class TagSpec:
    """One annotation to add (see add_annotation for the fields)."""

    segment_index: int
    kind: str
    value: str
    span: tuple[int, int] | None = None
    target: str = "repaired"
    correction: str | None = None
    note: str | None = None
    annotator: str | None = None

    @classmethod
    def one_of(
        cls,
        segment_index: int,
        *,
        speaker: str | None = None,
        topic: str | None = None,
        error: str | None = None,
        **rest: Any,
    ) -> TagSpec:
        """The spec of a tag given as exactly one of a speaker, a topic or an error type
        (the form the command line and Store.tag take); anything else is an InputError."""
        given = [(k, v) for k, v in (("speaker", speaker), ("topic", topic), ("error", error)) if v]
        if len(given) != 1:
            raise InputError("give exactly one of a speaker, a topic or an error type (not empty)")
        kind, value = given[0]
        return cls(segment_index, kind, value, **rest)


def _placement(seg: Any, spec: TagSpec) -> tuple[str, str]:
    """(target, quote) of a new annotation on ``seg``; a bad span raises InputError."""
    if spec.span is None:
        return "segment", seg.repaired
    if spec.target not in ("repaired", "original"):
        raise InputError(f"a span is of the 'repaired' or the 'original' text, not {spec.target!r}")
    text = seg.repaired if spec.target == "repaired" else seg.original
    _check_span(spec.span, text, f"segment {spec.segment_index}'s {spec.target} text")
    return spec.target, text[spec.span[0] : spec.span[1]]


def _values(document_id: int, seg: Any, spec: TagSpec, ids: dict[str, int | None]) -> dict[str, Any]:
    target, quote = _placement(seg, spec)
    now = utcnow()
    return {
        "document_id": document_id,
        "segment_id": seg.id,
        "kind": spec.kind,
        "target": target,
        "span_start": spec.span[0] if spec.span else None,
        "span_end": spec.span[1] if spec.span else None,
        "quote": quote,
        "anchor_status": "ok",
        "correction": spec.correction,
        "note": spec.note,
        "annotator": spec.annotator,
        "created_at": now,
        "updated_at": now,
        **ids,
    }


def add_annotation(
    session: Session,
    document_id: int,
    segment_index: int,
    kind: str,
    value: str,
    *,
    span: tuple[int, int] | None = None,
    target: str = "repaired",
    correction: str | None = None,
    note: str | None = None,
    annotator: str | None = None,
) -> int:
    """Tag a whole segment (``span`` None) or ``span`` of its repaired/original text; returns the new id."""
    spec = TagSpec(segment_index, kind, value, span, target, correction, note, annotator)
    seg = _segment_for(session, document_id, segment_index)
    _placement(seg, spec)  # check the span before a topic or speaker gets created
    values = _values(document_id, seg, spec, _tag_ids(session, document_id, kind, value))
    table = Annotation.__table__
    return session.connection().execute(insert(table).returning(table.c.id), values).scalar_one()


def add_annotations(session: Session, document_id: int, specs: Iterable[TagSpec]) -> list[int]:
    """Many annotations on one document at once (bulk tagging, imports, benchmarks); all or nothing."""
    require_document_id(session, document_id)  # (not the row: its text can be megabytes)
    specs = list(specs)
    # Only the segments tagged (a tag on a 100,000-segment document must not read them all).
    wanted = sorted({spec.segment_index for spec in specs})
    columns = select(Segment.id, Segment.index, Segment.original, Segment.repaired).where(
        Segment.document_id == document_id
    )
    segments = {
        r.index: r
        for n in range(0, len(wanted), IN_CHUNK)
        for r in session.execute(columns.where(Segment.index.in_(wanted[n : n + IN_CHUNK])))
    }
    ids_of: dict[tuple[str, str], dict[str, int | None]] = {}
    rows = []
    for spec in specs:
        seg = segments.get(spec.segment_index)
        if seg is None:
            _segment_for(session, document_id, spec.segment_index)  # raises with the details
        key = (spec.kind, spec.value)
        if key not in ids_of:
            ids_of[key] = _tag_ids(session, document_id, spec.kind, spec.value)
        rows.append(_values(document_id, seg, spec, ids_of[key]))
    table = Annotation.__table__
    ids: list[int] = []
    # Core insert in chunks: the ORM bulk path regroups rows by which values are None, and
    # splicing many small RETURNING batches back together grows quadratically.
    for n in range(0, len(rows), BULK_CHUNK):
        stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        ids.extend(session.scalars(stmt, rows[n : n + BULK_CHUNK]))
    return ids


def require_annotation(session: Session, annotation_id: int) -> Annotation:
    row = session.get(Annotation, annotation_id)
    if row is None:
        raise InputError(f"no annotation with id {annotation_id}")
    return row


def _checked_row(
    session: Session, annotation_id: int, expected_version: int | None, mine: dict[str, Any]
) -> Annotation:
    """The row to change, locked; AnnotationConflict when it is not at ``expected_version`` (or gone).

    FOR UPDATE (PostgreSQL; SQLite's write transaction holds the whole file already) keeps the
    row locked until the commit, so the version checked is the one this write replaces.
    """
    row = session.get(Annotation, annotation_id, with_for_update=True)
    if expected_version is None:
        if row is None:
            raise InputError(f"no annotation with id {annotation_id}")
        return row
    if row is None or row.version != expected_version:
        theirs = annotation_info(session, annotation_id) if row is not None else None
        raise AnnotationConflict(annotation_id, expected_version, theirs, mine)
    return row


def update_annotation(
    session: Session,
    annotation_id: int,
    *,
    kind: str = KEEP,
    value: str = KEEP,
    segment_index: int = KEEP,
    span: tuple[int, int] | None = KEEP,
    target: str = KEEP,
    correction: str | None = KEEP,
    note: str | None = KEEP,
    annotator: str | None = KEEP,
    confirm: bool = False,
    expected_version: int | None = None,
) -> None:
    """Change an annotation.  Giving a place (segment/span) or ``confirm`` marks it anchored again.

    With ``expected_version``, a row changed (or deleted) by someone else since raises
    AnnotationConflict before anything is written.  Every change adds one to the row's version.
    """
    asked = {
        "kind": kind,
        "value": value,
        "segment_index": segment_index,
        "span": span,
        "target": target,
        "correction": correction,
        "note": note,
        "annotator": annotator,
    }
    mine = {k: v for k, v in asked.items() if v is not KEEP}
    if confirm:
        mine["confirm"] = True
    row = _checked_row(session, annotation_id, expected_version, mine)
    if kind is not KEEP or value is not KEEP:
        if kind is KEEP or value is KEEP:
            raise InputError("give both the kind and the tag to change an annotation's tag")
        ids = _tag_ids(session, row.document_id, kind, value)  # may flush: set kind after
        row.kind = kind
        for k, v in ids.items():
            setattr(row, k, v)
    if segment_index is not KEEP or span is not KEEP or target is not KEEP:
        if segment_index is KEEP:
            if row.segment_id is None:
                raise InputError(f"annotation {annotation_id} is unplaced: give the segment to place it on")
            segment_index = session.scalar(select(Segment.index).where(Segment.id == row.segment_id))
        seg = _segment_for(session, row.document_id, segment_index)
        new_span = (row.span_start, row.span_end) if span is KEEP else span
        new_target = row.target if target is KEEP else target
        if new_span is None or new_span[0] is None:
            new_target, new_span, quote = "segment", None, seg.repaired
        else:
            if new_target == "segment":
                new_target = "repaired"
            if new_target not in ("repaired", "original"):
                raise InputError(f"a span is of the 'repaired' or the 'original' text, not {new_target!r}")
            text = seg.repaired if new_target == "repaired" else seg.original
            _check_span(new_span, text, f"segment {segment_index}'s {new_target} text")
            quote = text[new_span[0] : new_span[1]]
        row.segment_id, row.target, row.quote, row.anchor_status = seg.id, new_target, quote, "ok"
        row.span_start, row.span_end = new_span if new_span else (None, None)
    elif confirm:
        if row.segment_id is None:
            raise InputError(f"annotation {annotation_id} is unplaced: give the segment to place it on")
        seg = session.get(Segment, row.segment_id)
        assert seg is not None
        text = seg.original if row.target == "original" else seg.repaired
        row.quote = text if row.target == "segment" else text[row.span_start or 0 : row.span_end or 0]
        row.anchor_status = "ok"
    if correction is not KEEP:
        row.correction = correction
    if note is not KEEP:
        row.note = note
    if annotator is not KEEP:
        row.annotator = annotator
    row.updated_at = utcnow()
    row.version = row.version + 1


def delete_annotation(session: Session, annotation_id: int, expected_version: int | None = None) -> int:
    """Delete one annotation (checked against ``expected_version`` when given); returns its last version."""
    row = _checked_row(session, annotation_id, expected_version, {"delete": True})
    version = row.version
    session.delete(row)
    return version


def restore_annotations(
    session: Session, records: Iterable[AnnotationInfo], floor: Mapping[int, int] | None = None
) -> None:
    """Put deleted annotations back as they were: same ids, places, texts and times (undo).

    Each comes back at its record's version: exactly as it was, so a reviewer who saw it then
    may still change it.  When a row with that id was removed in this same transaction (``floor``:
    id → its version then), the restored one is a change of that row and gets a higher version,
    so whoever holds the removed state gets a conflict instead of overwriting the restored one.
    """
    floor = floor or {}
    records = list(records)
    if not records:
        return
    conn = session.connection()
    ids = [a.id for a in records]
    taken = conn.scalars(select(Annotation.id).where(Annotation.id.in_(ids))).all()
    if taken:
        raise InputError(f"annotation {taken[0]} exists already")
    seg_ids = {a.segment_id for a in records if a.segment_id is not None}
    have = set(conn.scalars(select(Segment.id).where(Segment.id.in_(seg_ids)))) if seg_ids else set()
    if seg_ids - have:
        # A re-import replaced the segment since: it cannot come back on the old one.
        raise InputError("the segment of a removed annotation is gone (the document was imported again)")
    rows = [
        {
            "id": a.id,
            "document_id": a.document_id,
            "segment_id": a.segment_id,
            "kind": a.kind,
            "speaker_id": a.speaker_id,
            "topic_id": a.topic_id,
            "error_type_id": a.error_type_id,
            "target": a.target,
            "span_start": a.span_start,
            "span_end": a.span_end,
            "quote": a.quote,
            "anchor_status": a.anchor_status,
            "correction": a.correction,
            "note": a.note,
            "annotator": a.annotator,
            "created_at": a.created_at,
            "updated_at": a.updated_at,
            "version": max(a.version, floor[a.id] + 1) if a.id in floor else a.version,
        }
        for a in records
    ]
    conn.execute(insert(Annotation.__table__), rows)


def _tag_expr() -> Any:
    return case(
        (Annotation.kind == "speaker", Speaker.display_name),
        (Annotation.kind == "topic", Topic.path),
        else_=ErrorType.key,
    )


def annotation_info(session: Session, annotation_id: int) -> AnnotationInfo | None:
    """One annotation as a record (None if there is none with this id)."""
    found = _annotation_infos(session, _listing().where(Annotation.id == annotation_id))
    return found[0] if found else None


def _info_columns() -> dict[str, Any]:
    a = Annotation
    return {
        "id": a.id,
        "document_id": a.document_id,
        "segment_id": a.segment_id,
        "segment_index": Segment.index,
        "kind": a.kind,
        "tag": func.coalesce(_tag_expr(), ""),
        "speaker_id": a.speaker_id,
        "topic_id": a.topic_id,
        "error_type_id": a.error_type_id,
        "target": a.target,
        "span_start": a.span_start,
        "span_end": a.span_end,
        "quote": a.quote,
        "anchor_status": a.anchor_status,
        "correction": a.correction,
        "note": a.note,
        "annotator": a.annotator,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
        "version": a.version,
    }


def _listing() -> Any:
    # Plain columns (no ORM objects: 100k of those took seconds), named by AnnotationInfo's
    # fields and put in their order, so a record is built from a row by position safely.
    by_name = _info_columns()
    order = [f.name for f in fields(AnnotationInfo)]
    if sorted(by_name) != sorted(order):  # a field added to one and not the other
        raise AssertionError(f"annotation columns {sorted(set(by_name) ^ set(order))} out of step")
    return (
        select(*(by_name[n].label(n) for n in order))
        .outerjoin(Segment, Annotation.segment_id == Segment.id)
        .outerjoin(Speaker, Annotation.speaker_id == Speaker.id)
        .outerjoin(Topic, Annotation.topic_id == Topic.id)
        .outerjoin(ErrorType, Annotation.error_type_id == ErrorType.id)
        .order_by(Annotation.document_id, *_reading_order())
    )


def list_annotations(
    session: Session,
    document_id: int | None = None,
    annotator: str | None = None,
    segment_indexes: Iterable[int] | None = None,
) -> list[AnnotationInfo]:
    """Annotations in reading order: all, one document's, and/or one annotator's (exact name);
    with ``segment_indexes`` (and a document), only those on these segments."""
    q = _listing()
    if document_id is not None:
        require_document_id(session, document_id)
        q = q.where(Annotation.document_id == document_id)
    if annotator is not None:
        q = q.where(Annotation.annotator == annotator)
    if segment_indexes is None:
        return _annotation_infos(session, q)
    if document_id is None:
        raise InputError("annotations of segments need their document")
    wanted = sorted(set(segment_indexes))
    found: list[AnnotationInfo] = []
    for n in range(0, len(wanted), IN_CHUNK):  # one statement per chunk: SQLite's parameter limit
        found += _annotation_infos(session, q.where(Segment.index.in_(wanted[n : n + IN_CHUNK])))
    return found


def _annotation_infos(session: Session, q: Any) -> list[AnnotationInfo]:
    session.flush()  # Core reads below do not autoflush
    with gc_paused():
        return [AnnotationInfo(*row) for row in session.connection().execute(q)]


def _reading_order() -> tuple[Any, ...]:
    # NULLs sort first on SQLite and last on PostgreSQL: say where they go explicitly.
    return (
        case((Annotation.segment_id.is_(None), 1), else_=0),
        Segment.index,
        func.coalesce(Annotation.span_start, -1),
        Annotation.id,
    )


def annotation_rows(session: Session, document_id: int | None = None) -> Iterator[AnnotationRow]:
    """Every annotation with what it refers to resolved, document by document, in reading order.

    Built for exports of 100k rows: a handful of queries per document through the
    Core connection (no ORM row processing), per-segment facts worked out once,
    span texts cut in Python, and edits mapped only for spans on edited segments.
    """
    conn = session.connection()
    docs_q = select(Document.id, Document.name).order_by(Document.id)
    if document_id is not None:
        require_document_id(session, document_id)
        docs_q = docs_q.where(Document.id == document_id)
    topics = dict(conn.execute(select(Topic.id, Topic.path)).all())
    errors = {i: (k, n) for i, k, n in conn.execute(select(ErrorType.id, ErrorType.key, ErrorType.name))}
    no_segment = (None, None, None, None, None, "", "")
    for doc_id, doc_name in conn.execute(docs_q).all():
        speakers = {
            i: (label, name)
            for i, label, name in conn.execute(
                select(Speaker.id, Speaker.label, Speaker.display_name).where(Speaker.document_id == doc_id)
            )
        }
        # segment id → (index, start, end, speaker label, speaker name, original, repaired)
        segments: dict[int, tuple[Any, ...]] = {}
        for sid, index, original, repaired, start, end, speaker_id, original_speaker in conn.execute(
            select(
                Segment.id,
                Segment.index,
                Segment.original,
                Segment.repaired,
                Segment.start,
                Segment.end,
                # A reviewer's assignment is the segment's speaker (see assignments.py).
                func.coalesce(Segment.assigned_speaker_id, Segment.speaker_id),
                Segment.original_speaker,
            ).where(Segment.document_id == doc_id)
        ):
            label, name = speakers.get(speaker_id, (original_speaker, None))
            segments[sid] = (index, start, end, label, name, original, repaired)
        edits_of: dict[int, list[Any]] | None = None
        maps: dict[int, OffsetMap] = {}  # per segment, built on first use
        q = (
            select(
                Annotation.id,
                Annotation.segment_id,
                Annotation.kind,
                Annotation.speaker_id,
                Annotation.topic_id,
                Annotation.error_type_id,
                Annotation.target,
                Annotation.span_start,
                Annotation.span_end,
                Annotation.quote,
                Annotation.anchor_status,
                Annotation.correction,
                Annotation.note,
                Annotation.annotator,
                Annotation.created_at,
                Annotation.updated_at,
            )
            .outerjoin(Segment, Annotation.segment_id == Segment.id)
            .where(Annotation.document_id == doc_id)
            .order_by(*_reading_order())
        )
        for (
            aid, seg_id, kind, speaker_id, topic_id, error_type_id, target, s, e, quote, status,
            correction, note, annotator, created, updated,
        ) in conn.execute(q).yield_per(2000):  # fmt: skip
            seg = segments.get(seg_id, no_segment) if seg_id is not None else no_segment
            index, start, end, label, name, original, repaired = seg
            if index is None:
                # Unplaced: what it was on is all there is.
                text_rep, text_orig = ("", quote) if target == "original" else (quote, "")
            elif target == "segment":
                text_rep, text_orig = repaired, original
            elif original == repaired:
                text_rep = text_orig = original[s:e]
            else:
                if edits_of is None:
                    edits_of = _effective_edits(session, doc_id)
                omap = maps.get(seg_id)
                if omap is None:
                    omap = maps[seg_id] = OffsetMap(edits_of.get(seg_id, []))
                if target == "repaired":
                    text_rep = repaired[s:e]
                    os_, oe = repaired_to_original(omap, s, e)
                    text_orig = original[os_:oe]
                else:
                    text_orig = original[s:e]
                    rs, re_ = original_to_repaired(omap, s, e)
                    text_rep = repaired[rs:re_]
            if kind == "speaker":
                tag, err = speakers.get(speaker_id, ("", ""))[1], None
            elif kind == "topic":
                tag, err = topics.get(topic_id, ""), None
            else:
                tag, err = errors.get(error_type_id, ("", ""))
            yield AnnotationRow(
                annotation_id=aid, document_id=doc_id, file_name=doc_name, segment_index=index,
                start=start, end=end, speaker_label=label, speaker_name=name, kind=kind, tag=tag,
                error_type=err, target=target, span_start=s, span_end=e, text_repaired=text_rep,
                text_original=text_orig, correction=correction, note=note, annotator=annotator,
                anchor_status=status, created_at=created, updated_at=updated,
            )  # fmt: skip


def _effective_edits(session: Session, document_id: int) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    q = (
        select(
            RepairEdit.segment_id,
            RepairEdit.kind,
            RepairEdit.start,
            RepairEdit.end,
            RepairEdit.before,
            RepairEdit.after,
            RepairEdit.applied,
            RepairEdit.decision,
            RepairEdit.decided_text,
        )
        .join(Segment, RepairEdit.segment_id == Segment.id)
        .where(Segment.document_id == document_id)
        .where(RepairEdit.superseded_by.is_(None))
        .order_by(RepairEdit.segment_id, RepairEdit.start, RepairEdit.end, RepairEdit.id)
    )
    for r in session.execute(q):
        out.setdefault(r.segment_id, []).append(effective_edit(*r[1:]))
    return out
