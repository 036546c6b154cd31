"""An index on segments (document_id, version): the change token reads only the index.

``Store.change_token`` sums a document's segment versions after every write of the
reviewer's own; without this index SQLite scanned the segments' rows, texts and all
(about 21 ms on a 100,000-segment document; 11 ms with it).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_segments_document_version", "segments", ["document_id", "version"])


def downgrade() -> None:
    op.drop_index("ix_segments_document_version", table_name="segments")
