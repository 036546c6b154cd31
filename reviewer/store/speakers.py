"""A document's speakers: who a label is (display name, role), found by label or name; renames."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer.core.errors import InputError
from reviewer.store.models import Speaker
from reviewer.store.records import SpeakerInfo
from reviewer.store.taxonomy import clean_name, require_document_id
from reviewer.store.unique import add_or_existing


def speaker_info(s: Speaker) -> SpeakerInfo:
    return SpeakerInfo(s.id, s.document_id, s.label, s.display_name, s.role)


def find_speaker(session: Session, document_id: int, name: str) -> Speaker | None:
    """A document's speaker by raw label first, then by display name."""
    by_label = session.scalar(
        select(Speaker).where(Speaker.document_id == document_id, Speaker.label == name)
    )
    if by_label is not None:
        return by_label
    return session.scalar(
        select(Speaker)
        .where(Speaker.document_id == document_id, Speaker.display_name == name)
        .order_by(Speaker.id)
    )


def speaker_for_tag(session: Session, document_id: int, name: str) -> Speaker:
    """The speaker a ``--speaker NAME`` tag means; a name the document does not have yet is added."""
    name = clean_name(name, "speaker name")
    found = find_speaker(session, document_id, name)
    if found is not None:
        return found
    speaker = Speaker(document_id=document_id, label=name, display_name=name)
    return add_or_existing(session, speaker, lambda: find_speaker(session, document_id, name))


def rename_speaker(
    session: Session, document_id: int, label: str, display_name: str, role: str | None
) -> Speaker:
    require_document_id(session, document_id)
    speaker = find_speaker(session, document_id, label)
    if speaker is None:
        known = (
            ", ".join(session.scalars(select(Speaker.label).where(Speaker.document_id == document_id)))
            or "none"
        )
        raise InputError(f"document {document_id} has no speaker {label!r} (labels: {known})")
    speaker.display_name = clean_name(display_name, "display name")
    if role is not None:
        speaker.role = role.strip() or None
    return speaker
