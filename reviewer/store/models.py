"""The store's tables as typed SQLAlchemy models.

Dialect-neutral on purpose (SQLite now, PostgreSQL later): portable column
types only, times stored as naive UTC, JSON through ``sa.JSON``.  Column names
avoid SQL keywords (``index``, ``end``) so hand-written migrations stay simple.

Changing a model means adding an Alembic revision under ``migrations/versions``;
``tests/store/test_migrations.py`` fails when models and migrations disagree.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Explicit constraint names, so later migrations (and SQLite batch mode) can refer to them.
# IN lists are sent in chunks: SQLite limits the bound parameters of one statement.
IN_CHUNK = 500

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DECISIONS = ("pending", "accepted", "rejected", "changed")
ANNOTATION_KINDS = ("speaker", "topic", "error")
# What an annotation's span indexes: nothing (whole segment), the repaired or the original text.
TARGETS = ("segment", "repaired", "original")
# ok: placed on the same text; changed: placed, but the text under it changed on re-import;
# unplaced: a re-import removed its text; kept (with its quote) for the reviewer to place again.
ANCHOR_STATUSES = ("ok", "changed", "unplaced")


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python, naive UTC in the database (the same on every dialect)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


# PostgreSQL's text type cannot hold NUL, which a transcript may contain (the normalize step
# removes it from the repaired text, the original keeps it).  On PostgreSQL, texts are stored with
# NUL written as ESC + "0" and ESC itself doubled; ESC is U+FFFF, a noncharacter no text uses.
_ESC = "\uffff"
_UNESCAPE = re.compile(_ESC + "(.)", re.DOTALL)


def _pg_escape(value: str) -> str:
    if _ESC in value:
        value = value.replace(_ESC, _ESC + _ESC)
    return value.replace("\x00", _ESC + "0")


def _pg_unescape(value: str) -> str:
    return _UNESCAPE.sub(lambda m: "\x00" if m.group(1) == "0" else _ESC, value)


class _PgNulText(TypeDecorator[str]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or ("\x00" not in value and _ESC not in value):
            return value
        return _pg_escape(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return _pg_unescape(value) if value is not None and _ESC in value else value


class FileText(TypeDecorator[str]):
    """Text from a transcript, NUL included, on every dialect (plain TEXT: no cost on SQLite)."""

    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        return dialect.type_descriptor(_PgNulText() if dialect.name == "postgresql" else Text())


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Absolute source path when imported from a file; re-importing the same path updates it.
    path: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(String(255))
    # sha256 of the decoded text: the same text is never stored twice.
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    encoding: Mapped[str] = mapped_column(String(64))
    encoding_reason: Mapped[str] = mapped_column(Text, default="")
    format: Mapped[str] = mapped_column(String(32))
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    header: Mapped[str] = mapped_column(FileText, default="")
    trailing_newline: Mapped[bool] = mapped_column(Boolean, default=True)
    # The decoded file, so the store stands without it.
    original_text: Mapped[str] = mapped_column(FileText)
    # 1 on first import, +1 for every changed re-import.
    version: Mapped[int] = mapped_column(Integer, default=1)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    segments: Mapped[list[Segment]] = relationship(
        back_populates="document",
        order_by="Segment.index",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    speakers: Mapped[list[Speaker]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True
    )


class Speaker(Base):
    """A raw speaker label of one document (``SPEAKER_00``, ``A``) and the name shown for it."""

    __tablename__ = "speakers"
    __table_args__ = (UniqueConstraint("document_id", "label", name="uq_speakers_document_label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(255))
    role: Mapped[str | None] = mapped_column(String(255))

    document: Mapped[Document] = relationship(back_populates="speakers")


class Segment(Base):
    __tablename__ = "segments"
    __table_args__ = (
        UniqueConstraint("document_id", "segment_index", name="uq_segments_document_index"),
        # Store.change_token sums a document's versions from the index alone (migration 0005).
        Index("ix_segments_document_version", "document_id", "version"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    index: Mapped[int] = mapped_column("segment_index", Integer)
    original: Mapped[str] = mapped_column(FileText)
    # The original with the reviewer's decisions on the edits applied (pending edits as proposed).
    repaired: Mapped[str] = mapped_column(FileText)
    # The label as written in the file (None when the file had none).
    original_speaker: Mapped[str | None] = mapped_column(String(255))
    # The speaker after repairs and decisions (a filled-in label points here too).
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"), index=True)
    # The speaker a reviewer assigned (revision 0003); when set it overrides speaker_id, which
    # stays what the file and the repairs say, so a decision on a speaker edit never undoes it.
    assigned_speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )
    start: Mapped[float | None] = mapped_column("start_time", Float)
    end: Mapped[float | None] = mapped_column("end_time", Float)
    source_lines: Mapped[list[int]] = mapped_column(JSON, default=list)
    # Where the segment's text begins in the document's original_text.
    text_offset: Mapped[int] = mapped_column(Integer, default=0)
    # +1 whenever a reviewer changes the segment (speaker assignment, repaired text); revision 0004.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    document: Mapped[Document] = relationship(back_populates="segments")
    speaker: Mapped[Speaker | None] = relationship(foreign_keys=[speaker_id])
    edits: Mapped[list[RepairEdit]] = relationship(
        back_populates="segment",
        order_by="RepairEdit.start",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class RepairEdit(Base):
    """One change the repair engine proposed, and what the reviewer decided about it.

    ``start``/``end`` index the segment's *original* text.  The effective text is
    ``after`` when accepted (or pending and applied by the engine), ``before``
    when rejected (or a pending suggestion), ``decided_text`` when changed.
    """

    __tablename__ = "edits"
    __table_args__ = (CheckConstraint(_in("decision", DECISIONS), name="decision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    start: Mapped[int] = mapped_column("start_pos", Integer)
    end: Mapped[int] = mapped_column("end_pos", Integer)
    before: Mapped[str] = mapped_column("before_text", FileText)
    after: Mapped[str] = mapped_column("after_text", FileText)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    alternatives: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The engine's own choice: applied edits change the text until the reviewer decides.
    applied: Mapped[bool] = mapped_column(Boolean, default=True)
    decision: Mapped[str] = mapped_column(String(16), default="pending")
    decided_text: Mapped[str | None] = mapped_column(FileText)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # +1 with every decision: a stale decision is refused (EditConflict); revision 0004.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # Who made a reviewer's own edit (kinds "manual", "propagated"); revision 0006.
    annotator: Mapped[str | None] = mapped_column(String(255))
    # A reviewer's edit that took this one's text in (core.corrections): this one no longer
    # counts or shows; undoing that edit sets it back to NULL.  Revision 0006.
    superseded_by: Mapped[int | None] = mapped_column(Integer)

    segment: Mapped[Segment] = relationship(back_populates="edits")


class Topic(Base):
    """A node of the topic tree, shared by all documents.  ``path`` is the full ``A/B/C`` name."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id"), index=True)
    name: Mapped[str] = mapped_column(String(255))
    # Kept in step with parent/name by the store; unique, so a path is created once.
    path: Mapped[str] = mapped_column(String(1024), unique=True)
    colour: Mapped[str | None] = mapped_column(String(32))
    description: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    parent: Mapped[Topic | None] = relationship(remote_side="Topic.id", back_populates="children")
    children: Mapped[list[Topic]] = relationship(back_populates="parent", order_by="Topic.name")


