"""Glossary terms and aliases, so corrections a reviewer teaches the repair engine are kept.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "glossary_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary_terms")),
        sa.UniqueConstraint("term", name=op.f("uq_glossary_terms_term")),
    )
    op.create_table(
        "glossary_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=255), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["term_id"],
            ["glossary_terms.id"],
            name=op.f("fk_glossary_aliases_term_id_glossary_terms"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary_aliases")),
        sa.UniqueConstraint("alias", name=op.f("uq_glossary_aliases_alias")),
    )
    op.create_index(op.f("ix_glossary_aliases_term_id"), "glossary_aliases", ["term_id"])


def downgrade() -> None:
    op.drop_table("glossary_aliases")
    op.drop_table("glossary_terms")
