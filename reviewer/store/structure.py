"""Splitting segments and merging two into one: the rows themselves change, and the indexes after.

A split cuts a segment's original (core.structure.Cut): the first part stays in the row, each
further part becomes a new row after it; the edits go with the part that holds them (a fragment
join at a cut goes: the cut is its rejection), span tags with the part their text is in (one
over the cut is on both, each holding its own share), whole-segment tags on every part.  A merge
joins a segment and the next through a new ``merge`` edit ("\\n" → a space or nothing, as the
repair engine joins fragments), so rejecting it splits them again.

Indexes are contiguous per document; the unique (document, index) constraint is checked row by
row on SQLite and PostgreSQL, so renumbering moves the rows to negative indexes first and back
in a second statement: two statements per shifted range however long the document.

Every change records what it replaced (rows, edits and tags as they were) and its undo puts
exactly that back, with the same ids: the undo history's other steps still find them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.orm import Session, defer

from reviewer.core.decisions import decided_speaker, decided_text
from reviewer.core.errors import InputError
from reviewer.core.formats.timestamped import STAMP, stamp_seconds
from reviewer.core.structure import MERGE, Cut, cut_at, merge_glue, split_time
from reviewer.core.transcript import Edit
from reviewer.store.annotations import list_annotations, restore_annotations
from reviewer.store.corrections import segment_row
from reviewer.store.edit_decisions import counted, edit_info, live_edits, refresh_segment
from reviewer.store.errors import EditConflict, TextConflict
from reviewer.store.models import Annotation, Document, RepairEdit, Segment, utcnow
from reviewer.store.records import AnnotationInfo

SPEAKER = "speaker"
# A segment's columns a split or merge changes (and its undo puts back).
_CHANGED = ("original", "repaired", "original_speaker", "end", "source_lines", "version")


@dataclass(frozen=True)
class Moved:
    """Edits moved from the first row to a part (or back), shifted in the original by ``shift``."""

    edit_ids: tuple[int, ...]
    shift: int


@dataclass(frozen=True)
class SplitDone:
    """One segment split into ``len(parts) + 1`` rows: what its undo needs."""

    segment_id: int
    index: int  # of the first part, after the split
    first: dict[str, Any]  # the row's changed columns before
    parts: tuple[int, ...]  # ids of the new rows
    moved: tuple[Moved, ...]  # per new row
    joins: tuple[dict[str, Any], ...]  # the fragment-join edits the cuts took out, as rows
    tags: tuple[AnnotationInfo, ...]  # the segment's tags before
    times: tuple[tuple[float | None, str], ...]  # per new row: its start and how it was found


@dataclass(frozen=True)
class MergeDone:
    """Segment ``index`` and the next joined: what the undo needs to make two rows again."""

    document_id: int
    index: int
    first: dict[str, Any]
    second: dict[str, Any]  # the whole second row
    moved: Moved  # its text edits, now on the first
    speaker_edits: tuple[dict[str, Any], ...]  # its speaker edits (they do not move)
    join_id: int  # the merge edit made
    tags: tuple[AnnotationInfo, ...]  # both rows' tags before


@dataclass
class _Part:
    start: int  # in the original
    end: int
    repaired: str = ""
    offset: int = 0  # where its text begins in the old repaired text
    edits: list[RepairEdit] = field(default_factory=list)


def _row(obj: Any, columns: Sequence[str]) -> dict[str, Any]:
    return {c: getattr(obj, c) for c in columns}


def _table_row(obj: Any) -> dict[str, Any]:
    """A loaded row as its table's columns (to insert it again as it was)."""
    return {attr.columns[0].name: getattr(obj, attr.key) for attr in type(obj).__mapper__.column_attrs}


