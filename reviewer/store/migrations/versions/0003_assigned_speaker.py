"""A reviewer's speaker assignment per segment (what exports and the table show as its speaker).

Whole-segment speaker tags made before this revision were the window's way of assigning a
speaker; the latest one on each segment becomes its assignment (the tags themselves stay).

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Batch mode: SQLite cannot add a foreign key in place, so the table is copied and swapped.
    # migrate.prepare runs upgrades with foreign keys off, or dropping the old table would
    # cascade to every edit and clear every annotation's segment.
    with op.batch_alter_table("segments") as batch:
        batch.add_column(sa.Column("assigned_speaker_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_segments_assigned_speaker_id_speakers"),
            "speakers",
            ["assigned_speaker_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f("ix_segments_assigned_speaker_id"), ["assigned_speaker_id"])
    op.execute(
        "UPDATE segments SET assigned_speaker_id = ("
        " SELECT a.speaker_id FROM annotations a"
        " WHERE a.segment_id = segments.id AND a.kind = 'speaker' AND a.target = 'segment'"
        " ORDER BY a.id DESC LIMIT 1)"
    )


def downgrade() -> None:
    with op.batch_alter_table("segments") as batch:
        batch.drop_index(op.f("ix_segments_assigned_speaker_id"))
        batch.drop_constraint(op.f("fk_segments_assigned_speaker_id_speakers"), type_="foreignkey")
        batch.drop_column("assigned_speaker_id")
