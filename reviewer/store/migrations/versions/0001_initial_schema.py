"""Initial schema: documents, segments, repair edits, speakers, topics, error types, annotations.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Migrations are frozen history: they use plain SQLAlchemy types, never the app's models.
Times are naive UTC (see models.UTCDateTime).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("encoding", sa.String(length=64), nullable=False),
        sa.Column("encoding_reason", sa.Text(), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("metadata", sa.JSON(), nullable=False),
        sa.Column("header", sa.Text(), nullable=False),
        sa.Column("trailing_newline", sa.Boolean(), nullable=False),
        sa.Column("original_text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("path", name=op.f("uq_documents_path")),
    )
    op.create_index(op.f("ix_documents_content_hash"), "documents", ["content_hash"])

    op.create_table(
        "error_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_error_types")),
        sa.UniqueConstraint("key", name=op.f("uq_error_types_key")),
    )

    op.create_table(
        "topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("path", sa.String(length=1024), nullable=False),
        sa.Column("colour", sa.String(length=32), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["topics.id"], name=op.f("fk_topics_parent_id_topics")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
        sa.UniqueConstraint("path", name=op.f("uq_topics_path")),
    )
    op.create_index(op.f("ix_topics_parent_id"), "topics", ["parent_id"])

    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.Column("display_name", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_speakers_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakers")),
        sa.UniqueConstraint("document_id", "label", name="uq_speakers_document_label"),
    )
    op.create_index(op.f("ix_speakers_document_id"), "speakers", ["document_id"])

    op.create_table(
        "segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("segment_index", sa.Integer(), nullable=False),
        sa.Column("original", sa.Text(), nullable=False),
        sa.Column("repaired", sa.Text(), nullable=False),
        sa.Column("original_speaker", sa.String(length=255), nullable=True),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("start_time", sa.Float(), nullable=True),
        sa.Column("end_time", sa.Float(), nullable=True),
        sa.Column("source_lines", sa.JSON(), nullable=False),
        sa.Column("text_offset", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_segments_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["speakers.id"], name=op.f("fk_segments_speaker_id_speakers"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segments")),
        sa.UniqueConstraint("document_id", "segment_index", name="uq_segments_document_index"),
    )
    op.create_index(op.f("ix_segments_speaker_id"), "segments", ["speaker_id"])

    op.create_table(
        "edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("start_pos", sa.Integer(), nullable=False),
        sa.Column("end_pos", sa.Integer(), nullable=False),
        sa.Column("before_text", sa.Text(), nullable=False),
        sa.Column("after_text", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("alternatives", sa.JSON(), nullable=False),
        sa.Column("applied", sa.Boolean(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("decided_text", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "decision IN ('pending', 'accepted', 'rejected', 'changed')", name=op.f("ck_edits_decision")
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"], ["segments.id"], name=op.f("fk_edits_segment_id_segments"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_edits")),
    )
    op.create_index(op.f("ix_edits_segment_id"), "edits", ["segment_id"])

    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("error_type_id", sa.Integer(), nullable=True),
        sa.Column("target", sa.String(length=16), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=True),
        sa.Column("span_end", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("anchor_status", sa.String(length=16), nullable=False),
        sa.Column("correction", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("annotator", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(kind = 'speaker' AND speaker_id IS NOT NULL)"
            " OR (kind = 'topic' AND topic_id IS NOT NULL)"
            " OR (kind = 'error' AND error_type_id IS NOT NULL)",
            name=op.f("ck_annotations_tag_present"),
        ),
        sa.CheckConstraint(
            "(target = 'segment' AND span_start IS NULL AND span_end IS NULL)"
            " OR (target <> 'segment' AND span_start IS NOT NULL AND span_end IS NOT NULL"
            " AND 0 <= span_start AND span_start <= span_end)"
            " OR anchor_status = 'unplaced'",
            name=op.f("ck_annotations_span"),
        ),
        sa.CheckConstraint(
            "anchor_status IN ('ok', 'changed', 'unplaced')", name=op.f("ck_annotations_anchor_status")
        ),
        sa.CheckConstraint("kind IN ('speaker', 'topic', 'error')", name=op.f("ck_annotations_kind")),
        sa.CheckConstraint(
            "target IN ('segment', 'repaired', 'original')", name=op.f("ck_annotations_target")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_annotations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["segments.id"],
            name=op.f("fk_annotations_segment_id_segments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["speakers.id"], name=op.f("fk_annotations_speaker_id_speakers")
        ),
        sa.ForeignKeyConstraint(["topic_id"], ["topics.id"], name=op.f("fk_annotations_topic_id_topics")),
        sa.ForeignKeyConstraint(
            ["error_type_id"], ["error_types.id"], name=op.f("fk_annotations_error_type_id_error_types")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
    )
    for column in ("document_id", "segment_id", "speaker_id", "topic_id", "error_type_id"):
        op.create_index(op.f(f"ix_annotations_{column}"), "annotations", [column])


def downgrade() -> None:
    for table in ("annotations", "edits", "segments", "speakers", "topics", "error_types", "documents"):
        op.drop_table(table)