def renumber(session: Session, document_id: int, points: Sequence[tuple[int, int]]) -> None:
    """Shift indexes: a segment after ``points[j][0]`` moves by the sum of the deltas of every
    point at or before it (points sorted by index).  The rows a merge deleted go first and the
    rows a split adds come after: the indexes must end up distinct."""
    session.flush()
    total = 0
    seg = Segment.__table__.c
    for n, (after, delta) in enumerate(points):
        total += delta
        where = [seg.document_id == document_id, seg.segment_index > after]
        if n + 1 < len(points):
            where.append(seg.segment_index <= points[n + 1][0])
        if total:
            session.execute(
                update(Segment.__table__)
                .where(and_(*where))
                .values(segment_index=-(seg.segment_index + total) - 1)
            )
    session.execute(
        update(Segment.__table__)
        .where(seg.document_id == document_id, seg.segment_index < 0)
        .values(segment_index=-seg.segment_index - 1)
    )
    # The session's loaded rows hold the old indexes.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Segment):
            session.expire(obj, ["index"])


def _stamp_of_line(doc_text: str, line: int) -> float | None:
    """The timestamp a 1-based source line begins with, if it has one."""
    pos = 0
    for _ in range(line - 1):
        pos = doc_text.find("\n", pos) + 1
        if pos == 0:
            return None
    m = STAMP.match(doc_text, pos)
    return stamp_seconds(m) if m else None


def _estimate(doc: Document, seg: Segment, pos: int, share: float, one_per_line: bool) -> float | None:
    """A start time for a cut at ``pos`` of the original: within its fragment, between that
    fragment's stamp and the next one's (a merged row's fragments keep theirs in the file);
    else the characters' share of the whole segment's time."""
    if one_per_line and seg.start is not None and "\n" in seg.original:
        line = seg.original.count("\n", 0, pos)
        lo = seg.original.rfind("\n", 0, pos) + 1
        hi = seg.original.find("\n", pos)
        hi = len(seg.original) if hi < 0 else hi
        t0 = seg.start if line == 0 else _stamp_of_line(doc.original_text, seg.source_lines[line])
        last = line + 1 >= len(seg.source_lines)
        t1 = seg.end if last else _stamp_of_line(doc.original_text, seg.source_lines[line + 1])
        estimate = split_time(t0, t1, (pos - lo) / max(1, hi - lo))
        if estimate is not None:
            return estimate
    return split_time(seg.start, seg.end, share)


