"""Who speaks in a segment, as a reviewer decides it (segments.assigned_speaker_id).

An *assignment* is the segment's speaker: the table, ``segments()`` and every export
show it instead of the label the file (or the speaker-fill repair) gave.  A speaker
*annotation* (``tag --speaker``) stays what the other kinds are: a reviewer's tag on a
segment or a span, listed in the CSV, that does not change the segment's speaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, delete, exists, or_, select, update
from sqlalchemy.orm import Session

from reviewer.core.errors import InputError
from reviewer.store.annotations import _segment_for
from reviewer.store.models import IN_CHUNK, Annotation, Segment, Speaker
from reviewer.store.records import SpeakerAssignment
from reviewer.store.speakers import find_speaker, speaker_for_tag, speaker_info
from reviewer.store.taxonomy import require_document_id


def _current(session: Session, document_id: int, indexes: list[int]) -> dict[int, Any]:
    """segment index → (id, assigned speaker id) for ``indexes``; an unknown index raises InputError."""
    conn = session.connection()
    found: dict[int, Any] = {}
    for n in range(0, len(indexes), IN_CHUNK):
        q = select(Segment.index, Segment.id, Segment.assigned_speaker_id).where(
            Segment.document_id == document_id, Segment.index.in_(indexes[n : n + IN_CHUNK])
        )
        found.update((r[0], r) for r in conn.execute(q))  # r[0]: Row.index is a tuple method
    for index in indexes:
        if index not in found:
            _segment_for(session, document_id, index)  # raises with the document's range
    return found


def _assign(session: Session, pairs: Iterable[tuple[int, int | None]]) -> None:
    """(segment id, speaker id or None) pairs, in one executemany UPDATE."""
    rows = [{"sid": sid, "sp": sp} for sid, sp in pairs]
    if rows:
        table = Segment.__table__
        stmt = (
            update(table)
            .where(table.c.id == bindparam("sid"))
            .values(assigned_speaker_id=bindparam("sp"), version=table.c.version + 1)
        )
        session.connection().execute(stmt, rows)


def set_segment_speakers(
    session: Session, document_id: int, indexes: Iterable[int], name: str
) -> SpeakerAssignment:
    require_document_id(session, document_id)
    wanted = sorted(set(indexes))
    if not wanted:
        raise InputError("give at least one segment to set the speaker of")
    current = _current(session, document_id, wanted)
    created = find_speaker(session, document_id, name.strip()) is None
    speaker = speaker_for_tag(session, document_id, name)  # checks the name; adds it if new
    _assign(session, ((current[i].id, speaker.id) for i in wanted))
    previous = tuple((i, current[i].assigned_speaker_id) for i in wanted)
    return SpeakerAssignment(document_id, speaker_info(speaker), previous, created)


def restore_segment_speakers(session: Session, assignment: SpeakerAssignment) -> None:
    doc_id = assignment.document_id
    require_document_id(session, doc_id)
    current = _current(session, doc_id, [i for i, _ in assignment.previous])
    _assign(session, ((current[i].id, before) for i, before in assignment.previous))
    if assignment.created:
        # Undo takes back a speaker it made, unless something else has come to use it since.
        sp = assignment.speaker.id
        used = session.scalar(
            select(
                or_(
                    exists().where(or_(Segment.speaker_id == sp, Segment.assigned_speaker_id == sp)),
                    exists().where(Annotation.speaker_id == sp),
                )
            )
        )
        if not used:
            session.execute(delete(Speaker).where(Speaker.id == sp, Speaker.document_id == doc_id))
