"""Row versions for team review: annotations, repair edits and segments count their changes.

``version`` starts at 1 and grows by one with every change of the row; a writer that says
which version it last saw is refused (AnnotationConflict / EditConflict) when another
reviewer changed the row since, instead of overwriting it.  The versions also make
``Store.change_token`` cheap.  Plain ADD COLUMN with a default: no table copy on SQLite.

Revision ID: 0004
Revises: 0003
Create Date: 2025-01-04
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("annotations", "edits", "segments")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    # Who has annotated a document (Store.annotators, agreement) is read by document and annotator.
    op.create_index("ix_annotations_document_annotator", "annotations", ["document_id", "annotator"])


def downgrade() -> None:
    op.drop_index("ix_annotations_document_annotator", table_name="annotations")
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
