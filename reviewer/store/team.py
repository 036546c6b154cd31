"""Several reviewers on one store: who annotated, what changed since the last look, how far they agree.

Agreement policy (Store.agreement):
- Units are the document's segments (by index).  A span annotation counts for the segment it is
  on; unplaced annotations (their text is gone) and annotations without an annotator are left out.
- An annotator's label on a segment is the *set* of their tags of that kind there (exact-set match,
  reviewer.core.agreement.label_sets): {A, B} against {A} is a disagreement.
- Compared segments: those where at least one of the compared annotators put a tag of that kind;
  there an annotator without one counts as "no tag" (so a tag only one of them gave is a
  disagreement, not missing data).  Segments nobody tagged are left out: with errors especially,
  hundreds of "no error" segments would otherwise make any two reviewers look in agreement.
  ``all_segments=True`` compares every segment instead.
- Speaker agreement is on speaker *tags* (annotations carry their annotator); segment speaker
  assignments have no annotator and are not part of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, literal, select, true
from sqlalchemy.orm import Session

from reviewer.core.agreement import GroupAgreement, label_sets
from reviewer.core.agreement import agreement as group_agreement
from reviewer.core.errors import InputError
from reviewer.store.models import Annotation, Document, ErrorType, Segment, Speaker, Topic
from reviewer.store.taxonomy import require_document_id

KINDS = ("speaker", "topic", "error")


def annotators(session: Session, document_id: int | None = None) -> list[str]:
    q = select(Annotation.annotator).where(Annotation.annotator.is_not(None)).distinct()
    if document_id is not None:
        require_document_id(session, document_id)
        q = q.where(Annotation.document_id == document_id)
    names = [n for n in session.scalars(q) if n]
    return sorted(names, key=lambda n: (n.casefold(), n))


def change_token(session: Session, document_id: int) -> tuple[Any, ...]:
    """One statement: aggregates over the rows the window shows, each of which a change moves.

    Versions grow with every update (rows are never changed back to an older version), counts
    and the largest id catch additions and deletions, the newest created_at catches a deletion
    plus an addition that reused the largest id (SQLite may); the document's own version
    catches a re-import; speaker names and the shared topic tree are small, listed whole.
    """
    a, s, sp, t = Annotation, Segment, Speaker, Topic
    ann = (
        select(
            func.count().label("n"),
            func.max(a.id).label("max_id"),
            func.sum(a.version).label("versions"),
            func.max(a.updated_at).label("updated"),
            func.max(a.created_at).label("created"),
        )
        .where(a.document_id == document_id)
        .subquery("ann")
    )
    seg = (
        select(func.count().label("n"), func.max(s.id).label("max_id"), func.sum(s.version).label("versions"))
        .where(s.document_id == document_id)
        .subquery("seg")
    )
    spk = (
        select(
            func.count().label("n"),
            func.aggregate_strings(
                sp.label + "=" + sp.display_name + "/" + func.coalesce(sp.role, ""), "|"
            ).label("names"),
        )
        .where(sp.document_id == document_id)
        .subquery("spk")
    )
    top = select(
        func.count().label("n"),
        func.max(t.id).label("max_id"),
        func.aggregate_strings(t.path + "#" + func.coalesce(t.colour, ""), "|").label("paths"),
    ).subquery("top")
    doc = select(Document.version, Document.updated_at).where(Document.id == document_id).subquery("doc")
    q = (
        select(
            *ann.c,
            *seg.c,
            *spk.c,
            *top.c,
            func.coalesce(doc.c.version, literal(-1)),
            doc.c.updated_at,
        )
        .select_from(ann)
        .join(seg, true())
        .join(spk, true())
        .join(top, true())
        .outerjoin(doc, true())
    )
    row = session.connection().execute(q).one()
    if row[-2] == -1:
        require_document_id(session, document_id)  # raises: no such document
    return tuple(row)


def tag_rows(
    session: Session, document_id: int, kind: str, names: Sequence[str] | None = None
) -> list[tuple[str, int, str]]:
    """(annotator, segment index, tag) of every placed ``kind`` annotation with an annotator."""
    label: Any
    q = select(Annotation.annotator, Segment.index)
    if kind == "speaker":
        label = Speaker.display_name
        q = q.add_columns(label).join(Speaker, Annotation.speaker_id == Speaker.id)
    elif kind == "topic":
        label = Topic.path
        q = q.add_columns(label).join(Topic, Annotation.topic_id == Topic.id)
    elif kind == "error":
        label = ErrorType.key
        q = q.add_columns(label).join(ErrorType, Annotation.error_type_id == ErrorType.id)
    else:
        raise InputError(f"unknown tag kind {kind!r} (one of {', '.join(KINDS)})")
    q = q.join(Segment, Annotation.segment_id == Segment.id).where(
        Annotation.document_id == document_id,
        Annotation.kind == kind,
        Annotation.anchor_status != "unplaced",
        Annotation.annotator.is_not(None),
    )
    if names is not None:
        q = q.where(Annotation.annotator.in_(list(names)))
    return [(r[0], r[1], r[2]) for r in session.connection().execute(q)]


def agreement(
    session: Session,
    document_id: int,
    kind: str,
    names: Sequence[str] | None = None,
    *,
    all_segments: bool = False,
) -> GroupAgreement:
    """Cohen's kappa per pair and Krippendorff's alpha of ``names`` on ``kind`` tags (policy: above)."""
    if kind not in KINDS:
        raise InputError(f"unknown tag kind {kind!r} (one of {', '.join(KINDS)})")
    present = annotators(session, document_id)
    if names is None:
        chosen = present
    else:
        chosen = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        unknown = [n for n in chosen if n not in present]
        if unknown:
            raise InputError(
                f"document {document_id} has no annotations by {', '.join(map(repr, unknown))} "
                f"(annotators: {', '.join(present) or 'none'})"
            )
    rows = tag_rows(session, document_id, kind, chosen)
    if all_segments:
        units: list[int] = list(
            session.scalars(select(Segment.index).where(Segment.document_id == document_id))
        )
    else:
        units = sorted({unit for _a, unit, _t in rows})
    return group_agreement(label_sets(rows, units, chosen))
