"""What tags point at, besides speakers (store/speakers.py): topics (a shared tree) and error types."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from reviewer.core.errors import InputError
from reviewer.store.models import Annotation, Document, ErrorType, Topic
from reviewer.store.records import ErrorTypeInfo, TopicInfo
from reviewer.store.unique import add_or_existing

TOPIC_SEP = "/"
MAX_NAME = 255


def require_document(session: Session, document_id: int) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise InputError(f"no document with id {document_id} (see `reviewer list`)")
    return doc


def require_document_id(session: Session, document_id: int) -> None:
    """require_document without loading the row (its original_text is megabytes for a big file)."""
    if session.connection().scalar(select(Document.id).where(Document.id == document_id)) is None:
        require_document(session, document_id)  # raises the usual message


# --- topics -----------------------------------------------------------------------------------


def split_topic_path(path: str) -> list[str]:
    parts = [p.strip() for p in path.split(TOPIC_SEP)]
    if not path.strip() or any(not p for p in parts):
        raise InputError(f"bad topic path {path!r}: use names separated by '/', e.g. AI/Education")
    for p in parts:
        clean_name(p, "topic name")
    return parts


def topic_info(t: Topic) -> TopicInfo:
    return TopicInfo(t.id, t.parent_id, t.name, t.path, t.colour, t.description)


def find_topic(session: Session, path: str) -> Topic | None:
    return session.scalar(select(Topic).where(Topic.path == TOPIC_SEP.join(split_topic_path(path))))


def ensure_topic(session: Session, path: str) -> Topic:
    """The topic at ``A/B/C``, creating any missing part of the path."""
    parts = split_topic_path(path)
    parent: Topic | None = None
    for depth in range(1, len(parts) + 1):
        full = TOPIC_SEP.join(parts[:depth])
        topic = session.scalar(select(Topic).where(Topic.path == full))
        if topic is None:
            new = Topic(name=parts[depth - 1], path=full, parent_id=parent.id if parent else None)
            topic = add_or_existing(
                session, new, lambda full=full: session.scalar(select(Topic).where(Topic.path == full))
            )
        parent = topic
    assert parent is not None
    return parent


def update_topic(
    session: Session,
    path: str,
    *,
    colour: str | None = None,
    description: str | None = None,
    rename: str | None = None,
) -> Topic:
    topic = find_topic(session, path)
    if topic is None:
        raise InputError(f"no topic {path!r}")
    if colour is not None:
        topic.colour = colour.strip() or None
    if description is not None:
        topic.description = description.strip() or None
    if rename is not None and rename != topic.name:
        new_name = clean_name(rename, "topic name")
        if TOPIC_SEP in new_name:
            raise InputError(f"a topic name cannot contain {TOPIC_SEP!r}: {new_name!r}")
        old_prefix = topic.path
        new_path = TOPIC_SEP.join([*topic.path.split(TOPIC_SEP)[:-1], new_name])
        if session.scalar(select(Topic.id).where(Topic.path == new_path)) is not None:
            raise InputError(f"topic {new_path!r} already exists")
        topic.name = new_name
        # The path is stored per topic: move the whole subtree.
        subtree = or_(Topic.id == topic.id, Topic.path.startswith(old_prefix + TOPIC_SEP, autoescape=True))
        for t in session.scalars(select(Topic).where(subtree)):
            t.path = new_path + t.path[len(old_prefix) :]
    return topic


def list_topics(session: Session) -> list[TopicInfo]:
    return [topic_info(t) for t in session.scalars(select(Topic).order_by(Topic.path))]


# --- error types ------------------------------------------------------------------------------


def error_type_info(e: ErrorType) -> ErrorTypeInfo:
    return ErrorTypeInfo(e.id, e.key, e.name, e.description, e.position)


def find_error_type(session: Session, key_or_name: str) -> ErrorType:
    value = key_or_name.strip()
    found = session.scalar(select(ErrorType).where(func.lower(ErrorType.key) == value.lower()))
    if found is None:
        found = session.scalar(select(ErrorType).where(func.lower(ErrorType.name) == value.lower()))
    if found is None:
        known = ", ".join(session.scalars(select(ErrorType.key).order_by(ErrorType.position, ErrorType.id)))
        raise InputError(
            f"unknown error type {key_or_name!r} (known: {known}; add one with `reviewer errortypes add`)"
        )
    return found


def list_error_types(session: Session) -> list[ErrorTypeInfo]:
    return [
        error_type_info(e)
        for e in session.scalars(select(ErrorType).order_by(ErrorType.position, ErrorType.id))
    ]


def add_error_type(session: Session, key: str, name: str, description: str | None) -> ErrorType:
    key = clean_name(key, "error type key")
    if any(c.isspace() for c in key):
        raise InputError(f"an error type key is one word (e.g. 'term-missing'), not {key!r}")
    if session.scalar(select(ErrorType.id).where(func.lower(ErrorType.key) == key.lower())) is not None:
        raise InputError(f"error type {key!r} already exists")
    position = (session.scalar(select(func.max(ErrorType.position))) or 0) + 1
    row = ErrorType(
        key=key, name=clean_name(name, "error type name"), description=description, position=position
    )
    session.add(row)
    session.flush()
    return row


def delete_error_type(session: Session, key: str) -> None:
    """Delete an error type no annotation uses (an undo of adding it); one in use is refused."""
    row = find_error_type(session, key)
    if session.scalar(select(Annotation.id).where(Annotation.error_type_id == row.id).limit(1)) is not None:
        raise InputError(f"error type {key!r} is in use")
    session.delete(row)
    session.flush()


def update_error_type(session: Session, key: str, name: str | None, description: str | None) -> ErrorType:
    row = find_error_type(session, key)
    if name is not None:
        row.name = clean_name(name, "error type name")
    if description is not None:
        row.description = description.strip() or None
    return row


def clean_name(value: str, what: str) -> str:
    value = value.strip()
    if not value:
        raise InputError(f"empty {what}")
    if len(value) > MAX_NAME:
        raise InputError(f"{what} longer than {MAX_NAME} characters")
    if any(c in value for c in "\r\n\t\x00"):
        raise InputError(f"{what} must be one line: {value!r}")
    return value
