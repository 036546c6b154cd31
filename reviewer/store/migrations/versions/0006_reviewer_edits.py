"""The reviewer's own edits: who made one, and which engine edit it replaced.

``edits.annotator`` names the reviewer of a ``manual`` or ``propagated`` edit.
``edits.superseded_by`` holds the id of the reviewer's edit that took an engine edit's
text in (core.corrections): a superseded edit no longer counts or shows, and undoing the
correction sets it back to NULL.  Plain ADD COLUMNs (NULL): no table copy on SQLite.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("edits", sa.Column("annotator", sa.String(255), nullable=True))
    op.add_column("edits", sa.Column("superseded_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("edits") as batch:
        batch.drop_column("superseded_by")
        batch.drop_column("annotator")