def _parts(
    seg: Segment, edits: Sequence[RepairEdit], cuts: Sequence[Cut]
) -> tuple[list[_Part], list[RepairEdit]]:
    """The parts the cuts make and the edits on each (speaker edits stay on the first); the join
    edits the cuts take out.  InputError when an edit would be cut in two."""
    bounds = [0]
    for c in cuts:
        bounds += [c.at, c.resume]
    bounds.append(len(seg.original))
    parts = [_Part(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    if any(p.start >= p.end for p in parts) or any(a > b for a, b in pairwise(bounds)):
        raise InputError("a split needs text on both sides of each cut")
    taken: list[RepairEdit] = []
    for e in edits:
        if e.kind == SPEAKER:
            parts[0].edits.append(e)
            continue
        cut = next((c for c in cuts if c.drop and e.start == c.at and e.end == c.resume), None)
        if cut is not None and e.kind == MERGE:
            taken.append(e)
            continue
        k = bisect_right([p.start for p in parts], e.start) - 1
        # An insertion at a cut belongs to the part before it (core.structure.cut_at).
        if k > 0 and e.start == e.end == parts[k].start == parts[k - 1].end:
            k -= 1
        if k < 0 or e.end > parts[k].end or (e.start < parts[k].start):
            raise InputError(f"a cut falls inside a change ({e.before!r} → {e.after!r}): decide or move it")
        parts[k].edits.append(e)
    return parts, taken


def _tag_spans(
    a: AnnotationInfo, parts: Sequence[_Part], repaired_spans: bool
) -> list[tuple[int, int | None, int | None]]:
    """(part, span start, span end) for each part a tag is on after the split."""
    if a.target == "segment" or a.span_start is None or a.span_end is None:
        return [(k, None, None) for k in range(len(parts))]
    ranges = [(p.offset, p.offset + len(p.repaired)) if repaired_spans else (p.start, p.end) for p in parts]
    s, e = a.span_start, a.span_end
    out = [(k, max(s, lo) - lo, min(e, hi) - lo) for k, (lo, hi) in enumerate(ranges) if s < hi and e > lo]
    if out:
        return out
    # Empty, or in text the cut took out (a join's space): at the end of the part it begins in.
    k = max(0, bisect_right([lo for lo, _ in ranges], s) - 1)
    lo, hi = ranges[k]
    at = min(max(s, lo), hi) - lo
    return [(k, at, at)]


def _copy_tag(
    a: AnnotationInfo, segment_id: int, start: int | None, end: int | None, quote: str
) -> Annotation:
    now = utcnow()
    return Annotation(
        document_id=a.document_id,
        segment_id=segment_id,
        kind=a.kind,
        speaker_id=a.speaker_id,
        topic_id=a.topic_id,
        error_type_id=a.error_type_id,
        target=a.target,
        span_start=start,
        span_end=end,
        quote=quote,
        anchor_status=a.anchor_status,
        correction=a.correction,
        note=a.note,
        annotator=a.annotator,
        created_at=now,
        updated_at=now,
    )


def _quote(a: Annotation, seg: Segment) -> None:
    if a.anchor_status != "ok":
        return
    if a.target == "segment":
        a.quote = seg.repaired
    elif a.span_start is not None and a.span_end is not None:
        text = seg.repaired if a.target == "repaired" else seg.original
        a.quote = text[a.span_start : a.span_end]


def _set_text(session: Session, seg: Segment, expected: str) -> None:
    """The row's text from its edits (the one rule), which must read ``expected``."""
    seg.repaired = expected  # so refresh_segment moves no span: they were placed already
    session.flush()
    refresh_segment(session, seg.id)
    if seg.repaired != expected:
        raise AssertionError(f"segment {seg.index} would read {seg.repaired!r}, not {expected!r}")


def split_segments(
    session: Session,
    document_id: int,
    cuts: dict[int, Sequence[Cut]],
    times: dict[tuple[int, int], float] | None = None,
) -> list[SplitDone]:
    """Split segments {index: its cuts} of a document; ``times``: (index, cut number) → the start
    of the part after that cut, where the caller knows it.  Other parts' starts come from their
    fragment's stamp in the file, else the characters' share of the segment's time."""
    times = times or {}
    # The file's text (megabytes for a long export) only if a fragment's stamp is wanted.
    doc = session.get(Document, document_id, options=[defer(Document.original_text)])
    if doc is None:
        raise InputError(f"no document with id {document_id}")
    plans = []
    for index in sorted(cuts):
        seg = segment_row(session, document_id, index)
        ordered = sorted(cuts[index], key=lambda c: c.at)
        edits = list(session.scalars(select(RepairEdit).where(RepairEdit.segment_id == seg.id)))
        edits.sort(key=lambda e: (e.start, e.end, e.id))
        parts, taken = _parts(seg, edits, ordered)
        plans.append((index, seg, ordered, edits, parts, taken))
    # Each segment after a split one moves down by the parts added before it.
    renumber(session, document_id, [(index, len(ordered)) for index, _, ordered, *_ in plans])
    done = []
    added = 0
    for index, seg, ordered, edits, parts, taken in plans:
        new_index = index + added
        done.append(_split(session, doc, seg, new_index, ordered, edits, parts, taken, times, index))
        added += len(ordered)
    return done


def _shown(e: Edit | None) -> str:
    """What an edit's place reads in the text (nothing: no edit)."""
    if e is None:
        return ""
    return e.after if e.applied else e.before


def _split(
    session: Session,
    doc: Document,
    seg: Segment,
    new_index: int,
    cuts: Sequence[Cut],
    edits: Sequence[RepairEdit],
    parts: list[_Part],
    taken: Sequence[RepairEdit],
    times: dict[tuple[int, int], float],
    old_index: int,
) -> SplitDone:
    first = _row(seg, _CHANGED)
    tags = tuple(list_annotations(session, doc.id, segment_indexes=[new_index]))
    old_repaired = seg.repaired
    effective = [counted(e) for e in edits if e.superseded_by is None]
    label = decided_speaker(seg.original_speaker, effective)
    # Each part's text, and where it begins in the old one (after a join's own text).
    joined = {(e.start, e.end): counted(e) for e in taken}
    pos = 0
    for k, p in enumerate(parts):
        live = [counted(e).shifted(-p.start) for e in p.edits if e.superseded_by is None]
        p.repaired = decided_text(seg.original[p.start : p.end], live)
        if k:
            pos += len(_shown(joined.get((cuts[k - 1].at, cuts[k - 1].resume))))
        p.offset = pos
        pos += len(p.repaired)
    between = [_shown(joined.get((c.at, c.resume))) for c in cuts]
    rebuilt = parts[0].repaired + "".join(m + p.repaired for m, p in zip(between, parts[1:], strict=True))
    if rebuilt != old_repaired:
        raise InputError(f"segment {old_index} cannot be cut there: its text would change")
    # Times: the fragment's stamp, the caller's, or the characters' share.
    one_per_line = len(seg.source_lines) == seg.original.count("\n") + 1
    starts: list[tuple[float | None, str]] = []
    for k, p in enumerate(parts[1:]):
        given = times.get((old_index, k))
        line = seg.original.count("\n", 0, p.start)
        stamp = None
        if cuts[k].drop and one_per_line and seg.start is not None:
            stamp = _stamp_of_line(doc.original_text, seg.source_lines[line])
        if given is not None:
            if (seg.start is not None and given < seg.start) or (seg.end is not None and given > seg.end):
                raise InputError(
                    f"segment {old_index} runs from {seg.start} to {seg.end} s: "
                    f"a part of it cannot start at {given}"
                )
            starts.append((given, "given"))
        elif stamp is not None:
            starts.append((stamp, "stamp"))
        else:
            estimate = _estimate(doc, seg, p.start, p.offset / max(1, len(old_repaired)), one_per_line)
            starts.append((estimate, "estimated" if estimate is not None else "none"))
    # The new rows.
    new_rows = []
    for k, p in enumerate(parts[1:], 1):
        end = starts[k][0] if k < len(starts) else seg.end
        lines = seg.source_lines
        if one_per_line:
            lines = seg.source_lines[
                seg.original.count("\n", 0, p.start) : seg.original.count("\n", 0, p.end) + 1
            ]
        row = Segment(
            document_id=doc.id,
            index=new_index + k,
            original=seg.original[p.start : p.end],
            repaired=p.repaired,
            original_speaker=label,
            speaker_id=seg.speaker_id,
            assigned_speaker_id=seg.assigned_speaker_id,
            start=starts[k - 1][0],
            end=end,
            source_lines=list(lines),
            text_offset=seg.text_offset + p.start,
        )
        session.add(row)
        new_rows.append(row)
    session.flush()
    moved = []
    for k, p in enumerate(parts[1:], 1):
        for e in p.edits:
            e.segment_id = new_rows[k - 1].id
            e.start -= p.start
            e.end -= p.start
            e.version += 1
        moved.append(Moved(tuple(e.id for e in p.edits), -p.start))
    joins = tuple(_table_row(e) for e in taken)
    for e in taken:
        session.delete(e)
    head = parts[0]
    if one_per_line:
        seg.source_lines = list(seg.source_lines[: seg.original.count("\n", 0, head.end) + 1])
    seg.end = starts[0][0] if starts[0][0] is not None else seg.end
    seg.original = seg.original[: head.end]
    session.flush()
    # Tags: on the part(s) their text is in; whole-segment tags on every part.
    rows = [seg, *new_rows]
    by_id = {a.id: a for a in session.scalars(select(Annotation).where(Annotation.segment_id == seg.id))}
    for a in tags:
        placed = _tag_spans(a, parts, a.target == "repaired")
        for n, (k, s, e) in enumerate(placed):
            if n == 0:
                obj = by_id[a.id]
                obj.segment_id = rows[k].id
                obj.span_start, obj.span_end = (s, e) if a.target != "segment" else (None, None)
                obj.version += 1
            else:
                session.add(_copy_tag(a, rows[k].id, s, e, ""))
    session.flush()
    for row, p in zip(rows, parts, strict=True):
        _set_text(session, row, p.repaired)
        for a in session.scalars(select(Annotation).where(Annotation.segment_id == row.id)):
            _quote(a, row)
    session.flush()
    return SplitDone(
        seg.id, new_index, first, tuple(r.id for r in new_rows), tuple(moved), joins, tags, tuple(starts)
    )


def split_at(
    session: Session,
    document_id: int,
    index: int,
    pos: int,
    *,
    seen: str | None = None,
    time: float | None = None,
) -> SplitDone:
    """Split segment ``index`` at ``pos`` of its repaired text (core.structure.cut_at); ``seen``:
    the text the caller showed (TextConflict if it reads otherwise now); ``time``: the second
    part's start, where the caller knows it."""
    seg = segment_row(session, document_id, index)
    if seen is not None and seg.repaired != seen:
        raise TextConflict(document_id, index, seen, seg.repaired)
    cut = cut_at(seg.original, [counted(e) for e in live_edits(session, seg.id)], pos)
    times = {(index, 0): time} if time is not None else None
    return split_segments(session, document_id, {index: [cut]}, times)[0]


def split_at_joins(session: Session, document_id: int, joins: Sequence[tuple[int, int]]) -> list[SplitDone]:
    """Reject fragment joins (edit id, the version the caller saw) by splitting their segments
    there; one decided or gone since raises EditConflict, and nothing is written."""
    cuts: dict[int, list[Cut]] = {}
    for edit_id, expected in joins:
        edit = session.get(RepairEdit, edit_id, with_for_update=True)
        if edit is None or edit.version != expected or edit.superseded_by is not None or edit.kind != MERGE:
            theirs = edit_info(edit) if edit is not None else None
            raise EditConflict(edit_id, expected, theirs, {"decision": "rejected", "text": None})
        cuts.setdefault(edit.segment.index, []).append(Cut(edit.start, edit.end - edit.start))
    return split_segments(session, document_id, cuts)


def _moved_back(segment_id: int, shift: int) -> dict[Any, Any]:
    return {
        RepairEdit.segment_id: segment_id,
        RepairEdit.start: RepairEdit.start - shift,
        RepairEdit.end: RepairEdit.end - shift,
        RepairEdit.version: RepairEdit.version + 1,
    }


def undo_splits(session: Session, document_id: int, done: Sequence[SplitDone]) -> None:
    """Join each split segment's parts again, exactly as it was (same ids)."""
    points = []
    for d in sorted(done, key=lambda d: d.index):
        seg = session.get(Segment, d.segment_id)
        if seg is None:
            raise InputError("the split segment is gone (the document was imported again)")
        ids = [seg.id, *d.parts]
        session.execute(delete(Annotation).where(Annotation.segment_id.in_(ids)))
        for m, part in zip(d.moved, d.parts, strict=True):
            if m.edit_ids:
                session.execute(
                    update(RepairEdit)
                    .where(RepairEdit.id.in_(list(m.edit_ids)))
                    .values(_moved_back(seg.id, m.shift))
                    .execution_options(synchronize_session=False)
                )
            session.execute(delete(Segment).where(Segment.id == part))
        if d.joins:
            session.execute(insert(RepairEdit.__table__), list(d.joins))
        for k, v in d.first.items():
            if k != "version":
                setattr(seg, k, v)
        session.flush()
        points.append((d.index + len(d.parts), -len(d.parts)))
    session.expire_all()
    renumber(session, document_id, points)
    for d in done:
        restore_annotations(session, d.tags)
        session.flush()
        seg = session.get(Segment, d.segment_id)
        assert seg is not None
        _set_text(session, seg, d.first["repaired"])


def merge_segments(session: Session, document_id: int, index: int, annotator: str | None) -> MergeDone:
    """Join segment ``index`` and the next into one row (the next one's tags and edits with it)."""
    a = segment_row(session, document_id, index)
    b = session.scalar(
        select(Segment)
        .where(Segment.document_id == document_id, Segment.index == index + 1)
        .with_for_update()
    )
    if b is None:
        raise InputError(f"segment {index} is the last one: there is no next segment to merge with")
    speaker_a = a.assigned_speaker_id or a.speaker_id
    speaker_b = b.assigned_speaker_id or b.speaker_id
    if speaker_a is not None and speaker_b is not None and speaker_a != speaker_b:
        raise InputError(
            f"segments {index} and {index + 1} have different speakers: give them the same one first"
        )
    tags = tuple(list_annotations(session, document_id, segment_indexes=[index, index + 1]))
    first = _row(a, _CHANGED)
    second = _table_row(b)
    shift = len(a.original) + 1
    expected = a.repaired + merge_glue(a.repaired, b.repaired) + b.repaired
    edits = list(session.scalars(select(RepairEdit).where(RepairEdit.segment_id == b.id)))
    speaker_edits = tuple(_table_row(e) for e in edits if e.kind == SPEAKER)
    text_edits = [e for e in edits if e.kind != SPEAKER]
    for e in text_edits:
        e.segment_id = a.id
        e.start += shift
        e.end += shift
        e.version += 1
    join = RepairEdit(
        segment_id=a.id,
        kind=MERGE,
        start=len(a.original),
        end=len(a.original) + 1,
        before="\n",
        after=merge_glue(a.repaired, b.repaired),
        confidence=1.0,
        alternatives=[],
        applied=True,
        decision="accepted",
        decided_at=utcnow(),
        annotator=annotator,
    )
    session.add(join)
    # Tags of the second row: onto the first, spans shifted; a whole-segment tag the first has
    # already (the same tag by the same annotator) is not doubled.
    on_a = {
        (t.kind, t.speaker_id, t.topic_id, t.error_type_id, t.annotator)
        for t in tags
        if t.segment_id == a.id and t.target == "segment"
    }
    repaired_shift = len(expected) - len(b.repaired)
    for t in session.scalars(select(Annotation).where(Annotation.segment_id == b.id)):
        t.version += 1
        if t.target == "segment" and (t.kind, t.speaker_id, t.topic_id, t.error_type_id, t.annotator) in on_a:
            session.delete(t)
            continue
        t.segment_id = a.id
        if t.target != "segment" and t.span_start is not None and t.span_end is not None:
            by = repaired_shift if t.target == "repaired" else shift
            t.span_start += by
            t.span_end += by
    session.flush()
    for e in edits:
        if e.kind == SPEAKER:
            session.delete(e)
    a.original = a.original + "\n" + b.original
    a.source_lines = [*a.source_lines, *b.source_lines]
    a.end = b.end
    session.delete(b)
    session.flush()
    renumber(session, document_id, [(index, -1)])
    _set_text(session, a, expected)
    for t in session.scalars(select(Annotation).where(Annotation.segment_id == a.id)):
        _quote(t, a)
    session.flush()
    return MergeDone(
        document_id,
        index,
        first,
        second,
        Moved(tuple(e.id for e in text_edits), shift),
        speaker_edits,
        join.id,
        tags,
    )


def undo_merge(session: Session, done: MergeDone) -> None:
    """Make the two rows again, as they were (same ids)."""
    a = segment_row(session, done.document_id, done.index)
    b_id = done.second["id"]
    session.execute(delete(Annotation).where(Annotation.segment_id == a.id))
    session.execute(delete(RepairEdit).where(RepairEdit.id == done.join_id))
    renumber(session, done.document_id, [(done.index, 1)])
    session.execute(insert(Segment.__table__), [done.second])
    if done.moved.edit_ids:
        session.execute(
            update(RepairEdit)
            .where(RepairEdit.id.in_(list(done.moved.edit_ids)))
            .values(_moved_back(b_id, done.moved.shift))
            .execution_options(synchronize_session=False)
        )
    if done.speaker_edits:
        session.execute(insert(RepairEdit.__table__), list(done.speaker_edits))
    session.expire_all()
    a = segment_row(session, done.document_id, done.index)
    for k, v in done.first.items():
        if k != "version":
            setattr(a, k, v)
    session.flush()
    restore_annotations(session, done.tags)
    session.flush()
    _set_text(session, a, done.first["repaired"])
    b = session.get(Segment, b_id)
    assert b is not None
    _set_text(session, b, done.second["repaired"])
