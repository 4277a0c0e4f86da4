"""Time-coded notes and bookmarks on recordings.

Revision ID: 0009_notes
Revises: 0008_session_ccid
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_notes"
down_revision = "0008_session_ccid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recording_notes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("position_ms", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("visibility", sa.String(16), nullable=False),
        sa.Column("category", sa.String(64), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("updated_ms", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("kind IN ('note', 'bookmark')", name="ck_recording_notes_kind"),
        sa.CheckConstraint("visibility IN ('private', 'team')", name="ck_recording_notes_visibility"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["recordings.session_id"],
            name="fk_recording_notes_session_id_recordings",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_recording_notes"),
    )
    op.create_index("ix_recording_notes_session", "recording_notes", ["session_id", "position_ms"])


def downgrade() -> None:
    op.drop_index("ix_recording_notes_session", table_name="recording_notes")
    op.drop_table("recording_notes")