class ErrorType(Base):
    __tablename__ = "error_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Annotation(Base):
    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint(_in("kind", ANNOTATION_KINDS), name="kind"),
        CheckConstraint(_in("target", TARGETS), name="target"),
        CheckConstraint(_in("anchor_status", ANCHOR_STATUSES), name="anchor_status"),
        # The tag the kind needs is present.
        CheckConstraint(
            "(kind = 'speaker' AND speaker_id IS NOT NULL)"
            " OR (kind = 'topic' AND topic_id IS NOT NULL)"
            " OR (kind = 'error' AND error_type_id IS NOT NULL)",
            name="tag_present",
        ),
        CheckConstraint(
            "(target = 'segment' AND span_start IS NULL AND span_end IS NULL)"
            " OR (target <> 'segment' AND span_start IS NOT NULL AND span_end IS NOT NULL"
            " AND 0 <= span_start AND span_start <= span_end)"
            " OR anchor_status = 'unplaced'",
            name="span",
        ),
        Index("ix_annotations_document_annotator", "document_id", "annotator"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # NULL only while unplaced.
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id"), index=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id"), index=True)
    error_type_id: Mapped[int | None] = mapped_column(ForeignKey("error_types.id"), index=True)
    target: Mapped[str] = mapped_column(String(16), default="segment")
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    # The text under the annotation when it was last placed (the whole segment for
    # segment-level ones): what re-anchoring checks against, and what an unplaced one shows.
    quote: Mapped[str] = mapped_column(FileText, default="")
    anchor_status: Mapped[str] = mapped_column(String(16), default="ok")
    correction: Mapped[str | None] = mapped_column(FileText)
    note: Mapped[str | None] = mapped_column(FileText)
    annotator: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # 1 when created, +1 with every change: optimistic locking between reviewers (revision 0004).
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    document: Mapped[Document] = relationship()
    segment: Mapped[Segment | None] = relationship()
    speaker: Mapped[Speaker | None] = relationship()
    topic: Mapped[Topic | None] = relationship()
    error_type: Mapped[ErrorType | None] = relationship()


class GlossaryTerm(Base):
    """A term the repair engine should spell this way (revision 0002)."""

    __tablename__ = "glossary_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    term: Mapped[str] = mapped_column(String(255), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    aliases: Mapped[list[GlossaryAlias]] = relationship(
        back_populates="term",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="GlossaryAlias.alias",
    )


class GlossaryAlias(Base):
    """A known misrecognition (``wrong``) of a term."""

    __tablename__ = "glossary_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    alias: Mapped[str] = mapped_column(String(255), unique=True)
    term_id: Mapped[int] = mapped_column(ForeignKey("glossary_terms.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    term: Mapped[GlossaryTerm] = relationship(back_populates="aliases")
